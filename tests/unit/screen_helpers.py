"""Shared builders for screen tests: a complete all-"no" answers document and its Answers."""

from __future__ import annotations

from typing import Any

from unhunch.content.screening import load_screening
from unhunch.core.screening_rules import Answers

CONTENT = load_screening()
ITEM_IDS = [i.id for i in CONTENT.items]


def document(**context: Any) -> dict[str, Any]:
    """A valid answers document: a calm 42-year-old, every question answered no."""
    doc: dict[str, Any] = {
        "age": 42,
        "pain_weeks": 2,
        "improving": True,
        "new_pain": False,
        "long_term_steroids": False,
        "clinician_cleared": False,
        "answers": dict.fromkeys(ITEM_IDS, False),
    }
    doc.update(context)
    return doc


def answers(*yes: str, **context: Any) -> Answers:
    doc = document(**context)
    items = dict(doc.pop("answers"))
    for item_id in yes:
        assert item_id in items, item_id
        items[item_id] = True
    return Answers(items=items, **doc)
