"""Conditions remove exactly the movement tags in spec/screening.md, and nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from unhunch.core.conditions import REMOVES, forbidden_by, is_allowed
from unhunch.core.models import Exercise
from unhunch.core.vocab import CONDITIONS, MOVEMENTS, Condition, Movement

# Copied from the spec's table so a change to either side shows up here.
SPEC: dict[str, set[str]] = {
    "osteoporosis": {"spinal_flexion", "loaded_spinal_flexion", "end_range_rotation"},
    "pregnancy": {"prone_lying", "supine_lying", "deep_backbend", "end_range_rotation",
                  "inversion"},
    "recent_spine_surgery": {"spinal_flexion", "loaded_spinal_flexion", "spinal_extension",
                             "rotation", "end_range_rotation", "deep_backbend"},
    "spinal_stenosis": {"spinal_extension", "deep_backbend"},
    "spondylolisthesis": {"spinal_extension", "deep_backbend"},
    "disc_herniation": {"loaded_spinal_flexion"},
    "hypertension": {"inversion"},
    "glaucoma": {"inversion"},
    "knee_problems": {"knee_kneeling"},
    "wrist_problems": {"wrist_weight_bearing"},
    "shoulder_injury": {"overhead_arms", "shoulder_end_range", "single_arm_support"},
    "hip_replacement": {"hip_deep_flexion", "leg_crossing"},
    "vertigo": {"inversion", "balance", "neck_extension", "neck_circles"},
    "inflammatory_arthritis": {"neck_circles", "end_range_rotation", "loaded_spinal_flexion"},
}  # fmt: skip


def exercise(*movements: Movement) -> Exercise:
    data: dict[str, Any] = {
        "id": "test_move",
        "name": "Test move",
        "aliases": [],
        "kind": "stretch",
        "position": "seated",
        "equipment": [],
        "regions": ["neck"],
        "muscles": ["trapezius"],
        "movements": list(movements),
        "level": "beginner",
        "bilateral": False,
        "dose": {"sets": 1, "reps": 5},
        "steps": ["one", "two"],
        "cues": ["breathe"],
        "cautions": ["gently"],
        "sources": ["D3"],
    }
    return Exercise.model_validate(data)


def test_table_matches_the_spec_for_every_condition() -> None:
    assert set(REMOVES) == set(CONDITIONS) == set(SPEC)
    assert {c: set(m) for c, m in REMOVES.items()} == SPEC


@pytest.mark.parametrize(
    ("condition", "movement"), [(c, m) for c, ms in sorted(SPEC.items()) for m in sorted(ms)]
)
def test_each_condition_removes_each_of_its_tags(condition: Condition, movement: Movement) -> None:
    ex = exercise(movement)
    assert not is_allowed(ex, [condition])
    (found,) = forbidden_by(ex, [condition])
    assert (found.condition, found.movement) == (condition, movement)
    assert condition in found.reason


@pytest.mark.parametrize("condition", CONDITIONS)
def test_each_condition_keeps_exercises_without_its_tags(condition: Condition) -> None:
    others = [m for m in MOVEMENTS if m not in SPEC[condition]]
    assert is_allowed(exercise(*others), [condition])


def test_osteoporosis_removes_loaded_flexion() -> None:
    assert not is_allowed(exercise("loaded_spinal_flexion"), ["osteoporosis"])


def test_no_conditions_allow_everything() -> None:
    assert is_allowed(exercise(*MOVEMENTS), [])


def test_every_reason_is_listed_for_several_conditions() -> None:
    ex = exercise("inversion", "deep_backbend")
    found = {(f.condition, f.movement) for f in forbidden_by(ex, ["pregnancy", "glaucoma"])}
    assert found == {
        ("pregnancy", "inversion"),
        ("pregnancy", "deep_backbend"),
        ("glaucoma", "inversion"),
    }
