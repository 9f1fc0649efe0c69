"""A screen's answers as stored (and exported): the answers-file shape, with every item present.

An item the flow did not ask is stored as "not_asked", so a reader never mistakes a skipped
question for a no; "unsure" is stored as it was given. Screens stored before this (items left
out after an early stop, only true/false) read back the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from unhunch.core.screening_rules import NOT_ASKED, UNSURE, Answers, ItemAnswer, ScreeningContent

CONTEXT_KEYS = (
    "age",
    "pain_weeks",
    "improving",
    "new_pain",
    "long_term_steroids",
    "clinician_cleared",
)


def stored_document(answers: Answers, content: ScreeningContent) -> dict[str, Any]:
    """Context fields that were answered, and every item: true, false, "unsure" or "not_asked"."""
    doc: dict[str, Any] = {
        key: getattr(answers, key) for key in CONTEXT_KEYS if getattr(answers, key) is not None
    }
    doc["answers"] = {i.id: answers.items.get(i.id, NOT_ASKED) for i in content.items}
    return doc


def answers_from_document(doc: Mapping[str, Any]) -> Answers:
    """Read a stored document back; unknown keys and values of older versions are left out."""
    raw = doc.get("answers")
    items: dict[str, ItemAnswer] = {}
    for key, value in raw.items() if isinstance(raw, Mapping) else ():
        if isinstance(value, bool):
            items[str(key)] = value
        elif value == UNSURE:
            items[str(key)] = UNSURE
    context: dict[str, Any] = {}
    for key in CONTEXT_KEYS:
        value = doc.get(key)
        ok = (
            isinstance(value, bool)
            if key not in ("age", "pain_weeks")
            else (isinstance(value, int) and not isinstance(value, bool))
        )
        if ok:
            context[key] = value
    return Answers(items=items, **context)


def asked_items(doc: Mapping[str, Any]) -> tuple[str, ...]:
    """The item ids a stored screen asked (everything but "not_asked" and missing ones)."""
    raw = doc.get("answers")
    if not isinstance(raw, Mapping):
        return ()
    return tuple(str(k) for k, v in raw.items() if v != NOT_ASKED)
