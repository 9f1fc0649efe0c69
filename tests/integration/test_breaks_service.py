"""Break use cases over a real store (SQLite, and PostgreSQL): settings, the coaching gate,
the micro-routine from the saved profile, taking/snoozing/skipping, absences and sessions."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid

import pytest
from sqlalchemy import select

from tests.unit.screen_helpers import answers
from unhunch.core.errors import InputError
from unhunch.core.models import Profile
from unhunch.services import breaks
from unhunch.services.context import Context, local_context
from unhunch.services.planning import save_profile
from unhunch.services.screening import record_screen
from unhunch.store.db import transaction
from unhunch.store.tables import break_events, sessions

UTC = dt.UTC
MONDAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def minutes(n: float) -> dt.datetime:
    return MONDAY + dt.timedelta(minutes=n)


def ready(ctx: Context, **pain: int) -> None:
    """A self-care screen, a saved profile and a UTC schedule."""
    record_screen(ctx, answers(), MONDAY - dt.timedelta(days=1))
    save_profile(ctx, Profile(pain=pain or {"neck": 4}, minutes=8), MONDAY)
    breaks.change_settings(ctx, {"tz": "UTC"})


@pytest.fixture
def ctx() -> Context:
    return local_context()


def test_settings_are_kept_and_a_bad_value_changes_nothing(ctx: Context) -> None:
    breaks.change_settings(ctx, {"interval": 45, "quiet": "12:30-13:30", "tz": "Europe/Paris"})
    with pytest.raises(InputError) as caught:
        breaks.change_settings(ctx, {"interval": 45, "snooze": 0})
    assert caught.value.field == "--snooze"
    kept = breaks.get_settings(ctx)
    assert (kept.interval, kept.snooze, kept.tz) == (45, 10, "Europe/Paris")
    assert [p.text() for p in kept.quiet] == ["12:30-13:30"]


def test_without_a_screen_the_break_is_a_gentle_walk_with_no_exercises(ctx: Context) -> None:
    breaks.change_settings(ctx, {"tz": "UTC"})
    found = breaks.find_next(ctx, MONDAY)
    assert found.content.kind == "walk" and found.content.routine is None
    assert "walk about gently" in found.content.text and "unhunch screen" in found.content.text


@pytest.mark.parametrize("item", ["saddle_numbness", "fever"])
def test_emergency_tiers_get_no_reminder_and_see_doctor_gets_a_walk(
    ctx: Context, item: str
) -> None:
    breaks.change_settings(ctx, {"tz": "UTC"})
    screen = record_screen(ctx, answers(item), MONDAY - dt.timedelta(hours=1))
    found = breaks.find_next(ctx, MONDAY)
    assert found.content.routine is None
    if screen.tier in ("emergency", "urgent"):
        assert found.content.kind == "none" and found.content.text == ""
    else:
        assert found.content.kind == "walk"


def test_the_break_holds_a_short_routine_for_the_painful_region(ctx: Context) -> None:
    ready(ctx, neck=5)
    found = breaks.find_next(ctx, MONDAY)
    assert found.due is not None and found.due.at == minutes(50)
    routine = found.content.routine
    assert routine is not None and 30 <= routine.total_seconds <= 120
    from unhunch.content import load_library

    library = load_library()
    regions = {r for item in routine.items for r in library.exercises[item.exercise].regions}
    assert "neck" in regions
    assert "march on the spot" in found.content.text


def test_breaks_through_the_day_vary(ctx: Context) -> None:
    ready(ctx, neck=4, lower_back=3)
    seen = []
    now = MONDAY
    for _ in range(4):
        found = breaks.find_next(ctx, now)
        assert found.due is not None and found.content.routine is not None
        seen.append(tuple(sorted(i.exercise for i in found.content.routine.items)))
        now = found.due.at
        breaks.take(ctx, now)
    assert all(a != b for a, b in itertools.pairwise(seen))


def test_taking_snoozing_and_skipping_are_stored_and_move_the_next_break(ctx: Context) -> None:
    ready(ctx)
    breaks.snooze(ctx, minutes(50))
    assert breaks.next_due(ctx, minutes(50))[1].at == minutes(60)  # type: ignore[union-attr]
    breaks.snooze(ctx, minutes(60))
    with pytest.raises(InputError, match="at most 2 snoozes"):
        breaks.snooze(ctx, minutes(70))
    breaks.take(ctx, minutes(70))
    assert breaks.next_due(ctx, minutes(71))[1].at == minutes(120)  # type: ignore[union-attr]
    breaks.skip(ctx, minutes(120))
    with transaction(ctx.database_url) as conn:
        actions = [r.action for r in conn.execute(select(break_events).order_by(break_events.c.at))]
    assert actions == ["snoozed", "snoozed", "taken", "skipped"]


def test_a_retried_event_is_stored_once(ctx: Context) -> None:
    ready(ctx)
    event = str(uuid.uuid4())
    breaks.take(ctx, minutes(50), event_id=event)
    breaks.take(ctx, minutes(50), event_id=event)
    with transaction(ctx.database_url) as conn:
        assert len(conn.execute(select(break_events)).all()) == 1


def test_a_long_absence_and_a_finished_session_each_restart_the_clock(ctx: Context) -> None:
    ready(ctx)
    breaks.record_absence(ctx, minutes(20), minutes(90))
    assert breaks.next_due(ctx, minutes(90))[1].at == minutes(140)  # type: ignore[union-attr]
    with transaction(ctx.database_url) as conn:
        conn.execute(
            sessions.insert().values(
                id=str(uuid.uuid4()), person=ctx.person, started_at=minutes(100),
                ended_at=minutes(110), status="completed", routine={}, stop_reason=None,
            )
        )  # fmt: skip
    assert breaks.next_due(ctx, minutes(111))[1].at == minutes(160)  # type: ignore[union-attr]


def test_upcoming_breaks_cover_the_week_without_weekends(ctx: Context) -> None:
    ready(ctx)
    settings, found = breaks.upcoming(ctx, MONDAY - dt.timedelta(hours=9), 7)
    days = {due.at.date() for due, _ in found}
    assert settings.tz == "UTC"
    assert days == {dt.date(2026, 3, d) for d in (2, 3, 4, 5, 6)}
    assert all(content.kind == "routine" for _, content in found)


def test_postgres_keeps_settings_and_events(pg_url: str) -> None:
    ctx = Context(database_url=pg_url, person=f"breaks-{uuid.uuid4()}")
    breaks.change_settings(ctx, {"tz": "UTC", "interval": 40})
    breaks.change_settings(ctx, {"interval": 45})
    assert breaks.get_settings(ctx).interval == 45
    breaks.record(ctx, "taken", minutes(30))
    breaks.record_absence(ctx, minutes(40), minutes(100))
    _, due = breaks.next_due(ctx, minutes(100))
    assert due is not None and due.at == minutes(145)
    log = breaks.break_log(ctx, minutes(100))
    assert [e.action for e in log.events] == ["taken", "away", "back"]
