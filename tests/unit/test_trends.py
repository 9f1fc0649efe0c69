"""Pain trends, sessions and habits from diary entries (core/trends.py, pure)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from unhunch.core.diary import Entry
from unhunch.core.trends import (
    Day,
    SessionDone,
    build_days,
    compare_days,
    is_meaningful,
    progress,
)

TZ = dt.timezone(dt.timedelta(hours=1))
START = dt.date(2026, 3, 2)
_ids = itertools.count()


def entry(day: dt.date, hour: int = 8, when: str = "morning", **scores: int) -> Entry:
    return Entry.model_validate(
        {
            "id": f"e{next(_ids)}",
            "recorded_at": dt.datetime.combine(day, dt.time(hour), TZ),
            "when": when,
            "scores": scores,
        }
    )


def session(day: dt.date, seconds: int = 600, status: str = "completed") -> SessionDone:
    return SessionDone(
        id=f"s{next(_ids)}",
        started_at=dt.datetime.combine(day, dt.time(18), TZ),
        status=status,
        seconds=seconds,
    )


def at(day: dt.date, hour: int = 21) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), TZ)


def days_after(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def test_lower_back_down_two_points_from_first_week_is_meaningful() -> None:
    entries = [entry(days_after(i), lower_back=6) for i in range(7)]
    entries += [entry(days_after(i), lower_back=4) for i in range(21, 28)]
    report = progress(entries, [], at(days_after(27)))
    trend = report.regions[0]
    assert trend.region == "lower_back"
    assert trend.first_week_avg == 6.0
    assert trend.avg_7 == 4.0
    assert trend.change == -2.0
    assert trend.meaningful


def test_thirty_percent_drop_is_meaningful_below_two_points() -> None:
    assert is_meaningful(-1.5, 5.0)  # 30 % of 5
    assert not is_meaningful(-1.4, 5.0)


def test_a_change_under_one_point_is_never_meaningful_even_from_a_low_start() -> None:
    assert not is_meaningful(-0.5, 1.0)  # 50 % of 1, but within one step of the scale
    assert is_meaningful(-1.0, 2.0)


def test_rise_of_two_points_is_a_meaningful_rise() -> None:
    entries = [entry(days_after(i), neck=2) for i in range(7)]
    entries += [entry(days_after(i), neck=4) for i in range(14, 21)]
    trend = progress(entries, [], at(days_after(20))).regions[0]
    assert trend.change == 2.0
    assert trend.meaningful


def test_no_change_is_claimed_while_this_week_overlaps_the_first() -> None:
    entries = [entry(days_after(i), neck=5 if i < 3 else 1) for i in range(10)]
    trend = progress(entries, [], at(days_after(9))).regions[0]
    assert trend.change is None
    assert not trend.meaningful


def test_a_day_with_many_entries_counts_as_one_day() -> None:
    entries = [entry(days_after(0), hour=h, neck=8) for h in (8, 10, 12, 14, 16)]
    entries.append(entry(days_after(1), neck=2))
    trend = progress(entries, [], at(days_after(1))).regions[0]
    assert trend.avg_7 == 5.0  # (8 + 2) / 2, not (8*5 + 2) / 6
    assert trend.days_7 == 2


def test_late_evening_entry_falls_on_the_local_day_not_the_utc_day() -> None:
    late = Entry(
        id="late",
        recorded_at=dt.datetime(2026, 3, 2, 23, 30, tzinfo=dt.UTC),  # 00:30 on 3 March at +1
        when="evening",
        scores={"neck": 4},
    )
    days = build_days([late], [], days_after(0), days_after(1), TZ)
    assert days[0].pain == {}
    assert days[1].pain == {"neck": 4.0}


def test_latest_score_is_the_most_recent_entry() -> None:
    entries = [entry(days_after(0), hour=8, neck=3), entry(days_after(0), hour=20, neck=6)]
    trend = progress(entries, [], at(days_after(0), 22)).regions[0]
    assert trend.latest == 6


def test_smooth_line_averages_the_last_seven_days() -> None:
    entries = [entry(days_after(i), neck=v) for i, v in enumerate([7, 7, 7, 0, 0, 0, 0, 0])]
    trend = progress(entries, [], at(days_after(7))).regions[0]
    smooth = dict(trend.smooth)
    assert smooth[days_after(0)] == 7.0
    assert smooth[days_after(6)] == 3.0  # 21 / 7
    assert smooth[days_after(7)] == 2.0  # 14 / 7: the first 7 left the window


def test_streak_counts_days_in_a_row_and_survives_until_today_ends() -> None:
    sessions = [session(days_after(i)) for i in (0, 2, 3, 4)]
    assert progress([], sessions, at(days_after(4))).sessions.streak == 3
    # Today has no session yet: yesterday's streak still stands.
    assert progress([], sessions, at(days_after(5), 9)).sessions.streak == 3
    # A whole day without one breaks it.
    assert progress([], sessions, at(days_after(6))).sessions.streak == 0


def test_a_session_with_nothing_done_does_not_count() -> None:
    sessions = [session(days_after(0), seconds=0, status="quit"), session(days_after(1))]
    stats = progress([], sessions, at(days_after(1))).sessions
    assert stats.this_week == 1
    assert stats.dates == [days_after(1)]


def test_sessions_per_week_and_minutes() -> None:
    sessions = [session(days_after(i), seconds=600) for i in range(0, 28, 2)]  # 14 sessions
    stats = progress([], sessions, at(days_after(27)), window=28).sessions
    assert stats.total_window == 14
    assert stats.per_week == 3.5
    assert stats.minutes_week == 30.0  # days 22, 24, 26
    assert stats.minutes_window == 140.0


def test_compare_days_says_nothing_until_seven_days_on_each_side() -> None:
    days = [
        Day(date=days_after(i), pain={"neck": 2.0 if i % 2 else 4.0}, sessions=i % 2)
        for i in range(13)
    ]
    (neck,) = compare_days(days, lambda d: d.sessions > 0)
    assert (neck.yes_days, neck.no_days) == (6, 7)
    assert neck.yes_avg is None and neck.no_avg is None
    assert not neck.enough


def test_compare_days_gives_both_averages_and_their_day_counts() -> None:
    days = [
        Day(date=days_after(i), pain={"neck": 2.0 if i % 2 else 4.0}, sessions=i % 2)
        for i in range(14)
    ]
    (neck,) = compare_days(days, lambda d: d.sessions > 0)
    assert (neck.yes_avg, neck.yes_days, neck.no_avg, neck.no_days) == (2.0, 7, 4.0, 7)


def test_compare_days_takes_any_daily_tally_such_as_breaks() -> None:
    days = [
        Day(date=days_after(i), pain={"neck": 1.0 if i < 8 else 3.0}, counts={"breaks": 8 - i})
        for i in range(16)
    ]
    (neck,) = compare_days(days, lambda d: d.counts.get("breaks", 0) >= 1)
    assert (neck.yes_avg, neck.no_avg) == (1.0, 3.0)


def test_days_without_a_score_for_the_region_are_left_out_of_both_sides() -> None:
    days = [Day(date=days_after(i), pain={}, sessions=1) for i in range(10)]
    assert compare_days(days, lambda d: d.sessions > 0) == []


def test_next_morning_worse_by_two_points_after_a_session_is_counted() -> None:
    entries = [
        entry(days_after(0), lower_back=3),
        entry(days_after(1), lower_back=5),  # morning after day 0's session: +2
        entry(days_after(2), lower_back=5),  # morning after day 1's session: same
    ]
    sessions = [session(days_after(0)), session(days_after(1))]
    (lower,) = progress(entries, sessions, at(days_after(2))).next_morning
    assert (lower.nights, lower.compared, lower.worse) == (2, 2, 1)
    assert lower.avg_next_morning == 5.0


def test_evening_scores_are_not_taken_for_next_morning_pain() -> None:
    entries = [entry(days_after(1), hour=20, when="evening", neck=9)]
    report = progress(entries, [session(days_after(0))], at(days_after(1)))
    assert report.next_morning == []


def test_progress_refuses_a_naive_now() -> None:
    with pytest.raises(ValueError):
        progress([], [], dt.datetime(2026, 3, 2, 9))


def test_series_holds_only_days_inside_the_window() -> None:
    entries = [entry(days_after(i), neck=3) for i in range(40)]
    trend = progress(entries, [], at(days_after(39)), window=14).regions[0]
    assert [d for d, _ in trend.series] == [days_after(i) for i in range(26, 40)]
    assert trend.first_week_avg == 3.0  # the baseline still comes from the whole history


def test_a_new_diary_is_shown_from_a_week_back_not_from_weeks_of_empty_days() -> None:
    entries = [entry(days_after(i), neck=3) for i in range(3)]
    report = progress(entries, [], at(days_after(2)), window=30)
    assert report.since == days_after(2) - dt.timedelta(days=6)
    longer = [entry(days_after(i), neck=3) for i in range(60)]
    assert progress(longer, [], at(days_after(59))).since == days_after(30)
