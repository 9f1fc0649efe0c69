"""The player's server side: the timeline, the stop rules and idempotent session saves."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.integration.test_web_today import PROFILE_FORM, cleared, with_profile
from tests.integration.web_helpers import client
from unhunch.services import sessions
from unhunch.services.context import local_context


def ready(*, allow_speed: bool = False) -> TestClient:
    c = client(allow_speed=allow_speed)
    cleared(c)
    with_profile(c)
    return c


def finished(timeline: dict[str, Any], session_id: str) -> dict[str, Any]:
    items = [
        {"item": i, "exercise": it["exercise"], "outcome": "done", "seconds": 30}
        for i, it in enumerate(timeline["timeline"]["items"])
    ]
    return {
        "id": session_id,
        "status": "completed",
        "pain_before": {"upper_back": 5, "neck": 3},
        "pain_after": {"upper_back": 3, "neck": 2},
        "items": items,
    }


def test_timeline_matches_the_routine_and_starts_and_ends_with_check_ins() -> None:
    doc = ready().get("/api/timeline").json()
    steps = doc["timeline"]["steps"]
    assert steps[0]["check"] == "before" and steps[-1]["check"] == "after"
    planned = [i["exercise"] for b in doc["routine"]["blocks"] for i in b["items"]]
    assert [i["exercise"] for i in doc["timeline"]["items"]] == planned
    assert doc["regions"] == ["upper_back", "neck"]


def test_player_page_needs_a_screen_that_allows_coaching() -> None:
    c = client()
    with_profile(c)
    html = c.get("/session").text
    assert "player.js" not in html and 'href="/screen"' in html
    assert c.get("/api/timeline").status_code == 403


def test_speed_hook_is_ignored_unless_the_app_allows_it() -> None:
    assert 'data-speed="1' in ready().get("/session?speed=50").text
    assert 'data-speed="50' in ready(allow_speed=True).get("/session?speed=50").text


def test_player_page_loads_one_module_and_no_inline_script() -> None:
    html = ready().get("/session").text
    assert '<script type="module" src="/static/player.js"></script>' in html
    assert "<script>" not in html and " style=" not in html


def test_saving_twice_with_one_id_stores_one_session() -> None:
    c = ready()
    doc = c.get("/api/timeline").json()
    sid = str(uuid.uuid4())
    running = {"id": sid, "status": "running", "pain_before": {"upper_back": 5}}
    assert c.post("/api/sessions", json=running).status_code == 200
    body = finished(doc, sid)
    first = c.post("/api/sessions", json=body)
    again = c.post("/api/sessions", json=body)
    assert first.status_code == again.status_code == 200
    stored = sessions.load(local_context(), sid)
    assert stored is not None and stored["status"] == "completed"
    assert len(stored["items"]) == len(doc["timeline"]["items"])
    assert stored["pain_after"] == {"upper_back": 3, "neck": 2}
    assert c.get(f"/api/sessions/{sid}").json()["status"] == "completed"


@pytest.mark.parametrize(
    "change",
    [
        {"id": "not-a-uuid"},
        {"status": "finished"},
        {"pain_before": {"upper_back": 11}},
        {"pain_before": {"knee": 2}},
        {"items": [{"item": 99, "exercise": "chin_tucks", "outcome": "done"}]},
        {"items": [{"item": 0, "exercise": "cobra", "outcome": "done"}]},
        {"items": [{"item": 0, "exercise": "chin_tucks", "outcome": "great"}]},
        {"surprise": True},
    ],
)
def test_bad_session_saves_are_422_and_store_nothing(change: dict[str, Any]) -> None:
    c = ready()
    sid = str(uuid.uuid4())
    body = finished(c.get("/api/timeline").json(), sid) | change
    response = c.post("/api/sessions", json=body)
    assert response.status_code == 422
    assert sessions.load(local_context(), sid) is None


def test_session_save_is_refused_while_the_screen_says_no() -> None:
    c = client()
    cleared(c, fever=True)
    with_profile(c)
    sid = str(uuid.uuid4())
    response = c.post("/api/sessions", json={"id": sid, "status": "running"})
    assert response.status_code == 403
    assert sessions.load(local_context(), sid) is None


@pytest.mark.parametrize(
    ("check", "action"),
    [
        ({"pain": 3, "start_pain": 3, "too_much": True}, "ease"),
        ({"pain": 6, "start_pain": 5}, "ease"),
        ({"pain": 4, "start_pain": 1}, "ease"),
        ({"pain": 3, "start_pain": 3}, "continue"),
        ({"spreading": True}, "stop_rescreen"),
        ({"cardiac_or_faint": True, "spreading": True}, "stop_emergency"),
    ],
)
def test_stop_check_applies_the_stop_rules(check: dict[str, Any], action: str) -> None:
    body = client().post("/api/stop-check", json=check).json()
    assert body["action"] == action
    assert body["message"]


@pytest.mark.parametrize("check", [{"pain": 11}, {"pain": "a lot"}, {"bleeding": True}])
def test_stop_check_rejects_bad_input(check: dict[str, Any]) -> None:
    assert client().post("/api/stop-check", json=check).status_code == 422


def test_player_page_names_the_timeline_it_runs_and_leaves_room_for_the_figure() -> None:
    html = ready().get("/session").text
    assert 'data-timeline="/api/timeline"' in html and 'data-mode="session"' in html
    # No broken-image placeholder: the figure gets its picture before the first step.
    assert 'src="data:,"' not in html
    assert re.search(r'<img id="figure"[^>]*width="300" height="220"', html)


def test_timeline_steps_carry_the_words_the_player_shows() -> None:
    """The player says "Get ready" for a get_ready step and shows the step's own words and cue
    otherwise; each work step has its exercise so the figure can be shown from the start."""
    steps = ready().get("/api/timeline").json()["timeline"]["steps"]
    first = steps[1]
    assert first["kind"] == "get_ready" and first["exercise"] and first["instructions"]
    work = [s for s in steps if s["kind"] in ("hold", "reps")]
    assert work and all(s["exercise"] and s["cue"] for s in work)
    holds = [s for s in work if s["kind"] == "hold"]
    assert all(p["breath"] in ("in", "out") for s in holds for p in s["phases"])


def test_a_session_finishes_with_the_routine_it_started_even_if_todays_plan_changed() -> None:
    c = ready()
    doc = c.get("/api/timeline").json()
    sid = str(uuid.uuid4())
    running = {"id": sid, "status": "running", "pain_before": {"upper_back": 5}}
    assert c.post("/api/sessions", json=running).status_code == 200
    # The person changes their profile in another tab: today's plan is now different.
    changed = {**PROFILE_FORM, "pain_neck": "0", "pain_lower_back": "6", "setting": "floor"}
    assert c.post("/profile", data=changed, follow_redirects=False).status_code == 303
    now_planned = [i["exercise"] for i in c.get("/api/timeline").json()["timeline"]["items"]]
    assert now_planned != [i["exercise"] for i in doc["timeline"]["items"]]
    response = c.post("/api/sessions", json=finished(doc, sid))
    assert response.status_code == 200, response.text
    stored = sessions.load(local_context(), sid)
    assert stored is not None and stored["status"] == "completed"
    assert [i["exercise"] for i in stored["items"]] == [
        i["exercise"] for i in doc["timeline"]["items"]
    ]
