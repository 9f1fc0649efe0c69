"""Diary warning signs that ask for the screen again: symptoms and pain jumps after a screen."""

from __future__ import annotations

import datetime as dt

import pytest

from unhunch.core.warnings import warning_signs
from unhunch.store.screens import DiaryPoint

T0 = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


def point(days: float, symptoms: tuple[str, ...] = (), **scores: int) -> DiaryPoint:
    return DiaryPoint(T0 + dt.timedelta(days=days), scores, list(symptoms))


def test_quiet_diary_has_no_warning_signs() -> None:
    assert warning_signs([point(0, neck=3), point(1, neck=4), point(2, neck=2)]) == []


@pytest.mark.parametrize("symptom", ["numbness_tingling", "night_pain", "spreading_pain"])
def test_each_warning_symptom_counts(symptom: str) -> None:
    (sign,) = warning_signs([point(1, (symptom,), neck=2)])
    assert "2026-03-02" in sign


def test_pain_rise_of_two_is_not_a_warning() -> None:
    assert warning_signs([point(0, lower_back=2), point(1, lower_back=4)]) == []


def test_pain_rise_of_three_in_a_region_is_a_warning() -> None:
    (sign,) = warning_signs([point(0, lower_back=2), point(1, lower_back=5)])
    assert sign == "lower back pain rose from 2 to 5 on 2026-03-02"


def test_jump_compares_with_the_same_regions_previous_entry() -> None:
    entries = [point(0, neck=1), point(1, lower_back=6), point(2, neck=3)]
    assert warning_signs(entries) == []


def test_only_signs_after_the_screen_count_but_earlier_scores_are_the_baseline() -> None:
    screen = T0 + dt.timedelta(days=1)
    entries = [
        point(0, ("numbness_tingling",), neck=1),  # before the screen: the screen saw it
        point(2, neck=4),  # a jump from the entry before the screen
    ]
    assert warning_signs(entries, since=screen) == ["neck pain rose from 1 to 4 on 2026-03-03"]


def test_entries_are_read_in_time_order() -> None:
    assert warning_signs([point(1, neck=5), point(0, neck=1)]) == [
        "neck pain rose from 1 to 5 on 2026-03-02"
    ]
