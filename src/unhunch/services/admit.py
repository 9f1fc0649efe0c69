"""Routines that come from outside the planner, checked before anything is played or stored.

A routine file (`start --routine`), a session the browser saves, a routine stored earlier: each
item must be an exercise of the library that no condition of the person forbids now (the
profile's own and those the screens named; core/admissible decides). An empty routine is refused:
there is nothing to play, and it must never be recorded as done.
"""

from __future__ import annotations

from unhunch.core.admissible import admissible, refusal
from unhunch.core.errors import ExerciseRefused, InputError
from unhunch.core.library import Library
from unhunch.core.models import Routine
from unhunch.core.vocab import Condition
from unhunch.services.context import Context

EMPTY = "a routine with at least one exercise (as printed by `unhunch plan --json`)"


def person_conditions(ctx: Context) -> tuple[Condition, ...]:
    """Every condition the rules hold for this person now."""
    from unhunch.services.planning import conditions_of, load_profile

    return conditions_of(ctx, load_profile(ctx)).all


def check_routine(
    routine: Routine,
    conditions: tuple[Condition, ...],
    library: Library,
    field: str = "routine",
) -> None:
    """InputError for an empty routine or an unknown id; ExerciseRefused (exit 3 / 409) naming
    every exercise a condition forbids and why."""
    items = routine.items
    if not items:
        raise InputError(field, "no exercises", EMPTY, "Nothing to play, so nothing is recorded.")
    unknown = [i.exercise for i in items if i.exercise not in library.exercises]
    if unknown:
        raise InputError(f"{field}.exercise", unknown[0], "an exercise id of the library")
    lines: list[str] = []
    refused: list[str] = []
    for item in items:
        exercise = library.exercises[item.exercise]
        verdict = admissible(exercise, conditions)
        if not verdict.safe:
            refused.append(exercise.id)
            lines.append(refusal(exercise.name, verdict))
    if refused:
        raise ExerciseRefused(
            "This routine has exercises your conditions rule out, so it is not played: "
            + " ".join(lines)
            + " Today's planned routine leaves them out: use it, or remove them.",
            tuple(refused),
            field,
        )


def admit_routine(ctx: Context, routine: Routine, field: str = "routine") -> Routine:
    """The routine, once checked against this person's conditions now (see check_routine)."""
    from unhunch.content import load_library

    check_routine(routine, person_conditions(ctx), load_library(), field)
    return routine
