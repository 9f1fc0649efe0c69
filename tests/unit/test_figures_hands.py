"""Hands laid on the body: they land on their spot, and lying down the elbows stay on the floor."""

from __future__ import annotations

import math

import pytest

from unhunch.core.figure_spec import FigureSpec
from unhunch.figures.scene import hand_spot, place_keyframes
from unhunch.figures.skeleton import LENGTHS, RADII


def _lying_hands() -> FigureSpec:
    return FigureSpec.model_validate(
        {"base": "supine_knees_bent", "keyframes": [{"left_hand": "belly", "right_hand": "chest"}]}
    )


def test_lying_on_the_back_a_hand_on_the_belly_keeps_its_elbow_on_the_floor_beside_the_body() -> (
    None
):
    _, (placed,) = place_keyframes(_lying_hands())
    p = placed.body.points
    for side in ("left", "right"):
        sign = 1.0 if side == "left" else -1.0
        # The elbow is down near the floor, not lifted in the air or pushed under the mat...
        assert p[f"{side}_elbow"][1] < RADII["upper_arm"] + 8.0
        # ...and out beside the body, not over it.
        assert sign * (p[f"{side}_elbow"][0] - p["pelvis"][0]) > 12.0
        upper_arm = math.dist(p[f"{side}_shoulder"], p[f"{side}_elbow"])
        assert upper_arm == pytest.approx(LENGTHS["upper_arm"], abs=0.01)


def test_lying_on_the_back_the_hands_rest_on_the_belly_and_the_chest() -> None:
    _, (placed,) = place_keyframes(_lying_hands())
    p = placed.body.points
    belly = hand_spot(placed.angles, placed.body, "left", "belly")
    chest = hand_spot(placed.angles, placed.body, "right", "chest")
    assert math.dist(p["left_hand"], belly) < 3.0
    assert math.dist(p["right_hand"], chest) < 3.0
    # Both hands sit on top of the trunk, the chest hand nearer the head than the belly hand.
    assert p["left_hand"][1] > p["pelvis"][1] and p["right_hand"][1] > p["pelvis"][1]
    assert math.dist(p["right_hand"], p["head"]) < math.dist(p["left_hand"], p["head"])
