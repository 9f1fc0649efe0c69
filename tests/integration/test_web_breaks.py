"""The break banner and API in the web app: polled shell in the layout, start/snooze/skip,
the coaching gate, and no inline script (the CSP forbids it)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select

from tests.integration.web_helpers import client
from tests.unit.screen_helpers import answers
from unhunch.core.models import Profile
from unhunch.services import breaks
from unhunch.services.context import local_context
from unhunch.services.planning import save_profile
from unhunch.services.screening import record_screen
from unhunch.store.db import transaction
from unhunch.store.tables import break_events, screens

DUE = "2026-03-02T10:00:00+00:00"  # the 09:50 break is due
MONDAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("UNHUNCH_NOW", DUE)
    ctx = local_context()
    record_screen(ctx, answers(), MONDAY - dt.timedelta(days=1))
    save_profile(ctx, Profile(pain={"upper_back": 5}), MONDAY)
    breaks.change_settings(ctx, {"tz": "UTC"})
    return client()


def actions() -> list[str]:
    with transaction(local_context().database_url) as conn:
        return [r.action for r in conn.execute(select(break_events).order_by(break_events.c.at))]


def test_every_page_carries_the_polled_banner_shell_and_the_module(web: TestClient) -> None:
    page = web.get("/library").text
    assert 'id="break-banner"' in page and 'hx-get="/breaks/banner"' in page
    assert 'hx-trigger="load, every 60s"' in page
    assert '<script type="module" src="/static/breaks.js">' in page
    assert web.get("/static/breaks.js").status_code == 200


def test_a_due_break_shows_start_snooze_and_skip(web: TestClient) -> None:
    banner = web.get("/breaks/banner").text
    assert "Time for a movement break" in banner and 'data-due="true"' in banner
    assert 'href="/breaks/session"' in banner
    for action in ("snoozed", "skipped"):
        assert f'hx-post="/breaks/{action}"' in banner
    assert "<script" not in banner


def test_a_due_break_lists_its_exercises_and_start_opens_the_player(web: TestClient) -> None:
    banner = web.get("/breaks/banner").text
    assert 'href="/breaks/session"' in banner
    exercises = re.findall(r'<a href="/exercises/([a-z0-9_]+)">', banner)
    assert exercises
    for exercise_id in exercises:
        assert web.get(f"/exercises/{exercise_id}").status_code == 200
    player = web.get("/breaks/session").text
    assert 'data-timeline="/api/breaks/timeline"' in player and 'data-mode="break"' in player
    assert '<script type="module" src="/static/player.js"></script>' in player
    assert 'id="check-' not in player  # no pain check-in for a one-minute break
    assert actions() == []  # opening the player records nothing; its start does
    timeline = web.get("/api/breaks/timeline").json()
    assert [i["exercise"] for i in timeline["timeline"]["items"]] == exercises


def test_starting_the_break_in_the_player_records_it_taken(web: TestClient) -> None:
    assert web.post("/api/breaks/taken").json()["recorded"] == "taken"
    assert actions() == ["taken"]
    assert 'data-due="false"' in web.get("/breaks/banner").text


def test_a_walk_only_break_is_taken_from_the_banner(web: TestClient) -> None:
    with transaction(local_context().database_url) as conn:
        conn.execute(delete(screens))
    banner = web.get("/breaks/banner").text
    assert "Time for a movement break" in banner
    assert 'href="/breaks/session"' not in banner and 'hx-post="/breaks/taken"' in banner
    assert "unhunch screen" not in banner and 'href="/screen"' in banner
    shown = web.post("/breaks/taken").text
    assert "Saved as taken" in shown
    assert actions() == ["taken"]
    assert web.get("/breaks/session", follow_redirects=False).status_code == 303


def test_no_break_nudges_before_the_person_has_set_up() -> None:
    c = client()
    banner = c.get("/breaks/banner").text
    assert "movement break" not in banner.lower() and "<button" not in banner


def test_snoozing_twice_then_the_snooze_button_goes(
    web: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "Snoozed." in web.post("/breaks/snoozed").text
    monkeypatch.setenv("UNHUNCH_NOW", "2026-03-02T10:10:00+00:00")
    web.post("/breaks/snoozed")
    monkeypatch.setenv("UNHUNCH_NOW", "2026-03-02T10:20:00+00:00")
    banner = web.get("/breaks/banner").text
    assert "Time for a movement break" in banner and "/breaks/snoozed" not in banner
    assert web.post("/api/breaks/snoozed").status_code == 422
    assert actions() == ["snoozed", "snoozed"]


def test_api_next_and_skip(web: TestClient) -> None:
    data = web.get("/api/breaks/next").json()
    assert data["kind"] == "routine" and data["overdue"] is True
    skipped = web.post("/api/breaks/skipped").json()
    assert skipped["recorded"] == "skipped"
    assert skipped["next"]["due_at"] == "2026-03-02T10:50:00+00:00"
    timeline = web.get("/api/breaks/timeline").json()
    assert timeline["timeline"]["steps"] and timeline["routine"]["blocks"]


def test_an_emergency_screen_leaves_the_banner_empty(
    web: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_screen(local_context(), answers("saddle_numbness"), MONDAY)
    banner = web.get("/breaks/banner").text
    assert "movement break" not in banner.lower() and "<button" not in banner
    assert web.get("/api/breaks/next").json()["kind"] == "none"


def test_a_cross_site_post_is_refused(web: TestClient) -> None:
    refused = web.post("/breaks/taken", headers={"Sec-Fetch-Site": "cross-site"})
    assert refused.status_code == 403 and actions() == []
