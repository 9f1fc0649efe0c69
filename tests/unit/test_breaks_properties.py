"""Properties of the break schedule over random settings, moments and histories.

Working hours and quiet periods are drawn from 04:00 onwards so their edges are never a time
the clocks skip or repeat (in these zones the changes happen between 01:00 and 03:00); the
night shifts still cross those hours. Inside-working-time is checked on the wall clock,
independently of the schedule's own segment maths.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from unhunch.core.breaks import (
    WEEKDAYS,
    BreakEvent,
    BreakLog,
    BreakSettings,
    Period,
    next_break,
)

ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"]
times = st.builds(dt.time, st.integers(4, 23), st.sampled_from([0, 15, 30, 45]))


@st.composite
def break_settings(draw: st.DrawFn) -> BreakSettings:
    start, end = draw(times), draw(times)
    length = (end.hour * 60 + end.minute - start.hour * 60 - start.minute) % 1440
    assume(length > 10)
    interval = draw(st.integers(10, min(240, length - 1)))
    quiet = draw(
        st.lists(
            st.builds(Period, start=times, end=times).filter(lambda p: p.start != p.end),
            max_size=2,
        )
    )
    return BreakSettings(
        interval=interval,
        start=start,
        end=end,
        days=tuple(draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, unique=True))),
        quiet=tuple(quiet),
        snooze=draw(st.integers(1, 60)),
        max_snoozes=draw(st.integers(0, 4)),
        tz=draw(st.sampled_from(ZONES)),
    )


moments = st.datetimes(
    min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 1, 1), timezones=st.just(dt.UTC)
)


@st.composite
def histories(draw: st.DrawFn, now: dt.datetime) -> BreakLog:
    offsets = draw(st.lists(st.integers(0, 36 * 60), max_size=12))
    actions = draw(
        st.lists(
            st.sampled_from(["taken", "snoozed", "skipped", "away", "back"]),
            min_size=len(offsets),
            max_size=len(offsets),
        )
    )
    events = tuple(
        BreakEvent(at=now - dt.timedelta(minutes=m), action=a)  # type: ignore[arg-type]
        for m, a in zip(offsets, actions, strict=True)
    )
    ended = tuple(
        now - dt.timedelta(minutes=m) for m in draw(st.lists(st.integers(0, 2000), max_size=3))
    )
    return BreakLog(events, ended)


def _within(t: dt.time, period: Period) -> bool:
    if period.start < period.end:
        return period.start <= t < period.end
    return t >= period.start or t < period.end


def in_working_time(s: BreakSettings, moment: dt.datetime) -> bool:
    local = moment.astimezone(s.zone)
    t, today = local.time().replace(tzinfo=None), local.date()
    yesterday = today - dt.timedelta(days=1)
    if s.start < s.end:
        working = WEEKDAYS[today.weekday()] in s.days and s.start <= t < s.end
    else:
        working = (WEEKDAYS[today.weekday()] in s.days and t >= s.start) or (
            WEEKDAYS[yesterday.weekday()] in s.days and t < s.end
        )
    return working and not any(_within(t, q) for q in s.quiet)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), s=break_settings(), now=moments)
def test_the_next_break_is_never_in_the_past_nor_outside_working_time(
    data: st.DataObject, s: BreakSettings, now: dt.datetime
) -> None:
    log = data.draw(histories(now))
    due = next_break(s, log, now)
    if due is None:
        return
    assert due.at >= now
    assert in_working_time(s, due.at), (due.at.astimezone(s.zone), s)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), s=break_settings(), now=moments)
def test_snoozes_never_exceed_the_limit(
    data: st.DataObject, s: BreakSettings, now: dt.datetime
) -> None:
    """Someone who presses snooze every time a break falls due gets at most max_snoozes
    snoozes; after that the break stays due (or the working time ends and a new one starts)."""
    log = data.draw(histories(now))
    events = list(log.events)
    due = next_break(s, log, now)
    if due is None:
        return
    for _ in range(s.max_snoozes + 3):
        moment = due.at  # time moves on to when the break is due, and snooze is pressed
        assert 0 <= due.snoozes <= s.max_snoozes
        assert due.can_snooze == (due.snoozes < s.max_snoozes)
        events.append(BreakEvent(at=moment, action="snoozed"))
        later = next_break(s, BreakLog(tuple(events), log.sessions_ended), moment)
        assert later is not None
        if due.snoozes == s.max_snoozes and later.day == due.day and later.index == due.index:
            assert later.at == moment  # the extra snooze changed nothing: still due now
        due = later
