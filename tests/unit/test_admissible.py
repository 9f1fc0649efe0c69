"""One decision, 'may this exercise be given to this person now, and if not, why', and the
screen's promise of what is left out, written from the same table that filters."""

from __future__ import annotations

import itertools
import re

import pytest

from tests.unit.screen_helpers import CONTENT, answers
from unhunch.content import load_library
from unhunch.core.admissible import Fit, admissible, for_profile, left_out_sentence
from unhunch.core.conditions import REMOVES, from_screens
from unhunch.core.models import Profile
from unhunch.core.screening_rules import Answers
from unhunch.core.triage import evaluate
from unhunch.core.vocab import CONDITIONS, MOVEMENT_WORDS, Condition

LIBRARY = load_library()
WORD_TAGS = {words: tag for tag, words in MOVEMENT_WORDS.items()}


def test_a_forbidden_exercise_is_refused_naming_the_condition_and_the_movement() -> None:
    fold = LIBRARY.get("seated_forward_fold")
    verdict = admissible(fold, ["osteoporosis"])
    assert not verdict.allowed and not verdict.safe
    assert verdict.reasons[0].startswith("osteoporosis rules out bending forward")
    assert "osteoporosis: spinal flexion" in verdict.condition_reason


def test_without_a_fit_only_safety_is_checked() -> None:
    fold = LIBRARY.get("seated_forward_fold")
    assert admissible(fold, []).allowed
    assert admissible(fold, ["glaucoma"]).allowed is ("inversion" not in fold.movements)


def test_fit_reasons_name_the_setting_the_props_the_level_and_a_hidden_exercise() -> None:
    lying = next(e for e in LIBRARY.all() if e.position == "supine" and e.equipment)
    verdict = admissible(lying, [], Fit("desk", frozenset(), "beginner"), excluded={lying.id})
    assert verdict.safe and not verdict.allowed
    text = " ".join(verdict.unfit)
    assert "you chose to hide it" in text
    assert "lying on your back does not suit at the desk" in text
    assert "needs" in text
    hard = next(e for e in LIBRARY.all() if e.level != "beginner")
    level_words = f"{hard.level} level (yours: beginner)"
    assert any(level_words in r for r in for_profile(hard, Profile(setting="floor")).unfit)


@pytest.mark.parametrize("condition", CONDITIONS)
def test_every_exercise_carrying_a_removed_tag_is_refused_for_its_condition(
    condition: Condition,
) -> None:
    for exercise in LIBRARY.all():
        refused = not admissible(exercise, [condition]).safe
        assert refused == bool(set(exercise.movements) & REMOVES[condition]), exercise.id


def named_tags(sentence: str) -> set[str]:
    """The movement tags a left-out sentence names (its list split on ', ' and ' and ')."""
    listed = sentence.split("unhunch leaves out ", 1)[1].rstrip(".")
    words = re.split(r", | and ", listed)
    assert all(w in WORD_TAGS for w in words), words
    return {WORD_TAGS[w] for w in words}


def test_movement_words_can_be_listed_without_ambiguity() -> None:
    for words in MOVEMENT_WORDS.values():
        assert ", " not in words and " and " not in words, words
    assert len(WORD_TAGS) == len(MOVEMENT_WORDS)


@pytest.mark.parametrize("condition", CONDITIONS)
def test_the_left_out_sentence_names_exactly_what_its_condition_removes(
    condition: Condition,
) -> None:
    sentence = left_out_sentence([condition])
    assert named_tags(sentence) == set(REMOVES[condition])


@pytest.mark.parametrize("pair", list(itertools.combinations(CONDITIONS, 2)))
def test_the_left_out_sentence_for_two_conditions_names_the_union(
    pair: tuple[Condition, Condition],
) -> None:
    assert named_tags(left_out_sentence(pair)) == set(REMOVES[pair[0]] | REMOVES[pair[1]])


def test_no_condition_promises_nothing() -> None:
    assert left_out_sentence([]) == ""


@pytest.mark.parametrize("item", ["pregnancy", "recent_spine_surgery", "osteoporosis"])
def test_a_screen_naming_a_condition_promises_what_the_planner_leaves_out(item: str) -> None:
    outcome = evaluate(answers(item, clinician_cleared=True), CONTENT)
    promised = named_tags(outcome.advice[outcome.advice.index("Because of your answers") :])
    condition: Condition = item  # type: ignore[assignment]
    assert promised == set(REMOVES[condition])
    assert "upside-down positions" not in outcome.advice  # the old static paragraph is gone


def test_a_calm_screen_promises_nothing() -> None:
    assert "leaves out" not in evaluate(answers(), CONTENT).advice


@pytest.mark.parametrize("sign", ["saddle_numbness", "thunderclap_headache", "recent_neck_injury"])
def test_beside_an_emergency_or_urgent_result_no_word_on_exercise(sign: str) -> None:
    outcome = evaluate(answers("pregnancy", sign), CONTENT)
    assert outcome.tier in ("emergency", "urgent")
    assert "leaves out" not in outcome.advice


def screen(**items: bool | str) -> Answers:
    return Answers(items=items)


def test_screens_name_conditions_until_a_later_screen_answers_no() -> None:
    assert from_screens([screen(pregnancy=True)]) == ("pregnancy",)
    assert from_screens([screen(osteoporosis="unsure")]) == ("osteoporosis",)
    # A question not asked (an early emergency stop) changes nothing; only "no" removes.
    kept = [screen(pregnancy=True), screen(), screen(pregnancy="not_asked")]
    assert from_screens(kept) == ("pregnancy",)
    assert from_screens([screen(pregnancy=True), screen(pregnancy=False)]) == ()
    both = [screen(pregnancy=True), screen(inflammatory_arthritis=True, pregnancy=False)]
    assert from_screens(both) == ("inflammatory_arthritis",)
