"""Local improvement of a filled routine: moves tried while J rises.

Swap an item for another of the same block, drop a main item, move an item between blocks
(fallback items can serve in more than one), and give an empty warm-up or cool-down a main
item that can serve there. Every move keeps the painful regions covered and the hard rules.
"""

from __future__ import annotations

from unhunch.core.planner_build import EPS, options_for, trial_add
from unhunch.core.planner_fill import grow, restore, tune_doses
from unhunch.core.planner_score import Pick
from unhunch.core.planner_state import State

# A compound move whose J before the doses settle is this far below the current J is not
# worth settling (settling rarely wins back more).
SETTLE_MARGIN = 4.0


def move_block(state: State, required: set[str]) -> bool:
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
            for cand, block in options_for(state, p.block):
                trial = trial_add(state, cand, block)
                if trial is not None and (found is None or trial[0] > found[0]):
                    found = trial
            if found is not None and found[0] > value + EPS:
                state.add(found[1])
                return True
        state.remove(moved)
        state.add(p)
    return False


def edge_takes_place(state: State, required: set[str]) -> bool:
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
                for cand, block in options_for(state, p.block):
                    if cand == q.cand:
                        continue
                    trial = trial_add(state, cand, block)
                    if trial is not None and (found is None or trial[0] > found[0]):
                        found = trial
                if found is not None and found[0] > value - SETTLE_MARGIN:
                    # Judge the move after the doses settle: the freed time goes to them.
                    before = state.copy_picks()
                    state.add(found[1])
                    tune_doses(state)
                    if state.fits() and state.value() > value + EPS:
                        return True
                    restore(state, before)
            state.remove(moved)
            state.add(p)
            state.add(q)
    return False


def _keeps(state: State, required: set[str]) -> bool:
    """The painful regions stay covered, and no more main items work off them than the time
    needed."""
    if not all(state.covered[r] > 0 for r in required):
        return False
    return state.off_limit is None or off_target_items(state) <= state.off_limit


def off_target_items(state: State) -> int:
    cands = state.pool.candidates
    return sum(
        1
        for p in state.picks.values()
        if p.block == "main" and not cands[p.cand].relevant and p.cand not in state.pool.forced
    )


def swap_once(state: State, required: set[str], forced: set[int]) -> bool:
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
        for cand, block in options_for(state, p.block):
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


def fill_edges(state: State, required: set[str]) -> None:
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


def force_edges(state: State, required: set[str]) -> bool:
    """Spec rule 5, made certain: a warm-up or cool-down still empty when an exercise could
    serve there gets one, at its gentlest dose, with main doses stepped down (largest first)
    to make room; the time is filled again afterwards. When the order of positions leaves no
    room, the planner also searches with the edges chosen first (planner.best_plan), and only
    when nothing fits does a block stay empty, with a note saying so. True when an edge was
    added."""
    pool = state.pool
    floor = state.min_total
    state.min_total = 0
    changed = False
    for block, count in (("warm_up", pool.n_warm), ("cool_down", pool.n_cool)):
        if count == 0 or any(p.block == block for p in state.picks.values()):
            continue
        best: tuple[float, dict[int, Pick]] | None = None
        for i, cand in enumerate(pool.candidates):
            if block not in cand.blocks or i in state.picks:
                continue
            before = dict(state.picks)
            state.add(Pick(i, block, 0))
            while not state.fits() and _step_down_largest(state, i):
                pass
            if state.fits() and _keeps(state, required):
                value = state.value()
                if best is None or value > best[0]:
                    best = (value, dict(state.picks))
            _reset(state, before)
        if best is not None:
            _reset(state, best[1])
            changed = True
    if changed:
        grow(state)
        tune_doses(state)
    state.min_total = floor if state.total() >= floor else 0
    return changed


def _step_down_largest(state: State, keep: int) -> bool:
    """One dose step down on the main item with the most time; False when none can go down."""
    cands = state.pool.candidates
    movable = [p for p in state.picks.values() if p.cand != keep and p.dose > 0]
    if not movable:
        return False
    biggest = max(movable, key=lambda p: cands[p.cand].work[p.dose])
    state.set_dose(biggest, biggest.dose - 1)
    return True


def _reset(state: State, picks: dict[int, Pick]) -> None:
    for p in list(state.picks.values()):
        state.remove(p)
    for p in picks.values():
        state.add(p)
