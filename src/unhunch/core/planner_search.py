"""The search: a greedy build that keeps every hard rule, then local improvement of J.

Per direction (upright → lying, or lying → upright):
1. favourites first (forced while they fit);
2. one main item for each painful region not yet covered, most painful region first;
3. warm-up and cool-down items up to the block counts;
4. fill the time: add a main item or step a dose up, whichever gains more J per second;
5. dose steps (±1) while one raises J and fits the budget;
6. local moves while J rises: swap an item for another of the same block, drop a main item,
   or move an item between blocks (fallback items can serve in more than one).
Each step only accepts states that keep total ≤ budget and the one-way position order.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from unhunch.core.models import BlockName
from unhunch.core.planner_pool import Pool
from unhunch.core.planner_score import Pick, Picks, monotone, total_seconds
from unhunch.core.planner_state import State

MAX_SWAP_PASSES = 3
# Up to this budget (seconds) a search is cheap and its first choices weigh most: the planner
# also tries the warm-up and cool-down first, and the search tries compound block moves.
SHORT_BUDGET = 600
# A compound move whose J before the doses settle is this far below the current J is not
# worth settling (settling rarely wins back more).
SETTLE_MARGIN = 4.0
FILL_FLOOR = 0.85
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
        found = _trial_add(state, cand, block)
        if found is None or (must_improve and found[0] <= base + EPS):
            continue
        if best is None or found[0] > best[0] + EPS:
            best = found
    if best is None:
        return False
    state.add(best[1])
    return True


def _rate(state: State, kind: str, cand: int) -> tuple[float, Pick | None, Pick] | None:
    """Gain in J per added second of one move: add cand to main, or step its dose up."""
    value = state.value()
    total = state.total()
    if kind == "add":
        dose = state.best_dose(cand, "main")
        if dose is None:
            return None
        pick = Pick(cand, "main", dose)
        state.add(pick)
        gain, spent = state.value() - value, state.total() - total
        state.remove(pick)
        if gain <= EPS:
            return None
        return gain / max(1, spent), None, pick
    old = state.picks.get(cand)
    if old is None or old.dose + 1 >= len(state.pool.candidates[cand].doses):
        return None
    new = state.set_dose(old, old.dose + 1)
    ok = state.fits()
    gain, spent = state.value() - value, state.total() - total
    state.set_dose(new, old.dose)
    if not ok or gain <= EPS:
        return None
    return gain / max(1, spent), old, new


def _grow(state: State) -> None:
    """Fill the time in two phases. First add main items, best gain in J per second first, up
    to the shape term's target count (the items a physio would give); then add items or step
    doses up, whichever gains more J per second. (A gain-per-second greedy alone takes many
    small dose steps or many short items.)

    Lazy greedy: rates are kept in one heap and only the top one is re-scored before it is
    used; a move that no longer fits or gains is dropped (the total only grows here).
    """
    heap: list[tuple[float, int, str, int]] = []
    tick = 0

    def push(kind: str, cand: int) -> None:
        nonlocal tick
        found = _rate(state, kind, cand)
        if found is not None:
            tick += 1
            heapq.heappush(heap, (-found[0], tick, kind, cand))

    for cand, _ in _options(state, "main"):
        push("add", cand)
    for doses in (False, True):
        if doses:
            for cand in list(state.picks):
                push("up", cand)
        limit = 10**6 if doses else max(1, round(state.pool.n_main))
        while heap and state.n_main < limit:
            _, _, kind, cand = heapq.heappop(heap)
            if kind == "add" and cand in state.picks:
                continue
            found = _rate(state, kind, cand)
            if found is None:
                continue
            if heap and found[0] < -heap[0][0] - EPS:
                tick += 1
                heapq.heappush(heap, (-found[0], tick, kind, cand))
                continue
            if found[1] is not None:
                state.remove(found[1])
            state.add(found[2])
            if doses:
                push("up", cand)


def _reach_floor(state: State, floor: float) -> None:
    """Spec rule 2: reach 85 % of the budget when any move can, even at a cost in J."""
    while state.total() < floor:
        best: tuple[float, Pick | None, Pick] | None = None
        for cand, block in _options(state, "main"):
            found = _trial_add(state, cand, block)
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], None, found[1])
        for p in list(state.picks.values()):
            if p.dose + 1 >= len(state.pool.candidates[p.cand].doses):
                continue
            new = state.set_dose(p, p.dose + 1)
            if state.fits() and (best is None or state.value() > best[0]):
                best = (state.value(), p, new)
            state.set_dose(new, p.dose)
        if best is None:
            if _up_with_room(state, floor) or _widen(state):
                continue
            if state.allow_off_target:
                return
            state.allow_off_target = True
            continue
        if best[1] is not None:
            state.remove(best[1])
        state.add(best[2])


def _up_with_room(state: State, floor: float) -> bool:
    """One item a step up (a whole set may be a big step) while others step down until the
    routine fits; the best such change that lands between the floor and the budget, or
    False when none does."""
    cands = state.pool.candidates
    start = state.copy_picks()
    best: tuple[float, Picks] | None = None
    for p in start:
        if p.dose + 1 >= len(cands[p.cand].doses):
            continue
        state.set_dose(p, p.dose + 1)
        while state.total() > state.pool.budget:
            others = [q for q in state.picks.values() if q.cand != p.cand and q.dose > 0]
            if not others:
                break
            q = max(
                others, key=lambda q: cands[q.cand].work[q.dose] - cands[q.cand].work[q.dose - 1]
            )
            state.set_dose(q, q.dose - 1)
        fine = floor <= state.total() <= state.pool.budget and state.monotone()
        if fine and (best is None or state.value() > best[0]):
            best = (state.value(), state.copy_picks())
        _restore(state, start)
    if best is None:
        return False
    _restore(state, best[1])
    return True


def _widen(state: State) -> bool:
    """Swap a warm-up or cool-down item for one at the far end of the position order (warm-up
    most upright, cool-down most lying, in the routine's direction), so the main block has
    more positions open; True when a swap was made."""
    d = state.direction
    cands = state.pool.candidates
    for p in list(state.picks.values()):
        if p.block == "main" or p.cand in state.pool.forced:
            continue
        sign = -1 if p.block == "warm_up" else 1
        options = sorted(
            (
                c
                for c in _options(state, p.block)
                if sign * d * cands[c[0]].rank > sign * d * cands[p.cand].rank
            ),
            key=lambda c: -sign * d * cands[c[0]].rank,
        )
        for cand, block in options:
            state.remove(p)
            dose = state.best_dose(cand, block)
            if dose is not None:
                state.add(Pick(cand, block, dose))
                if state.fits():
                    return True
                state.remove(Pick(cand, block, dose))
            state.add(p)
    return False


def _move_block(state: State, required: set[str]) -> bool:
    """Move a warm-up or cool-down item into the main block and refill its block, or swap the
    blocks of two items, when J rises (fallback items can serve in more than one block)."""
    value = state.value()
    picks = list(state.picks.values())
    forced = set(state.pool.forced)
    for p in picks:
        this = state.pool.candidates[p.cand]
        if p.block == "main" or "main" not in this.blocks:
            continue
        if not (this.relevant or state.allow_off_target):
            continue
        for q in picks:
            if q.block != "main" or p.block not in state.pool.candidates[q.cand].blocks:
                continue
            a, b = Pick(p.cand, "main", p.dose), Pick(q.cand, p.block, q.dose)
            state.remove(p)
            state.remove(q)
            state.add(a)
            state.add(b)
            if state.fits() and _keeps(state, required) and state.value() > value + EPS:
                return True
            state.remove(a)
            state.remove(b)
            state.add(p)
            state.add(q)
        if p.cand in forced:
            continue
        state.remove(p)
        moved = Pick(p.cand, "main", p.dose)
        state.add(moved)
        if state.fits() and _keeps(state, required):
            found = None
            for cand, block in _options(state, p.block):
                trial = _trial_add(state, cand, block)
                if trial is not None and (found is None or trial[0] > found[0]):
                    found = trial
            if found is not None and found[0] > value + EPS:
                state.add(found[1])
                return True
        state.remove(moved)
        state.add(p)
    return False


def _edge_takes_place(state: State, required: set[str]) -> bool:
    """A warm-up or cool-down item moves into the main block in place of a main item, and its
    block takes another exercise, when J rises. Costs edges × main × options trials, so the
    search uses it on short routines, where the first choices fill most of the time."""
    pool = state.pool
    value = state.value()
    picks = list(state.picks.values())
    for p in picks:
        this = pool.candidates[p.cand]
        if p.block == "main" or "main" not in this.blocks or p.cand in pool.forced:
            continue
        if not (this.relevant or state.allow_off_target):
            continue
        moved = Pick(p.cand, "main", p.dose)
        for q in picks:
            if q.block != "main" or q.cand in pool.forced:
                continue
            state.remove(p)
            state.remove(q)
            state.add(moved)
            # The refill comes next, so the 85 % floor is checked after it, not here.
            if state.total() <= pool.budget and state.monotone() and _keeps(state, required):
                found = None
                for cand, block in _options(state, p.block):
                    if cand == q.cand:
                        continue
                    trial = _trial_add(state, cand, block)
                    if trial is not None and (found is None or trial[0] > found[0]):
                        found = trial
                if found is not None and found[0] > value - SETTLE_MARGIN:
                    # Judge the move after the doses settle: the freed time goes to them.
                    before = state.copy_picks()
                    state.add(found[1])
                    _tune_doses(state)
                    if state.fits() and state.value() > value + EPS:
                        return True
                    _restore(state, before)
            state.remove(moved)
            state.add(p)
            state.add(q)
    return False


def _restore(state: State, picks: Picks) -> None:
    for p in list(state.picks.values()):
        state.remove(p)
    for p in picks:
        state.add(p)


def _tune_doses(state: State, trades: bool = False) -> None:
    """Single dose steps (±1) while J rises; with `trades`, then also one item down and
    another up (done once, at the end: it costs n² trials)."""
    value = state.value()
    while True:
        best: tuple[float, Pick, Pick] | None = None
        for p in list(state.picks.values()):
            size = len(state.pool.candidates[p.cand].doses)
            for step in (1, -1):
                dose = p.dose + step
                if not 0 <= dose < size:
                    continue
                new = state.set_dose(p, dose)
                if state.fits():
                    v = state.value()
                    if v > value + EPS and (best is None or v > best[0]):
                        best = (v, p, new)
                state.set_dose(new, p.dose)
        if best is None:
            if not (trades and _trade_doses(state, value)):
                return
            value = state.value()
            continue
        value, old, new = best
        state.set_dose(old, new.dose)


def _trade_doses(state: State, value: float) -> bool:
    """One item a step down and another a step up, when J rises (time moves between items
    when the budget is full); True when a trade was made."""
    picks = list(state.picks.values())
    cands = state.pool.candidates
    best: tuple[float, Pick, Pick, Pick, Pick] | None = None
    for p in picks:
        if p.dose == 0:
            continue
        down = state.set_dose(p, p.dose - 1)
        for q in picks:
            if q.cand == p.cand or q.dose + 1 >= len(cands[q.cand].doses):
                continue
            up = state.set_dose(q, q.dose + 1)
            if state.fits():
                v = state.value()
                if v > value + EPS and (best is None or v > best[0]):
                    best = (v, p, down, q, up)
            state.set_dose(up, q.dose)
        state.set_dose(down, p.dose)
    if best is None:
        return False
    _, p, down, q, up = best
    state.set_dose(p, down.dose)
    state.set_dose(q, up.dose)
    return True


def _keeps(state: State, required: set[str]) -> bool:
    """The painful regions stay covered, and no more main items work off them than the time
    needed."""
    if not all(state.covered[r] > 0 for r in required):
        return False
    return state.off_limit is None or _off_target(state) <= state.off_limit


def _off_target(state: State) -> int:
    cands = state.pool.candidates
    return sum(
        1
        for p in state.picks.values()
        if p.block == "main" and not cands[p.cand].relevant and p.cand not in state.pool.forced
    )


def _swap_once(state: State, required: set[str], forced: set[int]) -> bool:
    """First improving swap or drop; True when one was made."""
    value = state.value()
    for p in list(state.picks.values()):
        if p.cand in forced:
            continue
        state.remove(p)
        if (
            p.block == "main"
            and _keeps(state, required)
            and state.fits()
            and state.value() > value + EPS
        ):
            return True
        for cand, block in _options(state, p.block):
            if cand == p.cand:
                continue
            dose = state.best_dose(cand, block)
            if dose is None:
                continue
            pick = Pick(cand, block, dose)
            state.add(pick)
            # Below the 85 % floor, a bigger dose of the newcomer may still fit.
            top = len(state.pool.candidates[cand].doses) - 1
            while state.total() < state.min_total and pick.dose < top:
                pick = state.set_dose(pick, pick.dose + 1)
            if state.value() > value + EPS and _keeps(state, required) and state.fits():
                return True
            state.remove(pick)
        state.add(p)
    return False


def _cover_regions(state: State, required: list[str], wide: bool) -> None:
    """One main item for each painful region not yet covered, most painful first."""
    pool = state.pool
    for region in required:
        if state.covered[region] > 0:
            continue
        options = [
            (i, b)
            for i, b in _options(state, "main")
            if any(r == region for r, _ in pool.candidates[i].credit)
        ]
        _add_best(state, options, must_improve=False)


def _add_edges(state: State, required: list[str], wide: bool) -> None:
    """Warm-up and cool-down items up to the block counts (see `search` for `wide`)."""
    pool = state.pool
    direction = state.direction
    edges: tuple[tuple[BlockName, int], ...] = (
        ("warm_up", pool.n_warm),
        ("cool_down", pool.n_cool),
    )
    for block, count in edges:
        while sum(1 for p in state.picks.values() if p.block == block) < count:
            options = _options(state, block)
            if wide and options:
                sign = direction if block == "warm_up" else -direction
                end = min(sign * pool.candidates[i].rank for i, _ in options)
                options = [o for o in options if sign * pool.candidates[o[0]].rank == end]
            if not _add_best(state, options, must_improve=False):
                break
            if pool.budget <= SHORT_BUDGET:
                # A short routine keeps its warm-up and cool-down brief at first; the dose
                # steps later raise them again if the time is better spent there.
                added = [p for p in state.picks.values() if p.block == block]
                for p in added:
                    if p.cand not in pool.forced:
                        state.set_dose(p, 0)


def search(
    pool: Pool,
    direction: int,
    skip: frozenset[int] = frozenset(),
    wide: bool = False,
    edges_first: bool = False,
) -> Picks:
    """One routine for the direction. `wide` picks the warm-up at the start of the position
    order and the cool-down at its end, so the main block may use every position between
    (standing warm-up, floor work, lying cool-down); otherwise they are chosen for J alone."""
    state = State(pool, direction)
    state.skip = skip
    # Favourites go in at their gentlest dose first, so every one that fits gets a place, then
    # each rises towards the person's own dose while the time allows.
    for cand in pool.forced:
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
    required = required_regions(pool)
    steps = [_cover_regions, _add_edges] if not edges_first else [_add_edges, _cover_regions]
    for step in steps:
        step(state, required, wide)
    _grow(state)
    _tune_doses(state)
    _reach_floor(state, FILL_FLOOR * pool.budget)
    # Exercises off the painful regions were only for reaching the floor: later moves may
    # trade one for another but never add more.
    if pool.weights:
        state.off_limit = _off_target(state)
        state.allow_off_target = state.off_limit > 0
    if state.total() >= FILL_FLOOR * pool.budget:
        state.min_total = int(-(-FILL_FLOOR * pool.budget // 1))
    kept = {r for r in required if state.covered[r] > 0}
    forced = set(pool.forced)
    short = pool.budget <= SHORT_BUDGET
    for _ in range(MAX_SWAP_PASSES):
        moved = _move_block(state, kept) or (short and _edge_takes_place(state, kept))
        if not (_swap_once(state, kept, forced) or moved):
            break
        _tune_doses(state)
    _fill_edges(state, kept)
    return state.copy_picks()


def polish(pool: Pool, picks: Picks, direction: int) -> Picks:
    """The chosen routine's doses tuned once more, trading a step between two items too (run
    on the winner only: it costs n² trials)."""
    state = State(pool, direction)
    for p in picks:
        state.add(p)
    if state.total() >= FILL_FLOOR * pool.budget:
        state.min_total = int(-(-FILL_FLOOR * pool.budget // 1))
    if pool.weights:
        state.off_limit = _off_target(state)
    _tune_doses(state, trades=True)
    return state.copy_picks()


def _fill_edges(state: State, required: set[str]) -> None:
    """A warm-up or cool-down left empty (every exercise that can serve there is in the main
    block) takes the main item that can serve there best (spec rule 5)."""
    pool = state.pool
    for block, count in (("warm_up", pool.n_warm), ("cool_down", pool.n_cool)):
        if count == 0 or any(p.block == block for p in state.picks.values()):
            continue
        best: tuple[float, Pick, Pick] | None = None
        for p in list(state.picks.values()):
            if p.block != "main" or p.cand in pool.forced:
                continue
            if block not in pool.candidates[p.cand].blocks:
                continue
            moved = Pick(p.cand, block, p.dose)
            state.remove(p)
            state.add(moved)
            if state.fits() and _keeps(state, required):
                v = state.value()
                if best is None or v > best[0]:
                    best = (v, p, moved)
            state.remove(moved)
            state.add(p)
        if best is not None:
            state.remove(best[1])
            state.add(best[2])


def is_wide(pool: Pool, picks: Picks, direction: int) -> bool:
    """True when a `wide` search could not choose other warm-up or cool-down positions than
    `picks` began with: every exercise that can serve in each of those blocks stands in one
    position, or the chosen ones already sit at the far end (`picks` may have moved items
    between blocks since, so only a single-position block is certain)."""
    cands = pool.candidates
    for block in ("warm_up", "cool_down"):
        count = pool.n_warm if block == "warm_up" else pool.n_cool
        ranks = {c.rank for c in cands if block in c.blocks}
        if count and len(ranks) > 1:
            return False
    return True
