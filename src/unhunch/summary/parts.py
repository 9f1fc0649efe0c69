"""The clinician summary's parts, shaped from what the core and the store give back (pure).

Stop rules are named in words a clinician reads at a glance (the rules: core/stop_rules.py,
sources D12-D15).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from unhunch.core.library import Library
from unhunch.core.models import Profile, Routine
from unhunch.core.trends import Progress, RegionTrend
from unhunch.core.trends_words import region_sentence
from unhunch.core.vocab import label
from unhunch.core.warnings import SYMPTOM_WORDS
from unhunch.summary.model import (
    ExerciseCount,
    ProfilePart,
    RegionPart,
    RoutineLine,
    RoutinePart,
    SessionsPart,
    StoppedSession,
    SymptomPart,
)

MOST_DONE = 5
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


def name(library: Library, exercise_id: str) -> str:
    found = library.exercises.get(exercise_id)
    return found.name if found else exercise_id.replace("_", " ")


def profile(kept: Profile, library: Library) -> ProfilePart:
    return ProfilePart(
        pain={str(r): p for r, p in kept.pain.items()},
        minutes=kept.minutes,
        setting=kept.setting,
        equipment=list(kept.equipment),
        level=kept.level,
        conditions=list(kept.conditions),
        favourites=[name(library, e) for e in kept.favourites],
        excluded=[name(library, e) for e in kept.excluded],
    )


def region(trend: RegionTrend, today: dt.date) -> RegionPart:
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


def symptoms(found: Sequence[Any], tz: dt.tzinfo) -> list[SymptomPart]:
    """Warning symptoms noted in the diary in the period: on how many days, and the last one."""
    days: dict[str, set[dt.date]] = defaultdict(set)
    for entry in found:
        for symptom in entry.symptoms:
            days[symptom].add(entry.recorded_at.astimezone(tz).date())
    return [
        SymptomPart(symptom=s, words=SYMPTOM_WORDS.get(s, label(s)), days=len(d), last_on=max(d))
        for s, d in sorted(days.items())
    ]


def session_part(
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
                    exercise=name(library, under_way["exercise"]) if under_way else None,
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
                exercise=e, name=name(library, e), times=n, reasons=list(dict.fromkeys(why[e]))
            )
            for e, n in too_much.most_common()
        ],
        most_done=[
            ExerciseCount(exercise=e, name=name(library, e), times=n)
            for e, n in done.most_common(MOST_DONE)
        ],
    )


def routine_part(routine: Routine, source: str, on: dt.date, library: Library) -> RoutinePart:
    return RoutinePart(
        source=source,
        on=on,
        total_seconds=routine.total_seconds,
        items=[
            RoutineLine(
                block=block.name,
                exercise=item.exercise,
                name=name(library, item.exercise),
                dose=item.dose.describe(),
                seconds=item.seconds,
            )
            for block in routine.blocks
            for item in block.items
        ],
    )
