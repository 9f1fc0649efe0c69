"""Progress in plain words and sparklines (core/trends_words.py) and the diary input checks."""

from __future__ import annotations

import datetime as dt

import pytest

from unhunch.core.diary import check_new_entry, parse_pain, when_for
from unhunch.core.errors import InputError, InputErrors
from unhunch.core.trends import Comparison, NextMorning, RegionTrend
from unhunch.core.trends_words import (
    comparison_sentence,
    day_marks,
    next_morning_sentence,
    region_sentence,
    sparkline,
)

D0 = dt.date(2026, 3, 2)


def trend(**changes: object) -> RegionTrend:
    base: dict[str, object] = {
        "region": "lower_back",
        "latest": 3,
        "latest_at": dt.datetime(2026, 3, 30, 8, tzinfo=dt.UTC),
        "avg_7": 3.1,
        "days_7": 7,
        "avg_30": 4.0,
        "days_30": 28,
        "first_week_avg": 5.1,
        "first_day": D0,
        "change": -2.0,
        "change_share": -0.39,
        "meaningful": True,
        "series": [],
        "smooth": [],
    }
    base.update(changes)
    return RegionTrend.model_validate(base)


def test_sparkline_uses_the_fixed_zero_to_ten_scale() -> None:
    series = [(D0, 0.0), (D0 + dt.timedelta(1), 10.0), (D0 + dt.timedelta(2), 2.0)]
    assert sparkline(series, D0, D0 + dt.timedelta(2)) == "▁█▂"


def test_sparkline_marks_days_without_a_score() -> None:
    series = [(D0, 5.0), (D0 + dt.timedelta(2), 5.0)]
    assert sparkline(series, D0, D0 + dt.timedelta(2)) == "▅·▅"


def test_sparkline_groups_days_to_fit_the_width() -> None:
    series = [(D0 + dt.timedelta(i), 10.0 if i < 45 else 0.0) for i in range(90)]
    line = sparkline(series, D0, D0 + dt.timedelta(89), width=30)
    assert len(line) == 30
    assert line == "█" * 15 + "▁" * 15


def test_session_marks_line_up_with_the_sparkline() -> None:
    marks = day_marks([D0 + dt.timedelta(1)], D0, D0 + dt.timedelta(2))
    assert marks == "·●·"


def test_region_sentence_names_a_meaningful_fall() -> None:
    text = region_sentence(trend(), D0)
    assert text == (
        "Your lower back averaged 3.1 this week, down 2.0 from your first week (5.1)"
        " — a meaningful change."
    )


def test_region_sentence_does_not_oversell_a_small_change() -> None:
    text = region_sentence(trend(change=-0.5, meaningful=False), D0)
    assert "down 0.5" in text
    assert "too small to call a real change yet" in text


def test_region_sentence_says_when_a_comparison_becomes_possible() -> None:
    text = region_sentence(trend(change=None, first_week_avg=None), D0)
    assert "from 15 Mar it can be compared with your first week" in text


def test_region_sentence_without_scores_this_week_gives_the_last_one() -> None:
    text = region_sentence(trend(avg_7=None, days_7=0), D0)
    assert text == "No lower back scores this week; the last one was 3 on 30 Mar."


def test_comparison_sentence_waits_for_enough_days() -> None:
    early = Comparison(region="neck", yes_days=3, no_days=9, yes_avg=None, no_avg=None)
    assert "Too early" in comparison_sentence(early, "with a session", "without one")
    ready = Comparison(region="neck", yes_days=8, no_days=9, yes_avg=2.1, no_avg=3.4)
    assert comparison_sentence(ready, "with a session", "without one") == (
        "On days with a session your neck averaged 2.1 (8 days), and 3.4 on days without one"
        " (9 days)."
    )


def test_next_morning_often_worse_suggests_easing_back() -> None:
    item = NextMorning(region="neck", nights=6, avg_next_morning=4.0, worse=3, compared=6)
    assert "ease the sessions back" in next_morning_sentence(item)
    calm = NextMorning(region="neck", nights=6, avg_next_morning=2.0, worse=1, compared=6)
    assert "ease" not in next_morning_sentence(calm)


@pytest.mark.parametrize(
    ("hour", "expected"),
    [(3, "evening"), (4, "morning"), (11, "morning"), (12, "day"), (17, "day"), (18, "evening")],
)
def test_when_defaults_from_the_time_of_day(hour: int, expected: str) -> None:
    assert when_for(dt.datetime(2026, 3, 2, hour, 30, tzinfo=dt.UTC)) == expected


@pytest.mark.parametrize("bad", ["11", "-1", "x", "2.5", "", True])
def test_pain_outside_zero_to_ten_or_not_a_whole_number_is_refused(bad: object) -> None:
    with pytest.raises(InputError) as caught:
        parse_pain("neck", bad)
    assert caught.value.field == "neck"


def test_every_problem_in_a_new_entry_is_named_at_once() -> None:
    with pytest.raises(InputErrors) as caught:
        check_new_entry({"neck": "12", "knee": 3}, "noon", ["itching"], None)
    fields = [p.field for p in caught.value.problems]
    assert fields == ["neck", "region", "when", "symptom"]


def test_an_entry_needs_at_least_one_region() -> None:
    with pytest.raises(InputError) as caught:
        check_new_entry({}, "morning", [], None)
    assert caught.value.field == "pain"


def test_blank_note_is_stored_as_no_note_and_symptoms_keep_one_order() -> None:
    _, _, symptoms, note = check_new_entry(
        {"neck": 2}, "day", ["spreading_pain", "numbness_tingling", "spreading_pain"], "  "
    )
    assert note is None
    assert symptoms == ("numbness_tingling", "spreading_pain")
