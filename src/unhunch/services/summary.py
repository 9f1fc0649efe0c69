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
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from unhunch.core.errors import InputError, SafetyRefusal
from unhunch.core.library import Library
from unhunch.core.models import Profile, Routine
from unhunch.core.trends import Progress
from unhunch.core.trends_words import next_morning_sentence, region_sentence
from unhunch.core.vocab import label
from unhunch.core.warnings import SYMPTOM_WORDS
from unhunch.services.context import Context
from unhunch.summary.model import (
    BreaksPart,
    CoachingPart,
    ExerciseCount,
    NextMorningPart,
    ProfilePart,
    RegionPart,
    RoutineLine,
    RoutinePart,
    ScreenPart,
    SessionsPart,
    StoppedSession,
    Summary,
    SymptomPart,
)

MOST_DONE = 5
# Why a session or an exercise was stopped, in words a clinician reads at a glance (the rules
# are in core/stop_rules.py; sources D12-D15).
STOP_WORDS: dict[str, str] = {
    "cardiac_or_faint": "chest pain, dizziness or feeling faint (told to get emergency help)",
    "spreading": "pain, numbness or tingling spreading down an arm or leg (asked to re-screen)",
    "pain_above_limit": "pain above 5/10",
    "pain_rise": "pain 3 or more points above the start",
    "too_much": "said it felt too much",
    "you ended the session": "ended early by the person",
    "eased to an easier version": "switched to an easier version",
}


def stop_words(reason: str | None) -> str:
    if not reason:
        return "no reason recorded"
    rule = reason.split(":", 1)[0]
    return STOP_WORDS.get(reason, STOP_WORDS.get(rule, reason))


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
    from unhunch.services.planning import load_profile
    from unhunch.services.screening import coaching_status

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
    profile = load_profile(ctx)
    sessions = _sessions_since(ctx, since)
    breaks = _breaks(ctx, now, days)
    pain = [_region(t, today) for t in report.regions]
    symptoms = _symptoms(entries(ctx, since, None), now.tzinfo)
    has_data = bool(status.latest or profile or report.regions or sessions or breaks or symptoms)
    summary = Summary(
        generated_at=now,
        period_from=first,
        period_to=today,
        days=days,
        has_data=has_data,
        screen=_screen(status.latest, now) if status.latest else None,
        coaching=CoachingPart(
            allowed=status.allowed, reason=status.reason, warnings=list(status.warnings)
        ),
        profile=_profile(profile, library) if profile else None,
        pain=pain,
        symptoms=symptoms,
        sessions=_session_part(report, sessions, library, now.tzinfo),
        next_morning=[
            NextMorningPart(**n.model_dump(), words=next_morning_sentence(n))
            for n in report.next_morning
        ],
        breaks=breaks,
        routine=_routine(ctx, now, sessions, status.allowed, library),
    )
    return summary, report


def _screen(record: Any, now: dt.datetime) -> ScreenPart:
    from unhunch.core.screening_rules import rank
    from unhunch.services.screening import outcome_of, screening_content

    content = screening_content()
    outcome = outcome_of(record)
    if outcome.findings:
        ordered = sorted(outcome.findings, key=lambda f: rank(f.tier))
        reasons = [content.finding_label(f.rule) for f in ordered]
    else:
        reasons = [content.label(r) for r in outcome.reasons]
    title = content.tiers[record.tier].title
    if record.tier == "see_doctor" and record.may_coach:
        title = "Cleared by a clinician: gentle coaching only"
    answers = record.answers
    return ScreenPart(
        taken_at=record.taken_at.astimezone(now.tzinfo),
        days_ago=(now - record.taken_at).days,
        tier=record.tier,
        title=title,
        raised=record.tier != "self_care",
        may_coach=record.may_coach,
        reasons=list(dict.fromkeys(reasons)),
        advice=record.advice,
        pain_weeks=answers.get("pain_weeks"),
        improving=answers.get("improving"),
        clinician_cleared=answers.get("clinician_cleared"),
        age=answers.get("age"),
    )


def _name(library: Library, exercise_id: str) -> str:
    found = library.exercises.get(exercise_id)
    return found.name if found else exercise_id.replace("_", " ")


def _profile(profile: Profile, library: Library) -> ProfilePart:
    return ProfilePart(
        pain={str(r): p for r, p in profile.pain.items()},
        minutes=profile.minutes,
        setting=profile.setting,
        equipment=list(profile.equipment),
        level=profile.level,
        conditions=list(profile.conditions),
        favourites=[_name(library, e) for e in profile.favourites],
        excluded=[_name(library, e) for e in profile.excluded],
    )


def _region(trend: Any, today: dt.date) -> RegionPart:
    return RegionPart(
        region=trend.region,
        latest=trend.latest,
        latest_on=trend.latest_at.date() if trend.latest_at else None,
        avg_7=trend.avg_7,
        days_7=trend.days_7,
        avg_30=trend.avg_30,
        days_30=trend.days_30,
        first_week_avg=trend.first_week_avg,
        first_day=trend.first_day,
        change=trend.change,
        change_share=trend.change_share,
        meaningful=trend.meaningful,
        words=region_sentence(trend, today),
    )


def _symptoms(found: Sequence[Any], tz: dt.tzinfo) -> list[SymptomPart]:
    """Warning symptoms noted in the diary in the period: on how many days, and the last one."""
    days: dict[str, set[dt.date]] = defaultdict(set)
    for entry in found:
        for symptom in entry.symptoms:
            days[symptom].add(entry.recorded_at.astimezone(tz).date())
    return [
        SymptomPart(symptom=s, words=SYMPTOM_WORDS.get(s, label(s)), days=len(d), last_on=max(d))
        for s, d in sorted(days.items())
    ]


def _sessions_since(ctx: Context, since: dt.datetime) -> list[dict[str, Any]]:
    """Every session started in the period, with its items, oldest first."""
    from unhunch.store import diary as diary_rows
    from unhunch.store.db import transaction
    from unhunch.store.sessions import load_session

    with transaction(ctx.database_url) as conn:
        found = diary_rows.sessions_between(conn, ctx.person, since, None)
        loaded = [load_session(conn, ctx.person, s.id) for s in found]
    return [s for s in loaded if s is not None]


def _session_part(
    report: Progress, sessions: Sequence[dict[str, Any]], library: Library, tz: dt.tzinfo
) -> SessionsPart:
    stopped: list[StoppedSession] = []
    done: Counter[str] = Counter()
    too_much: Counter[str] = Counter()
    why: dict[str, list[str]] = defaultdict(list)
    for session in sessions:
        items = session["items"]
        for item in items:
            if item["outcome"] in ("done", "eased"):
                done[item["exercise"]] += 1
            # Eased, or skipped by a stop rule. An item "stopped" ended its whole session and
            # is listed with that session instead.
            rule = (item["reason"] or "").split(":", 1)[0]
            provoked = item["outcome"] == "eased" or (
                item["outcome"] == "skipped" and rule in STOP_WORDS
            )
            if provoked:
                too_much[item["exercise"]] += 1
                why[item["exercise"]].append(stop_words(item["reason"]))
        if session["status"] in ("stopped", "quit"):
            under_way = next((i for i in items if i["outcome"] == "stopped"), None)
            stopped.append(
                StoppedSession(
                    on=session["started_at"].astimezone(tz).date(),
                    status=session["status"],
                    reason=session["stop_reason"] or "",
                    words=stop_words(session["stop_reason"]),
                    exercise=_name(library, under_way["exercise"]) if under_way else None,
                )
            )
    stats = report.sessions
    return SessionsPart(
        count=stats.total_window,
        per_week=stats.per_week,
        minutes=stats.minutes_window,
        streak=stats.streak,
        completed=sum(1 for s in sessions if s["status"] == "completed"),
        stopped=stopped,
        too_much=[
            ExerciseCount(
                exercise=e, name=_name(library, e), times=n, reasons=list(dict.fromkeys(why[e]))
            )
            for e, n in too_much.most_common()
        ],
        most_done=[
            ExerciseCount(exercise=e, name=_name(library, e), times=n)
            for e, n in done.most_common(MOST_DONE)
        ],
    )


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
        return _routine_part(routine, "latest_session", on, library)
    if not allowed:
        return None
    from unhunch.services.planning import plan_today

    try:
        routine = plan_today(ctx, now)
    except (InputError, SafetyRefusal):  # no profile saved yet
        return None
    return _routine_part(routine, "planned_today", now.date(), library)


def _routine_part(routine: Routine, source: str, on: dt.date, library: Library) -> RoutinePart:
    return RoutinePart(
        source=source,
        on=on,
        total_seconds=routine.total_seconds,
        items=[
            RoutineLine(
                block=block.name,
                exercise=item.exercise,
                name=_name(library, item.exercise),
                dose=item.dose.describe(),
                seconds=item.seconds,
            )
            for block in routine.blocks
            for item in block.items
        ],
    )
