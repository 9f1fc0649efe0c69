"""Reading an answers document: every problem is named at once; under 16 is refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.screen_helpers import CONTENT, ITEM_IDS, document
from unhunch.core.errors import InputError, InputErrors, SafetyRefusal
from unhunch.core.triage import parse_answers


def problems(doc: Any) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        parse_answers(doc, CONTENT)
    return [str(p) for p in caught.value.problems]


def test_complete_document_is_accepted() -> None:
    answers = parse_answers(document(), CONTENT)
    assert answers.age == 42 and set(answers.items) == set(ITEM_IDS)


def test_missing_item_is_never_read_as_no() -> None:
    doc = document()
    del doc["answers"]["saddle_numbness"]
    (message,) = problems(doc)
    assert message.startswith("answers.saddle_numbness: missing")


def test_unknown_item_is_named_with_the_closest_id() -> None:
    doc = document()
    doc["answers"]["sadle_numbness"] = False
    (message,) = problems(doc)
    assert "answers.sadle_numbness" in message and "answers.saddle_numbness" in message


@pytest.mark.parametrize("bad", ["yes", 1, 0, None, "false"])
def test_non_boolean_answer_is_refused(bad: object) -> None:
    doc = document()
    doc["answers"]["fever"] = bad
    (message,) = problems(doc)
    assert message.startswith("answers.fever:") and 'true, false or "unsure"' in message


@pytest.mark.parametrize(
    ("field", "bad"),
    [("age", "42"), ("age", 42.5), ("age", True), ("age", 121), ("age", -1),
     ("pain_weeks", -1), ("pain_weeks", "3"), ("improving", 1), ("new_pain", "no"),
     ("long_term_steroids", None), ("clinician_cleared", "true")],
)  # fmt: skip
def test_context_field_of_wrong_type_or_range_is_named(field: str, bad: object) -> None:
    (message,) = problems(document(**{field: bad}))
    assert message.startswith(f"{field}:")


@pytest.mark.parametrize(
    "field", ["age", "pain_weeks", "improving", "new_pain", "clinician_cleared", "answers"]
)  # fmt: skip
def test_missing_context_field_is_named(field: str) -> None:
    doc = document()
    del doc[field]
    (message,) = problems(doc)
    assert message.startswith(f"{field}: missing")


def test_unknown_top_level_field_is_named() -> None:
    (message,) = problems(document(osteoporosis=True))
    assert message.startswith("osteoporosis: unknown")


def test_every_problem_is_named_at_once() -> None:
    doc = document(age="old", improving=1)
    del doc["answers"]["fever"]
    doc["answers"]["pregnancy"] = "yes"
    doc["answers"]["fevr"] = True
    found = problems(doc)
    assert [m.split(":")[0] for m in found] == [
        "age", "improving", "answers.fever", "answers.pregnancy", "answers.fevr",
    ]  # fmt: skip


@pytest.mark.parametrize("doc", [[], "answers", 3, None])
def test_document_that_is_not_an_object_is_refused(doc: object) -> None:
    (message,) = problems(doc)
    assert "JSON object" in message


def test_answers_that_are_not_an_object_are_refused() -> None:
    (message,) = problems(document(answers=[True]))
    assert message.startswith("answers:")


@pytest.mark.parametrize("age", [0, 15])
def test_under_16_is_refused_for_safety_with_advice(age: int) -> None:
    with pytest.raises(SafetyRefusal) as caught:
        parse_answers(document(age=age), CONTENT)
    assert "16" in str(caught.value) and "doctor" in str(caught.value)


def test_age_16_is_accepted() -> None:
    assert parse_answers(document(age=16), CONTENT).age == 16


def test_problems_are_input_errors_carrying_field_and_value() -> None:
    doc = document(age="42")
    with pytest.raises(InputErrors) as caught:
        parse_answers(doc, CONTENT)
    (problem,) = caught.value.problems
    assert isinstance(problem, InputError)
    assert (problem.field, problem.value) == ("age", "42")


def test_the_spec_example_shape_without_long_term_steroids_is_accepted() -> None:
    # spec/screening.md's example answers file has no long_term_steroids field.
    doc = document()
    del doc["long_term_steroids"]
    assert parse_answers(doc, CONTENT).long_term_steroids is None


def test_long_term_steroids_is_required_once_a_minor_trauma_makes_it_matter() -> None:
    doc = document()
    del doc["long_term_steroids"]
    doc["answers"]["minor_trauma"] = True
    (message,) = problems(doc)
    assert message.startswith("long_term_steroids: missing")
    assert "minor_trauma" in message
