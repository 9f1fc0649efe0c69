"""Stop rules during a session: thresholds at 5/6 and at +2/+3, and the worst finding wins."""

from __future__ import annotations

import pytest

from unhunch.core.stop_rules import CheckIn, decide


def test_pain_five_continues() -> None:
    assert decide(CheckIn(pain=5, start_pain=4)).action == "continue"


def test_pain_six_eases() -> None:
    decision = decide(CheckIn(pain=6, start_pain=5))
    assert decision.action == "ease"
    assert decision.rule == "pain_above_limit"


def test_rise_of_two_over_start_continues() -> None:
    assert decide(CheckIn(pain=3, start_pain=1)).action == "continue"


def test_rise_of_three_over_start_eases() -> None:
    decision = decide(CheckIn(pain=4, start_pain=1))
    assert decision.action == "ease"
    assert decision.rule == "pain_rise"


def test_no_start_pain_uses_only_the_absolute_limit() -> None:
    assert decide(CheckIn(pain=4, start_pain=None)).action == "continue"


def test_too_much_alone_eases() -> None:
    decision = decide(CheckIn(pain=None, start_pain=None, too_much=True))
    assert decision.action == "ease"
    assert decision.rule == "too_much"


def test_spreading_stops_and_asks_the_screen_again() -> None:
    decision = decide(CheckIn(pain=2, start_pain=2, spreading=True))
    assert decision.action == "stop_rescreen"
    assert "again" in decision.message


@pytest.mark.parametrize(
    "check",
    [
        CheckIn(pain=None, start_pain=None, cardiac_or_faint=True),
        CheckIn(pain=9, start_pain=1, spreading=True, cardiac_or_faint=True, too_much=True),
    ],
)
def test_cardiac_or_faint_stops_with_emergency_advice_whatever_else(check: CheckIn) -> None:
    decision = decide(check)
    assert decision.action == "stop_emergency"
    assert "999" in decision.message and "112" in decision.message and "911" in decision.message


def test_spreading_outranks_high_pain() -> None:
    assert decide(CheckIn(pain=8, start_pain=1, spreading=True)).action == "stop_rescreen"
