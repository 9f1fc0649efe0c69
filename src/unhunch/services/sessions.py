"""Guided sessions: check the screen, build the timeline, store what happened.

Every save goes through `save`, which rewrites the whole record under the session's id in one
transaction; the terminal saves at the start, after each exercise and at the end, so a crash
loses at most the exercise under way and a retry never doubles anything.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from unhunch.core.library import Library
from unhunch.core.models import DEFAULT_BREATH_SECONDS, Profile, Routine
from unhunch.core.player import PlayerState, new_state, step
from unhunch.core.player_events import CheckInAnswer, Event, Start, Tick
from unhunch.core.session_record import SessionRecord, record_from_state
from unhunch.core.timeline import Timeline, build_timeline
from unhunch.services.context import Context


def new_session_id() -> str:
    return str(uuid.uuid4())


def require_coaching(ctx: Context, now: dt.datetime) -> None:
    """Refuse (SafetyRefusal, exit 3) unless the latest screen allows coaching."""
    from unhunch.services.screening import require_coaching as screen_allows

    screen_allows(ctx, now)


def plan_routine(ctx: Context, now: dt.datetime, profile: Profile | None) -> Routine:
    """Today's routine for the profile given (or the saved one); the screen is checked first."""
    from unhunch.services.planning import plan_today

    return plan_today(ctx, now, profile=profile, check_screen=False)


def timeline_for(routine: Routine, library: Library, breath_seconds: float | None) -> Timeline:
    return build_timeline(routine, library, breath_seconds or DEFAULT_BREATH_SECONDS)


def save(ctx: Context, record: SessionRecord) -> None:
    from unhunch.store.db import transaction
    from unhunch.store.sessions import save_session

    with transaction(ctx.database_url) as connection:
        save_session(connection, ctx.person, record)


def load(ctx: Context, session_id: str) -> dict[str, Any] | None:
    from unhunch.store.db import transaction
    from unhunch.store.sessions import load_session

    with transaction(ctx.database_url) as connection:
        return load_session(connection, ctx.person, session_id)


def run_at_once(
    ctx: Context,
    routine: Routine,
    timeline: Timeline,
    started_at: dt.datetime,
    pain_before: dict[str, int],
    pain_after: dict[str, int],
    session_id: str | None = None,
) -> SessionRecord:
    """Play the whole timeline on simulated time (scripts and tests) and store it completed."""
    state = play_through(timeline, pain_before, pain_after)
    record = record_from_state(session_id or new_session_id(), routine, started_at, state)
    save(ctx, record)
    return record


def play_through(
    timeline: Timeline, pain_before: dict[str, int], pain_after: dict[str, int]
) -> PlayerState:
    """Every step in order, each for its full time, with the check-ins answered as given."""
    state = new_state(timeline)
    now = 0.0
    events: list[Event] = [Start(), CheckInAnswer(pain_before)]
    for event in events:
        state, _ = step(state, event, now)
    while state.status == "running":
        now += state.remaining_in_step
        state, _ = step(state, Tick(), now)
    state, _ = step(state, CheckInAnswer(pain_after), now)
    return state
