"""Dose ladders and timing."""

from __future__ import annotations

from tests.unit.planner_helpers import LIBRARY
from unhunch.core import dosing
from unhunch.core.models import Dose


def test_every_ladder_grows_in_work_and_stops_at_the_sourced_ceilings() -> None:
    for e in LIBRARY.all():
        sets_first = dosing.grows_by_sets(e)
        steps = dosing.ladder(e.dose, sets_first)
        works = [dosing.work_seconds(e, d, 6) for d in steps]
        assert works == sorted(works), e.id
        assert e.dose in steps
        top = steps[-1]
        assert top.sets == (max(4, e.dose.sets) if sets_first else e.dose.sets), e.id
        limit = {"reps": 15, "hold_seconds": 30, "hold_breaths": 10}[top.measure]
        assert top.amount <= max(limit, e.dose.amount)


def test_a_dose_grows_by_sets_first_then_by_the_hold_or_the_reps() -> None:
    holds = dosing.ladder(Dose(sets=1, hold_seconds=20))
    i = holds.index(Dose(sets=1, hold_seconds=20))
    assert holds[i + 1 : i + 6] == (
        Dose(sets=2, hold_seconds=20),
        Dose(sets=3, hold_seconds=20),
        Dose(sets=3, hold_seconds=25),
        Dose(sets=3, hold_seconds=30),
        Dose(sets=4, hold_seconds=30),
    )
    reps = dosing.ladder(Dose(sets=1, reps=8))
    j = reps.index(Dose(sets=1, reps=8))
    assert reps[j + 1 : j + 4] == (
        Dose(sets=2, reps=8),
        Dose(sets=3, reps=8),
        Dose(sets=3, reps=9),
    )


def test_below_the_own_dose_a_step_is_one_rep_one_breath_or_five_seconds_less() -> None:
    holds = dosing.ladder(Dose(sets=1, hold_seconds=20))
    assert holds[: holds.index(Dose(sets=1, hold_seconds=20))] == (
        Dose(sets=1, hold_seconds=10),
        Dose(sets=1, hold_seconds=15),
    )
    breaths = dosing.ladder(Dose(sets=1, hold_breaths=4))
    assert breaths[0] == Dose(sets=1, hold_breaths=2)
    assert breaths[1] == Dose(sets=1, hold_breaths=3)


def test_slow_breathing_grows_by_breaths_never_by_sets() -> None:
    breathing = LIBRARY.get("seated_slow_breathing")
    assert not dosing.grows_by_sets(breathing)
    assert {d.sets for d in dosing.ladder(breathing.dose, False)} == {1}
    assert dosing.ladder(breathing.dose, False)[-1].hold_breaths == 10


def test_one_sided_work_is_timed_for_both_sides_with_rest_between_sets() -> None:
    twist = LIBRARY.get("seated_spinal_twist")
    dose = Dose(sets=2, hold_breaths=3, per_side=True, rest_seconds=10)
    # 3 breaths of 5 s, both sides, 2 sets; a side switch in each set; one rest between sets.
    switches = dosing.SWITCH_SIDE_SECONDS * 2
    assert dosing.work_seconds(twist, dose, 5) == 3 * 5 * 2 * 2 + switches + 10


def test_position_change_costs_extra_seconds() -> None:
    assert dosing.item_seconds(30, True) - dosing.item_seconds(30, False) == (
        dosing.POSITION_CHANGE_SECONDS
    )
