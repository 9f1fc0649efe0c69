"""How a session's end is recorded: never before its start, a closed terminal as abandoned, and
an exercise that was too much (with nothing easier) as stopped, which steps its dose back."""

from __future__ import annotations

import datetime as dt

from tests.unit.session_helpers import short_routine, short_timeline
from unhunch.core.player import new_state, step
from unhunch.core.player_events import CheckInAnswer, Finish, Quit, Start, TooMuch
from unhunch.core.progression import SessionOutcome, progress
from unhunch.core.session_record import ABANDONED, record_from_state
from unhunch.core.stop_rules import CheckIn

STARTED = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
SESSION_ID = "6f1c2a3e-0000-4000-8000-000000000001"


def started(now: float = 5.0):  # type: ignore[no-untyped-def]
    state, _ = step(new_state(short_timeline()), Start(), now)
    state, _ = step(state, CheckInAnswer({"neck": 3}), now)
    return state


def test_a_session_answered_with_an_earlier_clock_still_ends_after_it_began() -> None:
    state = started(now=5.0)
    state, _ = step(state, Quit(), 6.0)
    state, _ = step(state, CheckInAnswer({"neck": 2}), 0.0)  # a caller's clock that restarted
    record = record_from_state(SESSION_ID, short_routine(), STARTED, state)
    assert record.ended_at is not None and record.ended_at >= record.started_at


def test_a_closed_terminal_ends_the_session_as_abandoned_with_every_item_closed() -> None:
    state = started()
    state, _ = step(state, Finish(ABANDONED), 30.0)
    assert (state.status, state.end_status, state.stop_reason) == ("ended", "quit", ABANDONED)
    assert len(state.outcomes) == len(state.timeline.items)


def test_too_much_with_nothing_easier_steps_the_dose_back_next_time() -> None:
    state = started()
    state, _ = step(state, TooMuch(CheckIn(pain=8, start_pain=None)), 6.0)
    [first] = [o for o in state.outcomes.values() if o.item == 0]
    assert first.outcome == "stopped"
    history = progress(
        [
            SessionOutcome(
                day=STARTED.date(),
                done=(),
                before={"neck": 3},
                stopped=(first.exercise,),
            )
        ]
    )
    assert history.adjustment(first.exercise) == -1
