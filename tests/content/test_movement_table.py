"""The library's tags equal the reviewed table, the figures agree, and the new tags bite.

`movement_table.py` was written by reading every exercise; these tests hold the files to it and
run the real condition table (core/conditions.py) over the real library for the tags added in the
second version of the screening contract.
"""

from __future__ import annotations

import pytest

from tests.content.movement_table import MOVEMENT_TABLE
from unhunch.content import load_library
from unhunch.core.conditions import is_allowed
from unhunch.core.models import Exercise
from unhunch.core.vocab import Condition
from unhunch.figures.poses import keyframe_angles

EXERCISES = load_library().all()
IDS = [e.id for e in EXERCISES]


def test_the_reviewed_table_lists_every_exercise_and_nothing_else() -> None:
    assert sorted(MOVEMENT_TABLE) == sorted(IDS)


@pytest.mark.parametrize("e", EXERCISES, ids=IDS)
def test_tags_equal_the_reviewed_table(e: Exercise) -> None:
    extra = set(e.movements) - MOVEMENT_TABLE[e.id]
    missing = MOVEMENT_TABLE[e.id] - set(e.movements)
    assert not extra and not missing, f"{e.id}: not reviewed {sorted(extra)}, lost {missing}"


# A drawn hip past 100 degrees (10 degrees of drawing slack over the 90 in the definition).
DRAWN_DEEP_HIP = 100


@pytest.mark.parametrize("e", [e for e in EXERCISES if e.figure], ids=lambda e: e.id)
def test_a_figure_that_draws_the_thigh_past_90_degrees_is_tagged_hip_deep_flexion(
    e: Exercise,
) -> None:
    assert e.figure is not None
    deepest = max(max(k["left_hip"], k["right_hip"]) for k in keyframe_angles(e.figure))
    if deepest > DRAWN_DEEP_HIP:
        assert "hip_deep_flexion" in e.movements, f"{e.id} draws a hip at {deepest:.0f}"


def kept(condition: Condition) -> set[str]:
    return {e.id for e in EXERCISES if is_allowed(e, [condition])}


@pytest.mark.parametrize(
    ("condition", "removed"),
    [
        # The examples: doorway stretch and thread the needle load an injured shoulder.
        (
            "shoulder_injury",
            {"doorway_chest_stretch", "thread_the_needle", "side_plank_knees", "eagle_arms",
             "standing_chest_opener", "wall_angels", "bird_dog"},
        ),
        # Folds flex the hip past 90; figure four and pigeon cross the legs.
        (
            "hip_replacement",
            {"seated_forward_fold", "floor_forward_fold", "half_forward_fold", "childs_pose",
             "single_knee_to_chest", "double_knee_to_chest", "seated_figure_four",
             "reclined_figure_four", "pigeon", "supine_twist", "seated_hamstring_stretch"},
        ),
        # "Look up" is neck extension; head circles; head below the heart.
        (
            "vertigo",
            {"cat_cow", "seated_cat_cow", "cobra", "sphinx", "prone_press_up",
             "standing_back_extension", "head_half_circles", "legs_up_the_wall",
             "thread_the_needle", "childs_pose", "hip_circles"},
        ),
        (
            "inflammatory_arthritis",
            {"head_half_circles", "thread_the_needle", "supine_twist", "seated_forward_fold",
             "half_forward_fold"},
        ),
        ("hypertension", {"thread_the_needle", "legs_up_the_wall", "seated_forward_fold"}),
    ],
)  # fmt: skip
def test_each_condition_removes_the_exercises_that_carry_its_movements(
    condition: Condition, removed: set[str]
) -> None:
    assert removed & kept(condition) == set()


@pytest.mark.parametrize(
    ("condition", "still_there"),
    [
        ("shoulder_injury", {"open_book", "seated_spinal_twist", "scapular_squeeze"}),
        ("hip_replacement", {"knee_rolls", "hamstring_strap_stretch", "cat_cow"}),
        ("vertigo", {"chin_tucks", "neck_rotation", "seated_spinal_twist"}),
        ("inflammatory_arthritis", {"chin_tucks", "knee_rolls", "seated_spinal_twist"}),
    ],
)
def test_each_condition_keeps_the_gentle_alternatives_the_cautions_point_to(
    condition: Condition, still_there: set[str]
) -> None:
    assert still_there <= kept(condition)
