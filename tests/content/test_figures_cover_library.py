"""Every exercise in the library has a figure that draws, and the drawing tells the truth."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from unhunch.content import load_library
from unhunch.core.models import Exercise
from unhunch.figures import render_figure
from unhunch.figures.motion import timeline
from unhunch.figures.scene import SEAT_TOP, Placed, place_keyframes
from unhunch.figures.skeleton import LENGTHS, RADII, joint_limits_ok, segments

SVG = "{http://www.w3.org/2000/svg}"
LIBRARY = load_library()
EXERCISES = LIBRARY.all()
IDS = [e.id for e in EXERCISES]
ON_FLOOR = 4.0  # units of slack for "touching the floor" (limbs are ~10 units thick)


def frames(e: Exercise) -> list[Placed]:
    assert e.figure is not None
    _, keys = place_keyframes(e.figure)
    return keys + [f.placed for f in timeline(e).frames]


def start(e: Exercise) -> Placed:
    assert e.figure is not None
    return place_keyframes(e.figure)[1][0]


def touches_floor(p: Placed, point: str, radius_key: str) -> bool:
    return p.body.points[point][1] - RADII[radius_key] < ON_FLOOR


def foot_down(p: Placed, side: str) -> bool:
    pts = p.body.points
    return min(pts[f"{side}_ankle"][1], pts[f"{side}_toe"][1]) - RADII["foot"] < ON_FLOOR


def tilt_from_vertical(p: Placed, a: str, b: str) -> float:
    pa, pb = p.body.points[a], p.body.points[b]
    dy = pb[1] - pa[1]
    return math.degrees(math.acos(max(-1.0, min(1.0, dy / math.dist(pa, pb)))))


def trunk_lies_flat(p: Placed, slack: float) -> bool:
    lower = tilt_from_vertical(p, "pelvis", "mid_back")
    return abs(lower - 90) <= slack and touches_floor(p, "pelvis", "lower_trunk")


def test_every_exercise_has_a_figure() -> None:
    assert [e.id for e in EXERCISES if e.figure is None] == []


@pytest.mark.parametrize("exercise_id", IDS)
def test_figure_renders_to_valid_svg_still_animated_and_mirrored(exercise_id: str) -> None:
    e = LIBRARY.get(exercise_id)
    for svg in (
        render_figure(e),
        render_figure(e, animated=True),
        render_figure(e, side="right"),
    ):
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg"
        assert root.get("viewBox") and root.get("width") is None and root.get("height") is None
        title = root.find(f"{SVG}title")
        assert title is not None and e.name in (title.text or "")
        assert root.find(f".//{SVG}script") is None
        assert root.findall(f".//{SVG}circle[@class='part head']")


@pytest.mark.parametrize("exercise_id", IDS)
def test_limb_lengths_never_change_between_poses(exercise_id: str) -> None:
    for placed in frames(LIBRARY.get(exercise_id)):
        for name, key, a, b in segments():
            got = math.dist(placed.body.points[a], placed.body.points[b])
            assert got == pytest.approx(LENGTHS[key], abs=1e-6), name


@pytest.mark.parametrize("exercise_id", IDS)
def test_no_joint_goes_beyond_its_limits(exercise_id: str) -> None:
    for placed in frames(LIBRARY.get(exercise_id)):
        assert joint_limits_ok(placed.angles) == []
        bends = [v for k, v in placed.angles.items() if k.endswith(("_knee", "_elbow"))]
        assert min(bends) >= 0, "a knee or elbow bends backwards"


@pytest.mark.parametrize("exercise_id", IDS)
def test_figure_position_matches_the_exercise(exercise_id: str) -> None:
    e = LIBRARY.get(exercise_id)
    first = start(e)
    assert e.figure is not None
    props = e.figure.props if e.figure.props is not None else e.equipment
    if e.position == "supine":
        assert trunk_lies_flat(first, 30), "supine: trunk flat on the floor"
        assert first.body.points["head"][1] < first.body.points["neck_top"][1] + 12
    elif e.position == "prone":
        assert trunk_lies_flat(first, 20), "prone: trunk flat on the floor"
    elif e.position == "side_lying":
        lower = tilt_from_vertical(first, "pelvis", "mid_back")
        assert abs(lower - 90) <= 35, "side-lying: trunk along the floor"
        resting = [("left_hip", "thigh"), ("left_shoulder", "upper_arm"), ("left_elbow", "forearm")]
        assert any(touches_floor(first, p, r) for p, r in resting), "lying on the lower side"
    elif e.position == "seated":
        assert "chair" in props
        for placed in frames(e):
            hips = placed.body.points["pelvis"][1] - RADII["hips"]
            assert hips == pytest.approx(SEAT_TOP, abs=0.01), "seated: hips on the chair seat"
    elif e.position == "all_fours":
        for point, radius in (("hand", "forearm"), ("knee", "shin")):
            for side in ("left", "right"):
                assert touches_floor(first, f"{side}_{point}", radius), f"{side} {point} down"
    elif e.position == "kneeling":
        assert any(touches_floor(first, f"{s}_knee", "shin") for s in ("left", "right"))
    elif e.position == "floor_sitting":
        for placed in frames(e):
            assert touches_floor(placed, "pelvis", "hips"), "sitting on the floor: hips down"
            for side in ("left", "right"):
                assert touches_floor(placed, f"{side}_ankle", "shin"), "legs long on the floor"
    elif e.position in ("standing", "wall"):
        assert foot_down(first, "left") and foot_down(first, "right")
        assert tilt_from_vertical(first, "pelvis", "mid_back") < 30, "standing: trunk upright"
        for placed in frames(e):
            assert foot_down(placed, "left") or foot_down(placed, "right"), "never floats"
        if e.position == "wall":
            assert "wall" in props


@pytest.mark.parametrize("exercise_id", [e.id for e in EXERCISES if e.bilateral])
def test_bilateral_animation_mirrors_one_drawing(exercise_id: str) -> None:
    root = ET.fromstring(render_figure(LIBRARY.get(exercise_id), animated=True))
    flips = [
        a
        for a in root.iter(f"{SVG}animateTransform")
        if a.get("type") == "scale" and "-1 1" in (a.get("values") or "")
    ]
    assert len(flips) == 1
    assert len(root.findall(f".//{SVG}circle[@class='part head']")) == 1
