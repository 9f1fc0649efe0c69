"""Every record of one person, table by table, out of the store and back in.

The sections are the tables themselves (read from `tables.metadata`), so a column added by a
later migration is exported and imported without changes here. The `person` column is left out:
an export belongs to whoever imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Connection, Integer, String, Table, func, select
from sqlalchemy.exc import IntegrityError

from unhunch.core.errors import InputError
from unhunch.store import tables
from unhunch.store.tables import Moment

# Parents before children, so inserting in this order satisfies every foreign key.
SECTIONS: tuple[Table, ...] = (
    tables.profiles,
    tables.preferences,
    tables.screens,
    tables.sessions,
    tables.session_items,
    tables.diary_entries,
    tables.pain_scores,
    tables.break_events,
)
BY_NAME = {t.name: t for t in SECTIONS}
# Child tables have no person column; they belong to the person through their parent.
PARENT: dict[str, tuple[Table, str]] = {
    "session_items": (tables.sessions, "session_id"),
    "pain_scores": (tables.diary_entries, "entry_id"),
}


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    kind: str  # moment, json, bool, int, str
    nullable: bool
    has_default: bool
    max_length: int | None


def _kind(column: Column[Any]) -> str:
    if isinstance(column.type, Moment):
        return "moment"
    if isinstance(column.type, JSON):
        return "json"
    if isinstance(column.type, Boolean):
        return "bool"
    if isinstance(column.type, Integer):
        return "int"
    return "str"


def columns(table: Table) -> list[ColumnInfo]:
    """The exported columns of a table, in table order (person left out)."""
    return [
        ColumnInfo(
            name=c.name,
            kind=_kind(c),
            nullable=bool(c.nullable),
            has_default=c.default is not None,
            max_length=c.type.length if isinstance(c.type, String) else None,
        )
        for c in table.columns
        if c.name != "person"
    ]


def _owned(table: Table, person: str) -> Any:
    if "person" in table.c:
        return select(table).where(table.c.person == person)
    parent, key = PARENT[table.name]
    owner = select(parent.c.id).where(parent.c.person == person)
    return select(table).where(table.c[key].in_(owner))


def dump(connection: Connection, person: str) -> dict[str, list[dict[str, Any]]]:
    """All rows of a person, per table, in a stable order (primary key)."""
    result: dict[str, list[dict[str, Any]]] = {}
    for table in SECTIONS:
        query = _owned(table, person).order_by(*table.primary_key.columns)
        result[table.name] = [
            {k: v for k, v in row._mapping.items() if k != "person"}
            for row in connection.execute(query)
        ]
    return result


def count(connection: Connection, person: str) -> int:
    total = 0
    for table in SECTIONS:
        query = _owned(table, person).subquery()
        total += connection.execute(select(func.count()).select_from(query)).scalar_one()
    return total


def insert_all(connection: Connection, person: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    for table in SECTIONS:
        batch = rows.get(table.name, [])
        if not batch:
            continue
        if "person" in table.c:
            batch = [{**r, "person": person} for r in batch]
        try:
            connection.execute(table.insert(), batch)
        except IntegrityError:
            # Only possible on a shared server database: the ids belong to someone else.
            raise InputError(
                "file", table.name, "records whose ids are not already used in this database"
            ) from None
