""" "Not sure" on every item: one tier below yes, never below see_doctor, never read as no; how it
takes part in the combination rules; and the conditions a screen names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.screen_helpers import CONTENT, ITEM_IDS, answers
from tests.unit.test_triage_properties import screens
from unhunch.core.screen_conditions import conditions_answered_no, conditions_named
from unhunch.core.screening_rules import Answers, ScreenItem, rank
from unhunch.core.triage import evaluate

UNSURE_TIER = {"emergency": "urgent", "urgent": "see_doctor", "see_doctor": "see_doctor",
               "combined": "see_doctor"}  # fmt: skip


def unsure(*ids: str, **context: object) -> Answers:
    a = answers(**context)
    return Answers(**{**a.__dict__, "items": {**a.items, **dict.fromkeys(ids, "unsure")}})


@pytest.mark.parametrize("item", CONTENT.items, ids=lambda i: i.id)
def test_unsure_alone_counts_one_tier_below_yes_and_never_below_see_doctor(
    item: ScreenItem,
) -> None:
    outcome = evaluate(unsure(item.id), CONTENT)
    assert outcome.tier == UNSURE_TIER[item.tier]
    assert outcome.reasons == (f"{item.id}:unsure",)
    assert outcome.may_coach is False


@pytest.mark.parametrize("item_id", [i.id for i in CONTENT.items if i.tier == "emergency"])
def test_unsure_on_an_emergency_item_is_never_unlocked_by_clearance(item_id: str) -> None:
    outcome = evaluate(unsure(item_id, clinician_cleared=True), CONTENT)
    assert (outcome.tier, outcome.may_coach) == ("urgent", False)


@given(screens, st.sampled_from(ITEM_IDS))
def test_unsure_lies_between_no_and_yes_and_is_never_self_care(a: Answers, item_id: str) -> None:
    def with_value(value: object) -> str:
        return evaluate(
            Answers(**{**a.__dict__, "items": {**a.items, item_id: value}}), CONTENT
        ).tier

    yes, maybe, no = with_value(True), with_value("unsure"), with_value(False)
    assert rank(yes) <= rank(maybe) <= rank(no)
    assert maybe != "self_care"


@pytest.mark.parametrize(
    ("unsure_ids", "yes", "context", "because"),
    [
        (("minor_trauma",), ("osteoporosis",), {}, ("minor_trauma:unsure", "osteoporosis")),
        (("osteoporosis",), ("minor_trauma",), {}, ("minor_trauma", "osteoporosis:unsure")),
        (("minor_trauma",), (), {"age": 60}, ("minor_trauma:unsure", "age")),
        (("fever",), ("immunosuppressed",), {}, ("fever:unsure", "immunosuppressed")),
        (("fever", "immunosuppressed"), (), {}, ("fever:unsure", "immunosuppressed:unsure")),
    ],
)
def test_a_combination_reads_unsure_as_yes_the_safer_reading(
    unsure_ids: tuple[str, ...], yes: tuple[str, ...], context: dict[str, object],
    because: tuple[str, ...],
) -> None:  # fmt: skip
    a = unsure(*unsure_ids, **context)
    a = Answers(**{**a.__dict__, "items": {**a.items, **dict.fromkeys(yes, True)}})
    outcome = evaluate(a, CONTENT)
    assert outcome.tier == "urgent"
    assert set(because) <= set(outcome.reasons)


def test_unsure_osteoporosis_with_a_new_kind_of_pain_names_both() -> None:
    outcome = evaluate(unsure("osteoporosis", new_pain=True), CONTENT)
    assert outcome.tier == "see_doctor"
    assert outcome.reasons == ("osteoporosis:unsure", "new_pain")


def test_unsure_pregnancy_advice_does_not_say_you_are_pregnant() -> None:
    outcome = evaluate(unsure("pregnancy"), CONTENT)
    assert "Because you are pregnant" not in outcome.advice
    assert "not sure" in outcome.advice


def test_an_unsure_reason_reads_as_plain_words() -> None:
    assert (
        CONTENT.label("fever:unsure") == "a fever or feeling generally unwell (you were not sure)"
    )


@pytest.mark.parametrize(
    "condition", ["pregnancy", "osteoporosis", "recent_spine_surgery", "inflammatory_arthritis"]
)
def test_yes_or_unsure_names_the_condition_and_no_or_not_asked_does_not(condition: str) -> None:
    assert conditions_named(answers(condition)) == {condition}
    assert conditions_named(unsure(condition)) == {condition}
    assert conditions_named(answers()) == frozenset()
    not_asked = Answers(items={k: v for k, v in answers().items.items() if k != condition})
    assert conditions_named(not_asked) == frozenset()
    assert condition in conditions_answered_no(answers())
    assert condition not in conditions_answered_no(not_asked)


def test_other_items_name_no_condition() -> None:
    named = {"pregnancy", "osteoporosis", "recent_spine_surgery", "inflammatory_arthritis"}
    every_other = [i for i in ITEM_IDS if i not in named]
    assert conditions_named(answers(*every_other)) == frozenset()
