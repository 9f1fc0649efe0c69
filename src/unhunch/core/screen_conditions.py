"""Which conditions a screen's answers name (spec/screening.md, "Screen answers become conditions").

A yes names the condition; so does "unsure" (the safer reading: the exercises the condition
removes are left out until a new screen answers no). Only these four items name a condition.
"""

from __future__ import annotations

from unhunch.core.screening_rules import Answers
from unhunch.core.vocab import Condition

# The screen item id that names each condition (the same word, kept apart for clarity).
CONDITION_ITEMS: dict[str, Condition] = {
    "pregnancy": "pregnancy",
    "osteoporosis": "osteoporosis",
    "recent_spine_surgery": "recent_spine_surgery",
    "inflammatory_arthritis": "inflammatory_arthritis",
}


def conditions_named(answers: Answers) -> frozenset[Condition]:
    """The conditions answered yes or unsure. A "no" or a question not asked names nothing."""
    return frozenset(c for item, c in CONDITION_ITEMS.items() if answers.raised(item))


def conditions_answered_no(answers: Answers) -> frozenset[Condition]:
    """The conditions a screen explicitly answered no: the only way one is removed (spec)."""
    return frozenset(c for item, c in CONDITION_ITEMS.items() if answers.items.get(item) is False)
