"""The first routine of a search: the hard-rule steps, before anything is optimised.

In order (planner_search.search runs them): favourites first (forced while they fit); one main
item for each painful region not yet covered, most painful region first; warm-up and cool-down
items up to the block counts. Also the small helpers every later step uses to try a candidate:
which exercises may join a block, and the value of a routine with one of them added.
"""

from __future__ import annotations

from collections.abc import Iterable

from unhunch.core.models import BlockName
from unhunch.core.planner_pool import Pool
from unhunch.core.planner_score import Pick, Picks, total_seconds
from unhunch.core.planner_state import State

# Up to this budget (seconds) a search is cheap and its first choices weigh most: the planner
# also tries the warm-up and cool-down first, and the search tries compound block moves.
SHORT_BUDGET = 600
EPS = 1e-9


def fits(pool: Pool, picks: Picks, direction: int) -> bool:
    return total_seconds(pool, picks, direction) <= pool.budget


def required_regions(pool: Pool) -> list[str]:
    """Painful regions some allowed main exercise can work, most painful first."""
    coverable = {r for c in pool.candidates if "main" in c.blocks for r, _ in c.credit}
    return [r for r, _ in pool.weights if r in coverable]


def trial_add(state: State, cand: int, block: BlockName) -> tuple[float, Pick] | None:
    """The value with cand added at the person's own dose, or the nearest gentler that fits."""
    dose = state.best_dose(cand, block)
    if dose is None:
        return None
    pick = Pick(cand, block, dose)
    state.add(pick)
    value = state.value()
    state.remove(pick)
    return value, pick


def options_for(state: State, block: BlockName) -> list[tuple[int, BlockName]]:
    """Candidates that may join the block; main items must work a painful region unless the
    search has found that nothing else can fill the time."""
    off = state.allow_off_target or block != "main"
    return [
        (i, block)
        for i, c in enumerate(state.pool.candidates)
        if i not in state.picks
        and i not in state.skip
        and block in c.blocks
        and (off or c.relevant)
    ]


def _add_best(state: State, options: Iterable[tuple[int, BlockName]], must_improve: bool) -> bool:
    base = state.value()
    best: tuple[float, Pick] | None = None
    for cand, block in options:
        found = trial_add(state, cand, block)
        if found is None or (must_improve and found[0] <= base + EPS):
            continue
        if best is None or found[0] > best[0] + EPS:
            best = found
    if best is None:
        return False
    state.add(best[1])
    return True


def place_favourites(state: State) -> None:
    """Favourites go in at their gentlest dose first, so every one that fits gets a place, then
    each rises towards the person's own dose while the time allows."""
    pool = state.pool
    for cand in pool.forced:
        if cand in state.picks:
            continue  # already placed, as a warm-up or cool-down
        c = pool.candidates[cand]
        block: BlockName = "main" if "main" in c.blocks else c.blocks[0]
        if state.best_dose(cand, block) is not None:
            state.add(Pick(cand, block, 0))
    for cand in pool.forced:
        old = state.picks.get(cand)
        while old is not None and old.dose < pool.candidates[cand].personal:
            new = Pick(cand, old.block, old.dose + 1)
            state.remove(old)
            state.add(new)
            if not state.fits():
                state.remove(new)
                state.add(old)
                break
            old = new


def cover_regions(state: State, required: list[str], wide: bool) -> None:
    """One main item for each painful region not yet covered, most painful first."""
    pool = state.pool
    for region in required:
        if state.covered[region] > 0:
            continue
        options = [
            (i, b)
            for i, b in options_for(state, "main")
            if any(r == region for r, _ in pool.candidates[i].credit)
        ]
        _add_best(state, options, must_improve=False)


def add_edges(state: State, required: list[str], wide: bool, cheapest: bool = False) -> None:
    """Warm-up and cool-down items up to the block counts (see `search` for `wide`). With
    `cheapest`, the shortest gentlest dose first (the favourites' room was kept for those:
    planner_pool._edge_room); later swaps may still trade it for a better one that fits."""
    pool = state.pool
    direction = state.direction
    edges: tuple[tuple[BlockName, int], ...] = (
        ("warm_up", pool.n_warm),
        ("cool_down", pool.n_cool),
    )
    for block, count in edges:
        while sum(1 for p in state.picks.values() if p.block == block) < count:
            options = options_for(state, block)
            if wide and options:
                sign = direction if block == "warm_up" else -direction
                end = min(sign * pool.candidates[i].rank for i, _ in options)
                options = [o for o in options if sign * pool.candidates[o[0]].rank == end]
            if cheapest and options:
                least = min(pool.candidates[i].work[0] for i, _ in options)
                options = [o for o in options if pool.candidates[o[0]].work[0] == least]
            if not _add_best(state, options, must_improve=False):
                break
            if pool.budget <= SHORT_BUDGET or cheapest:
                # A short routine keeps its warm-up and cool-down brief at first; the dose
                # steps later raise them again if the time is better spent there.
                added = [p for p in state.picks.values() if p.block == block]
                for p in added:
                    if p.cand not in pool.forced:
                        state.set_dose(p, 0)
