"""The session player: a pure state machine over a timeline.

`step(state, event, now)` returns the next state and the effects the edge must carry out (ring a
soft bell, show a step, record an outcome, ask for a check-in, end). Time comes in as `now`,
monotonic seconds (a float); the player never reads a clock, so tests drive it tick by tick.

Time only counts while running: a pause stops the step's clock, so a hold is never shortened by
pausing. When a tick passes a step boundary the leftover carries into the next step, so the
schedule does not drift however late the ticks arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from unhunch.core.player_events import (
    Advise,
    AskCheckIn,
    Back,
    CheckInAnswer,
    Cue,
    Effect,
    End,
    EndStatus,
    Event,
    Finish,
    Outcome,
    OutcomeKind,
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
from unhunch.core.stop_rules import CheckIn, decide
from unhunch.core.timeline import Step, Timeline, renumber

Status = Literal["ready", "asking", "running", "paused", "ended"]


@dataclass(frozen=True)
class PlayerState:
    timeline: Timeline
    steps: tuple[Step, ...]
    status: Status = "ready"
    index: int = 0
    elapsed: float = 0.0  # active seconds spent in the current step
    last: float | None = None  # when time was last counted (running only)
    outcomes: dict[int, Outcome] = field(default_factory=dict)
    item_seconds: dict[int, float] = field(default_factory=dict)
    eased: frozenset[int] = frozenset()
    pain_before: dict[str, int] | None = None
    pain_after: dict[str, int] | None = None
    end_status: EndStatus | None = None
    stop_reason: str | None = None
    started_at: float | None = None
    ended_at: float | None = None

    @property
    def current(self) -> Step:
        return self.steps[self.index]

    @property
    def remaining_in_step(self) -> float:
        return max(0.0, self.current.seconds - self.elapsed)

    @property
    def remaining_total(self) -> float:
        later = sum(s.seconds for s in self.steps[self.index + 1 :])
        return self.remaining_in_step + later

    @property
    def remaining_in_run(self) -> float:
        """Seconds left in this hold or set of reps (the big countdown), or in this step."""
        left = self.remaining_in_step
        here = self.current
        for s in self.steps[self.index + 1 :]:
            if s.kind != here.kind or s.item != here.item or s.starts_segment:
                break
            left += s.seconds
        return left


def new_state(timeline: Timeline) -> PlayerState:
    return PlayerState(timeline=timeline, steps=tuple(timeline.steps))


def step(state: PlayerState, event: Event, now: float) -> tuple[PlayerState, list[Effect]]:
    """Apply one event at monotonic time `now`."""
    if state.status == "ended":
        return state, []
    if isinstance(event, Start):
        return _start(state, now)
    if state.status == "ready":
        if isinstance(event, Quit | Finish):
            state = _close_items(state, "you ended the session", "ended before starting")
            return _end(state, now, "quit", "you ended the session")
        return state, []
    # Catch up with the clock first, so the event lands in the step the person is looking at.
    state, effects = _run_clock(_count_time(state, now), now)
    state, more = _apply(state, event, now)
    return state, effects + more


def _apply(state: PlayerState, event: Event, now: float) -> tuple[PlayerState, list[Effect]]:
    if state.status == "ended" or isinstance(event, Tick):
        return state, []
    if isinstance(event, Pause):
        return (replace(state, status="paused", last=None), []) if _running(state) else (state, [])
    if isinstance(event, Resume):
        if state.status != "paused":
            return state, []
        return replace(state, status="running", last=now), [ShowStep(state.index)]
    if isinstance(event, CheckInAnswer):
        return _answer(state, event.pain, now) if state.status == "asking" else (state, [])
    if isinstance(event, Skip):
        return _skip(state, now)
    if isinstance(event, Back):
        return _back(state, now)
    if isinstance(event, TooMuch):
        return _too_much(state, event.check, now)
    if isinstance(event, Quit):
        return _quit(state, now)
    if isinstance(event, Finish):
        state = _leave(state)
        if state.end_status is None or event.reason:
            why = event.reason or "you ended the session"
            state = _close_items(state, why, "session ended early")
            state = replace(state, stop_reason=why)
        return _end(state, now, state.end_status or "quit", state.stop_reason)
    return state, []


def _running(state: PlayerState) -> bool:
    return state.status == "running"


def _start(state: PlayerState, now: float) -> tuple[PlayerState, list[Effect]]:
    if state.status != "ready":
        return state, []
    return _enter(replace(state, started_at=now), 0, now, cue=False)


def _count_time(state: PlayerState, now: float) -> PlayerState:
    """Add the running time since the last count to the current step."""
    if not _running(state) or state.last is None:
        return state
    return replace(state, elapsed=state.elapsed + max(0.0, now - state.last), last=now)


def _leave(state: PlayerState) -> PlayerState:
    """Credit the time spent in the current step to its item, and reset the step clock."""
    item = state.current.item
    spent_here = min(state.elapsed, state.current.seconds)
    state = replace(state, elapsed=0.0)
    if item is None or spent_here <= 0:
        return state
    spent = dict(state.item_seconds)
    spent[item] = spent.get(item, 0.0) + spent_here
    return replace(state, item_seconds=spent)


def _run_clock(state: PlayerState, now: float) -> tuple[PlayerState, list[Effect]]:
    """Move through every step whose time has run out, carrying the leftover seconds."""
    effects: list[Effect] = []
    while _running(state) and state.elapsed >= state.current.seconds:
        leftover = state.elapsed - state.current.seconds
        state, more = _advance(_leave(state), state.index + 1, now)
        effects += more
        if _running(state):
            state = replace(state, elapsed=leftover)
    return state, effects


def _advance(state: PlayerState, index: int, now: float) -> tuple[PlayerState, list[Effect]]:
    """Forward by time: finishing an item records it done (or eased) before the next begins."""
    effects: list[Effect] = []
    leaving = state.current.item
    arriving = state.steps[index].item
    if leaving is not None and leaving != arriving and leaving not in state.outcomes:
        eased = leaving in state.eased
        reason = "eased to an easier version" if eased else None
        state, effects = _record(state, leaving, "eased" if eased else "done", reason)
    state, more = _enter(state, index, now)
    return state, effects + more


def _enter(
    state: PlayerState, index: int, now: float, cue: bool = True
) -> tuple[PlayerState, list[Effect]]:
    previous = state.current
    target = state.steps[index]
    effects: list[Effect] = []
    if cue and (target.starts_segment or target.kind != previous.kind):
        effects.append(Cue())
    if target.kind == "check_in":
        state = replace(state, index=index, elapsed=0.0, status="asking", last=None)
        return state, [*effects, ShowStep(index), AskCheckIn(target.check or "after")]
    status: Status = "paused" if state.status == "paused" else "running"
    last = now if status == "running" else None
    state = replace(state, index=index, elapsed=0.0, status=status, last=last)
    return state, [*effects, ShowStep(index)]


def _record(
    state: PlayerState, item: int, kind: OutcomeKind, reason: str | None
) -> tuple[PlayerState, list[Effect]]:
    outcome = Outcome(
        item=item,
        exercise=state.timeline.items[item].exercise,
        outcome=kind,
        reason=reason,
        seconds=round(state.item_seconds.get(item, 0.0)),
    )
    outcomes = dict(state.outcomes)
    outcomes[item] = outcome
    return replace(state, outcomes=outcomes), [Record(outcome)]


def _close_items(state: PlayerState, why: str, rest_reason: str) -> PlayerState:
    """Give every item without an outcome one: the one under way stops, later ones skip."""
    current = state.current.item
    for number in range(len(state.timeline.items)):
        if number in state.outcomes:
            continue
        if number == current and state.current.kind != "get_ready":
            state, _ = _record(state, number, "stopped", why)
        else:
            state, _ = _record(state, number, "skipped", rest_reason)
    return state


def _after_check_in(state: PlayerState) -> int:
    return len(state.steps) - 1


def _next_item_start(state: PlayerState, item: int) -> int:
    return next(
        (i for i in range(state.index, len(state.steps)) if state.steps[i].item != item),
        _after_check_in(state),
    )


def _answer(
    state: PlayerState, pain: dict[str, int], now: float
) -> tuple[PlayerState, list[Effect]]:
    if state.current.check == "before":
        state = replace(state, pain_before=dict(pain))
        return _advance(state, state.index + 1, now)
    state = replace(state, pain_after=dict(pain))
    effects: list[Effect] = []
    start = state.pain_before or {}
    worst_now = max(pain.values(), default=None)
    worst_start = max((start[r] for r in pain if r in start), default=None)
    decision = decide(CheckIn(pain=worst_now, start_pain=worst_start))
    if decision.action != "continue":
        effects.append(Advise(decision.action, decision.rule, decision.message))
    state, ending = _end(state, now, state.end_status or "completed", state.stop_reason)
    return state, effects + ending


def _end(
    state: PlayerState, now: float, status: EndStatus, reason: str | None
) -> tuple[PlayerState, list[Effect]]:
    # A session never ends before it began, whatever clock the caller's `now` came from.
    ended_at = max(now, state.started_at) if state.started_at is not None else now
    state = replace(
        state, status="ended", end_status=status, stop_reason=reason, ended_at=ended_at, last=None
    )
    return state, [End(status, reason)]


def _skip(state: PlayerState, now: float) -> tuple[PlayerState, list[Effect]]:
    """Skip the rest of this exercise (or a check-in, leaving that pain unrecorded)."""
    if state.status == "asking":
        return _answer(state, {}, now)
    item = state.current.item
    if item is None:
        return state, []
    state, effects = _record(_leave(state), item, "skipped", "skipped by you")
    state, more = _enter(state, _next_item_start(state, item), now)
    return state, effects + more


def _back(state: PlayerState, now: float) -> tuple[PlayerState, list[Effect]]:
    """Back to the start of this part (a side, a set or the exercise), or to the part before.

    Nothing goes back past the first exercise, nor after the session was stopped or quit.
    """
    if state.end_status is not None or state.current.check == "before":
        return state, []
    target = _segment_start(state.steps, state.index)
    if target == state.index:
        target = _segment_start(state.steps, state.index - 1)
    if state.steps[target].check == "before":
        target += 1
    item = state.steps[target].item
    outcomes = {k: v for k, v in state.outcomes.items() if item is None or k < item}
    state = replace(_leave(state), outcomes=outcomes)
    if state.status == "asking":
        state = replace(state, status="running")
    return _enter(state, target, now)


def _segment_start(steps: tuple[Step, ...], index: int) -> int:
    index = max(0, index)
    while index > 0 and not steps[index].starts_segment:
        index -= 1
    return index


def _too_much(state: PlayerState, check: CheckIn, now: float) -> tuple[PlayerState, list[Effect]]:
    """Apply the stop rules to what the person reported mid-exercise."""
    if state.status not in ("running", "paused"):
        return state, []
    worst_start = max((state.pain_before or {}).values(), default=None)
    if check.start_pain is None and worst_start is not None:
        check = replace(check, start_pain=worst_start)
    decision = decide(check)
    advice = Advise(decision.action, decision.rule, decision.message)
    if decision.action == "continue":
        return state, [advice]
    item = state.current.item
    state = _leave(state)
    if decision.action in ("stop_emergency", "stop_rescreen"):
        if item is not None:
            state, _ = _record(state, item, "stopped", decision.rule)
        state = _close_items(state, decision.rule, "session stopped")
        state = replace(state, end_status="stopped", stop_reason=decision.rule)
        if decision.action == "stop_emergency":
            state, ending = _end(state, now, "stopped", decision.rule)
            return state, [advice, *ending]
        state, more = _enter(state, _after_check_in(state), now)
        return state, [advice, *more]
    return _ease(state, decision.rule, now, advice)


def _ease(
    state: PlayerState, rule: str, now: float, advice: Advise
) -> tuple[PlayerState, list[Effect]]:
    """Swap the rest of this exercise for its easier version, or skip it when there is none."""
    item = state.current.item
    if item is None:
        return state, [advice]
    easier = state.timeline.easier.get(item)
    name = state.timeline.items[item].name
    if not easier or item in state.eased:
        # Recorded as stopped, not skipped: it was too much, so progression steps its dose back.
        state, effects = _record(state, item, "stopped", f"{rule}: no easier version")
        advice = replace(advice, then=f"There is no easier version of {name}, so we move on.")
        state, more = _enter(state, _next_item_start(state, item), now)
        return state, [advice, *effects, *more]
    advice = replace(advice, then=f"Here is an easier version instead: {easier[0].name}.")
    first = next(i for i, s in enumerate(state.steps) if s.item == item)
    last = max(i for i, s in enumerate(state.steps) if s.item == item)
    spliced = [*state.steps[:first], *easier, *state.steps[last + 1 :]]
    state = replace(state, steps=tuple(renumber(spliced)), eased=state.eased | {item})
    state, more = _enter(state, first, now)
    return state, [advice, *more]


def _quit(state: PlayerState, now: float) -> tuple[PlayerState, list[Effect]]:
    """End early: what was under way stops, the rest is skipped, then the closing check-in."""
    if state.current.check == "after":
        return _end(state, now, state.end_status or "completed", state.stop_reason)
    state = _close_items(_leave(state), "you ended the session", "session ended early")
    state = replace(state, end_status="quit", stop_reason="you ended the session")
    return _enter(state, _after_check_in(state), now)


def outcomes_in_order(state: PlayerState) -> list[Outcome]:
    return [state.outcomes[k] for k in sorted(state.outcomes)]
