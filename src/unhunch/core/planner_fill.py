"""Filling the time and tuning the doses of a routine under construction.

After the first routine (planner_build): fill the time with a main item or a dose step up,
whichever gains more J per second; reach 85 % of the budget when any move can (spec rule 2);
then single dose steps (±1) while J rises, and on the chosen routine also trades of a step
between two items. Each step only accepts states that keep total ≤ budget and the one-way
position order.
"""

from __future__ import annotations

import heapq

from unhunch.core.planner_build import EPS, options_for, trial_add
from unhunch.core.planner_score import Pick, Picks
from unhunch.core.planner_state import State


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


def grow(state: State) -> None:
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

    for cand, _ in options_for(state, "main"):
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


def reach_floor(state: State, floor: float) -> None:
    """Spec rule 2: reach 85 % of the budget when any move can, even at a cost in J.
    Exercises off the painful regions come in only for that: when even they cannot reach
    it, the routine goes back to the one without them if that scores at least as well."""
    before: tuple[float, Picks] | None = None
    while state.total() < floor:
        best: tuple[float, Pick | None, Pick] | None = None
        for cand, block in options_for(state, "main"):
            found = trial_add(state, cand, block)
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
                if before is not None and before[0] >= state.value():
                    restore(state, before[1])
                    state.allow_off_target = False
                return
            before = (state.value(), state.copy_picks())
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
        fine = floor <= state.total() <= state.pool.budget
        if fine and (best is None or state.value() > best[0]):
            best = (state.value(), state.copy_picks())
        restore(state, start)
    if best is None:
        return False
    restore(state, best[1])
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
                for c in options_for(state, p.block)
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


def restore(state: State, picks: Picks) -> None:
    for p in list(state.picks.values()):
        state.remove(p)
    for p in picks:
        state.add(p)


def tune_doses(state: State, trades: bool = False) -> None:
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
