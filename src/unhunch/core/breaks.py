"""When is the next movement break due? Pure "next due" maths on aware date-times.

The rule, in plain words (clinical.md §5.2: short, frequent breaks before fatigue [E4]; move,
not just stand, every 20-60 minutes [E5, D19]; extra short breaks ease discomfort [E6]):

- Breaks fall inside working time only: the working hours on working days, in the person's own
  time zone, minus quiet periods (lunch, meetings). Working time comes in *segments*: a day from
  09:00 to 17:30 with a 12:30-13:30 quiet period is two segments.
- A break is due one interval after the latest *reset* in the current segment: the start of the
  segment (you arrived, or came back from lunch), a break taken or skipped, a guided session
  finished, or coming back from an absence at least one interval long (the laptop was closed:
  you were not sitting, so the next break is not due at once on return).
- A snooze moves the break to `snooze` minutes after it was pressed; only `max_snoozes` snoozes
  count per break, so a break can be put off but never dropped by snoozing.
- A break the person has not answered yet stays due (now), so none is lost; a break that would
  fall after the end of a segment moves to the next segment, so none fires outside working time.

Daylight-saving time: the working hours and quiet periods are wall-clock times, built per local
date with `zoneinfo`; everything after that is arithmetic on UTC instants. Adding 50 minutes to
an aware datetime *in a ZoneInfo zone* would add wall-clock minutes (and at 01:30 on the night
the clocks go back, land an hour early or late); on UTC it is always 50 real minutes of sitting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

UTC = dt.UTC
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)
Place = Literal["mixed", "desk", "standing"]
PLACES: tuple[Place, ...] = get_args(Place)
Action = Literal["taken", "snoozed", "skipped", "away", "back"]
ACTIONS: tuple[Action, ...] = get_args(Action)

# How far back events can matter: the longest possible segment (a whole day) and then some.
LOOKBACK = dt.timedelta(hours=36)
# How far ahead to look for working time before saying there is none (covers holidays of a week).
HORIZON_DAYS = 15


class Period(BaseModel):
    """A wall-clock stretch of the day; it crosses midnight when end <= start (a night shift)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: dt.time
    end: dt.time

    def text(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


class BreakSettings(BaseModel):
    """The person's break schedule (stored as the preference "breaks")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    interval: int = Field(default=50, ge=10, le=240)  # minutes of sitting between breaks
    start: dt.time = dt.time(9, 0)
    end: dt.time = dt.time(17, 30)
    days: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
    quiet: tuple[Period, ...] = ()
    snooze: int = Field(default=10, ge=1, le=60)  # minutes
    max_snoozes: int = Field(default=2, ge=0, le=10)
    minutes: int = Field(default=2, ge=1, le=3)  # length of the break's routine
    place: Place = "mixed"  # where the routine is done: alternate standing/desk, or one of them
    tz: str = "UTC"

    @field_validator("tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        zone_of(value)
        return value

    @field_validator("days")
    @classmethod
    def _days_in_order(cls, value: tuple[Weekday, ...]) -> tuple[Weekday, ...]:
        if not value:
            raise ValueError("at least one working day is needed")
        return tuple(d for d in WEEKDAYS if d in value)

    @model_validator(mode="after")
    def _some_working_time(self) -> BreakSettings:
        if self.start == self.end:
            raise ValueError("working hours must not start and end at the same time")
        length = (_minutes(self.end) - _minutes(self.start)) % (24 * 60)
        if length <= self.interval:
            raise ValueError(
                f"working hours {self.hours.text()} are not longer than the interval"
                f" ({self.interval} minutes), so no break would ever fall due"
            )
        return self

    @property
    def zone(self) -> ZoneInfo:
        return zone_of(self.tz)

    @property
    def hours(self) -> Period:
        return Period(start=self.start, end=self.end)


def _minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def zone_of(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}; use an IANA name like Europe/London"
        ) from None


@dataclass(frozen=True)
class BreakEvent:
    """Something that happened: a break taken, snoozed or skipped; away from / back at the desk."""

    at: dt.datetime
    action: Action
    due_at: dt.datetime | None = None


@dataclass(frozen=True)
class BreakLog:
    """What the schedule needs from the records: break events and when sessions ended."""

    events: tuple[BreakEvent, ...] = ()
    sessions_ended: tuple[dt.datetime, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A stretch of working time [start, end) in UTC, and the local working day it belongs to."""

    start: dt.datetime
    end: dt.datetime
    day: dt.date


@dataclass(frozen=True)
class Due:
    """The next break: when, which break of the working day, and how many snoozes are used."""

    at: dt.datetime  # UTC
    day: dt.date  # the local working day (seeds the routine's variety)
    index: int  # 0 for the day's first break
    snoozes: int  # snoozes already used on this break
    max_snoozes: int
    overdue: bool  # due before now and not answered yet: it is due now
    scheduled: dt.datetime  # when it fell due (before `at` when overdue)

    @property
    def can_snooze(self) -> bool:
        return self.snoozes < self.max_snoozes


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("date-times must be timezone-aware")
    return moment.astimezone(UTC)


def _local(day: dt.date, time: dt.time, zone: ZoneInfo, fold: int = 0) -> dt.datetime:
    """A wall-clock time on a local date, as a UTC instant.

    DST: with fold=0 a time that does not exist (skipped when the clocks go forward) is read
    with the offset before the change, which lands it just after the gap, and a time that
    happens twice (clocks go back) is its first occurrence; fold=1 gives the other reading.
    """
    return dt.datetime.combine(day, time.replace(fold=fold), tzinfo=zone).astimezone(UTC)


def _period_on(
    day: dt.date, period: Period, zone: ZoneInfo, widest: bool = False
) -> tuple[dt.datetime, dt.datetime]:
    """The period as UTC instants; `widest` stretches it over both readings of a time the
    clocks make ambiguous (a quiet period errs on the side of quiet)."""
    end_day = day + dt.timedelta(days=1) if period.end <= period.start else day
    start, end = _local(day, period.start, zone), _local(end_day, period.end, zone)
    if widest:
        start = min(start, _local(day, period.start, zone, fold=1))
        end = max(end, _local(end_day, period.end, zone, fold=1))
    return start, end


def _subtract(
    span: tuple[dt.datetime, dt.datetime], holes: Sequence[tuple[dt.datetime, dt.datetime]]
) -> list[tuple[dt.datetime, dt.datetime]]:
    pieces = [span]
    for hole_start, hole_end in holes:
        cut: list[tuple[dt.datetime, dt.datetime]] = []
        for start, end in pieces:
            if hole_end <= start or hole_start >= end:
                cut.append((start, end))
                continue
            if start < hole_start:
                cut.append((start, hole_start))
            if hole_end < end:
                cut.append((hole_end, end))
        pieces = cut
    return pieces


def segments(settings: BreakSettings, since: dt.datetime) -> Iterator[Segment]:
    """Working-time segments that end after `since`, in order, for HORIZON_DAYS days."""
    zone = settings.zone
    since = _utc(since)
    day = since.astimezone(zone).date() - dt.timedelta(days=1)
    last = day + dt.timedelta(days=HORIZON_DAYS)
    while day <= last:
        if WEEKDAYS[day.weekday()] in settings.days:
            window = _period_on(day, settings.hours, zone)
            holes = [
                _period_on(day + dt.timedelta(days=shift), quiet, zone, widest=True)
                for quiet in settings.quiet
                for shift in (-1, 0, 1)
            ]
            for start, end in _subtract(window, holes):
                if end > since and end > start:
                    yield Segment(start, end, day)
        day += dt.timedelta(days=1)


def _resets(settings: BreakSettings, log: BreakLog) -> list[dt.datetime]:
    """Moments after which the person has just moved: the clock starts again from each."""
    interval = dt.timedelta(minutes=settings.interval)
    found = [_utc(e.at) for e in log.events if e.action in ("taken", "skipped")]
    found += [_utc(t) for t in log.sessions_ended]
    away: dt.datetime | None = None
    for event in sorted(log.events, key=lambda e: _utc(e.at)):
        if event.action == "away":
            away = _utc(event.at)
        elif event.action == "back" and away is not None:
            if _utc(event.at) - away >= interval:
                found.append(_utc(event.at))
            away = None
    return sorted(found)


def next_break(settings: BreakSettings, log: BreakLog, now: dt.datetime) -> Due | None:
    """The next break at or after `now` (never in the past, never outside working time).

    None when no break falls due in the next HORIZON_DAYS days (quiet periods cover the
    working hours, or every segment is shorter than the interval).
    """
    now = _utc(now)
    interval = dt.timedelta(minutes=settings.interval)
    snooze = dt.timedelta(minutes=settings.snooze)
    resets = [r for r in _resets(settings, log) if r <= now]
    snoozes = sorted(_utc(e.at) for e in log.events if e.action == "snoozed" and _utc(e.at) <= now)
    for segment in segments(settings, now):
        current = segment.start <= now
        anchor = max([segment.start, *(r for r in resets if r >= segment.start)])
        used = [s for s in snoozes if s >= anchor][: settings.max_snoozes] if current else []
        due = anchor + interval
        if used:
            due = max(due, used[-1] + snooze)
        if due >= segment.end:
            continue
        overdue = due < now
        return Due(
            at=max(due, now),
            day=segment.day,
            index=_index(settings, log, segment.day, due),
            snoozes=len(used),
            max_snoozes=settings.max_snoozes,
            overdue=overdue,
            scheduled=due,
        )
    return None


def _index(settings: BreakSettings, log: BreakLog, day: dt.date, before: dt.datetime) -> int:
    """How many breaks of this working day were already answered (taken or skipped)."""
    window_start, _ = _period_on(day, settings.hours, settings.zone)
    return sum(
        1
        for e in log.events
        if e.action in ("taken", "skipped") and window_start <= _utc(e.at) < before
    )


def snooze_allowed(settings: BreakSettings, log: BreakLog, now: dt.datetime) -> bool:
    due = next_break(settings, log, now)
    return due is not None and due.can_snooze


def planned_breaks(
    settings: BreakSettings, log: BreakLog, start: dt.datetime, end: dt.datetime
) -> list[Due]:
    """The breaks from `start` to `end` if each is taken when it falls due (for a calendar)."""
    found: list[Due] = []
    events = list(log.events)
    moment = _utc(start)
    while True:
        due = next_break(settings, BreakLog(tuple(events), log.sessions_ended), moment)
        if due is None or due.at >= _utc(end):
            return found
        found.append(due)
        events.append(BreakEvent(at=due.at, action="taken", due_at=due.at))
        moment = due.at
