"""The screen's questions one by one, and what a reply to each may be (core/screen_flow.py uses
them; the terminal and the web send the person's reply through `parse_reply`).

A reply to a yes/no question is yes, no or "unsure". For a screen item, "unsure" is kept (triage
counts it one tier below yes, never below see_doctor). For a context question it takes the safer
reading at once (`SAFER`): a person unsure whether a clinician cleared them is not cleared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from unhunch.core.errors import InputError
from unhunch.core.screening_rules import MAX_AGE, UNSURE, ItemAnswer, ScreenItem
from unhunch.core.vocab import PAIN_REGIONS, PainRegion

FlowValue = int | bool | Literal["unsure"] | tuple[PainRegion, ...]
QuestionKind = Literal["int", "yes_no", "regions"]
REGIONS_ID = "regions"
MAX_WEEKS = 5200  # a century: anything more is a typing slip
REPLIES = ("yes", "no", UNSURE)

# "Not sure" to a context question, read the safer way: it never lowers the result.
SAFER: dict[str, bool] = {
    "improving": False,
    "new_pain": True,
    "long_term_steroids": True,
    "clinician_cleared": False,
}


@dataclass(frozen=True)
class Question:
    id: str  # a context id, "regions", an item id, or "<item id>.<part id>"
    kind: QuestionKind
    text: str
    why: str
    sources: tuple[str, ...]
    item: str | None = None  # the screen item this question answers (itself or a part)
    emergency: bool = False  # a yes to it ends the screen
    gate: bool = False  # a "no" skips the rest of its item


def item_questions(item: ScreenItem) -> list[Question]:
    """One question per symptom: the item itself, or each of its parts."""
    emergency = item.tier == "emergency"
    if not item.parts:
        return [
            Question(item.id, "yes_no", item.question, item.why, item.sources, item.id, emergency)
        ]
    return [
        Question(
            f"{item.id}.{p.id}",
            "yes_no",
            p.question,
            item.why,
            item.sources,
            item.id,
            emergency,
            p.gate,
        )
        for p in item.parts
    ]


def as_item_answer(value: object) -> ItemAnswer | None:
    if isinstance(value, bool):
        return value
    return UNSURE if value == UNSURE else None


def fold_parts(item: ScreenItem, state: Mapping[str, FlowValue]) -> ItemAnswer | None:
    """An item's answer from its parts: yes when `need` parts are yes (after every gate part is
    yes); unsure when they are yes or unsure; no otherwise; None while it could still change."""
    gates = [as_item_answer(state.get(f"{item.id}.{p.id}")) for p in item.parts if p.gate]
    rest = [as_item_answer(state.get(f"{item.id}.{p.id}")) for p in item.parts if not p.gate]
    if False in gates:
        return False
    if None in gates:
        return None
    yes = rest.count(True)
    if yes >= item.need and UNSURE not in gates:
        return True
    if None in rest:
        return None
    return UNSURE if yes + rest.count(UNSURE) >= item.need else False


def context_bool(field_id: str, value: FlowValue | None) -> bool | None:
    if value == UNSURE:
        return SAFER[field_id]
    return value if isinstance(value, bool) else None


def parse_reply(question: Question, raw: str) -> FlowValue:
    """A reply typed or posted by a person; InputError names what is allowed."""
    text = raw.strip().lower()
    if question.kind == "yes_no":
        if text in REPLIES:
            return UNSURE if text == UNSURE else text == "yes"
        raise InputError(question.id, raw, "yes, no or not sure")
    if question.kind == "regions":
        return parse_regions(text)
    top = MAX_AGE if question.id == "age" else MAX_WEEKS
    allowed = (
        f"a whole number from 0 to {MAX_AGE}"
        if question.id == "age"
        else "a whole number of weeks, 0 or more (0 if less than a week)"
    )
    # ASCII digits only: "²" and "٣" pass str.isdigit() and would crash or surprise int().
    if not (text.isascii() and text.isdigit()) or len(text) > 5 or not 0 <= int(text) <= top:
        raise InputError(question.id, raw, allowed)
    return int(text)


def parse_regions(text: str) -> tuple[PainRegion, ...]:
    """ "neck lower_back" (spaces, commas or +); "unsure" means all three: ask everything."""
    words = [w for w in text.replace(",", " ").replace("+", " ").split() if w]
    if UNSURE in words:  # with or without places ticked: not sure means ask about all three
        return PAIN_REGIONS
    unknown = [w for w in words if w not in PAIN_REGIONS]
    if unknown or not words:
        raise InputError(REGIONS_ID, text, "one or more of neck, upper_back, lower_back")
    return tuple(r for r in PAIN_REGIONS if r in words)


def encode(value: FlowValue) -> str:
    """The reply as `parse_reply` reads it back (web hidden fields)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return " ".join(value)
    return str(value)
