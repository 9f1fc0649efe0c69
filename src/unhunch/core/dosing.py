"""Doses: the ladder of steps an exercise can climb, and how long a dose takes.

A ladder runs from the gentlest dose to the sourced ceiling. One step is one rep, one breath or
five seconds of hold [D3: "add 1-2 repetitions"; D1: holds from 10 s towards 30-60 s]; once the
amount reaches its ceiling, a set is added back at the exercise's own amount. Ceilings: 15 reps,
60 s or 10 breaths per hold, 4 sets [D1, D2, D3, D4].

Timing (used by the planner and shown to the person): each item's `seconds` is
    SETUP_SECONDS (read the step, get ready)
  + POSITION_CHANGE_SECONDS when the item starts in a new position (getting up or down)
  + work: per set (reps × rep_seconds | hold seconds | breaths × breath_seconds),
          × 2 for one-sided exercises (both sides), × sets, + rest between sets.
A routine's `total_seconds` is the sum of its items' seconds, so transitions are counted once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from unhunch.core.models import Dose, Exercise, Profile

SETUP_SECONDS = 5
POSITION_CHANGE_SECONDS = 10

MAX_REPS = 15
MAX_HOLD_SECONDS = 60
MAX_HOLD_BREATHS = 10
MAX_SETS = 4

MIN_REPS = 3
MIN_HOLD_SECONDS = 10
MIN_HOLD_BREATHS = 2

HOLD_STEP_SECONDS = 5

# Pain at or above this (in any painful region) makes every dose start gentler.
HIGH_PAIN = 7


@dataclass(frozen=True)
class Measure:
    floor: int
    ceiling: int
    step: int


def measure_for(dose: Dose) -> Measure:
    amount = dose.amount
    if dose.measure == "reps":
        return Measure(min(MIN_REPS, amount), max(MAX_REPS, amount), 1)
    if dose.measure == "hold_seconds":
        return Measure(min(MIN_HOLD_SECONDS, amount), max(MAX_HOLD_SECONDS, amount), 5)
    return Measure(min(MIN_HOLD_BREATHS, amount), max(MAX_HOLD_BREATHS, amount), 1)


def with_amount(dose: Dose, sets: int, amount: int) -> Dose:
    return dose.model_copy(update={"sets": sets, dose.measure: amount})


@functools.cache
def steps(dose: Dose) -> tuple[tuple[int, int], ...]:
    """Every dose step as (sets, amount), from the gentlest to the ceiling, growing in work."""
    m = measure_for(dose)
    base = dose.amount
    out: list[tuple[int, int]] = []
    for sets in range(dose.sets, max(MAX_SETS, dose.sets) + 1):
        if sets == dose.sets:
            # The step grid below the base, the base itself, then up to the ceiling.
            amounts = sorted({*range(m.floor, base, m.step), *range(base, m.ceiling + 1, m.step)})
        else:
            # One more set starts where its total work is no less than the step before.
            need = -(-(sets - 1) * out[-1][1] // sets)
            start = base + max(0, -(-(need - base) // m.step)) * m.step
            amounts = list(range(start, m.ceiling + 1, m.step)) or [m.ceiling]
        out.extend((sets, a) for a in amounts)
    return tuple(out)


def ladder(dose: Dose) -> tuple[Dose, ...]:
    """Every dose step as a Dose (see `steps`)."""
    return tuple(with_amount(dose, s, a) for s, a in steps(dose))


def base_index(dose: Dose) -> int:
    """Where the exercise's own dose sits on its ladder."""
    return steps(dose).index((dose.sets, dose.amount))


def is_gentle(profile: Profile) -> bool:
    """Beginners and anyone at 7/10 or more get gentler doses and easier variations."""
    return profile.level == "beginner" or max(profile.pain.values(), default=0) >= HIGH_PAIN


def level_shift(profile: Profile) -> int:
    """Steps from the exercise's own dose for this person, before progression."""
    shift = {"beginner": -1, "intermediate": 0, "advanced": 2}[profile.level]
    if max(profile.pain.values(), default=0) >= HIGH_PAIN:
        shift -= 2
    return shift


def work_seconds(exercise: Exercise, dose: Dose, breath_seconds: int) -> int:
    """Time under the dose: both sides for one-sided exercises, rest between sets."""
    if dose.reps is not None:
        per_set = dose.reps * exercise.rep_seconds
    elif dose.hold_seconds is not None:
        per_set = dose.hold_seconds
    else:
        per_set = (dose.hold_breaths or 0) * breath_seconds
    sides = 2 if dose.per_side else 1
    return per_set * sides * dose.sets + dose.rest_seconds * (dose.sets - 1)


def item_seconds(work: int, position_changed: bool) -> int:
    return SETUP_SECONDS + work + (POSITION_CHANGE_SECONDS if position_changed else 0)
