"""Triage: every item alone, every combination rule, the boundaries, and the worst tier wins."""

from __future__ import annotations

import pytest

from tests.unit.screen_helpers import CONTENT, answers
from unhunch.core.triage import evaluate

EMERGENCY = [i.id for i in CONTENT.items if i.tier == "emergency"]
URGENT = [i.id for i in CONTENT.items if i.tier == "urgent"]
SEE_DOCTOR = [i.id for i in CONTENT.items if i.tier == "see_doctor"]
COMBINED = [i.id for i in CONTENT.items if i.tier == "combined"]


def test_spec_item_ids_are_all_present() -> None:
    spec_ids = {
        "saddle_numbness", "new_bladder_problem", "new_bowel_problem", "new_sexual_dysfunction",
        "both_legs_symptoms", "chest_pain_or_cardiac_signs", "sudden_tearing_pain", "major_trauma",
        "sudden_limb_weakness", "stiff_neck_with_fever_or_headache", "neuro_signs_with_neck_pain",
        "minor_trauma", "osteoporosis", "fever", "unexplained_weight_loss",
        "lump_or_changed_shape", "night_or_rest_pain", "band_like_pain", "cancer_history",
        "immunosuppressed", "worsening_numbness_or_weakness", "severe_arm_pain_with_numbness",
        "clumsy_hands_or_falls", "morning_stiffness_both_shoulders", "rapidly_worsening_pain",
        "recent_spine_surgery", "pregnancy",
        # second version of the contract
        "thunderclap_headache", "pulsing_belly_with_back_pain", "recent_neck_injury",
        "both_hands_numb_or_clumsy", "electric_shocks_on_neck_bending",
        "inflammatory_back_pain_pattern", "pain_unchanged_by_movement", "inflammatory_arthritis",
    }  # fmt: skip
    assert {i.id for i in CONTENT.items} == spec_ids
    assert len(EMERGENCY) == 13
    assert set(URGENT) == {
        "recent_neck_injury", "both_hands_numb_or_clumsy", "electric_shocks_on_neck_bending"
    }  # fmt: skip
    assert set(COMBINED) == {"minor_trauma", "osteoporosis"}


def test_all_no_is_self_care_and_may_coach() -> None:
    outcome = evaluate(answers(), CONTENT)
    assert (outcome.tier, outcome.reasons, outcome.may_coach) == ("self_care", (), True)


@pytest.mark.parametrize("item_id", EMERGENCY)
def test_each_emergency_item_alone_is_an_emergency(item_id: str) -> None:
    outcome = evaluate(answers(item_id, clinician_cleared=True), CONTENT)
    assert outcome.tier == "emergency"
    assert outcome.reasons == (item_id,)
    assert outcome.may_coach is False
    assert "999" in outcome.advice and "112" in outcome.advice and "911" in outcome.advice


@pytest.mark.parametrize("item_id", URGENT)
def test_each_urgent_item_alone_needs_a_same_day_check_even_when_cleared(item_id: str) -> None:
    outcome = evaluate(answers(item_id, clinician_cleared=True), CONTENT)
    assert (outcome.tier, outcome.reasons, outcome.may_coach) == ("urgent", (item_id,), False)
    assert "today" in outcome.advice


@pytest.mark.parametrize("item_id", SEE_DOCTOR)
def test_each_see_doctor_item_alone_needs_a_doctor_and_blocks_coaching(item_id: str) -> None:
    outcome = evaluate(answers(item_id), CONTENT)
    assert (outcome.tier, outcome.reasons, outcome.may_coach) == ("see_doctor", (item_id,), False)


@pytest.mark.parametrize("item_id", SEE_DOCTOR)
def test_each_see_doctor_item_allows_gentle_coaching_once_cleared(item_id: str) -> None:
    outcome = evaluate(answers(item_id, clinician_cleared=True), CONTENT)
    assert (outcome.tier, outcome.may_coach) == ("see_doctor", True)
    assert "gentlest" in outcome.advice


@pytest.mark.parametrize("item_id", COMBINED)
def test_combined_items_alone_raise_nothing(item_id: str) -> None:
    assert evaluate(answers(item_id), CONTENT).tier == "self_care"


@pytest.mark.parametrize(
    ("yes", "context", "because"),
    [
        (("minor_trauma", "osteoporosis"), {}, ("minor_trauma", "osteoporosis")),
        (("minor_trauma",), {"long_term_steroids": True}, ("minor_trauma", "long_term_steroids")),
        (("minor_trauma",), {"age": 50}, ("minor_trauma", "age")),
    ],
)
def test_minor_trauma_with_fragile_bones_is_urgent(
    yes: tuple[str, ...], context: dict[str, object], because: tuple[str, ...]
) -> None:
    outcome = evaluate(answers(*yes, **context), CONTENT)
    assert outcome.tier == "urgent"
    assert set(because) <= set(outcome.reasons)
    assert outcome.may_coach is False
    assert "today" in outcome.advice


def test_minor_trauma_at_49_without_fragile_bones_is_self_care() -> None:
    assert evaluate(answers("minor_trauma", age=49), CONTENT).tier == "self_care"


def test_long_term_steroids_alone_raise_nothing() -> None:
    assert evaluate(answers(long_term_steroids=True), CONTENT).tier == "self_care"


def test_fever_with_low_immunity_is_urgent_and_names_both() -> None:
    outcome = evaluate(answers("fever", "immunosuppressed"), CONTENT)
    assert outcome.tier == "urgent"
    assert outcome.reasons == ("fever", "immunosuppressed")


def test_urgent_is_not_unlocked_by_clinician_cleared() -> None:
    outcome = evaluate(answers("fever", "immunosuppressed", clinician_cleared=True), CONTENT)
    assert (outcome.tier, outcome.may_coach) == ("urgent", False)


def test_osteoporosis_with_new_pain_needs_a_doctor() -> None:
    outcome = evaluate(answers("osteoporosis", new_pain=True), CONTENT)
    assert outcome.tier == "see_doctor"
    assert outcome.reasons == ("osteoporosis", "new_pain")


@pytest.mark.parametrize(
    ("age", "tier"), [(16, "see_doctor"), (19, "see_doctor"), (20, "self_care"),
                      (49, "self_care"), (50, "see_doctor"), (120, "see_doctor")]
)  # fmt: skip
def test_new_pain_by_age_boundaries(age: int, tier: str) -> None:
    assert evaluate(answers(age=age, new_pain=True), CONTENT).tier == tier


@pytest.mark.parametrize("age", [19, 50])
def test_familiar_pain_at_any_age_is_self_care(age: int) -> None:
    assert evaluate(answers(age=age, new_pain=False), CONTENT).tier == "self_care"


@pytest.mark.parametrize(
    ("weeks", "improving", "tier"),
    [(5, False, "self_care"), (6, False, "see_doctor"), (6, True, "self_care"),
     (40, True, "self_care"), (40, False, "see_doctor")],
)  # fmt: skip
def test_weeks_without_improvement_boundaries(weeks: int, improving: bool, tier: str) -> None:
    outcome = evaluate(answers(pain_weeks=weeks, improving=improving), CONTENT)
    assert outcome.tier == tier
    if tier == "see_doctor":
        assert outcome.reasons == ("pain_weeks", "improving")


def test_worst_tier_wins_and_every_raising_answer_is_listed() -> None:
    outcome = evaluate(
        answers("saddle_numbness", "fever", "immunosuppressed", "pregnancy", "minor_trauma",
                age=55, pain_weeks=8, improving=False, new_pain=True),
        CONTENT,
    )  # fmt: skip
    assert outcome.tier == "emergency"
    assert set(outcome.reasons) == {
        "saddle_numbness", "fever", "immunosuppressed", "pregnancy", "minor_trauma", "age",
        "pain_weeks", "improving", "new_pain",
    }  # fmt: skip
    assert {f.tier for f in outcome.findings} == {"emergency", "urgent", "see_doctor"}


def test_pregnancy_advice_sends_to_midwife_first() -> None:
    assert "midwife" in evaluate(answers("pregnancy"), CONTENT).advice


def test_unasked_questions_count_for_nothing_after_an_early_stop() -> None:
    from unhunch.core.screening_rules import Answers

    outcome = evaluate(Answers(items={"saddle_numbness": True}, age=30), CONTENT)
    assert (outcome.tier, outcome.reasons) == ("emergency", ("saddle_numbness",))
