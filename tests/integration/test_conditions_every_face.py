"""Screen answers become conditions in every face, and no face gives an exercise a condition
forbids: plan, profile, start --routine (CLI); Today, swap, favourite, the player (web)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.integration.session_helpers import NOW, rows, store_screen
from tests.integration.test_web_screen import full_answers
from tests.integration.test_web_today import PROFILE_FORM
from tests.integration.web_helpers import client
from tests.unit.screen_helpers import ITEM_IDS
from tests.unit.session_helpers import item, routine
from unhunch.cli.main import app
from unhunch.config import get_settings
from unhunch.content import load_library
from unhunch.core.conditions import REMOVES
from unhunch.core.vocab import Condition

runner = CliRunner()
LIBRARY = load_library()
FLOOR = ["profile", "set", "--lower-back", "5", "--minutes", "15", "--at", "floor"]


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNHUNCH_NOW", NOW)


def screen_saying(tmp_path: Path, **yes: bool) -> None:
    store_screen(tmp_path, clinician_cleared=True, answers=dict.fromkeys(ITEM_IDS, False) | yes)


def planned(doc: dict[str, Any]) -> list[str]:
    return [i["exercise"] for b in doc["blocks"] for i in b["items"]]


def forbidden(ids: list[str], condition: Condition) -> list[str]:
    return [e for e in ids if set(LIBRARY.get(e).movements) & REMOVES[condition]]


def test_a_pregnancy_answer_keeps_lying_flat_out_until_a_new_screen_answers_no(
    tmp_path: Path,
) -> None:
    assert runner.invoke(app, FLOOR).exit_code == 0
    screen_saying(tmp_path, pregnancy=True)
    shown = json.loads(runner.invoke(app, ["profile", "show", "--json"]).stdout)
    assert shown["conditions"] == [] and shown["conditions_from_screen"] == ["pregnancy"]
    text = runner.invoke(app, ["profile", "show"]).stdout
    assert "From your safety questions: pregnancy" in text
    result = runner.invoke(app, ["plan", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert planned(doc) and forbidden(planned(doc), "pregnancy") == []
    assert any("from your safety questions" in n for n in doc["notes"])
    assert {e["exercise"] for e in doc["excluded"]} >= {"pelvic_tilt", "sphinx"}

    store_screen(tmp_path)  # a new screen, every answer no
    shown = json.loads(runner.invoke(app, ["profile", "show", "--json"]).stdout)
    assert shown["conditions_from_screen"] == []
    doc = json.loads(runner.invoke(app, ["plan", "--json"]).stdout)
    assert not any(e["reason"].startswith("pregnancy") for e in doc["excluded"])


def routine_file(tmp_path: Path, *exercises: str) -> Path:
    items = [item(e, sets=1, reps=3) for e in exercises]
    path = tmp_path / "routine.json"
    path.write_text(routine(("main", items)).model_dump_json(), encoding="utf-8")
    return path


def test_a_routine_file_with_a_forbidden_exercise_exits_3_and_records_nothing(
    tmp_path: Path,
) -> None:
    screen_saying(tmp_path, osteoporosis=True)
    path = routine_file(tmp_path, "chin_tucks", "seated_forward_fold")
    result = runner.invoke(app, ["start", "--routine", str(path), "--no-wait"])
    assert result.exit_code == 3
    said = " ".join(result.output.split())
    assert "Seated forward fold: osteoporosis rules out bending forward" in said
    assert "Chin tucks" not in said
    as_json = runner.invoke(app, ["start", "--routine", str(path), "--json"])
    assert as_json.exit_code == 3
    error = json.loads(as_json.stdout)["error"]
    assert error["code"] == 3 and error["field"] == "--routine"
    assert "Seated forward fold" in error["message"]
    assert rows(get_settings().database_url)["sessions"] == []


def test_an_empty_routine_file_exits_2_and_is_never_recorded_as_done(tmp_path: Path) -> None:
    store_screen(tmp_path)
    path = routine_file(tmp_path)
    result = runner.invoke(app, ["start", "--routine", str(path), "--no-wait"])
    assert result.exit_code == 2
    assert "at least one exercise" in result.output
    error = json.loads(runner.invoke(app, ["start", "--routine", str(path), "--json"]).stdout)
    assert error["error"]["code"] == 2
    assert rows(get_settings().database_url)["sessions"] == []


def test_a_routine_file_with_an_allowed_exercise_still_plays(tmp_path: Path) -> None:
    screen_saying(tmp_path, osteoporosis=True)
    path = routine_file(tmp_path, "chin_tucks")
    result = runner.invoke(app, ["start", "--routine", str(path), "--no-wait"])
    assert result.exit_code == 0, result.output
    assert len(rows(get_settings().database_url)["sessions"]) == 1


def web_person(**yes: bool) -> Any:
    c = client()
    body = full_answers(**yes) | {"clinician_cleared": True}
    assert c.post("/api/screen", json=body).status_code == 200
    form = PROFILE_FORM | {"pain_lower_back": "5", "setting": "floor", "minutes": "15"}
    assert c.post("/profile", data=form, follow_redirects=False).status_code == 303
    return c


def test_the_web_screen_names_a_condition_that_today_the_api_and_the_player_keep() -> None:
    c = web_person(osteoporosis=True)
    assert c.get("/api/profile").json()["conditions_from_screen"] == ["osteoporosis"]
    assert "From your safety questions: Osteoporosis" in c.get("/profile").text
    ids = planned(c.get("/api/routine").json())
    assert ids and forbidden(ids, "osteoporosis") == []
    assert forbidden(planned(c.get("/api/timeline").json()["routine"]), "osteoporosis") == []
    assert "from your safety questions" in c.get("/today").text


def test_swapping_to_or_favouriting_a_forbidden_exercise_is_refused_with_409() -> None:
    c = web_person(osteoporosis=True)
    current = planned(c.get("/api/routine").json())[0]
    response = c.post("/today/swap", data={"exercise": current, "to": "seated_forward_fold"})
    assert response.status_code == 409
    assert "osteoporosis rules out bending forward" in response.text
    response = c.post("/today/favourite", data={"exercise": "double_knee_to_chest"})
    assert response.status_code == 409
    assert c.get("/api/profile").json()["favourites"] == []
    assert current not in c.get("/api/profile").json()["excluded"]


def test_swap_choices_offer_nothing_a_condition_forbids() -> None:
    c = web_person(pregnancy=True)
    offered: list[str] = []
    for current in planned(c.get("/api/routine").json()):
        html = c.get(f"/today/swap/{current}").text
        offered += re.findall(r'name="to" value="([a-z0-9_]+)"', html)
    assert offered and forbidden(offered, "pregnancy") == []
