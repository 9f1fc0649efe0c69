"""Next-morning pain decides progression: settled or better grows, worse steps back."""

from __future__ import annotations

import pytest

from unhunch.core.errors import InputError
from unhunch.core.pain_monitoring import next_morning


def test_same_pain_next_morning_counts_as_settled_and_grows() -> None:
    assert next_morning(before=3, next_morning=3).action == "grow"


def test_lower_pain_next_morning_grows() -> None:
    assert next_morning(before=4, next_morning=2).action == "grow"


def test_one_point_worse_steps_back() -> None:
    signal = next_morning(before=3, next_morning=4)
    assert signal.action == "step_back"
    assert "4/10" in signal.message


def test_five_next_morning_is_not_yet_ease_off() -> None:
    assert next_morning(before=5, next_morning=5).action == "grow"
    assert next_morning(before=4, next_morning=5).action == "step_back"


def test_six_next_morning_eases_off_even_if_lower_than_before() -> None:
    signal = next_morning(before=8, next_morning=6)
    assert signal.action == "ease_off"
    assert "lighter" in signal.message


@pytest.mark.parametrize(("before", "after"), [(-1, 2), (2, 11)])
def test_scores_outside_zero_to_ten_are_refused(before: int, after: int) -> None:
    with pytest.raises(InputError):
        next_morning(before=before, next_morning=after)
