"""Movement-break use cases: the schedule, the next break and what it holds, and what the person
did with it (taken, snoozed, skipped, away). Each owns its transaction.

A break is still exercise, so it goes through the coaching gate: when coaching is not allowed
the break is a gentle walk with no exercises, and for the emergency tiers there is no reminder
at all (services/screening.py decides; this module only reads the answer).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unhunch.core.breaks import (
    LOOKBACK,
    Action,
    BreakEvent,
    BreakLog,
    BreakSettings,
    Due,
    next_break,
    planned_breaks,
    zone_of,
)
from unhunch.core.breaks_routine import (
    BreakContent,
    day_routines,
    no_break,
    routine_content,
    walk_content,
)
from unhunch.core.breaks_settings import apply_changes, load_settings
from unhunch.core.errors import InputError
from unhunch.core.library import Library
from unhunch.core.models import Profile
from unhunch.services.context import Context
from unhunch.store import breaks as rows
from unhunch.store.db import transaction

NO_REMINDER_TIERS = ("emergency", "urgent")


@dataclass(frozen=True)
class NextBreak:
    """The next break (None when the schedule has none) and what to do at it."""

    due: Due | None
    content: BreakContent
    settings: BreakSettings

    def to_json(self) -> dict[str, Any]:
        due = self.due
        local = due.at.astimezone(self.settings.zone) if due else None
        return {
            "due_at": local.isoformat() if local else None,
            "due_at_utc": due.at.isoformat() if due else None,
            "overdue": due.overdue if due else False,
            "scheduled_utc": due.scheduled.isoformat() if due else None,
            "day": due.day.isoformat() if due else None,
            "index": due.index if due else None,
            "snoozes_used": due.snoozes if due else 0,
            "snoozes_left": max(0, due.max_snoozes - due.snoozes) if due else 0,
            "kind": self.content.kind,
            "text": self.content.text,
            "reason": self.content.reason,
            "routine": self.content.routine.model_dump(mode="json")
            if self.content.routine
            else None,
            "settings": self.settings.model_dump(mode="json"),
        }


def system_zone() -> str:
    """The computer's IANA time zone name (TZ, then /etc/localtime), or UTC when unknown."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(Path("/etc/localtime").resolve())
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for name in candidates:
        if not name:
            continue
        try:
            zone_of(name)
        except ValueError:
            continue
        return name
    return "UTC"


def get_settings(ctx: Context) -> BreakSettings:
    with transaction(ctx.database_url) as conn:
        data = rows.load_settings(conn, ctx.person)
    if data is None:
        return BreakSettings(tz=system_zone())
    return load_settings(data)


def change_settings(ctx: Context, changes: Mapping[str, Any]) -> BreakSettings:
    """Change some settings (None leaves a field as it is); bad values raise InputError."""
    with transaction(ctx.database_url) as conn:
        data = rows.load_settings(conn, ctx.person)
        current = load_settings(data) if data is not None else BreakSettings(tz=system_zone())
        changed = apply_changes(current, changes)
        rows.save_settings(conn, ctx.person, changed.model_dump(mode="json"))
    return changed


def break_log(ctx: Context, now: dt.datetime) -> BreakLog:
    start = now - LOOKBACK
    with transaction(ctx.database_url) as conn:
        events = rows.events_between(conn, ctx.person, start, None)
        ended = rows.sessions_ended_between(conn, ctx.person, start, now + dt.timedelta(days=1))
    return BreakLog(
        events=tuple(
            BreakEvent(at=e["at"], action=e["action"], due_at=e["due_at"]) for e in events
        ),
        sessions_ended=tuple(ended),
    )


def next_due(ctx: Context, now: dt.datetime) -> tuple[BreakSettings, Due | None]:
    """Only when (cheap: no planning), for a loop that asks often."""
    settings = get_settings(ctx)
    return settings, next_break(settings, break_log(ctx, now), now)


def find_next(ctx: Context, now: dt.datetime, library: Library | None = None) -> NextBreak:
    """When the next break is due and what it holds."""
    settings, due = next_due(ctx, now)
    if due is None:
        return NextBreak(None, no_break("no break falls inside your working hours"), settings)
    return NextBreak(due, content_for(ctx, now, settings, [due], library)[0], settings)


def content_for(
    ctx: Context,
    now: dt.datetime,
    settings: BreakSettings,
    dues: list[Due],
    library: Library | None = None,
) -> list[BreakContent]:
    """What to do at each of these breaks, after the coaching gate."""
    from unhunch.services.screening import coaching_status

    status = coaching_status(ctx, now)
    if not status.allowed:
        if status.tier in NO_REMINDER_TIERS:
            return [no_break(status.reason) for _ in dues]
        return [walk_content(status.reason) for _ in dues]
    if library is None:
        from unhunch.content import load_library

        library = load_library()
    from unhunch.services.planning import load_history, load_profile, with_screen_conditions

    # The same conditions as the daily plan: the profile's and those the screens named.
    profile = with_screen_conditions(ctx, load_profile(ctx) or Profile())
    history = load_history(ctx, now)
    by_day: dict[dt.date, list[Any]] = {}
    for day in sorted({d.day for d in dues}):
        count = max(d.index for d in dues if d.day == day) + 1
        by_day[day] = day_routines(
            profile,
            library,
            history,
            day,
            count,
            settings.minutes,
            settings.place,
            status.gentlest,
        )
    return [routine_content(by_day[d.day][d.index], library) for d in dues]


def record(
    ctx: Context,
    action: Action,
    now: dt.datetime,
    due_at: dt.datetime | None = None,
    routine: dict[str, Any] | None = None,
    event_id: str | None = None,
) -> str:
    """Store one event; retrying with the same id never doubles it. Returns the id."""
    event_id = event_id or str(uuid.uuid4())
    with transaction(ctx.database_url) as conn:
        rows.add_event(conn, ctx.person, event_id, now, action, due_at, routine)
    return event_id


def take(ctx: Context, now: dt.datetime, event_id: str | None = None) -> NextBreak:
    """The person starts (or has done) the break due now: stored with its routine."""
    current = find_next(ctx, now)
    routine = current.content.routine
    record(
        ctx,
        "taken",
        now,
        current.due.scheduled if current.due else None,
        {"kind": current.content.kind, **(routine.model_dump(mode="json") if routine else {})},
        event_id,
    )
    return current


def skip(ctx: Context, now: dt.datetime, event_id: str | None = None) -> NextBreak:
    current = find_next(ctx, now)
    record(ctx, "skipped", now, current.due.scheduled if current.due else None, None, event_id)
    return find_next(ctx, now)


def snooze(ctx: Context, now: dt.datetime, event_id: str | None = None) -> NextBreak:
    """Put the break off by the snooze length; refused (InputError) past the snooze limit."""
    current = find_next(ctx, now)
    if current.due is None or not current.due.can_snooze:
        limit = current.settings.max_snoozes
        raise InputError(
            "snooze",
            f"{current.due.snoozes if current.due else 0} used",
            f"at most {limit} snooze{'' if limit == 1 else 's'} per break",
            "Start the break, or skip it.",
        )
    record(ctx, "snoozed", now, current.due.scheduled, None, event_id)
    return find_next(ctx, now)


def record_absence(ctx: Context, left: dt.datetime, back: dt.datetime) -> None:
    """Away from the desk from `left` to `back` (the laptop slept); the schedule decides whether
    it was long enough to count as a break."""
    with transaction(ctx.database_url) as conn:
        rows.add_event(conn, ctx.person, str(uuid.uuid4()), left, "away", None, None)
        rows.add_event(conn, ctx.person, str(uuid.uuid4()), back, "back", None, None)


def upcoming(
    ctx: Context, now: dt.datetime, days: int, library: Library | None = None
) -> tuple[BreakSettings, list[tuple[Due, BreakContent]]]:
    """The breaks of the next `days` days if each is taken when due (for a calendar)."""
    if not 1 <= days <= 31:
        raise InputError("--days", days, "a whole number of days from 1 to 31")
    settings = get_settings(ctx)
    dues = planned_breaks(settings, break_log(ctx, now), now, now + dt.timedelta(days=days))
    contents = content_for(ctx, now, settings, dues, library) if dues else []
    return settings, list(zip(dues, contents, strict=True))
