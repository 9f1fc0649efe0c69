"""Local improvement of a filled routine: moves tried while J rises.

Swap an item for another of the same block, drop a main item, move an item between blocks
(stand-in items can serve in more than one). Every move keeps the painful regions covered, the
warm-up and cool-down filled (a move never empties a block) and the hard rules.
"""

from __future__ import annotations

from unhunch.core.planner_build import EPS, options_for, trial_add
from unhunch.core.planner_fill import restore, tune_doses
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
    blocks = [p.block for p in picks]
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
            # A block of several items may give one up to the main block (it stays filled).
            if blocks.count(p.block) > 1 and state.value() > value + EPS:
                return True
            found = None
            for cand, block in options_for(state, p.block):
                trial = trial_add(state, cand, block)
                if trial is not None and (found is None or trial[0] > found[0]):
                    found = trial
            if found is not None and found[0] > value + EPS:
                state.add(found[1])
                return True
        # ... or take the place of a main item.
        if blocks.count(p.block) > 1 and _drop_main(state, required, p.cand, value):
            return True
        state.remove(moved)
        state.add(p)
    return False


def _drop_main(state: State, required: set[str], keep: int, value: float) -> bool:
    """Drop the first main item (not `keep`, not a favourite) whose going lifts J above
    `value` and keeps the rules; True when one was dropped."""
    for q in list(state.picks.values()):
        if q.block != "main" or q.cand == keep or q.cand in state.pool.forced:
            continue
        state.remove(q)
        if state.fits() and _keeps(state, required) and state.value() > value + EPS:
            return True
        state.add(q)
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
            if state.total() <= pool.budget and _keeps(state, required):
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
    """First improving swap or drop (of a main item, or of a warm-up or cool-down item its
    block can spare); True when one was made."""
    value = state.value()
    picks = list(state.picks.values())
    blocks = [p.block for p in picks]
    for p in picks:
        if p.cand in forced:
            continue
        state.remove(p)
        if (
            (p.block == "main" or blocks.count(p.block) > 1)
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
