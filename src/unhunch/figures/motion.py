"""The animation's timeline: which pose when, at the exercise's own tempo.

Repetitions move through the keyframes and back once per `rep_seconds`. Holds ease into the
final keyframe over half a breath per step, stay for two slow breaths, and ease back out.
The body is re-placed at every sample, so planted hands and feet stay on the floor throughout.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from unhunch.core.models import DEFAULT_BREATH_SECONDS, Exercise
from unhunch.figures.poses import Angles, blend
from unhunch.figures.scene import Placed, moved_limbs, place, stage_for, with_hands

SAMPLES_PER_MOVE = 8
HOLD_BREATHS = 2


@dataclass(frozen=True)
class Frame:
    at: float  # fraction of the cycle, 0..1
    placed: Placed


@dataclass(frozen=True)
class Timeline:
    seconds: float  # one cycle (one side)
    frames: list[Frame]
    is_hold: bool


def is_hold(exercise: Exercise) -> bool:
    return exercise.dose.measure != "reps"


def still_index(exercise: Exercise) -> int:
    """The keyframe the still picture shows: the held pose, or the first movement's end."""
    spec = exercise.figure
    assert spec is not None
    if spec.still is not None:
        return spec.still
    n = len(spec.keyframes)
    if n == 1:
        return 0
    return n - 1 if is_hold(exercise) else 1


def _ease(t: float) -> float:
    return (1.0 - math.cos(math.pi * t)) / 2.0


def _plan(exercise: Exercise, keys: list[Angles]) -> tuple[float, list[tuple[float, int]]]:
    """(cycle seconds, [(seconds spent, keyframe index reached)]) starting from keyframe 0."""
    breath = float(DEFAULT_BREATH_SECONDS)
    n = len(keys)
    if n == 1:
        return breath * HOLD_BREATHS, [(breath * HOLD_BREATHS, 0)]
    steps: list[tuple[float, int]] = []
    if is_hold(exercise):
        for i in range(1, n):
            steps.append((breath / 2, i))
            if i < n - 1:
                steps.append((0.6, i))
        steps.append((breath * HOLD_BREATHS, n - 1))
        steps.append((breath / 2, 0))
        steps.append((1.5, 0))
    else:
        cycle = float(exercise.rep_seconds)
        move, dwell = 0.8 * cycle / n, 0.2 * cycle / n
        for i in [*range(1, n), 0]:
            steps.append((move, i))
            steps.append((dwell, i))
    return sum(s for s, _ in steps), steps


def timeline(exercise: Exercise) -> Timeline:
    spec = exercise.figure
    assert spec is not None
    keys = with_hands(spec)
    moves = moved_limbs(spec)
    stage = stage_for(spec)
    first = place(keys[0], stage, moves[0])  # fixes the anchor and planted spots
    total, steps = _plan(exercise, keys)
    frames = [Frame(0.0, first)]
    clock, current = 0.0, 0
    for seconds, target in steps:
        start = clock
        clock += seconds
        if target == current:
            frames.append(Frame(clock / total, place(keys[target], stage, moves[target])))
            continue
        for k in range(1, SAMPLES_PER_MOVE + 1):
            t = k / SAMPLES_PER_MOVE
            at = (start + seconds * t) / total
            both = moves[current] | moves[target]
            angles = blend(keys[current], keys[target], _ease(t))
            frames.append(Frame(at, place(angles, stage, both)))
        current = target
    return Timeline(total, frames, is_hold(exercise))


def path_between(exercise: Exercise, a: int, b: int, samples: int = 10) -> list[Placed]:
    """Placed bodies from keyframe a through each keyframe up to b (for the still's arrow)."""
    return path_through(exercise, list(range(a, b + 1)), samples)


def path_through(exercise: Exercise, stops: list[int], samples: int = 10) -> list[Placed]:
    """Placed bodies moving through the keyframes named in stops, in that order."""
    spec = exercise.figure
    assert spec is not None
    keys = with_hands(spec)
    moves = moved_limbs(spec)
    stage = stage_for(spec)
    place(keys[0], stage, moves[0])
    out = [place(keys[stops[0]], stage, moves[stops[0]])]
    for i, j in itertools.pairwise(stops):
        both = moves[i] | moves[j]
        for k in range(1, samples + 1):
            out.append(place(blend(keys[i], keys[j], _ease(k / samples)), stage, both))
    return out
