"""Movement breaks in the store: the schedule (preference "breaks") and what happened to each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from unhunch.store.tables import break_events, preferences, sessions

SETTINGS_KEY = "breaks"


def load_settings(connection: Connection, person: str) -> dict[str, Any] | None:
    row = connection.execute(
        select(preferences.c.value).where(
            preferences.c.person == person, preferences.c.key == SETTINGS_KEY
        )
    ).first()
    return dict(row[0]) if row is not None and isinstance(row[0], dict) else None


def save_settings(connection: Connection, person: str, value: dict[str, Any]) -> None:
    """Insert or replace the person's break settings in one statement (safe when concurrent)."""
    upsert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = upsert(preferences).values(person=person, key=SETTINGS_KEY, value=value)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["person", "key"], set_={"value": value})
    )


def add_event(
    connection: Connection,
    person: str,
    event_id: str,
    at: dt.datetime,
    action: str,
    due_at: dt.datetime | None,
    routine: dict[str, Any] | None,
) -> bool:
    """Store one event; False when that id is already stored (a retry never doubles it)."""
    exists = connection.execute(
        select(break_events.c.id).where(break_events.c.id == event_id)
    ).first()
    if exists is not None:
        return False
    connection.execute(
        insert(break_events).values(
            id=event_id, person=person, at=at, action=action, due_at=due_at, routine=routine
        )
    )
    return True


def events_between(
    connection: Connection, person: str, start: dt.datetime | None, end: dt.datetime | None
) -> list[dict[str, Any]]:
    """Events with start <= at < end, oldest first."""
    query = select(
        break_events.c.id,
        break_events.c.at,
        break_events.c.action,
        break_events.c.due_at,
        break_events.c.routine,
    ).where(break_events.c.person == person)
    if start is not None:
        query = query.where(break_events.c.at >= start)
    if end is not None:
        query = query.where(break_events.c.at < end)
    # Same instant (a fixed clock): the write order decides, as for the other records.
    rows = connection.execute(query.order_by(break_events.c.at, break_events.c.seq)).all()
    return [dict(row._mapping) for row in rows]


def sessions_ended_between(
    connection: Connection, person: str, start: dt.datetime, end: dt.datetime
) -> list[dt.datetime]:
    """When guided sessions ended (each one resets the break clock), oldest first."""
    rows = connection.execute(
        select(sessions.c.ended_at)
        .where(
            and_(
                sessions.c.person == person,
                sessions.c.ended_at.is_not(None),
                sessions.c.ended_at >= start,
                sessions.c.ended_at < end,
            )
        )
        .order_by(sessions.c.ended_at)
    ).all()
    return [row[0] for row in rows]


def count_events(connection: Connection, person: str) -> int:
    return int(
        connection.execute(
            select(func.count()).select_from(break_events).where(break_events.c.person == person)
        ).scalar_one()
    )
