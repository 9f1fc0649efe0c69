"""The time a plan promises is the time the guided session takes (spec rule 2 holds in practice)."""

from __future__ import annotations

import datetime as dt

import pytest

from unhunch.content import load_library
from unhunch.core.models import Profile
from unhunch.core.planner import plan
from unhunch.core.timeline import build_timeline


@pytest.mark.parametrize(
    "profile",
    [
        Profile(pain={"neck": 4, "upper_back": 5}, minutes=5, setting="desk"),
        Profile(pain={"lower_back": 6}, minutes=12, setting="floor", level="intermediate"),
        Profile(pain={"neck": 2, "lower_back": 3}, minutes=20, setting="floor", breath_seconds=5),
        Profile(pain={"upper_back": 7}, minutes=3, setting="standing"),
    ],
)
def test_the_session_lasts_as_long_as_the_plan_says(profile: Profile) -> None:
    library = load_library()
    routine = plan(profile, library, None, dt.date(2026, 3, 2))
    timeline = build_timeline(routine, library, profile.breath_seconds)
    exercise_time = sum(step.seconds for step in timeline.steps if step.kind not in ("check_in",))
    assert exercise_time == pytest.approx(routine.total_seconds, abs=1)
