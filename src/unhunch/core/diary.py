"""A pain-diary entry and the checks on what a person types into one.

Pain is the 0-10 numeric rating scale (NRS) used in the clinical literature (clinical.md §2.6,
source D17). One entry holds a score for one or more of the three pain regions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from pydantic import BaseModel, ConfigDict, Field, field_validator

from unhunch.core.errors import InputError, InputErrors
from unhunch.core.vocab import PAIN_REGIONS, SYMPTOMS, WHENS, PainRegion, Symptom, When

PAIN_MIN = 0
PAIN_MAX = 10
NOTE_MAX = 2000


class Entry(BaseModel):
    """One diary entry as stored: the id is made by the client so a retry never doubles it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=36)
    recorded_at: dt.datetime
    when: When
    scores: dict[PainRegion, int]
    note: str | None = None
    symptoms: tuple[Symptom, ...] = ()
    session_id: str | None = None

    @field_validator("recorded_at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("recorded_at must be timezone-aware")
        return value

    @field_validator("scores")
    @classmethod
    def _scores(cls, value: dict[PainRegion, int]) -> dict[PainRegion, int]:
        if not value:
            raise ValueError("an entry needs a score for at least one region")
        for region, pain in value.items():
            if not PAIN_MIN <= pain <= PAIN_MAX:
                raise ValueError(f"{region}: pain must be 0-10, got {pain}")
        return value


def when_for(moment: dt.datetime) -> When:
    """The part of the day a moment falls in, as the person's own clock shows it.

    Small hours (before 4:00) still count as the evening before: pain noted at 1 a.m. is
    someone's late evening, not their morning.
    """
    hour = moment.hour
    if 4 <= hour < 12:
        return "morning"
    if 12 <= hour < 18:
        return "day"
    return "evening"


def is_small_whole(digits: str) -> bool:
    """0-9 only (int() also takes "٣", and isdigit() passes "²", which int() refuses), and
    short enough that int() never hits its digit limit."""
    return digits.isascii() and digits.isdigit() and len(digits) <= 9


def parse_pain(field: str, value: object) -> int:
    """A 0-10 whole number from what was typed (string or int), or an InputError naming field."""
    allowed = "a whole number from 0 (no pain) to 10 (worst imaginable)"
    if isinstance(value, bool):
        raise InputError(field, value, allowed)
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and is_small_whole(value.strip().lstrip("+-")):
        number = int(value.strip())
    else:
        raise InputError(field, value, allowed)
    if not PAIN_MIN <= number <= PAIN_MAX:
        raise InputError(field, value, allowed)
    return number


def check_new_entry(
    scores: Mapping[str, object],
    when: object,
    symptoms: Iterable[object],
    note: str | None,
) -> tuple[dict[PainRegion, int], When, tuple[Symptom, ...], str | None]:
    """Validate every field of a new entry at once; all problems are reported together."""
    problems: list[InputError] = []
    clean: dict[PainRegion, int] = {}
    for region, raw in scores.items():
        matched = next((r for r in PAIN_REGIONS if r == region), None)
        if matched is None:
            problems.append(InputError("region", region, ", ".join(PAIN_REGIONS)))
            continue
        try:
            clean[matched] = parse_pain(matched, raw)
        except InputError as exc:
            problems.append(exc)
    if not scores:
        problems.append(
            InputError(
                "pain",
                "nothing",
                "a score for at least one region: neck, upper_back, "
                "lower_back (e.g. --lower-back 4)",
            )
        )
    when_ok = next((w for w in WHENS if w == when), None)
    if when_ok is None:
        problems.append(InputError("when", when, ", ".join(WHENS)))
    wanted: list[Symptom] = []
    for raw in symptoms:
        symptom = next((s for s in SYMPTOMS if s == raw), None)
        if symptom is None:
            problems.append(InputError("symptom", raw, ", ".join(SYMPTOMS)))
        elif symptom not in wanted:
            wanted.append(symptom)
    if note is not None and len(note) > NOTE_MAX:
        problems.append(InputError("note", note[:40] + "…", f"at most {NOTE_MAX} characters"))
    if problems:
        raise problems[0] if len(problems) == 1 else InputErrors(problems)
    assert when_ok is not None
    text = note.strip() if note else None
    # Keep symptoms in vocabulary order so the same answers always store the same list.
    ordered = tuple(s for s in SYMPTOMS if s in wanted)
    return clean, when_ok, ordered, text or None
