"""Next-morning pain decides progression (the pain-monitoring model [D12]; spec/screening.md).

Precise rule, in order:
- next-morning pain > 5/10 → `ease_off`: ease off and suggest a lighter routine;
- next-morning pain > before-session pain → `step_back`: the dose steps back one step;
- next-morning pain == before-session pain (back where it was: "settled") → `grow`;
- next-morning pain < before-session pain ("better") → `grow`.
So "settled" means the next-morning pain is no higher than the pain before the session.
A rise of even one point counts as worse: the model asks for the load to come down whenever the
next-day response is worse, and 0-10 scores are whole numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from unhunch.core.errors import InputError

ProgressionAction = Literal["grow", "keep", "step_back", "ease_off"]

EASE_OFF_ABOVE = 5  # same line as during exercise: above 5/10 is "unacceptable" [D12, D13]


@dataclass(frozen=True)
class ProgressionSignal:
    action: ProgressionAction
    message: str


def _check(name: str, value: int) -> None:
    if not 0 <= value <= 10:
        raise InputError(name, value, "a whole number of pain from 0 to 10")


def next_morning(before: int, next_morning: int) -> ProgressionSignal:
    """Progression signal from pain before the session and pain the next morning (0-10 each).

    `keep` is part of the vocabulary for callers (e.g. no next-morning score yet) and is not
    returned here: with both scores known the rule above always decides.
    """
    _check("before", before)
    _check("next_morning", next_morning)
    if next_morning > EASE_OFF_ABOVE:
        return ProgressionSignal(
            "ease_off",
            f"Your pain this morning is {next_morning}/10, which is high. Ease off: take a "
            "lighter, shorter routine today, and see a doctor or physiotherapist if it stays high.",
        )
    if next_morning > before:
        return ProgressionSignal(
            "step_back",
            f"Your pain this morning ({next_morning}/10) is higher than before the session "
            f"({before}/10). Next time the exercises step back to an easier dose.",
        )
    if next_morning == before:
        text = f"Your pain settled back to where it was ({before}/10)."
    else:
        text = f"Your pain is lower than before the session ({before}/10 → {next_morning}/10)."
    return ProgressionSignal("grow", text + " Next time the dose can grow by one step.")
