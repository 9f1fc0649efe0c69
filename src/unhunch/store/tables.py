"""Table definitions (SQLAlchemy Core). Changes go through an Alembic migration."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    case,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert


class Moment(TypeDecorator[dt.datetime]):
    """An aware date-time, stored in UTC and given back aware (UTC) on every database.

    SQLite has no time-zone type; naive values are refused so nothing is stored ambiguously.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise ValueError("date-times must be timezone-aware")
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def next_seq(context: Any) -> int:
    """The next write number for this person (a column default), shared by the four tables.

    Taken from the person's row in `write_counters` by one INSERT … ON CONFLICT DO UPDATE …
    RETURNING inside the inserting transaction. Being a write, it holds the lock (SQLite's write
    lock, PostgreSQL's row lock) until the transaction ends, so two writers can never draw the
    same number — reading max(seq) + 1 could, and did under parallel `log pain` runs. A person's
    screens, sessions, diary entries and break events are so numbered in the order they were
    written, which says what came after the latest screen even when the clock is fixed.

    The counter never falls behind the rows: it is at least the highest stored `seq` + 1, so rows
    a restore brought with their own numbers are followed, not repeated.
    """
    person = context.get_current_parameters()["person"]
    highest = [
        select(func.coalesce(func.max(t.c.seq), 0)).where(t.c.person == person).scalar_subquery()
        for t in ORDERED
    ]
    following = _greatest(highest) + 1
    dialect = context.connection.dialect.name
    insert: Any = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(write_counters).values(person=person, seq=following)
    statement = statement.on_conflict_do_update(
        index_elements=["person"],
        set_={"seq": _greatest([write_counters.c.seq + 1, statement.excluded.seq])},
    ).returning(write_counters.c.seq)
    return int(context.connection.execute(statement).scalar_one())


def _greatest(values: list[Any]) -> Any:
    # max() of a few numbers portable across SQLite and PostgreSQL: a CASE ladder.
    best = values[0]
    for value in values[1:]:
        best = case((value > best, value), else_=best)
    return best


# `seq` (screens, sessions, diary entries, break events): the per-person write order, so the
# latest record is well defined even when two share a time (a fixed clock, the same instant).
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# The person's usual profile (one row per person; local mode has person "me").
profiles = Table(
    "profiles",
    metadata,
    Column("person", String(64), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", Moment(), nullable=False),
)

# Red-flag screens: what was answered and what it meant.
screens = Table(
    "screens",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("person", String(64), nullable=False, index=True),
    Column("taken_at", Moment(), nullable=False, index=True),
    Column("answers", JSON, nullable=False),
    Column("tier", String(16), nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("advice", Text, nullable=False),
    Column("may_coach", Boolean, nullable=False),
    Column("seq", BigInteger, nullable=False, server_default="0", default=next_seq),
)

# Guided sessions; the id is made by the client before the first write (retries are idempotent).
sessions = Table(
    "sessions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("person", String(64), nullable=False, index=True),
    Column("started_at", Moment(), nullable=False, index=True),
    Column("ended_at", Moment(), nullable=True),
    Column("status", String(16), nullable=False),  # running, completed, stopped, quit
    Column("stop_reason", Text, nullable=True),
    Column("routine", JSON, nullable=False),
    Column("pain_before", JSON, nullable=True),
    Column("pain_after", JSON, nullable=True),
    Column("seq", BigInteger, nullable=False, server_default="0", default=next_seq),
)

session_items = Table(
    "session_items",
    metadata,
    Column(
        "session_id", String(36), ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("position", Integer, primary_key=True),
    Column("exercise", String(64), nullable=False),
    Column("outcome", String(16), nullable=False),  # done, skipped, stopped, eased
    Column("reason", Text, nullable=True),
    Column("seconds", Integer, nullable=False, default=0),
)

# Pain diary: one entry (client-made id) holds a score for one or more regions.
diary_entries = Table(
    "diary_entries",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("person", String(64), nullable=False, index=True),
    Column("recorded_at", Moment(), nullable=False, index=True),
    Column("when", String(16), nullable=False),  # morning, day, evening, before_session, ...
    Column("note", Text, nullable=True),
    Column("symptoms", JSON, nullable=False),
    Column("session_id", String(36), ForeignKey("sessions.id", ondelete="SET NULL"), nullable=True),
    Column("seq", BigInteger, nullable=False, server_default="0", default=next_seq),
)

pain_scores = Table(
    "pain_scores",
    metadata,
    Column(
        "entry_id", String(36), ForeignKey("diary_entries.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("region", String(16), primary_key=True),
    Column("pain", Integer, nullable=False),
)

# Movement breaks: what happened to each one (taken, snoozed, skipped).
break_events = Table(
    "break_events",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("person", String(64), nullable=False, index=True),
    Column("at", Moment(), nullable=False, index=True),
    Column("due_at", Moment(), nullable=True),
    Column("action", String(16), nullable=False),
    Column("routine", JSON, nullable=True),
    Column("seq", BigInteger, nullable=False, server_default="0", default=next_seq),
)

# Small per-person settings (break schedule, preferences), one JSON value per key.
preferences = Table(
    "preferences",
    metadata,
    Column("person", String(64), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("value", JSON, nullable=False),
)


# The last write number handed out per person (see next_seq).
write_counters = Table(
    "write_counters",
    metadata,
    Column("person", String(64), primary_key=True),
    Column("seq", BigInteger, nullable=False),
)

ORDERED = (screens, sessions, diary_entries, break_events)
