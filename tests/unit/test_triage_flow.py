"""The screen's flow (core/screen_flow.py): how many questions each person is asked, what is
skipped for whom, the early stop, the age limit, parts that fold into an item, "not sure"."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.screen_helpers import CONTENT
from unhunch.core import screen_flow as flow
from unhunch.core.errors import InputError
from unhunch.core.screen_replies import FlowValue, Question, parse_reply
from unhunch.core.triage import evaluate

Policy = Callable[[Question], FlowValue]
NECK = ("neck",)
LOWER = ("lower_back",)
ALL = ("neck", "upper_back", "lower_back")
CAUDA_EQUINA = ("saddle_numbness", "new_bladder_problem", "new_bowel_problem")
NECK_ONLY_ITEMS = ("neuro_signs_with_neck_pain", "thunderclap_headache", "recent_neck_injury",
                   "both_hands_numb_or_clumsy", "electric_shocks_on_neck_bending")  # fmt: skip


def person(regions: tuple[str, ...], age: int = 40, weeks: int = 1, **replies: FlowValue) -> Policy:
    """A person who answers no to everything not named in `replies` (by question id)."""
    context: dict[str, FlowValue] = {"age": age, "regions": regions, "pain_weeks": weeks}  # type: ignore[dict-item]

    def reply(q: Question) -> FlowValue:
        return replies.get(q.id, context.get(q.id, False))

    return reply


def walk(policy: Policy) -> tuple[list[str], flow.Ended]:
    """Drive the flow one question at a time, as the terminal does."""
    state: dict[str, FlowValue] = {}
    asked: list[str] = []
    while not isinstance(step := flow.next_question(CONTENT, state), flow.Ended):
        assert step.id not in state, f"{step.id} asked twice"
        asked.append(step.id)
        state[step.id] = policy(step)
    return asked, step


def test_question_counts_for_a_neck_a_lower_back_and_an_all_regions_person() -> None:
    """About two minutes: at about three seconds a tap, 40 questions is two minutes."""
    people = {"neck": NECK, "lower back": LOWER, "upper back": ("upper_back",), "all": ALL}
    counts = {name: len(walk(person(regions))[0]) for name, regions in people.items()}
    print("questions asked:", counts)
    assert counts["lower back"] <= 38
    assert counts["neck"] <= 42
    assert counts["all"] <= 52
    assert counts["all"] > max(counts["neck"], counts["lower back"], counts["upper back"])
    assert flow.question_range(CONTENT) == (min(counts.values()), counts["all"])


def test_a_neck_only_person_is_not_asked_bladder_or_bowel_questions() -> None:
    asked, ended = walk(person(NECK))
    items = {q.split(".")[0] for q in asked}
    assert not items & set(CAUDA_EQUINA)
    assert set(NECK_ONLY_ITEMS) <= items
    assert ended.answers.items.keys() == set(ended.asked)
    assert "saddle_numbness" not in ended.answers.items  # not asked, so not a "no"


def test_a_lower_back_only_person_is_not_asked_neck_questions() -> None:
    asked, _ = walk(person(LOWER))
    items = {q.split(".")[0] for q in asked}
    assert not items & set(NECK_ONLY_ITEMS)
    assert set(CAUDA_EQUINA) <= items


def test_not_sure_where_it_hurts_asks_everything() -> None:
    state: dict[str, FlowValue] = {"regions": parse_reply(flow.regions_question(), "unsure")}
    assert flow.regions_of(state) == ALL


def test_the_first_page_asks_age_place_and_weeks_and_the_second_only_emergencies() -> None:
    step = flow.next_step(CONTENT, {})
    assert isinstance(step, flow.Page)
    assert [q.id for q in step.questions] == ["age", "regions", "pain_weeks"]
    step = flow.next_step(CONTENT, {"age": 40, "regions": LOWER, "pain_weeks": 1})
    assert isinstance(step, flow.Page) and step.id == "urgent_signs"
    assert all(q.emergency for q in step.questions)


def test_an_emergency_yes_stops_the_questions_at_once() -> None:
    asked, ended = walk(person(LOWER, new_bladder_problem=True))
    assert asked[-1] == "new_bladder_problem"
    assert ended.emergency_stop
    assert evaluate(ended.answers, CONTENT).tier == "emergency"
    assert "fever" not in ended.answers.items


def test_a_part_answered_yes_makes_its_emergency_item_yes_and_stops() -> None:
    asked, ended = walk(person(NECK, **{"neuro_signs_with_neck_pain.dizzy_or_faint": True}))
    assert asked[-1] == "neuro_signs_with_neck_pain.dizzy_or_faint"
    assert ended.answers.items["neuro_signs_with_neck_pain"] is True


def test_not_sure_on_an_emergency_question_does_not_stop_but_counts_as_urgent() -> None:
    _, ended = walk(person(LOWER, saddle_numbness="unsure"))
    assert not ended.emergency_stop
    assert evaluate(ended.answers, CONTENT).reasons == ("saddle_numbness:unsure",)
    assert evaluate(ended.answers, CONTENT).tier == "urgent"


def test_under_16_is_refused_before_any_symptom_question() -> None:
    asked, ended = walk(person(LOWER, age=15))
    assert ended.refused
    assert "saddle_numbness" not in asked


def test_the_inflammatory_pattern_is_asked_only_after_twelve_weeks() -> None:
    short, _ = walk(person(LOWER, weeks=11))
    long, _ = walk(person(LOWER, weeks=12))
    assert not any(q.startswith("inflammatory_back_pain_pattern") for q in short)
    assert "inflammatory_back_pain_pattern.morning_stiffness" in long
    assert "inflammatory_back_pain_pattern.started_before_45" not in long  # 40: it did


@pytest.mark.parametrize(
    ("replies", "expected"),
    [
        ({"started_before_45": True, "morning_stiffness": True, "wakes_late_in_night": True},
         True),
        ({"started_before_45": True, "morning_stiffness": True}, False),
        ({"started_before_45": True, "morning_stiffness": True, "wakes_late_in_night": "unsure"},
         "unsure"),
        ({"started_before_45": False, "morning_stiffness": True, "wakes_late_in_night": True},
         False),
        ({"started_before_45": "unsure", "morning_stiffness": True, "wakes_late_in_night": True},
         "unsure"),
    ],
)  # fmt: skip
def test_the_inflammatory_pattern_needs_two_signs_after_its_onset_gate(
    replies: dict[str, FlowValue], expected: FlowValue
) -> None:
    prefixed = {f"inflammatory_back_pain_pattern.{k}": v for k, v in replies.items()}
    asked, ended = walk(person(LOWER, age=50, weeks=20, **prefixed))
    assert ended.answers.items["inflammatory_back_pain_pattern"] == expected
    if replies.get("started_before_45") is False:
        assert "inflammatory_back_pain_pattern.morning_stiffness" not in asked


def test_follow_ups_are_asked_only_when_they_can_change_the_outcome() -> None:
    asked, _ = walk(person(LOWER))
    assert not {"improving", "new_pain", "long_term_steroids", "clinician_cleared"} & set(asked)
    asked, ended = walk(person(LOWER, age=55, weeks=8, minor_trauma="unsure"))
    assert {"improving", "new_pain", "long_term_steroids"} <= set(asked)
    assert evaluate(ended.answers, CONTENT).tier == "urgent"  # minor trauma at 55


def test_not_sure_whether_a_clinician_cleared_you_reads_as_not_cleared() -> None:
    asked, ended = walk(person(LOWER, fever=True, clinician_cleared="unsure"))
    assert asked[-1] == "clinician_cleared"
    assert ended.answers.clinician_cleared is False
    assert evaluate(ended.answers, CONTENT).may_coach is False


@pytest.mark.parametrize(
    ("qid", "raw"), [("age", "forty"), ("age", "121"), ("pain_weeks", "-1"),
                     ("regions", "knee"), ("regions", ""), ("fever", "maybe")],
)  # fmt: skip
def test_a_bad_reply_names_what_is_allowed(qid: str, raw: str) -> None:
    question = flow.questions_by_id(CONTENT)[qid]
    with pytest.raises(InputError) as err:
        parse_reply(question, raw)
    assert err.value.allowed


replies = st.sampled_from([True, False, "unsure"])


@given(st.sampled_from([NECK, LOWER, ("upper_back",), ALL]), st.integers(16, 90),
       st.integers(0, 60), st.data())  # fmt: skip
def test_every_walk_ends_with_each_asked_item_answered_and_a_count_that_held(
    regions: tuple[str, ...], age: int, weeks: int, data: st.DataObject
) -> None:
    state: dict[str, FlowValue] = {}
    base: dict[str, FlowValue] = {"age": age, "regions": regions, "pain_weeks": weeks}  # type: ignore[dict-item]
    while not isinstance(step := flow.next_question(CONTENT, state), flow.Ended):
        answered, total = flow.progress(CONTENT, state)
        assert answered < total
        state[step.id] = base.get(step.id, data.draw(replies))
    asked_items = {q.split(".")[0] for q in state if q not in base and q in _item_question_ids()}
    assert asked_items <= set(step.answers.items) | _parts_left_open(step)
    if step.emergency_stop:
        assert evaluate(step.answers, CONTENT).tier == "emergency"


def _item_question_ids() -> set[str]:
    return {q.id for q in flow.questions_by_id(CONTENT).values() if q.item}


def _parts_left_open(ended: flow.Ended) -> set[str]:
    """After an emergency stop, an item whose parts were only partly answered stays open."""
    return {i.id for i in CONTENT.items} if ended.emergency_stop else set()


def test_under_45_the_onset_gate_is_answered_by_the_age() -> None:
    signs = {"inflammatory_back_pain_pattern.morning_stiffness": True,
             "inflammatory_back_pain_pattern.better_moving_not_resting": True}  # fmt: skip
    _, ended = walk(person(LOWER, age=30, weeks=20, **signs))
    assert ended.answers.items["inflammatory_back_pain_pattern"] is True
    assert evaluate(ended.answers, CONTENT).tier == "see_doctor"
