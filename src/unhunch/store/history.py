"""What progression needs from the records: recent sessions, and pain before and after them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from unhunch.store.tables import diary_entries, pain_scores, session_items, sessions


@dataclass(frozen=True)
class SessionRow:
    id: str
    started_at: dt.datetime
    status: str
    routine: dict[str, Any]
    pain_before: dict[str, int] | None
    outcomes: dict[str, str] = field(default_factory=dict)  # exercise -> done/skipped/...


def recent_sessions(connection: Connection, person: str, since: dt.datetime) -> list[SessionRow]:
    """Sessions started since the moment, oldest first, with each item's outcome."""
    rows = connection.execute(
        select(
            sessions.c.id,
            sessions.c.started_at,
            sessions.c.status,
            sessions.c.routine,
            sessions.c.pain_before,
        )
        .where(sessions.c.person == person, sessions.c.started_at >= since)
        .order_by(sessions.c.started_at, sessions.c.id)
    ).all()
    if not rows:
        return []
    outcomes: dict[str, dict[str, str]] = defaultdict(dict)
    for sid, exercise, outcome in connection.execute(
        select(session_items.c.session_id, session_items.c.exercise, session_items.c.outcome)
        .where(session_items.c.session_id.in_([r.id for r in rows]))
        .order_by(session_items.c.session_id, session_items.c.position)
    ):
        outcomes[sid][exercise] = outcome
    return [
        SessionRow(
            id=r.id,
            started_at=r.started_at,
            status=r.status,
            routine=r.routine if isinstance(r.routine, dict) else {},
            pain_before=_scores(r.pain_before),
            outcomes=outcomes.get(r.id, {}),
        )
        for r in rows
    ]


def morning_pain(
    connection: Connection, person: str, since: dt.datetime
) -> list[tuple[dt.datetime, dict[str, int]]]:
    """Morning diary scores since the moment, oldest first."""
    rows = connection.execute(
        select(
            diary_entries.c.id,
            diary_entries.c.recorded_at,
            pain_scores.c.region,
            pain_scores.c.pain,
        )
        .join(pain_scores, pain_scores.c.entry_id == diary_entries.c.id)
        .where(
            diary_entries.c.person == person,
            diary_entries.c.when == "morning",
            diary_entries.c.recorded_at >= since,
        )
        .order_by(diary_entries.c.recorded_at, diary_entries.c.id)
    ).all()
    entries: dict[str, tuple[dt.datetime, dict[str, int]]] = {}
    for entry_id, at, region, pain in rows:
        entries.setdefault(entry_id, (at, {}))[1][region] = int(pain)
    return sorted(entries.values(), key=lambda e: e[0])


def _scores(value: Any) -> dict[str, int] | None:
    if not isinstance(value, dict):
        return None
    return {str(k): int(v) for k, v in value.items() if isinstance(v, int)}
