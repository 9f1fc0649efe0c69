"""The faces themselves, over a real store, for random people with 0-3 conditions (reported in
the profile, or named by the screen): the planning service, swap choices, favourites, the next
break, a routine brought in; the web app's Today, /api/routine and /api/timeline; the CLI's
`start --routine`. None gives an exercise a condition forbids. Fewer cases than the core's
(tests/unit/test_no_forbidden_exercise_properties.py): each case here runs the real thing."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.integration.test_web_screen import full_answers
from tests.integration.web_helpers import client
from tests.unit.condition_helpers import Person, forbidden_ids, people
from tests.unit.planner_helpers import IDS
from tests.unit.screen_helpers import answers
from tests.unit.session_helpers import item, routine
from unhunch.cli.main import app
from unhunch.core.errors import ExerciseRefused
from unhunch.services import breaks, planning, today
from unhunch.services.admit import admit_routine
from unhunch.services.context import Context, local_context
from unhunch.services.screening import record_screen

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)  # a Monday, inside working hours
FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
# Each case runs the real thing; shrinking them would take minutes, so a failure is shown as found.
PHASES = [Phase.explicit, Phase.reuse, Phase.generate]


def cases(n: int) -> settings:
    return settings(
        max_examples=n,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=FIXTURES,
        phases=PHASES,
    )


runner = CliRunner()


def store_person(ctx: Context, person: Person) -> None:
    record_screen(ctx, answers(*person.from_screen, clinician_cleared=True), NOW)
    planning.save_profile(ctx, person.profile, NOW)


@cases(60)
@given(people(max_minutes=20), st.sampled_from(IDS), st.lists(st.sampled_from(IDS), max_size=3))
def test_the_services_give_no_forbidden_exercise(
    tmp_path: Path, person: Person, liked: str, brought: list[str]
) -> None:
    ctx = Context(f"sqlite:///{tmp_path / 'store.db'}", person=str(uuid.uuid4()))
    store_person(ctx, person)
    planned = [i.exercise for i in planning.plan_today(ctx, NOW).items]
    assert forbidden_ids(planned, person.conditions) == []
    for current in planned[:2]:
        _, choices = today.swap_choices(ctx, NOW, current)
        assert forbidden_ids([c.id for c in choices], person.conditions) == []
    if liked not in person.profile.favourites and forbidden_ids([liked], person.conditions):
        with pytest.raises(ExerciseRefused):
            today.toggle_favourite(ctx, NOW, liked)
    else:  # allowed, or taking a favourite away
        today.toggle_favourite(ctx, NOW, liked)
    after = [i.exercise for i in planning.plan_today(ctx, NOW).items]
    assert forbidden_ids(after, person.conditions) == []
    found = breaks.find_next(ctx, NOW).content.routine
    if found is not None:
        assert forbidden_ids([i.exercise for i in found.items], person.conditions) == []
    made = routine(("main", [item(e, sets=1, reps=3) for e in brought]))
    if brought and forbidden_ids(brought, person.conditions):
        with pytest.raises(ExerciseRefused):
            admit_routine(ctx, made)
    elif brought:
        admit_routine(ctx, made)


def routine_ids(html: str) -> list[str]:
    return re.findall(r'<li class="routine-item" id="item-([a-z0-9_]+)">', html)


@cases(15)
@given(people(max_minutes=15), st.sampled_from(IDS))
def test_the_web_app_gives_no_forbidden_exercise(person: Person, liked: str) -> None:
    c = client()
    # Each case answers every question afresh, so earlier cases' screen conditions go.
    body = full_answers(**dict.fromkeys(person.from_screen, True)) | {"clinician_cleared": True}
    assert c.post("/api/screen", json=body).status_code == 200
    saved = c.put("/api/profile", json=person.profile.model_dump(mode="json"))
    assert saved.status_code == 200, saved.text
    doc = c.get("/api/routine").json()
    ids = [i["exercise"] for b in doc["blocks"] for i in b["items"]]
    assert forbidden_ids(ids, person.conditions) == []
    assert forbidden_ids(routine_ids(c.get("/today").text), person.conditions) == []
    timeline = c.get("/api/timeline")
    if timeline.status_code == 200:
        steps = timeline.json()["routine"]
        played = [i["exercise"] for b in steps["blocks"] for i in b["items"]]
        assert forbidden_ids(played, person.conditions) == []
    else:  # nothing fits this profile: refused, never played
        assert timeline.status_code == 422 and not ids
    answer = c.post("/today/favourite", data={"exercise": liked}, follow_redirects=False)
    adding = liked not in person.profile.favourites
    refused = adding and forbidden_ids([liked], person.conditions)
    assert answer.status_code == (409 if refused else 303)


@cases(10)
@given(people(), st.lists(st.sampled_from(IDS), min_size=1, max_size=3))
def test_start_routine_plays_a_file_only_when_no_exercise_is_forbidden(
    tmp_path: Path, person: Person, brought: list[str]
) -> None:
    ctx = local_context()
    store_person(ctx, person)
    path = tmp_path / "routine.json"
    made = routine(("main", [item(e, sets=1, reps=3) for e in brought]))
    path.write_text(made.model_dump_json(), encoding="utf-8")
    args = ["start", "--routine", str(path), "--json"]
    result = runner.invoke(app, args, env={"UNHUNCH_NOW": NOW.isoformat()})
    if forbidden_ids(brought, person.conditions):
        assert result.exit_code == 3, result.output
        assert json.loads(result.stdout)["error"]["code"] == 3
    else:
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["session"]["status"] == "completed"
