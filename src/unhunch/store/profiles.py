"""The person's usual profile: one JSON document per person."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from unhunch.store.tables import profiles


def save_profile(
    connection: Connection, person: str, data: dict[str, Any], now: dt.datetime
) -> None:
    """Insert or replace the person's profile in one statement (safe under concurrent saves)."""
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = insert(profiles).values(person=person, data=data, updated_at=now)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["person"], set_={"data": data, "updated_at": now}
        )
    )


def load_profile(connection: Connection, person: str) -> dict[str, Any] | None:
    row = connection.execute(select(profiles.c.data).where(profiles.c.person == person)).first()
    if row is None:
        return None
    data = row[0]
    return dict(data) if isinstance(data, dict) else None
