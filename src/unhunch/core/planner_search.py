"""The search: a greedy build that keeps every hard rule, then local improvement of J.

Per direction (upright → lying, or lying → upright):
1. favourites first (forced while they fit);
2. warm-up and cool-down items up to the block counts;
3. one main item for each painful region not yet covered, most painful region first;
4. more main items while one raises J and fits;
5. dose steps (±1) while one raises J and fits the budget;
6. swaps of one item for another of the same block (or dropping a main item) while J rises.
Each step only accepts states that keep total ≤ budget and the one-way position order.
"""

from __future__ import annotations

from collections.abc import Iterable

from unhunch.core.models import BlockName
from unhunch.core.planner_pool import Pool
from unhunch.core.planner_score import Pick, Picks, monotone, total_seconds
from unhunch.core.planner_state import State

MAX_SWAP_PASSES = 3
EPS = 1e-9


def fits(pool: Pool, picks: Picks, direction: int) -> bool:
    return total_seconds(pool, picks) <= pool.budget and monotone(pool, picks, direction)


def required_regions(pool: Pool) -> list[str]:
    """Painful regions some allowed main exercise can work, most painful first."""
    coverable = {r for c in pool.candidates if "main" in c.blocks for r, _ in c.credit}
    return [r for r, _ in pool.weights if r in coverable]


def _trial_add(state: State, cand: int, block: BlockName) -> tuple[float, Pick] | None:
    """The value with cand added at the person's own dose, or the nearest gentler that fits."""
    dose = state.best_dose(cand, block)
    if dose is None:
        return None
    pick = Pick(cand, block, dose)
    state.add(pick)
    value = state.value()
    state.remove(pick)
    return value, pick


def _options(state: State, block: BlockName) -> list[tuple[int, BlockName]]:
    return [
        (i, block)
        for i, c in enumerate(state.pool.candidates)
        if i not in state.picks and block in c.blocks
    ]


def _add_best(state: State, options: Iterable[tuple[int, BlockName]], must_improve: bool) -> bool:
    base = state.value()
    best: tuple[float, Pick] | None = None
    for cand, block in options:
        found = _trial_add(state, cand, block)
        if found is None or (must_improve and found[0] <= base + EPS):
            continue
        if best is None or found[0] > best[0] + EPS:
            best = found
    if best is None:
        return False
    state.add(best[1])
    return True


def _tune_doses(state: State) -> None:
    value = state.value()
    while True:
        best: tuple[float, Pick, Pick] | None = None
        for p in list(state.picks.values()):
            size = len(state.pool.candidates[p.cand].doses)
            for step in (1, -1):
                dose = p.dose + step
                if not 0 <= dose < size:
                    continue
                new = Pick(p.cand, p.block, dose)
                state.remove(p)
                state.add(new)
                if state.fits():
                    v = state.value()
                    if v > value + EPS and (best is None or v > best[0]):
                        best = (v, p, new)
                state.remove(new)
                state.add(p)
        if best is None:
            return
        value, old, new = best
        state.remove(old)
        state.add(new)


def _keeps(state: State, required: set[str]) -> bool:
    return all(state.covered[r] > 0 for r in required)


def _swap_once(state: State, required: set[str], forced: set[int]) -> bool:
    """First improving swap or drop; True when one was made."""
    value = state.value()
    for p in list(state.picks.values()):
        if p.cand in forced:
            continue
        state.remove(p)
        if p.block == "main" and _keeps(state, required) and state.value() > value + EPS:
            return True
        for cand, block in _options(state, p.block):
            if cand == p.cand:
                continue
            found = _trial_add(state, cand, block)
            if found is None or found[0] <= value + EPS:
                continue
            state.add(found[1])
            if _keeps(state, required):
                return True
            state.remove(found[1])
        state.add(p)
    return False


def search(pool: Pool, direction: int) -> Picks:
    state = State(pool, direction)
    for cand in pool.forced:
        c = pool.candidates[cand]
        block: BlockName = "main" if "main" in c.blocks else c.blocks[0]
        found = _trial_add(state, cand, block)
        if found is not None:
            state.add(found[1])
    for block, count in (("warm_up", pool.n_warm), ("cool_down", pool.n_cool)):
        while sum(1 for p in state.picks.values() if p.block == block) < count:
            if not _add_best(state, _options(state, block), must_improve=False):
                break
    required = required_regions(pool)
    for region in required:
        if state.covered[region] > 0:
            continue
        options = [
            (i, b)
            for i, b in _options(state, "main")
            if any(r == region for r, _ in pool.candidates[i].credit)
        ]
        _add_best(state, options, must_improve=False)
    while _add_best(state, _options(state, "main"), must_improve=True):
        pass
    _tune_doses(state)
    kept = {r for r in required if state.covered[r] > 0}
    forced = set(pool.forced)
    for _ in range(MAX_SWAP_PASSES):
        if not _swap_once(state, kept, forced):
            break
        _tune_doses(state)
    return state.copy_picks()
