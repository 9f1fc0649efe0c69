"""Breaks in the progress view: breaks per working day and, once there are enough days (7 on
each side, the diary's rule), pain on days with many breaks against days with few."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from unhunch.core.breaks import WEEKDAYS, BreakLog, planned_breaks
from unhunch.core.trends import MIN_DAYS_EACH_SIDE, Comparison, build_days, compare_days
from unhunch.core.vocab import label
from unhunch.services.context import Context


@dataclass(frozen=True)
class DayBreaks:
    date: dt.date
    taken: int = 0
    skipped: int = 0
    snoozed: int = 0


@dataclass(frozen=True)
class BreaksSummary:
    days: int
    per_day: list[DayBreaks]  # working days only, oldest first
    many: int  # "many breaks" means at least this many on a working day
    comparison: list[Comparison] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)

    @property
    def taken(self) -> int:
        return sum(d.taken for d in self.per_day)

    def to_json(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "taken": self.taken,
            "per_day": [
                {
                    "date": d.date.isoformat(),
                    "taken": d.taken,
                    "skipped": d.skipped,
                    "snoozed": d.snoozed,
                }
                for d in self.per_day
            ],
            "many": self.many,
            "comparison": [c.model_dump(mode="json") for c in self.comparison],
            "sentences": self.sentences,
        }


def breaks_summary(ctx: Context, now: dt.datetime, days: int = 30) -> BreaksSummary:
    from unhunch.services.breaks import get_settings
    from unhunch.services.diary import entries
    from unhunch.store import breaks as rows
    from unhunch.store import diary as diary_rows
    from unhunch.store.db import transaction

    settings = get_settings(ctx)
    zone = settings.zone
    today = now.astimezone(zone).date()
    first = today - dt.timedelta(days=days - 1)
    since = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    with transaction(ctx.database_url) as conn:
        events = rows.events_between(conn, ctx.person, since, now)
        done = diary_rows.sessions_between(conn, ctx.person, since, None)
    tally: dict[dt.date, dict[str, int]] = {}
    for event in events:
        day = event["at"].astimezone(zone).date()
        counts = tally.setdefault(day, {})
        counts[event["action"]] = counts.get(event["action"], 0) + 1
    # Count from the first day breaks were used: days before then say nothing about breaks.
    began = min(tally, default=today + dt.timedelta(days=1))
    working = [
        first + dt.timedelta(days=i)
        for i in range(days)
        if WEEKDAYS[(first + dt.timedelta(days=i)).weekday()] in settings.days
        and first + dt.timedelta(days=i) >= began
    ]
    per_day = [
        DayBreaks(
            d,
            tally.get(d, {}).get("taken", 0),
            tally.get(d, {}).get("skipped", 0),
            tally.get(d, {}).get("snoozed", 0),
        )
        for d in working
    ]
    day_start = dt.datetime.combine(today, dt.time(), tzinfo=zone)
    planned = len(planned_breaks(settings, BreakLog(), day_start, day_start + dt.timedelta(days=7)))
    per_week_day = planned / max(1, len(settings.days))
    many = max(1, math.ceil(per_week_day / 2))
    habit = {d.date: {"breaks": d.taken} for d in per_day}
    history = entries(ctx, since, None)
    all_days = build_days(history, done, first, today, zone, habit)
    work_days = [d for d in all_days if d.date in habit]
    comparison = compare_days(work_days, lambda d: d.counts.get("breaks", 0) >= many)
    summary = BreaksSummary(days, per_day, many, comparison)
    return BreaksSummary(days, per_day, many, comparison, sentences(summary))


def sentences(summary: BreaksSummary) -> list[str]:
    working = len(summary.per_day)
    if not working:
        return []
    average = summary.taken / working
    said = [
        f"Movement breaks: {summary.taken} taken over {working} working "
        f"day{'' if working == 1 else 's'} (about {average:.1f} a day)."
    ]
    for c in summary.comparison:
        if c.enough:
            said.append(
                f"On working days with {summary.many} or more breaks your {label(c.region)} "
                f"pain averaged {c.yes_avg:.1f}, against {c.no_avg:.1f} on days with fewer."
            )
        else:
            said.append(
                f"{label(c.region).capitalize()} pain on days with many breaks against few: not "
                f"enough days yet ({c.yes_days} and {c.no_days}; {MIN_DAYS_EACH_SIDE} of each "
                "are needed)."
            )
    return said
