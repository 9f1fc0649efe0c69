"""Over thousands of random people with 0-3 conditions (reported, or named by the screen), no
way an exercise reaches a person lets through one that a condition forbids: the planner's pool
and its routines, swap choices, favourites, breaks' routines, and a routine file's check.
The same over a real store, the web app and the CLI: test_conditions_properties.py
(integration), with fewer cases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.condition_helpers import Person, forbidden_ids, people
from tests.unit.planner_helpers import IDS, LIBRARY, dates
from tests.unit.session_helpers import item, routine
from unhunch.core.breaks_routine import day_routines
from unhunch.core.errors import ExerciseRefused
from unhunch.core.planner import plan
from unhunch.core.planner_pool import build_pool
from unhunch.core.progression import History
from unhunch.services.admit import check_routine
from unhunch.services.today import alternatives

MANY = settings(max_examples=1000, deadline=None, derandomize=True, database=None)
SOME = settings(max_examples=250, deadline=None, derandomize=True, database=None)


@MANY
@given(people(), dates)
def test_the_planners_pool_holds_no_forbidden_exercise(person: Person, on: dt.date) -> None:
    pool = build_pool(person.rules_profile, LIBRARY, History(), on)
    ids = {c.id for c in pool.candidates}
    assert forbidden_ids(ids, person.conditions) == []
    # Everything the table forbids is either said to be left out or unfit anyway.
    said = {e.exercise for e in pool.excluded}
    assert said <= set(forbidden_ids(set(IDS), person.conditions))


@MANY
@given(people(), st.sampled_from(IDS))
def test_swap_choices_hold_no_forbidden_exercise(person: Person, current: str) -> None:
    empty = routine(("main", [item(current, sets=1, reps=3)]))
    offered = [e.id for e in alternatives(LIBRARY.get(current), person.rules_profile, empty)]
    assert forbidden_ids(offered, person.conditions) == []


@MANY
@given(people(), st.lists(st.sampled_from(IDS), max_size=4))
def test_a_routine_file_is_refused_exactly_when_it_holds_a_forbidden_exercise(
    person: Person, chosen: list[str]
) -> None:
    made = routine(("main", [item(e, sets=1, reps=3) for e in chosen]))
    bad = forbidden_ids(chosen, person.conditions)
    if not chosen:
        with pytest.raises(Exception, match="at least one exercise"):
            check_routine(made, tuple(person.conditions), LIBRARY)
    elif bad:
        with pytest.raises(ExerciseRefused) as refused:
            check_routine(made, tuple(person.conditions), LIBRARY)
        assert set(refused.value.exercises) == set(bad)
    else:
        check_routine(made, tuple(person.conditions), LIBRARY)


@SOME
@given(people(max_minutes=20), dates)
def test_planned_routines_hold_no_forbidden_exercise_even_as_favourites(
    person: Person, on: dt.date
) -> None:
    planned = plan(person.rules_profile, LIBRARY, None, on)
    assert forbidden_ids([i.exercise for i in planned.items], person.conditions) == []


@SOME
@given(people(), st.integers(1, 3), st.sampled_from(["mixed", "desk", "standing"]), dates)
def test_breaks_routines_hold_no_forbidden_exercise(
    person: Person, minutes: int, place: str, on: dt.date
) -> None:
    found = day_routines(person.rules_profile, LIBRARY, None, on, 2, minutes, place)  # type: ignore[arg-type]
    for made in found:
        assert forbidden_ids([i.exercise for i in made.items], person.conditions) == []
