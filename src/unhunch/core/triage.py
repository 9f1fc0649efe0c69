"""Red-flag triage: answers in, outcome out (spec/screening.md). Pure: no I/O, no clock.

The worst tier found wins, and `reasons` names every answer that raised any tier, so the person
(and their clinician) sees all of it, not only the most urgent part.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from unhunch.core.admissible import left_out_sentence
from unhunch.core.errors import InputError, InputErrors, SafetyRefusal
from unhunch.core.screen_conditions import conditions_named
from unhunch.core.screening_rules import (
    MAX_AGE,
    MIN_AGE,
    UNSURE,
    Answers,
    Finding,
    ItemAnswer,
    ItemTier,
    ScreeningContent,
    Tier,
    combinations,
    rank,
)


@dataclass(frozen=True)
class Outcome:
    tier: Tier
    reasons: tuple[str, ...]  # every answer id that raised a tier above self_care
    advice: str
    may_coach: bool
    findings: tuple[Finding, ...] = ()
    asked: tuple[str, ...] = ()  # the item ids the person was asked (all, from a file)

    def as_json(self) -> dict[str, Any]:
        return {
            "tier": self.tier,
            "reasons": list(self.reasons),
            "advice": self.advice,
            "may_coach": self.may_coach,
            "findings": [
                {"rule": f.rule, "tier": f.tier, "because": list(f.because)} for f in self.findings
            ],
            "asked": list(self.asked),
        }


@dataclass(frozen=True)
class ScreenRecord:
    """A stored screen: when, what was answered, and what it meant."""

    id: str
    person: str
    taken_at: dt.datetime
    answers: Mapping[str, Any]
    tier: Tier
    reasons: tuple[str, ...]
    advice: str
    may_coach: bool
    seq: int = 0  # the person's write order: what was recorded after this screen

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "taken_at": self.taken_at.isoformat(),
            "tier": self.tier,
            "reasons": list(self.reasons),
            "advice": self.advice,
            "may_coach": self.may_coach,
            "answers": dict(self.answers),
        }


def unsure_tier(item_tier: ItemTier) -> Tier:
    """What "not sure" counts as: one tier below yes, never below see_doctor (spec). A combined
    item has no tier alone, so its unsure answer counts as see_doctor: never read as no."""
    return "urgent" if item_tier == "emergency" else "see_doctor"


def item_findings(answers: Answers, content: ScreeningContent) -> list[Finding]:
    """One finding per item answered yes (at its tier) or unsure (see `unsure_tier`)."""
    found: list[Finding] = []
    for item in content.items:
        if answers.yes(item.id) and item.tier != "combined":
            found.append(Finding(item.id, item.tier, (item.id,)))
        elif answers.unsure(item.id):
            found.append(Finding(item.id, unsure_tier(item.tier), (answers.reason(item.id),)))
    return found


def evaluate(answers: Answers, content: ScreeningContent) -> Outcome:
    """The outcome of a screen. Unasked questions (skipped by the flow, or after an early
    emergency stop) count for nothing; an unsure answer is never read as no."""
    findings = item_findings(answers, content) + combinations(answers)
    tier: Tier = min((f.tier for f in findings), key=rank, default="self_care")

    order = [
        *(r for i in content.items for r in (i.id, f"{i.id}:{UNSURE}")),
        *(c.id for c in content.context),
    ]
    raised = {answer for f in findings for answer in f.because}
    reasons = tuple(a for a in order if a in raised)
    asked = tuple(i.id for i in content.items if i.id in answers.items)

    may_coach = tier == "self_care" or (tier == "see_doctor" and answers.clinician_cleared is True)
    advice = _advice(tier, may_coach, findings, content)
    # What the result promises to leave out is written by the table that filters (admissible).
    # Only where coaching may follow: beside "call 999" or "be seen today" no word on exercise.
    left_out = left_out_sentence(conditions_named(answers))
    if left_out and tier in ("self_care", "see_doctor"):
        advice = f"{advice} {left_out}"
    return Outcome(tier, reasons, advice, may_coach, tuple(findings), asked)


def result_title(tier: Tier, may_coach: bool, content: ScreeningContent) -> str:
    """The heading over a result: a cleared see_doctor result must not say "book a check-up
    before you exercise" above a paragraph that says coaching may start."""
    if tier == "see_doctor" and may_coach:
        return content.cleared_title
    return content.tiers[tier].title


def _advice(tier: Tier, may_coach: bool, findings: list[Finding], content: ScreeningContent) -> str:
    parts = [content.tiers[tier].advice]
    if tier == "see_doctor" and may_coach:
        parts = [content.cleared_note]
    combination_ids = {c.id for c in content.combinations}
    for f in findings:
        if f.rule in combination_ids:
            extra = content.combination(f.rule).advice
        elif any(b.endswith(":" + UNSURE) for b in f.because):
            extra = content.unsure_note  # "Because you are pregnant" must not follow "not sure"
        else:
            extra = content.item(f.rule).advice
        if extra and extra not in parts:
            parts.append(extra)
    return " ".join(parts)


def reason_labels(outcome: Outcome, content: ScreeningContent) -> list[str]:
    """Plain words for what raised the tier, worst first, once each: a single item's finding
    names its answer ("... (you were not sure)"), a combination its own label. A stored outcome
    without findings (another version) names its reasons."""
    if not outcome.findings:
        return list(dict.fromkeys(content.label(r) for r in outcome.reasons))
    items = {i.id for i in content.items}
    ordered = sorted(outcome.findings, key=lambda f: rank(f.tier))
    return list(
        dict.fromkeys(
            content.label(f.because[0]) if f.rule in items else content.finding_label(f.rule)
            for f in ordered
        )
    )


# --- reading an answers file -------------------------------------------------------------------

ANSWERS_KEY = "answers"
ITEM_ALLOWED = 'true, false or "unsure"'


def _kind_ok(value: object, kind: str) -> bool:
    # bool is a subclass of int in Python; JSON true must not pass as a number, nor 1 as true.
    if kind == "bool":
        return isinstance(value, bool)
    return isinstance(value, int) and not isinstance(value, bool)


def plain_error(name: str, value: object, allowed: str, message: str) -> InputError:
    """An InputError whose text is written for the case (e.g. "missing") rather than generic."""
    err = InputError(name, value, allowed)
    err.args = (message,)
    return err


def _missing(name: str, allowed: str) -> InputError:
    return plain_error(
        name,
        None,
        allowed,
        f"{name}: missing. Allowed: {allowed}. A missing answer is never read as no.",
    )


# Context fields the spec's example answers file leaves out: they may be omitted unless the
# answer they qualify is yes (a missing answer that could change the outcome is never read as no).
ONLY_WHEN_RELEVANT = {"long_term_steroids": "minor_trauma"}


def parse_answers(data: object, content: ScreeningContent) -> Answers:
    """Check an answers document completely and give back the answers.

    Raises InputErrors naming EVERY problem (missing, unknown, wrong type, out of range), or
    SafetyRefusal when a valid age is under 16: the screen is not meant for them, whatever else
    the file says.
    """
    if not isinstance(data, dict):
        raise InputErrors(
            [
                InputError(
                    "answers file",
                    type(data).__name__,
                    "a JSON object like "
                    '{"age": 42, ..., "answers": {"saddle_numbness": false, ...}}',
                )
            ]
        )
    problems: list[InputError] = []
    context_ids = [c.id for c in content.context]
    values: dict[str, Any] = {}
    for c in content.context:
        allowed = "true or false" if c.kind == "bool" else "a whole number"
        if c.id == "age":
            allowed = f"a whole number from {MIN_AGE} to {MAX_AGE}"
        elif c.id == "pain_weeks":
            allowed = "a whole number of weeks, 0 or more"
        if c.id not in data:
            if c.id not in ONLY_WHEN_RELEVANT:
                problems.append(_missing(c.id, allowed))
            continue
        value = data[c.id]
        if (
            not _kind_ok(value, c.kind)
            or (c.id == "age" and not 0 <= value <= MAX_AGE)
            or (c.id == "pain_weeks" and value < 0)
        ):
            problems.append(InputError(c.id, value, allowed))
        else:
            values[c.id] = value
    for key in data:
        if key not in context_ids and key != ANSWERS_KEY:
            problems.append(_unknown(str(key), [*context_ids, ANSWERS_KEY], data[key]))

    items: dict[str, ItemAnswer] = {}
    raw = data.get(ANSWERS_KEY)
    item_ids = [i.id for i in content.items]
    if ANSWERS_KEY not in data:
        problems.append(
            _missing(ANSWERS_KEY, 'an object with a true/false/"unsure" answer for each question')
        )
    elif not isinstance(raw, dict):
        problems.append(
            InputError(
                ANSWERS_KEY, raw, 'an object with a true/false/"unsure" answer for each question'
            )
        )
    else:
        for item_id in item_ids:
            value = raw.get(item_id)
            if item_id not in raw:
                problems.append(_missing(f"answers.{item_id}", ITEM_ALLOWED))
            elif isinstance(value, bool) or value == UNSURE:
                items[item_id] = value
            else:
                problems.append(InputError(f"answers.{item_id}", value, ITEM_ALLOWED))
        for key in raw:
            if key not in item_ids:
                problems.append(_unknown(f"answers.{key}", item_ids, raw[key], prefix="answers."))

    for field_id, trigger in ONLY_WHEN_RELEVANT.items():
        if field_id not in data and items.get(trigger) is True:
            problems.append(
                _missing(field_id, f"true or false (needed because answers.{trigger} is true)")
            )

    age = values.get("age")
    if isinstance(age, int) and age < MIN_AGE:
        raise SafetyRefusal(content.under_16)
    if problems:
        raise InputErrors(problems)
    return Answers(items=items, **values)


def _unknown(name: str, known: list[str], value: object, prefix: str = "") -> InputError:
    bare = name.removeprefix(prefix)
    close = difflib.get_close_matches(bare, known, n=1)
    hint = f"Did you mean {prefix}{close[0]}?" if close else ""
    message = f"{name}: unknown question id. {hint}".rstrip()
    return plain_error(name, value, "only the ids in spec/screening.md", message)
