"""Progression: doses grow when pain settles by the next morning and step back when it does not."""

from __future__ import annotations

import datetime as dt

from tests.unit.planner_helpers import LIBRARY
from unhunch.core.models import Profile
from unhunch.core.planner import plan
from unhunch.core.progression import SessionOutcome, explain_rule, progress

DAY = dt.date(2026, 11, 20)
PROFILE = Profile(
    pain={"neck": 3}, minutes=5, setting="desk", level="intermediate", favourites=["chin_tucks"]
)


def session(before: int, after: int | None, day: dt.date = DAY, **kw: object) -> SessionOutcome:
    return SessionOutcome(
        day=day,
        done=("chin_tucks",),
        before={"neck": before},
        next_morning=None if after is None else {"neck": after},
        **kw,  # type: ignore[arg-type]
    )


def dose_of(history_sessions: list[SessionOutcome], exercise: str = "chin_tucks") -> int:
    routine = plan(PROFILE, LIBRARY, progress(history_sessions), DAY + dt.timedelta(days=5))
    item = next(i for i in routine.items if i.exercise == exercise)
    return item.dose.amount * item.dose.sets


def test_settled_next_morning_grows_one_step() -> None:
    assert progress([session(3, 3)]).adjustment("chin_tucks") == 1
    assert progress([session(4, 2)]).adjustment("chin_tucks") == 1


def test_worse_next_morning_steps_back() -> None:
    assert progress([session(3, 4)]).adjustment("chin_tucks") == -1


def test_above_five_eases_off_to_the_easier_variation() -> None:
    history = progress([SessionOutcome(DAY, ("cobra",), {"lower_back": 4}, {"lower_back": 7})])
    assert "cobra" in history.eased
    profile = Profile(
        pain={"lower_back": 4}, minutes=10, setting="floor", level="advanced", favourites=["cobra"]
    )
    routine = plan(profile, LIBRARY, history, DAY + dt.timedelta(days=1))
    ids = [i.exercise for i in routine.items]
    assert "cobra" not in ids
    assert any("easier" in n.lower() for n in routine.notes)


def test_no_next_morning_score_changes_nothing() -> None:
    assert progress([session(3, None)]).adjustments == {}


def test_a_stopped_exercise_steps_back() -> None:
    outcome = SessionOutcome(DAY, ("chin_tucks",), {"neck": 3}, None, stopped=("chin_tucks",))
    assert progress([outcome]).adjustment("chin_tucks") == -1


def test_grown_dose_is_larger_in_the_next_plan_and_the_rule_is_explained() -> None:
    plain = dose_of([])
    grown = dose_of([session(3, 3, DAY + dt.timedelta(days=i)) for i in range(3)])
    assert grown > plain
    routine = plan(PROFILE, LIBRARY, progress([session(3, 3)]), DAY + dt.timedelta(days=2))
    assert explain_rule() in routine.notes


def test_doses_never_grow_past_the_ceiling() -> None:
    many = [session(2, 2, DAY - dt.timedelta(days=i)) for i in range(60)]
    routine = plan(
        PROFILE.model_copy(update={"minutes": 20}),
        LIBRARY,
        progress(many),
        DAY + dt.timedelta(days=1),
    )
    for item in routine.items:
        assert item.dose.sets <= 4
        assert item.dose.reps is None or item.dose.reps <= 15
        assert item.dose.hold_seconds is None or item.dose.hold_seconds <= 60
        assert item.dose.hold_breaths is None or item.dose.hold_breaths <= 10
