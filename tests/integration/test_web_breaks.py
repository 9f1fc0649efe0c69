"""The break banner and API in the web app: polled shell in the layout, start/snooze/skip,
the coaching gate, and no inline script (the CSP forbids it)."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.integration.web_helpers import client
from tests.unit.screen_helpers import answers
from unhunch.core.models import Profile
from unhunch.services import breaks
from unhunch.services.context import local_context
from unhunch.services.planning import save_profile
from unhunch.services.screening import record_screen
from unhunch.store.db import transaction
from unhunch.store.tables import break_events

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
    for action in ("taken", "snoozed", "skipped"):
        assert f'hx-post="/breaks/{action}"' in banner
    assert "<script" not in banner


def test_start_records_the_break_and_lists_the_routine(web: TestClient) -> None:
    shown = web.post("/breaks/taken").text
    assert "Saved as taken" in shown and 'href="/library/' in shown
    assert actions() == ["taken"]
    assert 'data-due="false"' in web.get("/breaks/banner").text


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
