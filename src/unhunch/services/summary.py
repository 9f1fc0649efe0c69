"""The one-page clinician summary: gather the person's own record over the last N days, and
render it as a single A4 PDF page.

Nothing is recomputed differently from the progress view: pain trends, the meaningful-change
rule, session counts and next-morning pain all come from core/trends (via services/diary), the
screen from the coaching gate, breaks from services/breaks_summary. What is new here is only
the per-session detail a clinician asks about: sessions that were stopped and why, exercises
that were too much, and the ones done most often.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from unhunch.core.errors import InputError, SafetyRefusal
from unhunch.core.library import Library
from unhunch.core.models import Routine
from unhunch.core.trends import Progress
from unhunch.core.trends_words import next_morning_sentence
from unhunch.core.warnings import warning_signs
from unhunch.services.context import Context
from unhunch.summary import parts
from unhunch.summary.model import (
    BreaksPart,
    CoachingPart,
    NextMorningPart,
    RoutinePart,
    ScreenPart,
    Summary,
)


def clinician_summary(ctx: Context, now: dt.datetime, days: int = 30) -> Summary:
    """Everything the one page shows, as data (also what `unhunch summary --json` prints)."""
    summary, _ = _gather(ctx, now, days)
    return summary


def summary_pdf(ctx: Context, now: dt.datetime, days: int = 30) -> tuple[Summary, bytes]:
    """The summary and its one-page PDF, with the progress chart drawn in."""
    from unhunch.services.charts import render_progress_chart
    from unhunch.summary.render import render_pdf

    summary, report = _gather(ctx, now, days)
    chart = render_progress_chart(report, "svg").decode("utf-8") if summary.has_data else None
    return summary, render_pdf(summary, chart)


def _gather(ctx: Context, now: dt.datetime, days: int) -> tuple[Summary, Progress]:
    from unhunch.content import load_library
    from unhunch.services.diary import entries, see_progress
    from unhunch.services.planning import rules_profile
    from unhunch.services.screening import coaching_status
    from unhunch.store.screens import DiaryPoint

    if not 7 <= days <= 3660:
        raise InputError("--days", days, "a whole number of days from 7 to 3660")
    if now.tzinfo is None:
        raise InputError("now", now, "a date-time with its time zone")
    library = load_library()
    report = see_progress(ctx, now, days)
    today = report.as_of
    first = today - dt.timedelta(days=days - 1)
    since = dt.datetime.combine(first, dt.time(), tzinfo=now.tzinfo)
    status = coaching_status(ctx, now)
    profile = rules_profile(ctx)  # its conditions and those the screens named
    sessions = _sessions_since(ctx, since)
    breaks = _breaks(ctx, now, days)
    pain = [parts.region(t, today) for t in report.regions]
    history = entries(ctx)
    symptoms = parts.symptoms([e for e in history if e.recorded_at >= since], now.tzinfo)
    # The gate's own rule (core/warnings.py), over the period: only its pain jumps, since the
    # symptoms are counted per day above.
    readings = [
        DiaryPoint(e.recorded_at, {str(r): p for r, p in e.scores.items()}, e.symptoms)
        for e in history
    ]
    jumps = [w for w in warning_signs(readings, since=since) if " pain rose from " in w]
    has_data = bool(status.latest or profile or report.regions or sessions or breaks or symptoms)
    summary = Summary(
        generated_at=now,
        period_from=first,
        period_to=today,
        days=days,
        has_data=has_data,
        screen=_screen(status.latest, now) if status.latest else None,
        coaching=CoachingPart(
            allowed=status.allowed,
            reason=status.reason,
            warnings=list(status.warnings),
            note=_paused(status, now),
        ),
        profile=parts.profile(profile, library) if profile else None,
        pain=pain,
        symptoms=symptoms,
        pain_jumps=[j[0].upper() + j[1:] for j in jumps],
        sessions=parts.session_part(report, sessions, library, now.tzinfo),
        next_morning=[
            NextMorningPart(**n.model_dump(), words=next_morning_sentence(n))
            for n in report.next_morning
        ],
        breaks=breaks,
        routine=_routine(ctx, now, sessions, status.allowed, library),
    )
    return summary, report


def _screen(record: Any, now: dt.datetime) -> ScreenPart:
    from unhunch.core.triage import reason_labels, result_title
    from unhunch.services.screening import outcome_of, screening_content

    content = screening_content()
    reasons = reason_labels(outcome_of(record), content)
    title = result_title(record.tier, record.may_coach, content)
    answers = record.answers
    return ScreenPart(
        taken_at=record.taken_at.astimezone(now.tzinfo),
        days_ago=(now - record.taken_at).days,
        tier=record.tier,
        title=title,
        raised=record.tier != "self_care",
        may_coach=record.may_coach,
        reasons=reasons,
        advice=record.advice,
        pain_weeks=answers.get("pain_weeks"),
        improving=answers.get("improving"),
        clinician_cleared=answers.get("clinician_cleared"),
        age=answers.get("age"),
    )


def _paused(status: Any, now: dt.datetime) -> str | None:
    """Why coaching is paused, in words for the clinician (the screen's own advice is shown
    with the screen, so it is not repeated here)."""
    from unhunch.core.screening_rules import RESCREEN_DAYS

    latest = status.latest
    if status.allowed or latest is None:
        return None
    if not latest.may_coach:
        return "unhunch gives no routine while this result stands."
    if status.warnings:
        return (
            "Coaching is paused: since this screen the diary noted "
            + "; ".join(status.warnings).replace("noted in your diary ", "")
            + ". unhunch asks the screen again before the next session."
        )
    return (
        f"Coaching is paused: this screen is {(now - latest.taken_at).days} days old and "
        f"unhunch asks for a new one every {RESCREEN_DAYS} days."
    )


def _sessions_since(ctx: Context, since: dt.datetime) -> list[dict[str, Any]]:
    """Every session started in the period, with its items, oldest first."""
    from unhunch.store import diary as diary_rows
    from unhunch.store.db import transaction
    from unhunch.store.sessions import load_session

    with transaction(ctx.database_url) as conn:
        found = diary_rows.sessions_between(conn, ctx.person, since, None)
        loaded = [load_session(conn, ctx.person, s.id) for s in found]
    return [s for s in loaded if s is not None]


def _breaks(ctx: Context, now: dt.datetime, days: int) -> BreaksPart | None:
    """Movement breaks, only when the person has used them (no events: nothing to say)."""
    from unhunch.services.breaks_summary import breaks_summary

    moved = breaks_summary(ctx, now, days)
    if not moved.per_day:
        return None
    working = len(moved.per_day)
    return BreaksPart(
        working_days=working,
        taken=moved.taken,
        skipped=sum(d.skipped for d in moved.per_day),
        snoozed=sum(d.snoozed for d in moved.per_day),
        per_day=round(moved.taken / working, 1),
        # The first sentence is the tally; the rest compare pain, one per region, and only
        # those with enough days on each side say anything a clinician can use.
        sentences=moved.sentences[:1]
        + [said for c, said in zip(moved.comparison, moved.sentences[1:], strict=True) if c.enough],
    )


def _routine(
    ctx: Context,
    now: dt.datetime,
    sessions: Sequence[dict[str, Any]],
    allowed: bool,
    library: Library,
) -> RoutinePart | None:
    """The routine last done in the period; with none, today's plan (only when coaching is
    allowed: a routine must never appear while the screen says not to exercise)."""
    from pydantic import ValidationError

    for latest in sorted(sessions, key=lambda s: s["started_at"], reverse=True):
        try:
            routine = Routine.model_validate(latest["routine"])
        except ValidationError:  # stored by an older version in another shape: try the next
            continue
        on = latest["started_at"].astimezone(now.tzinfo).date()
        return parts.routine_part(routine, "latest_session", on, library)
    if not allowed:
        return None
    from unhunch.services.planning import plan_today

    try:
        routine = plan_today(ctx, now)
    except (InputError, SafetyRefusal):  # no profile saved yet
        return None
    return parts.routine_part(routine, "planned_today", now.date(), library)
