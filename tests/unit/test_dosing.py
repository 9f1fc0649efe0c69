"""Dose ladders and timing."""

from __future__ import annotations

from tests.unit.planner_helpers import LIBRARY
from unhunch.core import dosing
from unhunch.core.models import Dose


def test_every_ladder_grows_in_work_and_stops_at_the_sourced_ceilings() -> None:
    for e in LIBRARY.all():
        steps = dosing.ladder(e.dose)
        works = [dosing.work_seconds(e, d, 6) for d in steps]
        assert works == sorted(works), e.id
        assert e.dose in steps
        top = steps[-1]
        assert top.sets == max(4, e.dose.sets)
        limit = {"reps": 15, "hold_seconds": 60, "hold_breaths": 10}[top.measure]
        assert top.amount <= max(limit, e.dose.amount)


def test_one_step_is_one_rep_one_breath_or_five_seconds() -> None:
    reps = dosing.ladder(Dose(sets=1, reps=8))
    i = reps.index(Dose(sets=1, reps=8))
    assert reps[i + 1] == Dose(sets=1, reps=9)
    holds = dosing.ladder(Dose(sets=1, hold_seconds=20))
    j = holds.index(Dose(sets=1, hold_seconds=20))
    assert holds[j + 1] == Dose(sets=1, hold_seconds=25)
    breaths = dosing.ladder(Dose(sets=1, hold_breaths=3))
    k = breaths.index(Dose(sets=1, hold_breaths=3))
    assert breaths[k + 1] == Dose(sets=1, hold_breaths=4)


def test_one_sided_work_is_timed_for_both_sides_with_rest_between_sets() -> None:
    twist = LIBRARY.get("seated_spinal_twist")
    dose = Dose(sets=2, hold_breaths=3, per_side=True, rest_seconds=10)
    assert dosing.work_seconds(twist, dose, 5) == 3 * 5 * 2 * 2 + 10


def test_position_change_costs_extra_seconds() -> None:
    assert dosing.item_seconds(30, True) - dosing.item_seconds(30, False) == (
        dosing.POSITION_CHANGE_SECONDS
    )
