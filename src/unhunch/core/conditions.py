"""Conditions a person reports, and the movement tags each one removes (spec/screening.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from unhunch.core.models import Exercise
from unhunch.core.screen_conditions import conditions_answered_no, conditions_named
from unhunch.core.screening_rules import Answers
from unhunch.core.vocab import CONDITIONS, Condition, Movement

REMOVES: dict[Condition, frozenset[Movement]] = {
    "osteoporosis": frozenset({"spinal_flexion", "loaded_spinal_flexion", "end_range_rotation"}),
    "pregnancy": frozenset(
        {"prone_lying", "supine_lying", "deep_backbend", "end_range_rotation", "inversion"}
    ),
    "recent_spine_surgery": frozenset(
        {
            "spinal_flexion",
            "loaded_spinal_flexion",
            "spinal_extension",
            "rotation",
            "end_range_rotation",
            "deep_backbend",
        }
    ),
    "spinal_stenosis": frozenset({"spinal_extension", "deep_backbend"}),
    "spondylolisthesis": frozenset({"spinal_extension", "deep_backbend"}),
    "disc_herniation": frozenset({"loaded_spinal_flexion"}),
    "hypertension": frozenset({"inversion"}),
    "glaucoma": frozenset({"inversion"}),
    "knee_problems": frozenset({"knee_kneeling"}),
    "wrist_problems": frozenset({"wrist_weight_bearing"}),
    "shoulder_injury": frozenset({"overhead_arms", "shoulder_end_range", "single_arm_support"}),
    "hip_replacement": frozenset({"hip_deep_flexion", "leg_crossing"}),
    "vertigo": frozenset({"inversion", "balance", "neck_extension", "neck_circles"}),
    "inflammatory_arthritis": frozenset(
        {"neck_circles", "end_range_rotation", "loaded_spinal_flexion"}
    ),
}


@dataclass(frozen=True)
class Forbidden:
    condition: Condition
    movement: Movement

    @property
    def reason(self) -> str:
        """Shown to the person, e.g. 'osteoporosis: spinal flexion'."""
        return f"{self.condition}: {self.movement.replace('_', ' ')}"


def forbidden_by(
    exercise: Exercise, conditions: list[Condition] | tuple[Condition, ...]
) -> list[Forbidden]:
    """Every (condition, tag) pair that rules the exercise out; empty when it is allowed."""
    return [
        Forbidden(condition, movement)
        for condition in conditions
        for movement in exercise.movements
        if movement in REMOVES[condition]
    ]


def is_allowed(exercise: Exercise, conditions: list[Condition] | tuple[Condition, ...]) -> bool:
    return not forbidden_by(exercise, conditions)


def from_screens(screens: Iterable[Answers]) -> tuple[Condition, ...]:
    """The conditions the screens name, oldest screen first: a yes or "unsure" adds one, and
    only a later screen that answers no removes it (a question not asked changes nothing)."""
    held: set[Condition] = set()
    for answers in screens:
        held = (held | conditions_named(answers)) - conditions_answered_no(answers)
    return tuple(c for c in CONDITIONS if c in held)
