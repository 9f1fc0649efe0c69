"""Left and right agree: the words, the player (left side first) and the drawn figure.

The player says "Start with the left side" for every one-sided exercise and the figure draws
the left side, mirroring it for the right (core/figure_spec.py). So a step that names a side
must name the left one for what the figure draws, and the figure must turn, tilt or lift to the
side the words say. One row per exercise whose steps name a side.
"""

from __future__ import annotations

import pytest

from unhunch.content import load_library
from unhunch.core.models import Dose, RoutineItem
from unhunch.core.timeline import exercise_steps
from unhunch.figures.poses import keyframe_angles
from unhunch.figures.skeleton import pose_body

LIBRARY = load_library()

# exercise → (words in a step, the figure's joint, the side it must go to in the still picture).
# Axial joints turn, tilt or twist towards the figure's left when positive; for a limb the
# named side's joint is the one that moves more than the other side's.
SIDES: dict[str, tuple[str, str, str]] = {
    "neck_side_bend": ("Tip your left ear towards your left shoulder", "neck_bend", "left"),
    "neck_rotation": ("Turn your head to the left", "head_turn", "left"),
    "levator_scapulae_stretch": ("Turn your head a little to the left", "head_turn", "left"),
    "standing_side_bend": ("bend sideways to the left", "bend", "left"),
    "seated_side_bend": ("Bend sideways to the left", "bend", "left"),
    "seated_spinal_twist": ("twist your chest to the left", "twist", "left"),
    "supine_twist": ("Turn your head to the left", "head_turn", "left"),
    "thread_the_needle": ("Slide your left arm under your right arm", "twist", "right"),
    "open_book": ("Lie on your left side", "roll", "left"),
    "side_lying_clam": ("Lie on your left side", "roll", "left"),
    "side_plank_knees": ("Lie on your left side", "roll", "left"),
    "eagle_arms": ("Cross your left elbow over your right", "elbow_height", "left"),
    "single_knee_to_chest": ("Bring your left knee up", "hip", "left"),
    "hamstring_strap_stretch": ("around the sole of your left foot", "knee", "right"),
    "reclined_figure_four": ("Cross your left ankle over your right knee", "leg_turn", "left"),
    "seated_figure_four": ("rest that ankle on your right knee", "leg_turn", "left"),
    "seated_hamstring_stretch": ("Straighten your left leg", "knee", "right"),
    "pigeon": ("Bring your left knee forward", "hip", "left"),
    "kneeling_hip_flexor_stretch": ("Kneel on your left knee", "hip", "right"),
    "bird_dog": ("Reach your left arm forward and your right leg back", "shoulder", "left"),
    "dead_bug": ("Slowly lower your left arm behind you", "shoulder", "left"),
    "hip_circles": ("Lift your left knee", "hip", "left"),
}
# (A straightened leg has the smaller knee bend: "knee" names the side that bends more, so the
# straight left leg shows as the right knee bending more; a kneeling knee sits behind, so the
# front, right hip bends more.)


def still_angles(exercise_id: str) -> dict[str, float]:
    e = LIBRARY.get(exercise_id)
    assert e.figure is not None
    frames = keyframe_angles(e.figure)
    return frames[e.figure.still if e.figure.still is not None else -1]


def drawn_side(angles: dict[str, float], joint: str) -> str:
    if joint == "elbow_height":  # the elbow on top of the other is the higher one
        points = pose_body(angles).points
        return "left" if points["left_elbow"][1] > points["right_elbow"][1] else "right"
    if joint in angles:
        assert angles[joint] != 0, f"the figure does not move {joint}"
        return "left" if angles[joint] > 0 else "right"
    left, right = angles[f"left_{joint}"], angles[f"right_{joint}"]
    assert left != right, f"the figure moves both sides' {joint} alike"
    return "left" if left > right else "right"


@pytest.mark.parametrize("exercise_id", sorted(SIDES))
def test_the_words_name_the_side_the_figure_draws(exercise_id: str) -> None:
    words, joint, side = SIDES[exercise_id]
    e = LIBRARY.get(exercise_id)
    assert any(words in step for step in e.steps), f"{exercise_id}: no step says {words!r}"
    assert drawn_side(still_angles(exercise_id), joint) == side


@pytest.mark.parametrize("exercise_id", sorted(i for i in SIDES if LIBRARY.get(i).bilateral))
def test_the_player_starts_with_the_side_the_steps_name_first(exercise_id: str) -> None:
    e = LIBRARY.get(exercise_id)
    dose = Dose.model_validate(e.dose.model_dump())
    item = RoutineItem(exercise=e.id, dose=dose, seconds=60, why="test")
    steps = exercise_steps(e, item, 1, "main", None, 6.0)
    assert "Start with the left side" in steps[0].text
    assert next(s.side for s in steps if s.side) == "left"


def test_every_one_sided_exercise_whose_steps_name_a_side_has_a_row() -> None:
    named = {
        e.id
        for e in LIBRARY.all()
        if e.bilateral and any(w in s.lower().split() for s in e.steps for w in ("left", "right"))
    }
    assert named <= set(SIDES), sorted(named - set(SIDES))
