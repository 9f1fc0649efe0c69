"""Diary use cases: log pain, read entries back, see progress. Each owns its transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping

from unhunch.core.diary import Entry, check_new_entry
from unhunch.core.errors import InputError
from unhunch.core.trends import Progress, progress
from unhunch.services.context import Context
from unhunch.store import diary as rows
from unhunch.store.db import transaction


def new_entry_id() -> str:
    return str(uuid.uuid4())


def log_pain(
    ctx: Context,
    scores: Mapping[str, object],
    when: str,
    note: str | None,
    symptoms: Iterable[str],
    now: dt.datetime,
    entry_id: str | None = None,
    session_id: str | None = None,
) -> Entry:
    """Record pain for one or more regions in one transaction.

    Retrying with the same entry_id never doubles the entry: the first write wins and is
    returned again.
    """
    clean, when_ok, symptom_list, text = check_new_entry(scores, when, symptoms, note)
    if now.tzinfo is None:
        raise InputError("now", now, "a date-time with its time zone")
    entry = Entry(
        id=entry_id or new_entry_id(),
        recorded_at=now,
        when=when_ok,
        scores=clean,
        note=text,
        symptoms=symptom_list,
        session_id=session_id,
    )
    with transaction(ctx.database_url) as connection:
        if rows.insert_entry(connection, ctx.person, entry):
            return entry
        existing = rows.get_entry(connection, ctx.person, entry.id)
    if existing is None:
        # The id belongs to someone else's entry (server mode): never overwrite it.
        raise InputError("entry_id", entry.id, "an id not used before (make a new one)")
    return existing


def screen_warnings(ctx: Context, now: dt.datetime, entry: Entry | None = None) -> tuple[str, ...]:
    """Warning signs that mean: take the safety screen (again) before the next session.

    Since the latest screen, the gate's own rule decides (core/warnings.py via
    services/screening.py). With no screen yet, the gate asks for one anyway; the signs in this
    entry (when given) are named so the person knows why it matters.
    """
    from unhunch.core.warnings import warning_signs
    from unhunch.services.screening import coaching_status
    from unhunch.store.screens import DiaryPoint

    status = coaching_status(ctx, now)
    if status.warnings:
        return status.warnings
    if status.latest is None and entry is not None:
        point = DiaryPoint(
            recorded_at=entry.recorded_at,
            scores={str(r): p for r, p in entry.scores.items()},
            symptoms=entry.symptoms,
        )
        return tuple(warning_signs([point]))
    return ()


def entries(
    ctx: Context, start: dt.datetime | None = None, end: dt.datetime | None = None
) -> list[Entry]:
    """Entries with start <= recorded_at < end, oldest first."""
    with transaction(ctx.database_url) as connection:
        return rows.entries_between(connection, ctx.person, start, end)


def latest_per_region(ctx: Context) -> dict[str, tuple[int, Entry]]:
    with transaction(ctx.database_url) as connection:
        return rows.latest_per_region(connection, ctx.person)


def see_progress(ctx: Context, now: dt.datetime, days: int = 30) -> Progress:
    """Trends over the last `days` days (the whole history is read for the first-week baseline)."""
    if not 7 <= days <= 3660:
        raise InputError("days", days, "a whole number of days from 7 to 3660")
    with transaction(ctx.database_url) as connection:
        history = rows.entries_between(connection, ctx.person, None, None)
        done = rows.sessions_between(connection, ctx.person, None, None)
    return progress(history, done, now, days)
