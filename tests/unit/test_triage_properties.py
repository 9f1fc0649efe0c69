"""Properties of triage over many generated screens."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.screen_helpers import CONTENT, ITEM_IDS
from unhunch.core.screening_rules import Answers, context_matters, rank
from unhunch.core.triage import evaluate

screens = st.builds(
    Answers,
    items=st.fixed_dictionaries({i: st.sampled_from([True, False, "unsure"]) for i in ITEM_IDS}),
    age=st.integers(16, 120),
    pain_weeks=st.integers(0, 60),
    improving=st.booleans(),
    new_pain=st.booleans(),
    long_term_steroids=st.booleans(),
    clinician_cleared=st.booleans(),
)


@given(screens, st.sampled_from(ITEM_IDS))
def test_one_more_yes_never_lowers_the_tier(a: Answers, item_id: str) -> None:
    more = Answers(**{**a.__dict__, "items": {**a.items, item_id: True}})
    assert rank(evaluate(more, CONTENT).tier) <= rank(evaluate(a, CONTENT).tier)


@given(screens, st.sampled_from(["new_pain", "long_term_steroids"]))
def test_one_more_yes_in_context_never_lowers_the_tier(a: Answers, field: str) -> None:
    more = Answers(**{**a.__dict__, field: True})
    assert rank(evaluate(more, CONTENT).tier) <= rank(evaluate(a, CONTENT).tier)


@given(screens)
def test_may_coach_only_for_self_care_or_cleared_see_doctor(a: Answers) -> None:
    o = evaluate(a, CONTENT)
    assert o.may_coach == (
        o.tier == "self_care" or (o.tier == "see_doctor" and a.clinician_cleared is True)
    )
    assert (o.tier == "self_care") == (o.reasons == ())


@given(screens, st.sampled_from(["improving", "new_pain", "long_term_steroids"]))
def test_skipped_follow_up_questions_cannot_change_the_outcome(a: Answers, field: str) -> None:
    """The interactive screen skips a follow-up when context_matters says it cannot matter."""
    if context_matters(field, a, evaluate(a, CONTENT).tier):
        return
    flipped = Answers(**{**a.__dict__, field: not getattr(a, field)})
    assert evaluate(flipped, CONTENT).tier == evaluate(a, CONTENT).tier
