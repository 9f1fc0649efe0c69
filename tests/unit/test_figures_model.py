"""The figure model: key poses validate, the skeleton keeps its shape, IK and mirroring work."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest
from pydantic import ValidationError

from unhunch.content import load_library
from unhunch.core.errors import InputError
from unhunch.core.figure_spec import FigureSpec, Keyframe
from unhunch.figures import render_figure
from unhunch.figures.poses import BASE_POSES, resolve
from unhunch.figures.props import nearness, screen
from unhunch.figures.scene import place_keyframes
from unhunch.figures.skeleton import RADII, two_link

SVG = "{http://www.w3.org/2000/svg}"


def test_a_knee_bent_backwards_is_refused_with_the_joint_named() -> None:
    with pytest.raises(ValidationError) as err:
        Keyframe.model_validate({"left_knee": -10})
    assert "left_knee = -10" in str(err.value)
    assert "never bends backwards" in str(err.value)


def test_an_unknown_joint_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        FigureSpec.model_validate({"base": "seated", "keyframes": [{"kneee": 10}]})
    assert "kneee" in str(err.value)


def test_toml_keyframes_are_flat_and_unprefixed_joints_set_both_sides() -> None:
    frame = Keyframe.model_validate({"pose": "seated", "knee": 45, "left_knee": 100})
    angles = resolve("standing", frame)
    assert angles["left_knee"] == 100
    assert angles["right_knee"] == 45
    assert angles["left_hip"] == BASE_POSES["seated"].angles["left_hip"]


def test_standing_base_is_upright_with_both_feet_on_the_floor() -> None:
    _, (placed,) = place_keyframes(FigureSpec(base="standing", keyframes=[Keyframe()]))
    p = placed.body.points
    assert p["neck_base"][1] > p["pelvis"][1] + 50
    assert abs(p["neck_base"][2] - p["pelvis"][2]) < 1
    assert p["left_ankle"][1] == pytest.approx(p["right_ankle"][1])
    assert min(p["left_toe"][1], p["left_ankle"][1]) <= 6


def test_floor_limbs_keep_their_place_when_the_back_rounds() -> None:
    cat = Keyframe(angles={"trunk": 72, "lumbar": 40})
    spec = FigureSpec(base="all_fours", keyframes=[Keyframe(), cat])
    _, (flat, round_) = place_keyframes(spec)
    for point in ("left_hand", "right_hand", "left_knee"):
        assert math.dist(flat.body.points[point], round_.body.points[point]) < 4.0
    assert round_.body.points["mid_back"][1] > flat.body.points["mid_back"][1]


def test_bridge_lifts_the_hips_and_leaves_the_feet_where_they_were() -> None:
    spec = FigureSpec(
        base="supine_knees_bent", keyframes=[Keyframe(), Keyframe(angles={"trunk": -117})]
    )
    _, (down, up) = place_keyframes(spec)
    assert up.body.points["pelvis"][1] > down.body.points["pelvis"][1] + 15
    assert math.dist(up.body.points["left_ankle"], down.body.points["left_ankle"]) < 1.0


def test_two_link_reach_lands_on_the_target() -> None:
    upper, lower = 44.0, 42.0
    target = (0.0, -60.0, 25.0)
    lift, bend = two_link(target, upper, lower, +1.0)
    assert bend > 0
    y = -upper * math.cos(math.radians(lift)) - lower * math.cos(math.radians(lift - bend))
    z = upper * math.sin(math.radians(lift)) + lower * math.sin(math.radians(lift - bend))
    assert (y, z) == pytest.approx((target[1], target[2]), abs=1e-6)


def test_right_side_still_is_the_left_drawing_flipped() -> None:
    twist = load_library().get("seated_spinal_twist")
    left = ET.fromstring(render_figure(twist, side="left"))
    right = ET.fromstring(render_figure(twist, side="right"))
    mirror = right.find(f"{SVG}g[@class='mirror']")
    assert mirror is not None and "scale(-1 1)" in (mirror.get("transform") or "")
    parts = [e.get("class") for e in left.iter() if (e.get("class") or "").startswith("part")]
    parts_right = [
        e.get("class") for e in mirror.iter() if (e.get("class") or "").startswith("part")
    ]
    assert parts == parts_right


def test_animation_follows_the_rep_tempo_and_holds_follow_the_breath() -> None:
    library = load_library()
    tucks = library.get("chin_tucks")  # 5 seconds a rep
    root = ET.fromstring(render_figure(tucks, animated=True))
    durations = {a.get("dur") for a in root.iter(f"{SVG}animate")}
    assert durations == {f"{tucks.rep_seconds}s"}
    hold = library.get("childs_pose")
    root = ET.fromstring(render_figure(hold, animated=True))
    assert root.find(f".//{SVG}circle[@class='breath']") is not None
    # half a breath in, two breaths held, half a breath out, a short rest
    assert {a.get("dur") for a in root.iter(f"{SVG}animate") if a.get("attributeName") == "d"} == {
        "19.5s"
    }


def test_still_picture_shows_the_start_as_a_ghost_and_an_arrow() -> None:
    root = ET.fromstring(render_figure(load_library().get("cobra")))
    assert root.find(f".//{SVG}g[@class='ghost']") is not None
    assert root.find(f".//{SVG}g[@class='arrow']") is not None
    assert root.find(f".//{SVG}path[@class='glow lower_trunk']") is not None


def test_unknown_side_is_an_input_error() -> None:
    with pytest.raises(InputError) as err:
        render_figure(load_library().get("chin_tucks"), side="middle")
    assert "left, right" in str(err.value)


def test_exercise_without_a_figure_gets_an_honest_placeholder() -> None:
    bare = load_library().get("chin_tucks").model_copy(update={"figure": None})
    root = ET.fromstring(render_figure(bare))
    title = root.find(f"{SVG}title")
    assert title is not None and "no picture yet" in (title.text or "")


def _seated(**angles: float) -> dict[str, tuple[float, float, float]]:
    spec = FigureSpec(base="seated", keyframes=[Keyframe(angles=angles)])  # type: ignore[arg-type]
    return place_keyframes(spec)[1][0].body.points


def test_leg_open_drops_a_bent_knee_out_to_the_side() -> None:
    sitting = _seated(left_hip=100)
    opened = _seated(left_hip=100, left_leg_open=40)
    assert opened["left_knee"][0] > sitting["left_knee"][0] + 20  # +x is the figure's left
    assert math.dist(opened["left_hip"], opened["left_knee"]) == pytest.approx(44.0)


def test_leg_turn_swings_a_bent_knees_foot_across_onto_the_other_knee() -> None:
    crossed = _seated(left_hip=115, left_leg_open=40, left_leg_turn=90, left_knee=120)
    ankle, other_knee = crossed["left_ankle"], crossed["right_knee"]
    assert ankle[0] < 0 < crossed["left_knee"][0], "the foot crosses the middle line"
    assert math.dist(ankle, other_knee) < 16, "the ankle rests on the other knee"
    assert ankle[1] > other_knee[1], "on top of it, not through it"


def test_a_planted_foot_faces_forward_even_when_the_thigh_is_turned() -> None:
    _, (placed,) = place_keyframes(
        FigureSpec(base="seated", keyframes=[Keyframe(angles={"left_leg_turn": 30})])
    )
    assert placed.angles["left_leg_turn"] == 0
    assert placed.body.points["left_ankle"][1] == pytest.approx(RADII["foot"], abs=0.5)


def test_angled_view_sees_the_right_side_nearer_and_the_front_to_the_right() -> None:
    assert screen((0.0, 0.0, 10.0), "angled")[0] > 0, "the figure still faces right"
    assert nearness((-10.0, 0.0, 0.0), "angled") > nearness((10.0, 0.0, 0.0), "angled")
    assert screen((0.0, 50.0, 0.0), "angled")[1] == -50.0, "heights are not foreshortened"


def test_a_held_pose_labels_its_breath_circle() -> None:
    root = ET.fromstring(render_figure(load_library().get("childs_pose"), animated=True))
    words = ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]
    assert words == ["breathe in", "breathe out"]


def test_a_chin_tuck_too_small_to_trace_still_gets_a_short_arrow_at_the_face() -> None:
    for exercise_id in ("chin_tucks", "lying_chin_tucks"):
        root = ET.fromstring(render_figure(load_library().get(exercise_id)))
        assert root.find(f".//{SVG}g[@class='arrow nudge']") is not None, exercise_id


def test_the_supporting_hand_stays_put_while_the_other_arm_threads_under() -> None:
    spec = load_library().get("thread_the_needle").figure
    assert spec is not None
    _, (start, threaded) = place_keyframes(spec)
    hand = "right_hand"
    assert math.dist(start.body.points[hand], threaded.body.points[hand]) < 4.0
    assert threaded.body.points["left_hand"][0] < threaded.body.points["right_hand"][0]
