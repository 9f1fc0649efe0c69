"""Doses: the ladder of steps an exercise can climb, and how long a dose takes.

A ladder runs from the gentlest dose to the sourced ceiling, and grows **sets first**: a physio
gives a stretch as a few holds of 10-30 s adding up to about a minute [D1: hold 10-30 s; D2:
about 60 s per stretch, e.g. 20 s × 3, "2-4 repetitions"], and reps in sets [D3]. So:
  below the exercise's own dose: a smaller amount (a rep, a breath or 5 s less per step);
  above it: one more set at a time up to 3 sets, then one more rep, breath or 5 s of hold per
  step [D3: "add 1-2 repetitions"] up to the ceiling (15 reps, 30 s or 10 breaths per hold),
  then a 4th set [D1, D2, D3, D4].
Breathing and restorative exercises are one long, easy hold: they grow by breaths only.

The caps on how far the planner may raise a dose above the person's own dose to fill time are
here too (`steps_up`): four steps, three for gentle profiles (beginners, pain 7/10 or more),
whose own dose already starts one to three steps lower. From a one-set stretch of 20 s that is
at most 3 × 20 s for a beginner (D2's minute) and 3 × 25 s for an intermediate.

Timing (used by the planner and shown to the person): each item's `seconds` is
    SETUP_SECONDS (read the step, get ready)
  + POSITION_CHANGE_SECONDS when the item starts in a new position (getting up or down)
  + work: per set (reps × rep_seconds | hold seconds | breaths × breath_seconds),
          × 2 for one-sided exercises (both sides), × sets, + a side switch per set for
          one-sided exercises, + rest between sets (at least MIN_REST_SECONDS).
A routine's `total_seconds` is the sum of its items' seconds, so transitions are counted once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from unhunch.core.models import Dose, Exercise, Profile

SETUP_SECONDS = 5
POSITION_CHANGE_SECONDS = 10
# Standing free and standing at a wall are one place: stepping to the wall is not getting up or
# down, so it costs no position change and never breaks the one-way order of positions.
SAME_PLACE = {"wall": "standing"}
# The guided session (core/timeline.py) plays exactly these, so a plan's time is the session's.
SWITCH_SIDE_SECONDS = 5  # "come back to the middle; now the right side", once per set
MIN_REST_SECONDS = 5  # the shortest rest between sets

MAX_REPS = 15
MAX_HOLD_SECONDS = 30
MAX_HOLD_BREATHS = 10
MAX_SETS = 4
# Sets grow to this before the amount per set does (D2: 2-3 holds of a stretch).
SETS_FIRST = 3

MIN_REPS = 3
MIN_HOLD_SECONDS = 10
MIN_HOLD_BREATHS = 2

HOLD_STEP_SECONDS = 5

# Pain at or above this (in any painful region) makes every dose start gentler.
HIGH_PAIN = 7

# Steps a dose may move around the person's own dose when the planner fills time.
STEPS_DOWN = 2
STEPS_UP = 4
STEPS_UP_GENTLE = 3

# Kinds done as one long easy hold: they grow by breaths, never by sets.
ONE_HOLD_KINDS = frozenset({"breathing", "restorative"})


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
def steps(dose: Dose, sets_first: bool = True) -> tuple[tuple[int, int], ...]:
    """Every dose step as (sets, amount), from the gentlest to the ceiling, growing in work.

    `sets_first` (the usual ladder): sets grow to 3 at the exercise's own amount, then the
    amount grows to its ceiling, then a 4th set. Otherwise the amount alone grows."""
    m = measure_for(dose)
    base = dose.amount
    below = [(dose.sets, a) for a in range(m.floor, base, m.step)]
    if not sets_first:
        return (*below, *((dose.sets, a) for a in range(base, m.ceiling + 1, m.step)))
    top_sets = max(SETS_FIRST, dose.sets)
    out = [*below, *((s, base) for s in range(dose.sets, top_sets + 1))]
    out.extend((top_sets, a) for a in range(base + m.step, m.ceiling + 1, m.step))
    ceiling = out[-1][1]
    out.extend((s, ceiling) for s in range(top_sets + 1, max(MAX_SETS, dose.sets) + 1))
    return tuple(out)


def grows_by_sets(exercise: Exercise) -> bool:
    return exercise.kind not in ONE_HOLD_KINDS


def exercise_steps(exercise: Exercise) -> tuple[tuple[int, int], ...]:
    """The ladder an exercise climbs (see `steps`)."""
    return steps(exercise.dose, grows_by_sets(exercise))


@functools.cache
def ladder(dose: Dose, sets_first: bool = True) -> tuple[Dose, ...]:
    """Every dose step as a Dose (see `steps`)."""
    return tuple(with_amount(dose, s, a) for s, a in steps(dose, sets_first))


def base_index(dose: Dose, sets_first: bool = True) -> int:
    """Where the exercise's own dose sits on its ladder."""
    return steps(dose, sets_first).index((dose.sets, dose.amount))


def is_gentle(profile: Profile) -> bool:
    """Beginners and anyone at 7/10 or more get gentler doses and easier variations."""
    return profile.level == "beginner" or max(profile.pain.values(), default=0) >= HIGH_PAIN


def steps_up(profile: Profile) -> int:
    """How many steps above the person's own dose the planner may go to fill time."""
    return STEPS_UP_GENTLE if is_gentle(profile) else STEPS_UP


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
    switches = SWITCH_SIDE_SECONDS * dose.sets if dose.per_side else 0
    rests = max(dose.rest_seconds, MIN_REST_SECONDS) * (dose.sets - 1)
    return per_set * sides * dose.sets + switches + rests


def side_seconds(exercise: Exercise, dose: Dose, breath_seconds: int) -> int:
    """Time under the dose on one side (all of it for two-sided work), without rests."""
    if dose.reps is not None:
        per_set = dose.reps * exercise.rep_seconds
    elif dose.hold_seconds is not None:
        per_set = dose.hold_seconds
    else:
        per_set = (dose.hold_breaths or 0) * breath_seconds
    return per_set * dose.sets


def place(position: str) -> str:
    """Where the body is, for position changes: a wall counts as standing."""
    return SAME_PLACE.get(position, position)


def item_seconds(work: int, position_changed: bool) -> int:
    return SETUP_SECONDS + work + (POSITION_CHANGE_SECONDS if position_changed else 0)
