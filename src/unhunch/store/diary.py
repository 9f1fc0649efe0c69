"""Diary rows: write an entry with its scores at once, read entries back, read session totals."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Insert, func, select
from sqlalchemy.dialects import postgresql, sqlite

from unhunch.core.diary import Entry
from unhunch.core.trends import SessionDone
from unhunch.store.tables import diary_entries, pain_scores, session_items, sessions


def _insert_ignoring_duplicates(
    connection: Connection, table: Any, values: dict[str, Any]
) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING on both SQLite and PostgreSQL.

    Two writers racing with the same client-made id must not both fail or both write: the
    database decides, and exactly one row results.
    """
    if connection.dialect.name == "postgresql":
        statement: Insert = postgresql.insert(table).values(**values).on_conflict_do_nothing()
    else:
        statement = sqlite.insert(table).values(**values).on_conflict_do_nothing()
    # RETURNING tells reliably whether the row went in (psycopg reports no rowcount here).
    return statement.returning(table.c.id)


def insert_entry(connection: Connection, person: str, entry: Entry) -> bool:
    """Write an entry and its scores; False (and nothing written) when the id already exists."""
    statement = _insert_ignoring_duplicates(
        connection,
        diary_entries,
        {
            "id": entry.id,
            "person": person,
            "recorded_at": entry.recorded_at,
            "when": entry.when,
            "note": entry.note,
            "symptoms": list(entry.symptoms),
            "session_id": entry.session_id,
        },
    )
    if connection.execute(statement).first() is None:
        return False
    connection.execute(
        pain_scores.insert(),
        [{"entry_id": entry.id, "region": r, "pain": p} for r, p in entry.scores.items()],
    )
    return True


def get_entry(connection: Connection, person: str, entry_id: str) -> Entry | None:
    found = _read(connection, person, diary_entries.c.id == entry_id)
    return found[0] if found else None


def entries_between(
    connection: Connection, person: str, start: dt.datetime | None, end: dt.datetime | None
) -> list[Entry]:
    """Entries with start <= recorded_at < end (either bound open when None), oldest first."""
    conditions = []
    if start is not None:
        conditions.append(diary_entries.c.recorded_at >= start)
    if end is not None:
        conditions.append(diary_entries.c.recorded_at < end)
    return _read(connection, person, *conditions)


def latest_per_region(connection: Connection, person: str) -> dict[str, tuple[int, Entry]]:
    """For each region, the most recent score and the entry it came from."""
    newest = (
        select(pain_scores.c.region, func.max(diary_entries.c.recorded_at).label("at"))
        .join(diary_entries, diary_entries.c.id == pain_scores.c.entry_id)
        .where(diary_entries.c.person == person)
        .group_by(pain_scores.c.region)
        .subquery()
    )
    rows = connection.execute(
        select(pain_scores.c.entry_id, pain_scores.c.region)
        .join(diary_entries, diary_entries.c.id == pain_scores.c.entry_id)
        .join(
            newest,
            (newest.c.region == pain_scores.c.region)
            & (newest.c.at == diary_entries.c.recorded_at),
        )
        .where(diary_entries.c.person == person)
        .order_by(diary_entries.c.seq.desc())  # same instant: the entry written last wins
    ).all()
    result: dict[str, tuple[int, Entry]] = {}
    for entry_id, region in rows:
        entry = get_entry(connection, person, entry_id)
        if entry is not None and region not in result:
            result[region] = (entry.scores[region], entry)
    return result


def _read(connection: Connection, person: str, *conditions: Any) -> list[Entry]:
    rows = connection.execute(
        select(diary_entries)
        .where(diary_entries.c.person == person, *conditions)
        .order_by(diary_entries.c.recorded_at, diary_entries.c.seq)
    ).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    scores: dict[str, dict[str, int]] = defaultdict(dict)
    # Chunked so a long history stays under SQLite's limit on bound parameters.
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for entry_id, region, pain in connection.execute(
            select(pain_scores.c.entry_id, pain_scores.c.region, pain_scores.c.pain).where(
                pain_scores.c.entry_id.in_(chunk)
            )
        ):
            scores[entry_id][region] = pain
    return [
        Entry.model_validate(
            {
                "id": r.id,
                "recorded_at": r.recorded_at,
                "when": r.when,
                "scores": scores[r.id],
                "note": r.note,
                "symptoms": tuple(r.symptoms or ()),
                "session_id": r.session_id,
            }
        )
        for r in rows
        if scores[r.id]  # an entry always has scores; never show one that somehow lacks them
    ]


def sessions_between(
    connection: Connection, person: str, start: dt.datetime | None, end: dt.datetime | None
) -> list[SessionDone]:
    """Sessions started in the range, with the seconds of exercise recorded for each."""
    seconds = (
        select(session_items.c.session_id, func.sum(session_items.c.seconds).label("seconds"))
        .group_by(session_items.c.session_id)
        .subquery()
    )
    query = (
        select(sessions.c.id, sessions.c.started_at, sessions.c.status, seconds.c.seconds)
        .outerjoin(seconds, seconds.c.session_id == sessions.c.id)
        .where(sessions.c.person == person)
        .order_by(sessions.c.started_at)
    )
    if start is not None:
        query = query.where(sessions.c.started_at >= start)
    if end is not None:
        query = query.where(sessions.c.started_at < end)
    return [
        SessionDone(id=r.id, started_at=r.started_at, status=r.status, seconds=int(r.seconds or 0))
        for r in connection.execute(query)
    ]
