"""The red-flag screen as a sequence of one-question pages, kept in the form itself.

Nothing is stored until the screen ends: each page posts every earlier answer back as hidden
fields, so a person can go back, and an abandoned screen leaves no half record. Emergency
questions come first, and a yes to one ends the screen at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from unhunch.core.errors import InputError, InputErrors
from unhunch.core.screening_rules import MAX_AGE, Answers, ScreeningContent
from unhunch.core.triage import evaluate
from unhunch.web.forms import whole_number

CONTEXT_ORDER = ("age", "pain_weeks", "improving", "new_pain", "long_term_steroids")
CLEARED = "clinician_cleared"
PREFIX = "a_"  # hidden answer fields are a_<id>


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "bool" or "int"
    text: str
    why: str
    emergency: bool = False


def questions(content: ScreeningContent) -> list[Question]:
    """Emergencies first, then the context, then the rest; clinician_cleared is asked last, and
    only when the answers so far would need it (see `needs_clearance`)."""
    emergency = [
        Question(i.id, "bool", i.question, i.why, emergency=True)
        for i in content.items
        if i.tier == "emergency"
    ]
    context = [
        Question(f.id, f.kind, f.question, f.why) for f in (content.field(c) for c in CONTEXT_ORDER)
    ]
    rest = [
        Question(i.id, "bool", i.question, i.why) for i in content.items if i.tier != "emergency"
    ]
    cleared = content.field(CLEARED)
    return [*emergency, *context, *rest, Question(CLEARED, "bool", cleared.question, cleared.why)]


def parse_value(q: Question, raw: str) -> bool | int:
    raw = raw.strip()
    if q.kind == "bool":
        if raw in ("yes", "no"):
            return raw == "yes"
        raise InputError(q.id, raw, "yes or no")
    if q.id == "age":
        allowed = f"a whole number from 0 to {MAX_AGE}"
        top = MAX_AGE
    else:
        allowed = "a whole number of weeks, 0 or more (type 0 if less than a week)"
        top = 5200
    value = whole_number(raw)
    if value is None:
        raise InputError(q.id, raw, allowed)
    if not 0 <= value <= top:
        raise InputError(q.id, raw, allowed)
    return value


def parse_earlier(form: Mapping[str, str], asked: list[Question]) -> dict[str, bool | int]:
    """The hidden answers for the questions before this one; anything else is refused."""
    known = {q.id: q for q in asked}
    problems: list[InputError] = []
    values: dict[str, bool | int] = {}
    for key, raw in form.items():
        if not key.startswith(PREFIX):
            continue
        qid = key.removeprefix(PREFIX)
        if qid not in known:
            problems.append(InputError(key, raw, "only the questions asked so far"))
            continue
        try:
            values[qid] = parse_value(known[qid], raw)
        except InputError as exc:
            problems.append(exc)
    missing = [q.id for q in asked if q.id not in values]
    problems += [
        InputError(PREFIX + m, None, "an answer to every earlier question") for m in missing
    ]
    if problems:
        raise InputErrors(problems)
    return values


def to_answers(values: Mapping[str, bool | int]) -> Answers:
    items = {k: bool(v) for k, v in values.items() if k not in (*CONTEXT_ORDER, CLEARED)}

    def ctx_int(key: str) -> int | None:
        v = values.get(key)
        return v if isinstance(v, int) and not isinstance(v, bool) else None

    def ctx_bool(key: str) -> bool | None:
        v = values.get(key)
        return v if isinstance(v, bool) else None

    return Answers(
        items=items,
        age=ctx_int("age"),
        pain_weeks=ctx_int("pain_weeks"),
        improving=ctx_bool("improving"),
        new_pain=ctx_bool("new_pain"),
        long_term_steroids=ctx_bool("long_term_steroids"),
        clinician_cleared=ctx_bool(CLEARED),
    )


def needs_clearance(values: Mapping[str, bool | int], content: ScreeningContent) -> bool:
    """Ask 'has a clinician cleared you?' only when it would change the outcome."""
    return evaluate(to_answers(values), content).tier == "see_doctor"


def encode(value: bool | int) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
