"""Sessions are stored whole, under the client's id, and saving again never doubles anything."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from tests.integration.session_helpers import rows
from tests.unit.session_helpers import short_routine, short_timeline
from unhunch.config import get_settings
from unhunch.core.player import new_state, step
from unhunch.core.player_events import CheckInAnswer, Skip, Start, Tick
from unhunch.core.session_record import SessionRecord, record_from_state
from unhunch.services import sessions
from unhunch.services.context import Context

STARTED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.fixture(params=["sqlite", "postgres"])
def ctx(request: pytest.FixtureRequest) -> Context:
    if request.param == "sqlite":
        return Context(database_url=get_settings().database_url)
    url = request.getfixturevalue("pg_url")
    return Context(database_url=url, person=f"test-{uuid.uuid4()}")


def finished_record(session_id: str) -> SessionRecord:
    state = sessions.play_through(short_timeline(), {"neck": 4}, {"neck": 2})
    return record_from_state(session_id, short_routine(), STARTED, state)


def mine(
    ctx: Context, found: dict[str, list[dict[str, object]]], session_id: str
) -> dict[str, int]:
    entry_ids = {e["id"] for e in found["entries"] if e["session_id"] == session_id}
    return {
        "sessions": sum(1 for s in found["sessions"] if s["id"] == session_id),
        "items": sum(1 for i in found["items"] if i["session_id"] == session_id),
        "entries": len(entry_ids),
        "scores": sum(1 for s in found["scores"] if s["entry_id"] in entry_ids),
    }


def test_saving_the_same_session_twice_writes_it_once(ctx: Context) -> None:
    record = finished_record(str(uuid.uuid4()))
    sessions.save(ctx, record)
    sessions.save(ctx, record)
    counts = mine(ctx, rows(ctx.database_url), record.id)
    assert counts == {"sessions": 1, "items": 4, "entries": 2, "scores": 2}


def test_stored_session_has_outcomes_pain_and_times(ctx: Context) -> None:
    record = finished_record(str(uuid.uuid4()))
    sessions.save(ctx, record)
    stored = sessions.load(ctx, record.id)
    assert stored is not None
    assert stored["status"] == "completed"
    assert (stored["pain_before"], stored["pain_after"]) == ({"neck": 4}, {"neck": 2})
    assert stored["started_at"] == STARTED
    assert stored["ended_at"] == STARTED + dt.timedelta(seconds=short_timeline().total_seconds)
    assert [(i["exercise"], i["outcome"]) for i in stored["items"]] == [
        ("chin_tucks", "done"),
        ("seated_spinal_twist", "done"),
        ("thread_the_needle", "done"),
        ("chin_to_chest", "done"),
    ]


def test_before_and_after_pain_reach_the_diary_tied_to_the_session(ctx: Context) -> None:
    record = finished_record(str(uuid.uuid4()))
    sessions.save(ctx, record)
    found = rows(ctx.database_url)
    entries = {e["when"]: e for e in found["entries"] if e["session_id"] == record.id}
    assert set(entries) == {"before_session", "after_session"}
    assert entries["before_session"]["recorded_at"] == STARTED
    scores = {
        (s["entry_id"], s["region"]): s["pain"]
        for s in found["scores"]
        if s["entry_id"] in {e["id"] for e in entries.values()}
    }
    assert scores == {
        (entries["before_session"]["id"], "neck"): 4,
        (entries["after_session"]["id"], "neck"): 2,
    }


def test_progress_saved_during_a_session_is_replaced_by_the_final_save(ctx: Context) -> None:
    session_id = str(uuid.uuid4())
    state, _ = step(new_state(short_timeline()), Start(), 0.0)
    state, _ = step(state, CheckInAnswer({"neck": 5}), 0.0)
    state, _ = step(state, Skip(), 1.0)
    running = record_from_state(session_id, short_routine(), STARTED, state)
    sessions.save(ctx, running)
    stored = sessions.load(ctx, session_id)
    assert stored is not None and stored["status"] == "running" and stored["ended_at"] is None
    assert [i["outcome"] for i in stored["items"]] == ["skipped"]
    now = 1.0
    while state.status == "running":
        now += state.remaining_in_step
        state, _ = step(state, Tick(), now)
    state, _ = step(state, CheckInAnswer({"neck": 3}), now)
    sessions.save(ctx, record_from_state(session_id, short_routine(), STARTED, state))
    stored = sessions.load(ctx, session_id)
    assert stored is not None and stored["status"] == "completed"
    assert [i["outcome"] for i in stored["items"]] == ["skipped", "done", "done", "done"]
    assert mine(ctx, rows(ctx.database_url), session_id)["entries"] == 2


def test_a_skipped_check_in_leaves_no_empty_diary_entry(ctx: Context) -> None:
    state = sessions.play_through(short_timeline(), {}, {})
    record = record_from_state(str(uuid.uuid4()), short_routine(), STARTED, state)
    sessions.save(ctx, record)
    counts = mine(ctx, rows(ctx.database_url), record.id)
    assert counts == {"sessions": 1, "items": 4, "entries": 0, "scores": 0}
    stored = sessions.load(ctx, record.id)
    assert stored is not None and stored["pain_before"] is None
