"""Stored red-flag screens, and the diary readings the coaching gate checks against them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import Connection, select

from unhunch.core.screening_rules import Tier
from unhunch.core.triage import Outcome, ScreenRecord
from unhunch.store.tables import diary_entries, pain_scores, screens, sessions


def add_screen(
    conn: Connection, person: str, taken_at: dt.datetime, answers: Mapping[str, Any], o: Outcome
) -> ScreenRecord:
    record = ScreenRecord(
        id=str(uuid.uuid4()),
        person=person,
        taken_at=taken_at.astimezone(dt.UTC),
        answers=dict(answers),
        tier=o.tier,
        reasons=o.reasons,
        advice=o.advice,
        may_coach=o.may_coach,
    )
    seq = conn.execute(
        screens.insert()
        .values(
            id=record.id,
            person=person,
            taken_at=record.taken_at,
            answers=record.answers,
            tier=record.tier,
            reasons=list(record.reasons),
            advice=record.advice,
            may_coach=record.may_coach,
        )
        .returning(screens.c.seq)
    ).scalar_one()
    return replace(record, seq=int(seq))


def latest_screen(conn: Connection, person: str) -> ScreenRecord | None:
    row = conn.execute(
        select(screens)
        .where(screens.c.person == person)
        .order_by(screens.c.taken_at.desc(), screens.c.seq.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return ScreenRecord(
        id=row.id,
        person=row.person,
        taken_at=row.taken_at,
        answers=row.answers,
        tier=cast(Tier, row.tier),
        reasons=tuple(row.reasons),
        advice=row.advice,
        may_coach=bool(row.may_coach),
        seq=int(row.seq),
    )


@dataclass(frozen=True)
class DiaryPoint:
    """A diary entry as the warning rule reads it (core/warnings.py)."""

    recorded_at: dt.datetime
    scores: Mapping[str, int]
    symptoms: Sequence[str]
    seq: int = 0


def diary_points(conn: Connection, person: str) -> list[DiaryPoint]:
    """Every diary entry of the person, oldest first, with its scores and symptoms.

    All of them, because a pain jump compares with each region's previous entry, however old;
    a personal diary stays small (a few entries a day).
    """
    entries = conn.execute(
        select(
            diary_entries.c.id,
            diary_entries.c.recorded_at,
            diary_entries.c.symptoms,
            diary_entries.c.seq,
        )
        .where(diary_entries.c.person == person)
        .order_by(diary_entries.c.recorded_at, diary_entries.c.seq)
    ).all()
    scores: dict[str, dict[str, int]] = defaultdict(dict)
    rows = conn.execute(
        select(pain_scores.c.entry_id, pain_scores.c.region, pain_scores.c.pain)
        .join(diary_entries, diary_entries.c.id == pain_scores.c.entry_id)
        .where(diary_entries.c.person == person)
    ).all()
    for entry_id, region, pain in rows:
        scores[entry_id][region] = int(pain)
    return [
        DiaryPoint(
            recorded_at=e.recorded_at,
            scores=scores[e.id],
            symptoms=list(e.symptoms or []),
            seq=int(e.seq),
        )
        for e in entries
    ]


@dataclass(frozen=True)
class SessionStop:
    """A session that ended on a stop rule that asks for the screen again."""

    started_at: dt.datetime
    stop_reason: str
    seq: int


# Stop rules (core/stop_rules.py) after which no session starts before a new screen.
RESCREEN_STOPS = ("cardiac_or_faint", "spreading")


def session_stops(conn: Connection, person: str, after_seq: int) -> list[SessionStop]:
    """Sessions written after the given write number that stopped for a re-screen reason."""
    rows = conn.execute(
        select(sessions.c.started_at, sessions.c.stop_reason, sessions.c.seq)
        .where(
            sessions.c.person == person,
            sessions.c.seq > after_seq,
            sessions.c.stop_reason.in_(RESCREEN_STOPS),
        )
        .order_by(sessions.c.seq)
    ).all()
    return [SessionStop(r.started_at, r.stop_reason, int(r.seq)) for r in rows]


def screen_answers(conn: Connection, person: str) -> list[Mapping[str, Any]]:
    """Every screen's answers document, oldest first (the conditions the screens named)."""
    rows = conn.execute(
        select(screens.c.answers)
        .where(screens.c.person == person)
        .order_by(screens.c.taken_at, screens.c.seq)
    )
    return [row.answers for row in rows if isinstance(row.answers, Mapping)]
