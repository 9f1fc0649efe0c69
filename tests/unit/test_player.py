"""The session player on a fake clock: time is a float we move by hand, never sleep."""

from __future__ import annotations

from tests.unit.session_helpers import short_timeline
from unhunch.core.player import PlayerState, new_state, outcomes_in_order, step
from unhunch.core.player_events import (
    Advise,
    AskCheckIn,
    Back,
    CheckInAnswer,
    Cue,
    End,
    Event,
    Finish,
    Pause,
    Quit,
    Record,
    Resume,
    ShowStep,
    Skip,
    Start,
    Tick,
    TooMuch,
)
from unhunch.core.stop_rules import CheckIn


def begin(pain: int = 3) -> tuple[PlayerState, float]:
    state, _ = step(new_state(short_timeline()), Start(), 0.0)
    state, _ = step(state, CheckInAnswer({"neck": pain}), 0.0)
    return state, 0.0


def go_to(state: PlayerState, now: float, index: int) -> tuple[PlayerState, float]:
    """Let time pass until step `index` begins."""
    while state.index < index:
        now += state.remaining_in_step
        state, _ = step(state, Tick(), now)
    return state, now


def index_of(state: PlayerState, exercise: str, kind: str, **fields: object) -> int:
    return next(
        s.index
        for s in state.steps
        if s.exercise == exercise
        and s.kind == kind
        and all(getattr(s, k) == v for k, v in fields.items())
    )


def test_start_asks_the_opening_check_in_and_waits() -> None:
    state, effects = step(new_state(short_timeline()), Start(), 0.0)
    assert state.status == "asking"
    assert AskCheckIn("before") in effects
    later, effects = step(state, Tick(), 500.0)
    assert (later.index, later.status, effects) == (0, "asking", [])


def test_answering_the_check_in_starts_the_first_exercise() -> None:
    state, _ = step(new_state(short_timeline()), Start(), 0.0)
    state, effects = step(state, CheckInAnswer({"neck": 4}), 2.0)
    assert state.pain_before == {"neck": 4}
    assert (state.status, state.current.kind, state.current.exercise) == (
        "running",
        "get_ready",
        "chin_tucks",
    )
    assert Cue() in effects and ShowStep(1) in effects


def test_ticks_move_through_steps_on_the_ideal_schedule_however_late_they_come() -> None:
    state, _ = begin()
    first = state.current.seconds
    second = state.steps[2].seconds
    # One late tick that jumps past two boundaries lands in the right step with the right time.
    state, effects = step(state, Tick(), first + second + 0.25)
    assert state.index == 3
    assert abs(state.elapsed - 0.25) < 1e-9
    assert [e for e in effects if isinstance(e, ShowStep)] == [ShowStep(2), ShowStep(3)]


def test_pause_does_not_eat_hold_time() -> None:
    state, now = begin()
    hold = index_of(state, "seated_spinal_twist", "hold", side="left", breath_index=1, set_index=1)
    state, now = go_to(state, now, hold)
    state, _ = step(state, Tick(), now + 2.0)
    state, _ = step(state, Pause(), now + 2.0)
    state, _ = step(state, Tick(), now + 300.0)  # five minutes away from the mat
    assert (state.index, state.elapsed, state.status) == (hold, 2.0, "paused")
    state, _ = step(state, Resume(), now + 300.0)
    state, _ = step(state, Tick(), now + 303.9)
    assert state.index == hold and abs(state.remaining_in_step - 0.1) < 1e-9
    state, _ = step(state, Tick(), now + 304.0)
    assert state.index == hold + 1


def test_pausing_in_the_middle_of_a_tick_counts_time_up_to_the_pause() -> None:
    state, _ = begin()
    state, _ = step(state, Pause(), 1.5)
    assert state.elapsed == 1.5
    state, _ = step(state, Pause(), 9.0)  # a second pause changes nothing
    assert state.elapsed == 1.5


def test_skip_moves_to_the_next_exercise_from_any_side_or_set() -> None:
    state, now = begin()
    right_set_2 = index_of(state, "seated_spinal_twist", "hold", side="right", set_index=2)
    state, now = go_to(state, now, right_set_2)
    state, effects = step(state, Skip(), now)
    assert (state.current.kind, state.current.exercise) == ("get_ready", "thread_the_needle")
    recorded = [e.outcome for e in effects if isinstance(e, Record)]
    assert [(o.exercise, o.outcome, o.reason) for o in recorded] == [
        ("seated_spinal_twist", "skipped", "skipped by you")
    ]


def test_skip_while_paused_stays_paused() -> None:
    state, now = begin()
    state, _ = step(state, Pause(), now)
    state, _ = step(state, Skip(), now)
    assert (state.status, state.current.exercise) == ("paused", "seated_spinal_twist")


def test_back_returns_to_the_start_of_this_side_then_to_the_side_before() -> None:
    state, now = begin()
    right_breath_2 = index_of(
        state, "seated_spinal_twist", "hold", side="right", set_index=1, breath_index=2
    )
    state, now = go_to(state, now, right_breath_2)
    state, _ = step(state, Back(), now + 1)
    assert (state.current.kind, state.current.side, state.elapsed) == ("switch_side", "right", 0.0)
    state, _ = step(state, Back(), now + 1)
    assert (state.current.kind, state.current.exercise) == ("get_ready", "seated_spinal_twist")


def test_back_across_sets_returns_to_the_rest_before_set_two() -> None:
    state, now = begin()
    set_2_left = index_of(state, "seated_spinal_twist", "hold", side="left", set_index=2)
    state, now = go_to(state, now, set_2_left + 1)
    state, _ = step(state, Back(), now)
    assert (state.current.kind, state.current.set_index) == ("rest", 2)
    state, _ = step(state, Back(), now)
    assert (state.current.kind, state.current.side, state.current.set_index) == (
        "switch_side",
        "right",
        1,
    )


def test_back_into_a_finished_exercise_forgets_its_outcome_until_done_again() -> None:
    state, now = begin()
    twist = index_of(state, "seated_spinal_twist", "get_ready")
    state, now = go_to(state, now, twist)
    assert state.outcomes[0].outcome == "done"
    state, _ = step(state, Back(), now)
    assert state.current.exercise == "chin_tucks" and 0 not in state.outcomes
    state, now = go_to(state, now, twist)
    assert state.outcomes[0].outcome == "done"


def test_back_never_goes_before_the_first_exercise() -> None:
    state, now = begin()
    state, _ = step(state, Back(), now + 1)
    assert (state.index, state.status) == (1, "running")


def test_too_much_with_an_easier_version_swaps_it_in_and_records_eased() -> None:
    state, now = begin()
    needle_hold = index_of(state, "thread_the_needle", "hold", side="left", breath_index=2)
    state, now = go_to(state, now, needle_hold)
    state, effects = step(state, TooMuch(), now + 1)
    advice = [e for e in effects if isinstance(e, Advise)]
    assert advice and advice[0].action == "ease" and advice[0].rule == "too_much"
    assert advice[0].then == "Here is an easier version instead: Open book."
    assert (state.current.kind, state.current.exercise) == ("get_ready", "open_book")
    assert "thread_the_needle" not in {s.exercise for s in state.steps}
    cool_down = index_of(state, "chin_to_chest", "get_ready")
    state, now = go_to(state, now, cool_down)
    assert state.outcomes[2].outcome == "eased"
    assert state.outcomes[2].exercise == "thread_the_needle"


def test_too_much_without_an_easier_version_stops_the_exercise_so_its_dose_steps_back() -> None:
    state, now = begin()
    state, now = go_to(state, now, 2)  # chin tucks, rep 1
    state, effects = step(state, TooMuch(CheckIn(pain=8, start_pain=None)), now + 1)
    [advice] = [e for e in effects if isinstance(e, Advise)]
    assert advice.then == "There is no easier version of Chin tucks, so we move on."
    assert state.outcomes[0].outcome == "stopped"
    assert state.outcomes[0].reason == "pain_above_limit: no easier version"
    assert state.current.exercise == "seated_spinal_twist"


def test_pain_rise_is_measured_from_the_start_of_session_pain() -> None:
    state, now = begin(pain=1)
    state, now = go_to(state, now, 2)
    state, effects = step(state, TooMuch(CheckIn(pain=4, start_pain=None)), now)
    assert [e.rule for e in effects if isinstance(e, Advise)] == ["pain_rise"]


def test_comfortable_pain_carries_on_unchanged() -> None:
    state, now = begin(pain=3)
    state, now = go_to(state, now, 2)
    after, effects = step(state, TooMuch(CheckIn(pain=3, start_pain=None)), now)
    assert [e.action for e in effects if isinstance(e, Advise)] == ["continue"]
    assert after.index == state.index and after.status == "running"


def test_spreading_symptoms_mid_hold_stop_and_ask_the_closing_check_in() -> None:
    state, now = begin()
    hold = index_of(state, "seated_spinal_twist", "hold", side="left", set_index=1)
    state, now = go_to(state, now, hold)
    state, effects = step(state, TooMuch(CheckIn(None, None, spreading=True)), now + 2)
    assert AskCheckIn("after") in effects
    assert (state.status, state.end_status, state.stop_reason) == ("asking", "stopped", "spreading")
    outcomes = [(o.exercise, o.outcome, o.reason) for o in outcomes_in_order(state)]
    assert outcomes == [
        ("chin_tucks", "done", None),
        ("seated_spinal_twist", "stopped", "spreading"),
        ("thread_the_needle", "skipped", "session stopped"),
        ("chin_to_chest", "skipped", "session stopped"),
    ]
    state, effects = step(state, Back(), now + 3)  # no going back into a stopped session
    assert state.status == "asking"
    state, effects = step(state, CheckInAnswer({"neck": 3}), now + 5)
    assert End("stopped", "spreading") in effects


def test_cardiac_signs_mid_hold_end_at_once_with_emergency_advice() -> None:
    state, now = begin()
    hold = index_of(state, "seated_spinal_twist", "hold", side="left", set_index=1)
    state, now = go_to(state, now, hold)
    state, effects = step(state, TooMuch(CheckIn(None, None, cardiac_or_faint=True)), now + 1)
    assert [type(e) for e in effects] == [Advise, End]
    assert effects[0].action == "stop_emergency"  # type: ignore[union-attr]
    assert state.status == "ended" and state.outcomes[1].outcome == "stopped"


def test_quit_stops_the_exercise_under_way_and_still_asks_how_it_feels() -> None:
    state, now = begin()
    state, now = go_to(state, now, 3)
    state, effects = step(state, Quit(), now)
    assert AskCheckIn("after") in effects
    assert state.outcomes[0].outcome == "stopped"
    assert {o.outcome for k, o in state.outcomes.items() if k > 0} == {"skipped"}
    state, effects = step(state, CheckInAnswer({}), now)
    assert End("quit", "you ended the session") in effects
    assert state.pain_after == {}


def test_a_whole_session_records_every_item_done_with_its_time() -> None:
    state, now = begin(pain=4)
    state, now = go_to(state, now, len(state.steps) - 1)
    assert state.status == "asking"
    state, effects = step(state, CheckInAnswer({"neck": 2}), now)
    assert End("completed", None) in effects
    done = outcomes_in_order(state)
    assert [o.outcome for o in done] == ["done"] * 4
    assert sum(o.seconds for o in done) == round(state.timeline.total_seconds)
    assert (state.pain_before, state.pain_after) == ({"neck": 4}, {"neck": 2})


def test_closing_pain_well_above_the_start_gives_advice() -> None:
    state, now = begin(pain=2)
    state, now = go_to(state, now, len(state.steps) - 1)
    state, effects = step(state, CheckInAnswer({"neck": 6}), now)
    assert [e.action for e in effects if isinstance(e, Advise)] == ["ease"]


def test_bell_rings_on_a_new_part_not_on_every_breath() -> None:
    state, now = begin()
    hold = index_of(state, "seated_spinal_twist", "hold", side="left", breath_index=1, set_index=1)
    state, now = go_to(state, now, hold - 1)
    now += state.remaining_in_step
    state, effects = step(state, Tick(), now)  # get ready → first breath: a new part
    assert Cue() in effects
    now += state.remaining_in_step
    state, effects = step(state, Tick(), now)  # breath 1 → breath 2: no bell
    assert Cue() not in effects and ShowStep(hold + 1) in effects


# Every event in every state: nothing raises, and the result is what a person would expect.

EVENTS: list[Event] = [
    Start(),
    Tick(),
    Pause(),
    Resume(),
    Skip(),
    Back(),
    TooMuch(),
    CheckInAnswer({"neck": 2}),
    Quit(),
    Finish(),
]


def states() -> dict[str, PlayerState]:
    ready = new_state(short_timeline())
    asking, _ = step(ready, Start(), 0.0)
    running, now = begin()
    running, now = go_to(running, now, 2)
    paused, _ = step(running, Pause(), now)
    closing, _ = go_to(running, now, len(running.steps) - 1)
    ended, _ = step(closing, Finish(), now)
    return {
        "ready": ready,
        "asking_before": asking,
        "running": running,
        "paused": paused,
        "asking_after": closing,
        "ended": ended,
    }


# Status after each event, in EVENTS order: r ready, a asking, g running, p paused, e ended.
LETTERS = {"r": "ready", "a": "asking", "g": "running", "p": "paused", "e": "ended"}
EXPECTED = {
    #               Start Tick Pause Resume Skip Back TooMuch Answer Quit Finish
    "ready":         "a r r r r r r r e e",
    "asking_before": "a a a a g a a g a e",
    "running":       "g g p g g g g g a e",
    "paused":        "p p p g p p p p a e",
    "asking_after":  "a a a a e g a e e e",
    "ended":         "e e e e e e e e e e",
}  # fmt: skip


def test_every_event_in_every_state_gives_the_expected_status() -> None:
    found = {
        name: [step(state, event, state.last or 0.0)[0].status for event in EVENTS]
        for name, state in states().items()
    }
    assert found == {k: [LETTERS[c] for c in v.split()] for k, v in EXPECTED.items()}


def test_ended_sessions_ignore_everything() -> None:
    ended = states()["ended"]
    for event in EVENTS:
        again, effects = step(ended, event, 2000.0)
        assert again is ended and effects == []
