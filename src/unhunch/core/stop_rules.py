"""Stop rules during a session (spec/screening.md "Stop rules"; clinical.md §2.5).

The session player asks `decide` after each pain check-in or press of "stop / too much".
The most serious finding wins: emergency signs, then spreading symptoms, then pain limits.
Sources: D12 and D13 (pain above 5/10 is unacceptable), D14 (peripheralisation: stop that
movement), D15 (cardiovascular stop signs), D3 (stop if symptoms get worse).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

StopAction = Literal["continue", "ease", "stop_rescreen", "stop_emergency"]

# Pain during an exercise above this (0-10) is "unacceptable" in the pain-monitoring model [D12].
PAIN_LIMIT = 5
# A rise of this much over the start-of-session pain also ends the exercise; 2 points is the
# smallest change that matters on the 0-10 scale [D17], so 3 is clearly beyond noise.
PAIN_RISE_LIMIT = 3

EMERGENCY_MESSAGE = (
    "Stop now and sit or lie down. Chest pain or pressure, dizziness, breathlessness that makes "
    "talking hard, a racing or irregular heartbeat or feeling faint can be serious. "
    "Call the emergency number now (999 in the UK, 112 in Europe, 911 in the US) or have someone "
    "take you to an emergency department. Do not carry on with the session."
)
RESCREEN_MESSAGE = (
    "Stop this session. Pain, numbness or tingling spreading down an arm or leg means this "
    "movement is not right for you today. Please answer the safety questions again before "
    "your next session; if the spreading does not settle with rest, see a doctor."
)
EASE_PAIN_MESSAGE = (
    "That is more pain than this exercise should cause. Stop this exercise; you can try the "
    "easier version or end here. Move only as far as feels comfortable."
)
EASE_TOO_MUCH_MESSAGE = (
    "Fine: stop this exercise. You can try the easier version or end here. Listening to your "
    "body is the right thing to do."
)
CONTINUE_MESSAGE = "Pain is within a comfortable range. Carry on gently."


@dataclass(frozen=True)
class CheckIn:
    """What the person told the player during an exercise (pain is 0-10, None if not asked)."""

    pain: int | None
    start_pain: int | None
    spreading: bool = False
    cardiac_or_faint: bool = False
    too_much: bool = False


@dataclass(frozen=True)
class StopDecision:
    action: StopAction
    rule: str  # stable id of the rule that fired, recorded with the session
    message: str  # plain words for the person


def decide(check: CheckIn) -> StopDecision:
    """What the player does next. Worst finding wins; every threshold is named above."""
    if check.cardiac_or_faint:
        return StopDecision("stop_emergency", "cardiac_or_faint", EMERGENCY_MESSAGE)
    if check.spreading:
        return StopDecision("stop_rescreen", "spreading", RESCREEN_MESSAGE)
    if check.pain is not None and check.pain > PAIN_LIMIT:
        return StopDecision("ease", "pain_above_limit", EASE_PAIN_MESSAGE)
    if (
        check.pain is not None
        and check.start_pain is not None
        and check.pain >= check.start_pain + PAIN_RISE_LIMIT
    ):
        return StopDecision("ease", "pain_rise", EASE_PAIN_MESSAGE)
    if check.too_much:
        return StopDecision("ease", "too_much", EASE_TOO_MUCH_MESSAGE)
    return StopDecision("continue", "within_limits", CONTINUE_MESSAGE)
