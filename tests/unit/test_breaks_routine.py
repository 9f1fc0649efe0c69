"""What a break holds: a 1-3 minute routine from the person's profile, varied through the day,
at the desk or standing, keeping every condition rule; settings text parsed with named errors."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from unhunch.content import load_library
from unhunch.core.breaks import BreakSettings
from unhunch.core.breaks_routine import day_routines, setting_for
from unhunch.core.breaks_settings import apply_changes, parse_days, parse_quiet
from unhunch.core.conditions import is_allowed
from unhunch.core.errors import InputError
from unhunch.core.models import Profile
from unhunch.core.vocab import SETTING_POSITIONS

LIBRARY = load_library()
DAY = dt.date(2026, 3, 2)


def test_mixed_breaks_start_standing_and_alternate_with_the_desk() -> None:
    assert [setting_for("mixed", i) for i in range(4)] == ["standing", "desk"] * 2
    assert setting_for("desk", 0) == "desk"


@pytest.mark.parametrize("minutes", [1, 2, 3])
def test_each_break_fits_its_minutes_and_the_desk(minutes: int) -> None:
    profile = Profile(pain={"neck": 4, "lower_back": 3}, minutes=10, setting="floor")
    for index, routine in enumerate(day_routines(profile, LIBRARY, None, DAY, 8, minutes, "mixed")):
        assert routine.items and routine.total_seconds <= minutes * 60
        allowed = SETTING_POSITIONS[setting_for("mixed", index)]
        assert all(LIBRARY.exercises[i.exercise].position in allowed for i in routine.items)


def test_consecutive_breaks_differ_and_the_same_day_repeats_exactly() -> None:
    profile = Profile(pain={"upper_back": 5})
    day = day_routines(profile, LIBRARY, None, DAY, 8, 2, "desk")
    names = [tuple(i.exercise for i in r.items) for r in day]
    assert all(set(a) != set(b) for a, b in itertools.pairwise(names))
    assert day == day_routines(profile, LIBRARY, None, DAY, 8, 2, "desk")


@pytest.mark.parametrize("condition", ["osteoporosis", "pregnancy", "vertigo", "spinal_stenosis"])
def test_break_routines_keep_the_condition_rules(condition: str) -> None:
    profile = Profile.model_validate(
        {"pain": {"neck": 3, "lower_back": 5}, "conditions": [condition]}
    )
    for routine in day_routines(profile, LIBRARY, None, DAY, 9, 3, "mixed"):
        for item in routine.items:
            assert is_allowed(LIBRARY.exercises[item.exercise], profile.conditions), item.exercise


def test_excluded_exercises_never_come_back_in_a_break() -> None:
    first = day_routines(Profile(pain={"neck": 4}), LIBRARY, None, DAY, 1, 2, "desk")[0]
    banned = [i.exercise for i in first.items]
    profile = Profile(pain={"neck": 4}, excluded=banned)
    for routine in day_routines(profile, LIBRARY, None, DAY, 6, 2, "desk"):
        assert not {i.exercise for i in routine.items} & set(banned)


def test_days_and_quiet_periods_read_from_text() -> None:
    assert parse_days("mon-fri") == ("mon", "tue", "wed", "thu", "fri")
    assert parse_days("fri-mon") == ("mon", "fri", "sat", "sun")
    assert parse_days("sat, mon") == ("mon", "sat")
    assert [p.text() for p in parse_quiet("12:30-13:30, 16:00-16:15")] == [
        "12:30-13:30",
        "16:00-16:15",
    ]
    assert parse_quiet("none") == ()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"interval": 300}, "--interval"),
        ({"snooze": 0}, "--snooze"),
        ({"max_snoozes": 11}, "--max-snoozes"),
        ({"start": "25:00"}, "--start"),
        ({"quiet": "12:30-12:30"}, "--quiet"),
        ({"interval": 200, "start": "09:00", "end": "11:00"}, "--interval"),
        ({"snoze": 5}, "setting"),
    ],
)
def test_bad_settings_name_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        apply_changes(BreakSettings(), changes)
    assert caught.value.field == field
