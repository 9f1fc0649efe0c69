"""The break schedule on a fake clock: working hours, quiet periods, weekends, midnight, both
daylight-saving changes in three zones, snoozes, sessions and absences."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from unhunch.core.breaks import (
    BreakEvent,
    BreakLog,
    BreakSettings,
    Period,
    next_break,
    planned_breaks,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")
MINUTE = dt.timedelta(minutes=1)


def at(zone: ZoneInfo, *parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=zone)  # type: ignore[misc]


def settings(**changes: object) -> BreakSettings:
    base: dict[str, object] = {"tz": "Europe/London"}
    base.update(changes)
    return BreakSettings.model_validate(base)


def due_at(
    s: BreakSettings,
    now: dt.datetime,
    *events: BreakEvent,
    ended: tuple[dt.datetime, ...] = (),
) -> dt.datetime:
    due = next_break(s, BreakLog(tuple(events), tuple(ended)), now)
    assert due is not None
    return due.at.astimezone(s.zone)


def taken(moment: dt.datetime) -> BreakEvent:
    return BreakEvent(at=moment, action="taken")


def simulate(s: BreakSettings, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """Minute by minute: whenever a break is due, the person takes it at once."""
    events: list[BreakEvent] = []
    fired: list[dt.datetime] = []
    now = start.astimezone(dt.UTC)
    while now < end:
        due = next_break(s, BreakLog(tuple(events)), now)
        if due is not None and due.at <= now:
            fired.append(now)
            events.append(taken(now))
        now += MINUTE
    return fired


def test_first_break_is_one_interval_after_work_starts() -> None:
    assert due_at(settings(), at(LONDON, 2026, 3, 2, 7, 0)) == at(LONDON, 2026, 3, 2, 9, 50)


def test_a_taken_break_restarts_the_clock() -> None:
    now = at(LONDON, 2026, 3, 2, 10, 5)
    assert due_at(settings(), now, taken(now)) == at(LONDON, 2026, 3, 2, 10, 55)


def test_a_skipped_break_is_not_asked_again_at_once() -> None:
    now = at(LONDON, 2026, 3, 2, 9, 52)
    skipped = BreakEvent(at=now, action="skipped")
    assert due_at(settings(), now, skipped) == at(LONDON, 2026, 3, 2, 10, 42)


def test_a_finished_session_resets_the_clock() -> None:
    now = at(LONDON, 2026, 3, 2, 11, 0)
    ended = at(LONDON, 2026, 3, 2, 10, 30)
    assert due_at(settings(), now, ended=(ended,)) == at(LONDON, 2026, 3, 2, 11, 20)


def test_an_unanswered_break_stays_due_now() -> None:
    now = at(LONDON, 2026, 3, 2, 11, 7)
    due = next_break(settings(), BreakLog(), now)
    assert due is not None
    assert due.at == now and due.overdue
    assert due.scheduled == at(LONDON, 2026, 3, 2, 9, 50)


def test_breaks_wait_until_a_quiet_period_is_over_and_restart_after_it() -> None:
    s = settings(quiet=(Period(start=dt.time(12, 30), end=dt.time(13, 30)),))
    now = at(LONDON, 2026, 3, 2, 12, 0)
    # Last break 11:50: the next would be 12:40, inside lunch; lunch counts as moving about.
    assert due_at(s, now, taken(at(LONDON, 2026, 3, 2, 11, 50))) == at(LONDON, 2026, 3, 2, 14, 20)


def test_no_break_falls_after_the_end_of_the_working_day() -> None:
    now = at(LONDON, 2026, 3, 2, 17, 0)
    # 16:50 taken: 17:40 is after 17:30, so the next is tomorrow morning.
    due = due_at(settings(), now, taken(at(LONDON, 2026, 3, 2, 16, 50)))
    assert due == at(LONDON, 2026, 3, 3, 9, 50)


def test_friday_evening_waits_for_monday_across_the_weekend() -> None:
    assert due_at(settings(), at(LONDON, 2026, 3, 6, 18, 0)) == at(LONDON, 2026, 3, 9, 9, 50)


def test_a_night_shift_keeps_its_breaks_across_midnight() -> None:
    s = settings(start=dt.time(22, 0), end=dt.time(6, 0), days=("mon",))
    fired = simulate(s, at(LONDON, 2026, 3, 2, 21, 0), at(LONDON, 2026, 3, 3, 7, 0))
    assert fired[0].astimezone(LONDON) == at(LONDON, 2026, 3, 2, 22, 50)
    assert fired[-1].astimezone(LONDON) == at(LONDON, 2026, 3, 3, 5, 30)
    assert len(fired) == 9  # 50, 100 ... 450 minutes into the 480-minute shift


def test_snooze_puts_the_break_off_by_the_snooze_length() -> None:
    now = at(LONDON, 2026, 3, 2, 9, 50)
    snoozed = BreakEvent(at=now, action="snoozed")
    due = next_break(settings(), BreakLog((snoozed,)), now)
    assert due is not None
    assert due.at.astimezone(LONDON) == at(LONDON, 2026, 3, 2, 10, 0)
    assert due.snoozes == 1 and due.can_snooze


def test_snoozes_past_the_limit_do_not_put_the_break_off() -> None:
    s = settings(max_snoozes=2)
    times = [at(LONDON, 2026, 3, 2, 9, 50), at(LONDON, 2026, 3, 2, 10, 0)]
    third = at(LONDON, 2026, 3, 2, 10, 10)
    events = tuple(BreakEvent(at=t, action="snoozed") for t in [*times, third])
    due = next_break(s, BreakLog(events), third)
    assert due is not None
    assert due.at == third  # still due now: the third snooze did not count
    assert due.snoozes == 2 and not due.can_snooze


def test_snoozes_start_again_for_the_next_break() -> None:
    s = settings(max_snoozes=1)
    events = (
        BreakEvent(at=at(LONDON, 2026, 3, 2, 9, 50), action="snoozed"),
        taken(at(LONDON, 2026, 3, 2, 10, 0)),
    )
    due = next_break(s, BreakLog(events), at(LONDON, 2026, 3, 2, 10, 1))
    assert due is not None and due.snoozes == 0 and due.can_snooze


def test_after_a_long_absence_the_break_is_not_due_at_once_on_return() -> None:
    away = BreakEvent(at=at(LONDON, 2026, 3, 2, 10, 0), action="away")
    back = BreakEvent(at=at(LONDON, 2026, 3, 2, 11, 0), action="back")
    now = at(LONDON, 2026, 3, 2, 11, 0)
    assert due_at(settings(), now, away, back) == at(LONDON, 2026, 3, 2, 11, 50)


def test_a_short_absence_does_not_count_as_a_break() -> None:
    away = BreakEvent(at=at(LONDON, 2026, 3, 2, 9, 30), action="away")
    back = BreakEvent(at=at(LONDON, 2026, 3, 2, 9, 40), action="back")
    assert due_at(settings(), at(LONDON, 2026, 3, 2, 9, 41), away, back) == at(
        LONDON, 2026, 3, 2, 9, 50
    )


def test_the_break_index_counts_the_days_answered_breaks() -> None:
    s = settings()
    day = [taken(at(LONDON, 2026, 3, 2, 9, 50)), taken(at(LONDON, 2026, 3, 2, 10, 40))]
    due = next_break(s, BreakLog(tuple(day)), at(LONDON, 2026, 3, 2, 10, 41))
    assert due is not None and due.index == 2 and due.day == dt.date(2026, 3, 2)
    tomorrow = next_break(s, BreakLog(tuple(day)), at(LONDON, 2026, 3, 3, 8, 0))
    assert tomorrow is not None and tomorrow.index == 0


def test_planned_breaks_make_a_day_of_hourly_breaks() -> None:
    s = settings(quiet=(Period(start=dt.time(12, 30), end=dt.time(13, 30)),))
    start = at(LONDON, 2026, 3, 2, 0, 0)
    found = planned_breaks(s, BreakLog(), start, start + dt.timedelta(days=1))
    times = [d.at.astimezone(LONDON).strftime("%H:%M") for d in found]
    assert times == ["09:50", "10:40", "11:30", "12:20", "14:20", "15:10", "16:00", "16:50"]
    assert [d.index for d in found] == list(range(8))


def test_working_hours_shorter_than_the_interval_are_refused() -> None:
    with pytest.raises(ValueError, match="not longer than the interval"):
        settings(start=dt.time(17, 0), end=dt.time(17, 30))


def test_quiet_periods_covering_the_whole_day_mean_no_break() -> None:
    s = settings(quiet=(Period(start=dt.time(8, 0), end=dt.time(18, 0)),))
    assert next_break(s, BreakLog(), at(LONDON, 2026, 3, 2, 8, 0)) is None


# Daylight-saving changes, 2026: (zone, night the clocks change, real minutes of 22:00-06:00).
DST_NIGHTS = [
    pytest.param(LONDON, dt.date(2026, 3, 28), 420, id="london-spring-forward"),
    pytest.param(LONDON, dt.date(2026, 10, 24), 540, id="london-fall-back"),
    pytest.param(NEW_YORK, dt.date(2026, 3, 7), 420, id="new-york-spring-forward"),
    pytest.param(NEW_YORK, dt.date(2026, 10, 31), 540, id="new-york-fall-back"),
    pytest.param(SYDNEY, dt.date(2026, 4, 4), 540, id="sydney-fall-back"),
    pytest.param(SYDNEY, dt.date(2026, 10, 3), 420, id="sydney-spring-forward"),
]


@pytest.mark.parametrize(("zone", "night", "real_minutes"), DST_NIGHTS)
def test_a_night_shift_across_a_clock_change_neither_loses_nor_doubles_a_break(
    zone: ZoneInfo, night: dt.date, real_minutes: int
) -> None:
    s = settings(tz=zone.key, start=dt.time(22, 0), end=dt.time(6, 0), days=("sat",))
    start = at(zone, night.year, night.month, night.day, 21, 0)
    fired = simulate(s, start, start + dt.timedelta(hours=11))
    expected = len(range(50, real_minutes, 50))  # one every 50 real minutes of the shift
    assert len(fired) == expected
    gaps = {b - a for a, b in itertools.pairwise(fired)}
    assert gaps == {dt.timedelta(minutes=50)}  # real minutes, whatever the wall clock did
    shift_start = at(zone, night.year, night.month, night.day, 22, 0).astimezone(dt.UTC)
    assert fired[0] - shift_start == dt.timedelta(minutes=50)


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        (LONDON, dt.date(2026, 3, 27), dt.date(2026, 3, 30)),
        (LONDON, dt.date(2026, 10, 23), dt.date(2026, 10, 26)),
        (NEW_YORK, dt.date(2026, 3, 6), dt.date(2026, 3, 9)),
        (NEW_YORK, dt.date(2026, 10, 30), dt.date(2026, 11, 2)),
        (SYDNEY, dt.date(2026, 4, 3), dt.date(2026, 4, 6)),
        (SYDNEY, dt.date(2026, 10, 2), dt.date(2026, 10, 5)),
    ],
)
def test_office_hours_keep_their_wall_clock_times_after_a_weekend_clock_change(
    zone: ZoneInfo, before: dt.date, after: dt.date
) -> None:
    s = settings(tz=zone.key)
    for day in (before, after):
        start = at(zone, day.year, day.month, day.day, 0, 0)
        found = planned_breaks(s, BreakLog(), start, start + dt.timedelta(days=1))
        times = [d.at.astimezone(zone).strftime("%H:%M") for d in found]
        assert times == ["09:50", "10:40", "11:30", "12:20", "13:10", "14:00", "14:50", "15:40",
                         "16:30", "17:20"]  # fmt: skip


def test_a_quiet_period_in_the_repeated_hour_covers_both_passes() -> None:
    s = settings(
        tz="America/New_York",
        start=dt.time(22, 0),
        end=dt.time(6, 0),
        days=("sat",),
        interval=10,
        quiet=(Period(start=dt.time(1, 0), end=dt.time(2, 0)),),
    )
    start = at(NEW_YORK, 2026, 10, 31, 21, 0)
    fired = simulate(s, start, start + dt.timedelta(hours=11))
    first_one = dt.datetime(2026, 11, 1, 5, 0, tzinfo=dt.UTC)  # 01:00 EDT
    after_repeat = dt.datetime(2026, 11, 1, 7, 0, tzinfo=dt.UTC)  # 02:00 EST
    assert not [f for f in fired if first_one <= f < after_repeat]
    assert len(fired) == len(set(fired))
