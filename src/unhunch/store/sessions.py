"""Guided sessions in the store: one idempotent save that writes the whole record.

The session id is made by the client before the first write, and every save rewrites the
session row, its items and its before/after diary entries under that id inside one transaction,
so saving again (a retry, or progress saved during the session) never doubles anything.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from unhunch.core.session_record import SessionRecord
from unhunch.store.tables import diary_entries, pain_scores, session_items, sessions


def _upsert(connection: Connection, table: Table, values: dict[str, Any], key: list[str]) -> None:
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = insert(table).values(**values)
    changes = {k: v for k, v in values.items() if k not in key}
    connection.execute(statement.on_conflict_do_update(index_elements=key, set_=changes))


def save_session(connection: Connection, person: str, record: SessionRecord) -> None:
    _upsert(
        connection,
        sessions,
        {
            "id": record.id,
            "person": person,
            "started_at": record.started_at,
            "ended_at": record.ended_at,
            "status": record.status,
            "stop_reason": record.stop_reason,
            "routine": record.routine.model_dump(mode="json"),
            "pain_before": record.pain_before,
            "pain_after": record.pain_after,
        },
        ["id"],
    )
    connection.execute(delete(session_items).where(session_items.c.session_id == record.id))
    if record.items:
        connection.execute(
            session_items.insert(),
            [
                {
                    "session_id": record.id,
                    "position": item.item,
                    "exercise": item.exercise,
                    "outcome": item.outcome,
                    "reason": item.reason,
                    "seconds": item.seconds,
                }
                for item in record.items
            ],
        )
    _save_pain(connection, person, record, "before_session", record.pain_before)
    if record.ended_at is not None:
        _save_pain(connection, person, record, "after_session", record.pain_after)


def _save_pain(
    connection: Connection,
    person: str,
    record: SessionRecord,
    when: str,
    pain: dict[str, int] | None,
) -> None:
    """The check-in as a diary entry (tied to the session), so the diary shows it too.

    A session stopped for spreading pain notes it in the after entry, which makes the screen
    be asked again before the next session (core/warnings.py).
    """
    entry_id = record.diary_entry_id(when)
    symptoms = record.symptoms_after if when == "after_session" else []
    connection.execute(delete(pain_scores).where(pain_scores.c.entry_id == entry_id))
    if not pain and not symptoms:
        connection.execute(delete(diary_entries).where(diary_entries.c.id == entry_id))
        return
    recorded_at = record.started_at if when == "before_session" else record.ended_at
    _upsert(
        connection,
        diary_entries,
        {
            "id": entry_id,
            "person": person,
            "recorded_at": recorded_at,
            "when": when,
            "note": None,
            "symptoms": symptoms,
            "session_id": record.id,
        },
        ["id"],
    )
    if pain:
        connection.execute(
            pain_scores.insert(),
            [{"entry_id": entry_id, "region": r, "pain": p} for r, p in sorted(pain.items())],
        )


def load_session(connection: Connection, person: str, session_id: str) -> dict[str, Any] | None:
    """The stored session with its items in order (for summaries and tests)."""
    row = (
        connection.execute(
            select(sessions).where(sessions.c.id == session_id, sessions.c.person == person)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    items = connection.execute(
        select(session_items)
        .where(session_items.c.session_id == session_id)
        .order_by(session_items.c.position)
    ).mappings()
    return dict(row) | {"items": [dict(i) for i in items]}


def latest_session_id(connection: Connection, person: str) -> str | None:
    found = connection.execute(
        select(sessions.c.id)
        .where(sessions.c.person == person)
        .order_by(sessions.c.started_at.desc())
        .limit(1)
    ).scalar()
    return str(found) if found is not None else None
