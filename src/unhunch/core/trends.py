"""Is it working? Pain trends, sessions and streaks, and habits against pain (pure).

Averages are taken over daily means, so a day with five entries counts as much as a day with one.
A change from the first week is "meaningful" at 2 points or 30 % (clinical.md §2.6, source D17);
the NRS is a whole-number scale, so a change under 1 point is never called meaningful however
low the start was. The next-morning check follows the pain-monitoring model (§2.4-2.5, D12): pain
that is settled by the next morning is fine; pain worse the next morning means ease back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from statistics import fmean

from unhunch.core.diary import Entry
from unhunch.core.trends_days import (
    MIN_DAYS_EACH_SIDE,
    Comparison,
    Day,
    Frozen,
    SessionDone,
    build_days,
    compare_days,
    local_date,
)
from unhunch.core.vocab import PAIN_REGIONS, PainRegion

# Re-exported: callers import the days-and-habits names from here too.
__all__ = [
    "MIN_DAYS_EACH_SIDE",
    "Comparison",
    "Day",
    "NextMorning",
    "Progress",
    "RegionTrend",
    "SessionDone",
    "SessionStats",
    "build_days",
    "compare_days",
    "is_meaningful",
    "local_date",
    "progress",
]

MEANINGFUL_POINTS = 2.0
MEANINGFUL_SHARE = 0.30
SMALLEST_MEANINGFUL = 1.0
WORSE_NEXT_MORNING = 2  # points above that day's morning: the smallest change that matters [D17]
EASE_BACK_SHARE = 1 / 3  # worse on this share of mornings or more: suggest easing back
SMOOTH_DAYS = 7


class RegionTrend(Frozen):
    region: PainRegion
    latest: int | None
    latest_at: dt.datetime | None
    avg_7: float | None
    days_7: int
    avg_30: float | None
    days_30: int
    first_week_avg: float | None
    first_day: dt.date | None
    change: float | None  # this week minus the first week; negative is better
    change_share: float | None  # change as a share of the first week's average
    meaningful: bool
    series: list[tuple[dt.date, float]]  # daily means inside the window, oldest first
    # Mean of the daily means in the 7 days up to each scored day (earlier days count too),
    # so the chart can show the direction under the day-to-day noise.
    smooth: list[tuple[dt.date, float]]


class SessionStats(Frozen):
    this_week: int
    per_week: float  # average over the window
    streak: int
    minutes_week: float
    minutes_window: float
    total_window: int
    dates: list[dt.date]  # days with a session inside the window


class NextMorning(Frozen):
    """How a region felt the morning after session days (pain-monitoring model, D12)."""

    region: PainRegion
    nights: int  # session days followed by a morning score
    avg_next_morning: float | None
    worse: int  # next morning above that day's morning by WORSE_NEXT_MORNING or more
    compared: int  # nights where that day's morning score was there to compare with


class Progress(Frozen):
    as_of: dt.date
    days: int
    # First day worth showing: the window's start, or the first record when that is later (a
    # new diary does not open on weeks of empty days), but always at least a week back.
    since: dt.date
    regions: list[RegionTrend]
    sessions: SessionStats
    next_morning: list[NextMorning]
    with_sessions: list[Comparison]


def is_meaningful(change: float, baseline: float) -> bool:
    size = abs(change)
    if size < SMALLEST_MEANINGFUL:
        return False
    return size >= MEANINGFUL_POINTS or (baseline > 0 and size / baseline >= MEANINGFUL_SHARE)


def _mean(values: Sequence[float]) -> float | None:
    return round(fmean(values), 1) if values else None


def region_trend(
    region: PainRegion, entries: Sequence[Entry], days: Sequence[Day], today: dt.date, window: int
) -> RegionTrend | None:
    scored = [e for e in entries if region in e.scores]
    if not scored:
        return None
    last = max(scored, key=lambda e: (e.recorded_at, e.id))
    by_day = {d.date: d.pain[region] for d in days if region in d.pain}
    first_day = min(by_day)

    def span(start: dt.date, end: dt.date) -> list[float]:
        return [v for d, v in by_day.items() if start <= d <= end]

    week = span(today - dt.timedelta(days=6), today)
    month = span(today - dt.timedelta(days=29), today)
    first_week = span(first_day, first_day + dt.timedelta(days=6))
    change = share = None
    meaningful = False
    # Only compare when this week and the first week do not overlap.
    if week and first_day + dt.timedelta(days=6) < today - dt.timedelta(days=6):
        base = fmean(first_week)
        change = round(fmean(week) - base, 1)
        share = round(change / base, 2) if base > 0 else None
        meaningful = is_meaningful(change, base)
    window_start = today - dt.timedelta(days=window - 1)
    shown = sorted(d for d in by_day if window_start <= d <= today)
    smooth = [(d, round(fmean(span(d - dt.timedelta(days=SMOOTH_DAYS - 1), d)), 2)) for d in shown]
    return RegionTrend(
        region=region,
        latest=last.scores[region],
        latest_at=last.recorded_at,
        avg_7=_mean(week),
        days_7=len(week),
        avg_30=_mean(month),
        days_30=len(month),
        first_week_avg=_mean(first_week),
        first_day=first_day,
        change=change,
        change_share=share,
        meaningful=meaningful,
        series=[(d, round(by_day[d], 2)) for d in shown],
        smooth=smooth,
    )


def session_stats(days: Sequence[Day], today: dt.date, window: int) -> SessionStats:
    in_window = [d for d in days if today - dt.timedelta(days=window - 1) <= d.date <= today]
    week = [d for d in in_window if d.date > today - dt.timedelta(days=7)]
    by_date = {d.date: d for d in days}
    # A streak is still alive today if yesterday had a session and today has none yet.
    cursor = today if by_date.get(today, Day(date=today)).sessions else today - dt.timedelta(1)
    streak = 0
    while cursor in by_date and by_date[cursor].sessions:
        streak += 1
        cursor -= dt.timedelta(days=1)
    total = sum(d.sessions for d in in_window)
    return SessionStats(
        this_week=sum(d.sessions for d in week),
        per_week=round(total / (window / 7), 1),
        streak=streak,
        minutes_week=round(sum(d.minutes for d in week), 1),
        minutes_window=round(sum(d.minutes for d in in_window), 1),
        total_window=total,
        dates=[d.date for d in in_window if d.sessions],
    )


def next_morning(days: Sequence[Day]) -> list[NextMorning]:
    by_date = {d.date: d for d in days}
    result = []
    for region in PAIN_REGIONS:
        after: list[float] = []
        worse = compared = 0
        for day in days:
            following = by_date.get(day.date + dt.timedelta(days=1))
            if not day.sessions or following is None or region not in following.morning_pain:
                continue
            after.append(following.morning_pain[region])
            if region in day.morning_pain:
                compared += 1
                if following.morning_pain[region] - day.morning_pain[region] >= WORSE_NEXT_MORNING:
                    worse += 1
        if after:
            result.append(
                NextMorning(
                    region=region,
                    nights=len(after),
                    avg_next_morning=_mean(after),
                    worse=worse,
                    compared=compared,
                )
            )
    return result


def progress(
    entries: Sequence[Entry],
    sessions: Sequence[SessionDone],
    now: dt.datetime,
    window: int = 30,
    counts: dict[dt.date, dict[str, int]] | None = None,
) -> Progress:
    """The whole picture as of `now` (aware; its zone decides which day an entry falls on).

    `entries` should be the whole history: the first week is the baseline for every change.
    `counts` are other daily tallies (e.g. breaks taken), kept on each Day for `compare_days`.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    tz = now.tzinfo
    today = now.date()
    starts = [local_date(e.recorded_at, tz) for e in entries]
    starts += [local_date(s.started_at, tz) for s in sessions]
    first = min([*starts, today - dt.timedelta(days=max(window, 30) - 1)])
    days = build_days(entries, sessions, first, today, tz, counts)
    regions = [t for r in PAIN_REGIONS if (t := region_trend(r, entries, days, today, window))]
    in_window = [d for d in days if d.date > today - dt.timedelta(days=window)]
    window_start = today - dt.timedelta(days=window - 1)
    since = (
        max(window_start, min([*starts, today - dt.timedelta(days=6)])) if starts else window_start
    )
    return Progress(
        as_of=today,
        days=window,
        since=since,
        regions=regions,
        sessions=session_stats(days, today, window),
        next_morning=next_morning(in_window),
        with_sessions=compare_days(in_window, lambda d: d.sessions > 0),
    )
