"""Every dose sits inside the sourced ranges (clinical.md §2); every text reads as instructions."""

from __future__ import annotations

import pytest

from unhunch.content import load_library
from unhunch.core.models import Exercise

EXERCISES = load_library().all()
IDS = [e.id for e in EXERCISES]

# clinical.md §2.1-2.3: holds 10-60 s (ACSM, D1) or up to 10 slow breaths; 3-15 reps a set
# (NHS inform starts at 5 and adds 1-2, D3; AAOS head rolls 3 × 3, D6); 1-4 sets (D2).
HOLD_SECONDS = range(10, 61)
HOLD_BREATHS = range(1, 11)
REPS = range(3, 16)
SETS = range(1, 5)
REP_SECONDS = range(2, 13)  # up to a 10-s squeeze held in each rep (D18)
MAX_STEP_CHARS = 160


@pytest.mark.parametrize("e", EXERCISES, ids=IDS)
def test_dose_is_inside_the_sourced_ranges(e: Exercise) -> None:
    dose = e.dose
    assert dose.sets in SETS
    if dose.hold_seconds is not None:
        assert dose.hold_seconds in HOLD_SECONDS
    if dose.hold_breaths is not None:
        assert dose.hold_breaths in HOLD_BREATHS
    if dose.reps is not None:
        assert dose.reps in REPS
        assert e.rep_seconds in REP_SECONDS, "a rep takes 2-12 s when done slowly"


# Resting and breathing are gentle however long they last; the gentle end is about effort.
BEGINNER_WORK = [
    e for e in EXERCISES if e.level == "beginner" and e.kind not in ("restorative", "breathing")
]


@pytest.mark.parametrize("e", BEGINNER_WORK, ids=lambda e: e.id)
def test_beginner_stretch_and_strength_doses_stay_at_the_gentle_end(e: Exercise) -> None:
    dose = e.dose
    assert dose.sets <= 3
    if dose.hold_seconds is not None:
        assert dose.hold_seconds <= 30, "ACSM: 10-30 s for most adults (D1)"
    if dose.hold_breaths is not None:
        assert dose.hold_breaths <= 8


@pytest.mark.parametrize("e", EXERCISES, ids=IDS)
def test_steps_are_a_short_ordered_list_of_instructions(e: Exercise) -> None:
    assert 3 <= len(e.steps) <= 6
    for step in e.steps:
        assert step.strip() == step and step, repr(step)
        assert len(step) < MAX_STEP_CHARS, step
        assert step[0].isupper() and step.endswith("."), step
        assert not step.lower().startswith(("you ", "the ", "this ")), f"not imperative: {step}"


@pytest.mark.parametrize("e", EXERCISES, ids=IDS)
def test_summary_is_one_plain_sentence(e: Exercise) -> None:
    assert e.summary, "every exercise has a one-line summary"
    assert e.summary.endswith(".") and e.summary[0].isupper(), e.summary
    assert ". " not in e.summary.rstrip("."), f"more than one sentence: {e.summary}"
    assert len(e.summary) <= 120, e.summary


@pytest.mark.parametrize("e", EXERCISES, ids=IDS)
def test_cautions_always_say_when_to_stop(e: Exercise) -> None:
    assert any("stop" in c.lower() for c in e.cautions), e.cautions
    for text in (*e.cues, *e.cautions):
        assert text and text[0].isupper() and text.endswith("."), text


@pytest.mark.parametrize("e", EXERCISES, ids=IDS)
def test_lists_hold_no_blanks_or_repeats(e: Exercise) -> None:
    for field in ("aliases", "muscles", "movements", "equipment", "regions", "sources"):
        values = getattr(e, field)
        assert all(str(v).strip() for v in values), field
        assert len(values) == len(set(values)), f"{field} repeats a value: {values}"
