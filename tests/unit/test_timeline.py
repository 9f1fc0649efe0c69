"""A routine becomes ordered, timed steps a person can follow."""

from __future__ import annotations

import json

from tests.unit.session_helpers import LIBRARY, item, routine, short_routine, short_timeline
from unhunch.core.timeline import (
    GET_READY_SECONDS,
    MOVE_SECONDS,
    build_timeline,
    clock_words,
    stamp,
)


def test_timeline_opens_and_closes_with_a_pain_check_in() -> None:
    steps = short_timeline().steps
    assert (steps[0].kind, steps[0].check) == ("check_in", "before")
    assert (steps[-1].kind, steps[-1].check) == ("check_in", "after")
    assert [s.index for s in steps] == list(range(len(steps)))


def test_each_exercise_starts_with_get_ready_showing_its_first_instruction() -> None:
    timeline = short_timeline()
    ready = [s for s in timeline.steps if s.kind == "get_ready"]
    assert [s.exercise for s in ready] == [i.exercise for i in timeline.items]
    first = ready[0]
    assert first.cue == LIBRARY.get("chin_tucks").steps[0]
    assert first.instructions == LIBRARY.get("chin_tucks").steps
    assert "Chin tucks" in first.text


def test_changing_position_gives_longer_get_ready_and_says_where_to_go() -> None:
    ready = [s for s in short_timeline().steps if s.kind == "get_ready"]
    twist, needle = ready[1], ready[2]
    assert twist.seconds == GET_READY_SECONDS  # still on the chair
    assert needle.seconds == MOVE_SECONDS
    assert needle.text.startswith("Move to the floor onto your hands and knees.")


def test_breath_hold_is_one_step_per_breath_with_in_and_out_halves() -> None:
    holds = [s for s in short_timeline(breath_seconds=5).steps if s.exercise == "thread_the_needle"]
    breaths = [s for s in holds if s.kind == "hold"]
    assert [(s.side, s.breath_index, s.breath_count) for s in breaths] == [
        ("left", 1, 2),
        ("left", 2, 2),
        ("right", 1, 2),
        ("right", 2, 2),
    ]
    first = breaths[0]
    assert first.text == "Hold and breathe — breath 1 of 2"
    assert first.seconds == 5
    assert [(p.breath, p.seconds) for p in first.phases] == [("in", 2.5), ("out", 2.5)]


def test_sides_and_sets_alternate_with_a_switch_and_a_rest() -> None:
    twist = [s for s in short_timeline().steps if s.exercise == "seated_spinal_twist"]
    shape = [(s.kind, s.set_index, s.side) for s in twist if s.kind != "hold"]
    assert shape == [
        ("get_ready", None, None),
        ("switch_side", 1, "right"),
        ("rest", 2, None),
        ("switch_side", 2, "right"),
    ]
    rest = next(s for s in twist if s.kind == "rest")
    assert rest.seconds == 10
    assert "Set 2 of 2" in rest.text


def test_reps_count_one_step_per_rep_at_the_exercise_tempo() -> None:
    reps = [s for s in short_timeline().steps if s.kind == "reps"]
    tempo = LIBRARY.get("chin_tucks").rep_seconds
    assert [(s.rep_index, s.rep_count, s.seconds) for s in reps] == [
        (1, 3, tempo),
        (2, 3, tempo),
        (3, 3, tempo),
    ]
    assert reps[1].text.startswith("Rep 2 of 3")


def test_plain_seconds_hold_is_one_step_paced_by_breaths() -> None:
    hold = next(
        s for s in short_timeline(6).steps if s.exercise == "chin_to_chest" and s.kind == "hold"
    )
    assert hold.seconds == 12
    assert hold.text == "Hold and breathe easily — 12 seconds"
    assert [p.breath for p in hold.phases] == ["in", "out", "in", "out"]
    phase, left = hold.phase_at(4.0) or (None, 0)
    assert phase is not None and phase.breath == "out" and left == 2.0


def test_total_is_the_sum_of_step_times() -> None:
    timeline = short_timeline()
    assert timeline.total_seconds == sum(s.seconds for s in timeline.steps)
    assert clock_words(timeline.total_seconds) != "0:00"


def test_easier_variation_steps_are_ready_for_items_that_have_one() -> None:
    timeline = short_timeline()
    needle = 2
    easier = timeline.easier[needle]
    assert easier[0].kind == "get_ready"
    assert easier[0].exercise == "open_book"
    assert easier[0].text.startswith("Move to the floor and lie on your side. An easier version")
    assert all(s.item == needle for s in easier)
    assert 0 not in timeline.easier  # chin tucks have no easier version


def test_timeline_is_plain_json_for_the_browser() -> None:
    dumped = short_timeline().model_dump(mode="json")
    text = json.dumps(dumped)
    again = json.loads(text)
    assert again["steps"][0]["kind"] == "check_in"
    assert again["easier"]["2"][0]["exercise"] == "open_book"
    assert again["total_seconds"] == sum(s["seconds"] for s in again["steps"])


def test_same_routine_gives_the_same_timeline() -> None:
    assert short_timeline() == short_timeline()


def test_time_words_round_countdowns_up_and_elapsed_down() -> None:
    assert clock_words(320) == "5:20"
    assert clock_words(0.2) == "0:01"
    assert stamp(59.9) == "0:59"


def test_one_item_routine_has_check_ins_around_it() -> None:
    single = build_timeline(routine(("main", [item("chin_tucks", sets=1, reps=1)])), LIBRARY, 6)
    assert [s.kind for s in single.steps] == ["check_in", "get_ready", "reps", "check_in"]
    assert short_routine().items[0].exercise == "chin_tucks"
