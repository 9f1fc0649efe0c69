"""The screen's content shapes and its combination rules (spec/screening.md).

Single items carry their tier as data (content/screening.toml). The answers that only matter
together live in `combinations` below: one small pure function, meant to be read next to the
spec. Each rule id has a matching [[combination]] entry in screening.toml (why + sources).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from unhunch.core.vocab import PainRegion

Tier = Literal["emergency", "urgent", "see_doctor", "self_care"]
TIERS: tuple[Tier, ...] = ("emergency", "urgent", "see_doctor", "self_care")  # most urgent first
# "combined" items raise nothing alone; they count only inside a combination rule.
ItemTier = Literal["emergency", "urgent", "see_doctor", "combined"]
UNSURE: Literal["unsure"] = "unsure"
NOT_ASKED = "not_asked"  # stored for an item the flow did not ask; never read as no
# An item's answer: yes, no, or "unsure" (spec: counts one tier below yes, never below see_doctor).
ItemAnswer = bool | Literal["unsure"]

RESCREEN_DAYS = 28  # a screen is good for 4 weeks (spec: "at least every 4 weeks")
MIN_AGE = 16  # NICE NG59 covers over-16s [G1]
MAX_AGE = 120


def rank(tier: Tier) -> int:
    """0 for emergency, 3 for self_care: lower is more urgent."""
    return TIERS.index(tier)


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ItemPart(_Data):
    """One symptom of an item whose public id covers several: asked as its own question, and
    folded back into the item's answer (see screen_replies.fold_parts)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    question: str
    # A gate part must be yes (or unsure) for the item to count at all; "no" skips the rest.
    gate: bool = False


class ScreenItem(_Data):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    tier: ItemTier
    label: str  # a few words for the result screen: "new numbness around the bottom"
    question: str  # the whole item in one question (answers files, and the item's heading)
    why: str
    sources: tuple[str, ...] = Field(min_length=1)
    advice: str = ""  # extra advice shown when this answer is yes
    # Pain regions for which the interactive flow asks this item; empty = everyone.
    regions: tuple[PainRegion, ...] = ()
    parts: tuple[ItemPart, ...] = ()  # one symptom per question; empty = ask `question`
    need: int = Field(default=1, ge=1)  # how many non-gate parts make the item a yes


class ContextField(_Data):
    id: Literal[
        "age", "pain_weeks", "improving", "new_pain", "long_term_steroids", "clinician_cleared"
    ]
    kind: Literal["int", "bool"]
    label: str
    question: str
    why: str
    sources: tuple[str, ...] = Field(min_length=1)


class Combination(_Data):
    id: str
    tier: Tier
    label: str
    why: str
    sources: tuple[str, ...] = Field(min_length=1)
    advice: str = ""


class TierText(_Data):
    title: str
    advice: str


class ScreeningContent(_Data):
    """Everything the screen says, validated when loaded."""

    tiers: dict[Tier, TierText]
    cleared_note: str  # see_doctor, once a clinician has cleared exercise
    cleared_title: str  # the heading over that note
    unsure_hint: str  # the one line under every "Not sure" choice
    unsure_note: str  # added to the advice when an answer was "not sure"
    under_16: str
    context: tuple[ContextField, ...]
    items: tuple[ScreenItem, ...]
    combinations: tuple[Combination, ...]

    def item(self, item_id: str) -> ScreenItem:
        return next(i for i in self.items if i.id == item_id)

    def combination(self, rule_id: str) -> Combination:
        return next(c for c in self.combinations if c.id == rule_id)

    def field(self, field_id: str) -> ContextField:
        return next(c for c in self.context if c.id == field_id)

    def finding_label(self, rule: str) -> str:
        """Plain words for what raised a tier: an item's label or a combination's label."""
        combos = {c.id: c.label for c in self.combinations}
        return combos[rule] if rule in combos else self.label(rule)

    def label(self, answer_id: str) -> str:
        """Plain words for any answer id (item or context field), or a reason "<id>:unsure"."""
        bare, unsure = answer_id.removesuffix(":" + UNSURE), answer_id.endswith(":" + UNSURE)
        labels = {i.id: i.label for i in self.items} | {c.id: c.label for c in self.context}
        text = labels.get(bare, bare.replace("_", " "))
        return f"{text} (you were not sure)" if unsure else text


@dataclass(frozen=True)
class Answers:
    """What the person said. Missing keys and None mean "not asked" (only when a screen stopped
    early on an emergency); the answers file must give every one (see triage.parse_answers)."""

    items: Mapping[str, ItemAnswer]
    age: int | None = None
    pain_weeks: int | None = None
    improving: bool | None = None
    new_pain: bool | None = None
    long_term_steroids: bool | None = None
    clinician_cleared: bool | None = None

    def yes(self, item_id: str) -> bool:
        return self.items.get(item_id) is True

    def unsure(self, item_id: str) -> bool:
        return self.items.get(item_id) == UNSURE

    def raised(self, item_id: str) -> bool:
        """Yes or unsure: the safer reading of "not sure" wherever an answer takes part."""
        return self.yes(item_id) or self.unsure(item_id)

    def reason(self, item_id: str) -> str:
        """How this answer is named in `reasons`: "<id>" or "<id>:unsure"."""
        return f"{item_id}:{UNSURE}" if self.unsure(item_id) else item_id


@dataclass(frozen=True)
class Finding:
    rule: str  # the item id, or the combination id
    tier: Tier
    because: tuple[str, ...]  # every answer id that made this rule fire


def combinations(a: Answers) -> list[Finding]:
    """Rules where answers count only together. Each lists every answer that took part.

    An unsure item takes part as if it were yes (the safer reading: the rule exists because the
    pair together is dangerous), and is listed as "<id>:unsure".
    """
    found: list[Finding] = []

    # A minor fall, knock or lift when bones may be fragile: possible fracture [R3, R8, R9].
    fragile = [
        *([a.reason("osteoporosis")] if a.raised("osteoporosis") else []),
        *(["long_term_steroids"] if a.long_term_steroids else []),
        *(["age"] if a.age is not None and a.age >= 50 else []),
    ]
    if a.raised("minor_trauma") and fragile:
        found.append(
            Finding("minor_trauma_fragile_bones", "urgent", (a.reason("minor_trauma"), *fragile))
        )

    # Fever or feeling unwell when immunity is low: possible spinal infection [R8, R9, R10].
    if a.raised("fever") and a.raised("immunosuppressed"):
        because = (a.reason("fever"), a.reason("immunosuppressed"))
        found.append(Finding("fever_with_low_immunity", "urgent", because))

    # Osteoporosis with a new kind of pain: possible fracture [R3, R8].
    if a.raised("osteoporosis") and a.new_pain:
        because = (a.reason("osteoporosis"), "new_pain")
        found.append(Finding("osteoporosis_new_pain", "see_doctor", because))

    # A new kind of back pain starting under 20 or at 50 and over [R8, R9].
    if a.new_pain and a.age is not None and (a.age < 20 or a.age >= 50):
        found.append(Finding("age_new_pain", "see_doctor", ("age", "new_pain")))

    # Six weeks or more and not getting better: most back pain eases within 4-6 weeks [D4, R7].
    if a.pain_weeks is not None and a.pain_weeks >= 6 and a.improving is False:
        found.append(Finding("not_improving", "see_doctor", ("pain_weeks", "improving")))

    return found


COMBINATION_IDS = (
    "minor_trauma_fragile_bones",
    "fever_with_low_immunity",
    "osteoporosis_new_pain",
    "age_new_pain",
    "not_improving",
)


def context_matters(field_id: str, a: Answers, tier_so_far: Tier) -> bool:
    """Whether a follow-up question can still change the outcome (the interactive screen skips
    the ones that cannot; an answers file gives them all). Keep in step with `combinations`."""
    if field_id == "improving":
        return a.pain_weeks is not None and a.pain_weeks >= 6
    if field_id == "new_pain":
        young_or_older = a.age is not None and (a.age < 20 or a.age >= 50)
        return a.raised("osteoporosis") or young_or_older
    if field_id == "long_term_steroids":
        return a.raised("minor_trauma")
    if field_id == "clinician_cleared":
        return tier_so_far == "see_doctor"
    return True
