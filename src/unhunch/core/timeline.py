"""A routine becomes a timeline: the ordered steps a coach talks a person through.

One step is one thing to do now, for a known time: get ready, one breath of a hold, one rep,
switch sides, rest between sets, or a pain check-in. Holds counted in breaths get one step per
breath (with its breathe-in and breathe-out phases), so "breath 2 of 5" is a step of its own and
pausing, skipping and going back all work on whole steps. The same list drives the terminal and
the browser, so every field is plain JSON.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from unhunch.core.dosing import (
    MIN_REST_SECONDS,
    POSITION_CHANGE_SECONDS,
    SETUP_SECONDS,
    SWITCH_SIDE_SECONDS,
    place,
)
from unhunch.core.library import Library
from unhunch.core.models import BlockName, Exercise, Routine, RoutineItem
from unhunch.core.vocab import Position

StepKind = Literal["check_in", "get_ready", "hold", "reps", "switch_side", "rest"]
Side = Literal["left", "right"]
BreathDirection = Literal["in", "out"]
CheckMoment = Literal["before", "after"]

# Seconds for the in-between steps, the same the planner counts (core/dosing.py) so the session
# lasts what the plan said. Changing position (chair to floor) takes longer.
GET_READY_SECONDS = SETUP_SECONDS
MOVE_SECONDS = SETUP_SECONDS + POSITION_CHANGE_SECONDS

# Plain instructions for getting into each start position.
MOVE_WORDS: dict[Position, str] = {
    "seated": "Sit on a chair, feet flat on the floor.",
    "standing": "Stand up, feet hip-width apart.",
    "wall": "Stand near a wall.",
    "supine": "Move to the floor and lie on your back.",
    "prone": "Move to the floor and lie on your front.",
    "all_fours": "Move to the floor onto your hands and knees.",
    "kneeling": "Move to the floor and kneel.",
    "side_lying": "Move to the floor and lie on your side.",
    "floor_sitting": "Move to the floor and sit with your legs out in front.",
}


class Phase(BaseModel):
    """Part of a breath: the pacer grows on 'in' and shrinks on 'out'."""

    model_config = ConfigDict(frozen=True)

    breath: BreathDirection
    seconds: float


class Step(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int
    kind: StepKind
    text: str
    seconds: float
    item: int | None = None  # position of the routine item this step belongs to
    exercise: str | None = None
    name: str | None = None
    block: BlockName | None = None
    position: Position | None = None
    side: Side | None = None
    set_index: int | None = None
    set_count: int | None = None
    rep_index: int | None = None
    rep_count: int | None = None
    breath_index: int | None = None
    breath_count: int | None = None
    phases: list[Phase] = Field(default_factory=list)
    cue: str | None = None
    instructions: list[str] = Field(default_factory=list)
    check: CheckMoment | None = None

    @property
    def starts_segment(self) -> bool:
        """Steps that open a part of the routine (going back returns to one of these)."""
        return self.kind in ("check_in", "get_ready", "switch_side", "rest")

    def phase_at(self, elapsed: float) -> tuple[Phase, float] | None:
        """The breath phase at `elapsed` seconds into the step, and the seconds left in it."""
        passed = 0.0
        for phase in self.phases:
            if elapsed < passed + phase.seconds:
                return phase, passed + phase.seconds - elapsed
            passed += phase.seconds
        return None


class TimelineItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    exercise: str
    name: str
    block: BlockName


class Timeline(BaseModel):
    model_config = ConfigDict(frozen=True)

    breath_seconds: float
    items: list[TimelineItem]
    steps: list[Step]
    # Steps for each item's easier variation (by item position), used when "too much" eases.
    easier: dict[int, list[Step]] = Field(default_factory=dict)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_seconds(self) -> float:
        """All steps end to end (shown in JSON too, for the browser's "5:20 left")."""
        return sum(s.seconds for s in self.steps)


def build_timeline(routine: Routine, library: Library, breath_seconds: float) -> Timeline:
    """Every step of a routine, in order, with a check-in before and after."""
    steps: list[Step] = [_check_in("before")]
    items: list[TimelineItem] = []
    easier: dict[int, list[Step]] = {}
    previous: Position | None = None
    for number, (block, item) in enumerate(_items(routine)):
        exercise = library.get(item.exercise)
        items.append(TimelineItem(exercise=exercise.id, name=exercise.name, block=block))
        steps += exercise_steps(exercise, item, number, block, previous, breath_seconds)
        alternative = _easier_exercise(exercise, library)
        if alternative is not None:
            eased = RoutineItem(
                exercise=alternative.id, dose=alternative.dose, seconds=0, why="easier"
            )
            easier[number] = exercise_steps(
                alternative, eased, number, block, exercise.position, breath_seconds, eased=True
            )
        previous = exercise.position
    steps.append(_check_in("after"))
    return Timeline(
        breath_seconds=breath_seconds,
        items=items,
        steps=renumber(steps),
        easier=easier,
    )


def renumber(steps: list[Step], start: int = 0) -> list[Step]:
    return [s.model_copy(update={"index": start + i}) for i, s in enumerate(steps)]


def _items(routine: Routine) -> list[tuple[BlockName, RoutineItem]]:
    return [(block.name, item) for block in routine.blocks for item in block.items]


def _easier_exercise(exercise: Exercise, library: Library) -> Exercise | None:
    for candidate in exercise.variations.easier:
        if candidate in library.exercises:
            return library.exercises[candidate]
    return None


def _check_in(moment: CheckMoment) -> Step:
    text = (
        "Before we start: how is your pain right now?"
        if moment == "before"
        else "All done. How is your pain now?"
    )
    return Step(index=0, kind="check_in", text=text, seconds=0, check=moment)


def exercise_steps(
    exercise: Exercise,
    item: RoutineItem,
    number: int,
    block: BlockName,
    previous: Position | None,
    breath_seconds: float,
    eased: bool = False,
) -> list[Step]:
    """get_ready, then each set (and side) of holds or reps, with switches and rests between."""
    dose = item.dose
    base: dict[str, Any] = {
        "item": number,
        "exercise": exercise.id,
        "name": exercise.name,
        "block": block,
        "position": exercise.position,
    }
    moving = previous is not None and place(previous) != place(exercise.position)
    lead = "An easier version: " if eased else "Get ready: "
    text = f"{lead}{exercise.name} — {dose.describe()}."
    if moving:
        text = f"{MOVE_WORDS[exercise.position]} {text}"
    if dose.per_side:
        text += " Start with the left side."
    steps = [
        Step(
            index=0,
            kind="get_ready",
            text=text,
            seconds=MOVE_SECONDS if moving else GET_READY_SECONDS,
            cue=exercise.steps[0],
            instructions=list(exercise.steps),
            **base,
        )
    ]
    sides: list[Side | None] = ["left", "right"] if dose.per_side else [None]
    for set_index in range(1, dose.sets + 1):
        if set_index > 1:
            rest = max(dose.rest_seconds, MIN_REST_SECONDS)
            steps.append(
                Step(
                    index=0,
                    kind="rest",
                    text=f"Rest and breathe easily. Set {set_index} of {dose.sets} comes next.",
                    seconds=rest,
                    set_index=set_index,
                    set_count=dose.sets,
                    **base,
                )
            )
        for side in sides:
            if side == "right":
                steps.append(
                    Step(
                        index=0,
                        kind="switch_side",
                        text="Come back to the middle. Now the right side.",
                        seconds=SWITCH_SIDE_SECONDS,
                        side="right",
                        set_index=set_index,
                        set_count=dose.sets,
                        **base,
                    )
                )
            sets: dict[str, Any] = {"set_index": set_index, "set_count": dose.sets, "side": side}
            steps += _work(exercise, dose.measure, dose.amount, breath_seconds, base | sets)
    return steps


def _work(
    exercise: Exercise,
    measure: str,
    amount: int,
    breath_seconds: float,
    fields: dict[str, Any],
) -> list[Step]:
    half = breath_seconds / 2
    one_breath = [Phase(breath="in", seconds=half), Phase(breath="out", seconds=half)]
    if measure == "hold_breaths":
        return [
            Step(
                index=0,
                kind="hold",
                text=f"Hold and breathe — breath {n} of {amount}",
                seconds=breath_seconds,
                breath_index=n,
                breath_count=amount,
                phases=one_breath,
                cue=exercise.cues[0],
                **fields,
            )
            for n in range(1, amount + 1)
        ]
    if measure == "hold_seconds":
        return [
            Step(
                index=0,
                kind="hold",
                text=f"Hold and breathe easily — {amount} seconds",
                seconds=amount,
                phases=_paced(amount, half),
                cue=exercise.cues[0],
                **fields,
            )
        ]
    tempo = exercise.rep_seconds
    return [
        Step(
            index=0,
            kind="reps",
            text=f"Rep {n} of {amount} — about {tempo} seconds each",
            seconds=tempo,
            rep_index=n,
            rep_count=amount,
            cue=exercise.breath or exercise.cues[0],
            **fields,
        )
        for n in range(1, amount + 1)
    ]


def _paced(seconds: float, half: float) -> list[Phase]:
    """Breathe in and out at the person's pace for a hold given in seconds."""
    phases: list[Phase] = []
    left = float(seconds)
    direction: BreathDirection = "in"
    while left > 1e-9:
        length = min(half, left)
        phases.append(Phase(breath=direction, seconds=length))
        left -= length
        direction = "out" if direction == "in" else "in"
    return phases


def clock_words(seconds: float) -> str:
    """'5:20' for people (rounded up, so a countdown never shows 0:00 while time is left)."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"


def stamp(seconds: float) -> str:
    """'1:05' for time gone by (rounded down)."""
    whole = int(max(0.0, seconds))
    return f"{whole // 60}:{whole % 60:02d}"
