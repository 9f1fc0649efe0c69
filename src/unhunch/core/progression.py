"""Progression: doses grow or step back with how the person responds (pain-monitoring model).

The rule, as shown to the person (see `RULE`):
- the morning after a session, if your pain has settled back to where it was before the session
  (or is lower), each exercise you did grows by one step next time: one more set up to 3, then
  a rep, a breath or five seconds more, up to a ceiling (15 reps, 30 s or 10 breaths a hold),
  then a 4th set (the ladder in core/dosing.py);
- if it is higher than before the session, those exercises step back one step;
- if it is above 5/10, they step back and the easier variation is used where one exists;
- an exercise you stopped during a session steps back one step.
The next-morning decision itself is `core.pain_monitoring.next_morning` [D12, D13, D3].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from unhunch.core.pain_monitoring import ProgressionAction, ProgressionSignal, next_morning
from unhunch.core.vocab import label

RULE = (
    "How doses change: when your pain the morning after a session is no higher than before it,"
    " each exercise you did grows by one step: one more set, up to 3; then a rep, a breath or"
    " a few seconds more (up to 15 reps, 30 seconds or 10 breaths); then a 4th set. When it is"
    " higher, those exercises step back one step. Above 5/10, they step back and the easier"
    " version is used where there is one."
)

# Never more than this many steps below the exercise's own dose from progression alone.
MIN_ADJUSTMENT = -4
MAX_ADJUSTMENT = 40

SEVERITY: dict[ProgressionAction, int] = {"grow": 0, "keep": 1, "step_back": 2, "ease_off": 3}
STEP: dict[ProgressionAction, int] = {"grow": 1, "keep": 0, "step_back": -1, "ease_off": -1}


@dataclass(frozen=True)
class PastRoutine:
    """A routine the person was given or did on a day (for variety)."""

    day: dt.date
    exercises: tuple[str, ...]


@dataclass(frozen=True)
class SessionOutcome:
    """One recorded session: what was done, pain before it, pain the next morning."""

    day: dt.date
    done: tuple[str, ...]
    before: Mapping[str, int]
    next_morning: Mapping[str, int] | None = None
    stopped: tuple[str, ...] = ()


@dataclass(frozen=True)
class History:
    """What the planner needs from the past: recent routines and per-exercise dose steps."""

    recent: tuple[PastRoutine, ...] = ()
    adjustments: Mapping[str, int] = field(default_factory=dict)
    eased: frozenset[str] = frozenset()
    explanation: tuple[str, ...] = ()

    def adjustment(self, exercise_id: str) -> int:
        return self.adjustments.get(exercise_id, 0)


def explain_rule() -> str:
    """The progression rule in plain words."""
    return RULE


def session_signal(outcome: SessionOutcome) -> ProgressionSignal | None:
    """The worst next-morning signal over the regions scored both before and next morning."""
    if outcome.next_morning is None:
        return None
    regions = sorted(set(outcome.before) & set(outcome.next_morning))
    if not regions:
        return None
    signals = [next_morning(outcome.before[r], outcome.next_morning[r]) for r in regions]
    return max(signals, key=lambda s: SEVERITY[s.action])


def progress(outcomes: Sequence[SessionOutcome], recent: Sequence[PastRoutine] = ()) -> History:
    """Fold recorded sessions (oldest first) into per-exercise dose steps and easier swaps."""
    steps: dict[str, int] = {}
    last_action: dict[str, ProgressionAction] = {}
    said: list[str] = []
    for outcome in sorted(outcomes, key=lambda o: o.day):
        signal = session_signal(outcome)
        for exercise in outcome.stopped:
            steps[exercise] = steps.get(exercise, 0) - 1
            last_action[exercise] = "step_back"
        if signal is None:
            continue
        for exercise in outcome.done:
            if exercise in outcome.stopped:
                continue
            value = steps.get(exercise, 0) + STEP[signal.action]
            steps[exercise] = max(MIN_ADJUSTMENT, min(MAX_ADJUSTMENT, value))
            last_action[exercise] = signal.action
        said = [f"After your session on {outcome.day.isoformat()}: {signal.message}"]
    eased = frozenset(e for e, a in last_action.items() if a == "ease_off")
    return History(
        recent=tuple(sorted(recent, key=lambda r: r.day)),
        adjustments={e: s for e, s in steps.items() if s != 0},
        eased=eased,
        explanation=tuple(said),
    )


def describe_adjustments(history: History, shown: Sequence[str]) -> list[str]:
    """Notes for the plan: the rule, and which of today's exercises moved, in plain words."""
    grown = [e for e in shown if history.adjustment(e) > 0]
    back = [e for e in shown if history.adjustment(e) < 0]
    eased = [e for e in sorted(history.eased)]
    if not (grown or back or eased):
        return []
    notes = [*history.explanation, explain_rule()]
    if grown:
        notes.append("Grown from your last sessions: " + ", ".join(map(label, grown)) + ".")
    if back:
        notes.append("Stepped back: " + ", ".join(map(label, back)) + ".")
    if eased:
        notes.append("Swapped for an easier version: " + ", ".join(map(label, eased)) + ".")
    return notes
