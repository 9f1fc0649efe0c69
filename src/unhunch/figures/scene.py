"""Put posed skeletons into the room: on the floor or the chair seat, planted limbs kept still.

The first keyframe fixes where things are (the anchor point, where planted hands and feet rest);
every later keyframe and every animation frame is placed against that, so a bridge lifts the
hips while the feet and shoulders stay where they were.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from unhunch.core.figure_spec import FigureSpec, HandTarget
from unhunch.figures.arm_rest import rest_elbow_reach
from unhunch.figures.poses import BASE_POSES, Angles, BaseDef, Limb, keyframe_angles
from unhunch.figures.skeleton import (
    HEAD_RADIUS,
    LENGTHS,
    RADII,
    Body,
    Mat,
    Vec,
    add,
    apply,
    arm_base,
    clamp_to_limits,
    leg_base,
    limb_local,
    mul,
    pelvis_frame,
    pose_body,
    rot_x,
    segments,
    thigh_frame,
    upper_frame,
)

SEAT_TOP = 38.0  # chair seat height
NEAR_FLOOR = 26.0  # a planted hand or foot this close to the floor is put on it
SAME_SPOT = 16.0  # ...and kept on its earlier spot when it has not moved further than this

LIMB_JOINTS: dict[Limb, tuple[str, str, str]] = {
    # limb: (root joint point, end point, segment radius at the end)
    "feet": ("hip", "ankle", "foot"),
    "hands": ("shoulder", "hand", "forearm"),
}


@dataclass
class Stage:
    """What the first keyframe fixed: anchor position and the resting spots of planted limbs."""

    base: BaseDef
    anchor_xz: tuple[float, float] | None = None
    targets: dict[str, Vec] = field(default_factory=dict)  # "left_feet" -> spot


@dataclass(frozen=True)
class Placed:
    body: Body
    angles: Angles
    planted: frozenset[str]  # e.g. {"left_feet", "right_hands"}


def anchor_point(body: Body, anchor: str) -> Vec:
    p = body.points
    names = {
        "pelvis": ["pelvis"],
        "shoulders": ["neck_base"],
        "feet": ["left_ankle", "right_ankle"],
        "knees": ["left_knee", "right_knee"],
        "hands": ["left_hand", "right_hand"],
    }[anchor]
    xs = [p[n] for n in names]
    # Of paired points, only those down on the floor hold still (the standing foot).
    low = min(v[1] for v in xs)
    xs = [v for v in xs if v[1] < low + 8]
    return (
        sum(v[0] for v in xs) / len(xs),
        sum(v[1] for v in xs) / len(xs),
        sum(v[2] for v in xs) / len(xs),
    )


def lowest(body: Body, skip: set[str]) -> float:
    """The lowest point of the drawn body (bones have thickness), ignoring skipped segments."""
    low = body.points["head"][1] - HEAD_RADIUS
    for name, key, a, b in segments():
        if name in skip:
            continue
        r = RADII[key]
        low = min(low, body.points[a][1] - r, body.points[b][1] - r)
    low = min(low, body.points["pelvis"][1] - RADII["hips"])
    return low


def limb_segments(side: str, limb: Limb) -> set[str]:
    if limb == "feet":
        return {f"{side}_thigh", f"{side}_shin", f"{side}_foot"}
    return {f"{side}_upper_arm", f"{side}_forearm"}


def reach(
    angles: Angles, body: Body, side: str, limb: Limb, target: Vec, sideways: bool = False
) -> Angles:
    """Bend the limb so its end rests on target (knees and elbows only bend forwards)."""
    out = dict(angles)
    if limb == "feet":
        frame = leg_base(angles, side)
        local = limb_local(frame, body.points[f"{side}_hip"], target)
        lift, bend = _two_link(local, LENGTHS["thigh"], LENGTHS["shin"], +1.0)
        # The reach works in the leg's forward plane, so a planted foot faces forward.
        out[f"{side}_hip"], out[f"{side}_knee"], out[f"{side}_leg_turn"] = lift, bend, 0.0
        out = clamp_to_limits(out)
        if angles[f"{side}_ankle"] > -10:  # toes pulled up means heel down: keep it
            out[f"{side}_ankle"] = flat_foot(out, side)
    else:
        if sideways:
            # Swing the arm's plane (out to the side or across) so it contains the target.
            local = limb_local(upper_frame(angles), body.points[f"{side}_shoulder"], target)
            swing = math.degrees(math.atan2(local[0], -local[1]))
            if abs(swing) > 90:
                swing -= math.copysign(180.0, swing)
            out[f"{side}_arm_out"] = swing if side == "left" else -swing
            out[f"{side}_arm_turn"] = 0.0
            out = clamp_to_limits(out)
        frame = arm_base(out, side)
        local = limb_local(frame, body.points[f"{side}_shoulder"], target)
        lift, bend = _two_link(local, LENGTHS["upper_arm"], LENGTHS["forearm"], -1.0)
        out[f"{side}_shoulder"], out[f"{side}_elbow"] = lift, bend
        out = clamp_to_limits(out)
    return out


def _two_link(local: Vec, upper: float, lower: float, sign: float) -> tuple[float, float]:
    from unhunch.figures.skeleton import two_link

    lift, bend = two_link(local, upper, lower, sign)
    # Keep the lift in (-180, 180] so limits read naturally.
    lift = (lift + 180.0) % 360.0 - 180.0
    return lift, bend


def flat_foot(angles: Angles, side: str) -> float:
    """The ankle angle that lays the foot flat on the floor (toes forward of the ankle)."""
    thigh = thigh_frame(angles, side)
    shin = mul(thigh, rot_x(angles[f"{side}_knee"]))
    # foot direction in world = shin · (0, -sin a, cos a); make its height zero.
    a = math.degrees(math.atan2(shin[1][2], shin[1][1]))
    a = (a + 90.0) % 180.0 - 90.0
    return min(60.0, max(-30.0, a))


def place(angles: Angles, stage: Stage, moved: frozenset[str] = frozenset()) -> Placed:
    """Rest the posed body on the floor (or seat), keep the anchor, plant hands and feet.

    A planted limb the keyframe does not move stays on its spot; one it moves (named in
    `moved`, e.g. "left_feet") is put on the floor only when it comes down near it.
    """
    base = stage.base
    body = pose_body(angles)
    planted_limbs = list(base.plant)
    skip: set[str] = set()
    for side, limb in planted_limbs:
        skip |= limb_segments(side, limb)
    if base.ground == "seat":
        dy = SEAT_TOP + RADII["hips"] - body.points["pelvis"][1]
    else:
        dy = -lowest(body, skip)
    body = body.moved((0.0, dy, 0.0))
    here = anchor_point(body, base.anchor)
    if stage.anchor_xz is None:
        stage.anchor_xz = (here[0], here[2])
    body = body.moved((stage.anchor_xz[0] - here[0], 0.0, stage.anchor_xz[1] - here[2]))
    root = body.points["pelvis"]

    planted: set[str] = set()
    for side, limb in planted_limbs:
        _start, end, radius_key = LIMB_JOINTS[limb]
        tip = body.points[f"{side}_{end}"]
        if f"{side}_{limb}" in moved and tip[1] > NEAR_FLOOR:
            continue  # lifted clear of the floor in this pose: it moves freely
        spot = (tip[0], RADII[radius_key], tip[2])
        key = f"{side}_{limb}"
        earlier = stage.targets.get(key)
        near = math.dist((earlier[0], earlier[2]), (tip[0], tip[2])) if earlier else 0.0
        # A limb this keyframe does not move stays on its spot however the trunk turns (the
        # supporting hand in thread the needle); one it moves may settle on a new spot.
        if earlier is not None and (key not in moved or near < SAME_SPOT):
            spot = earlier
        else:
            stage.targets.setdefault(key, spot)
        # Hands swing sideways too, so a twisted trunk still reaches its planted hand.
        angles = reach(angles, body, side, limb, spot, sideways=limb == "hands")
        body = pose_body(angles, root)
        planted.add(key)
    if not planted_limbs or base.ground == "seat":
        return Placed(body, angles, frozenset(planted))
    # Planted limbs may now sit lower than the rest: settle the whole body again.
    drop = lowest(body, set())
    if drop < -0.5:
        body = body.moved((0.0, -drop, 0.0))
    return Placed(body, angles, frozenset(planted))


def stage_for(spec: FigureSpec) -> Stage:
    base = BASE_POSES[spec.base]
    if spec.anchor is not None:
        base = BaseDef(base.angles, base.ground, spec.anchor, base.plant, base.lock)
    return Stage(base)


def _mid(a: Vec, b: Vec, t: float = 0.5) -> Vec:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def hand_spot(angles: Angles, body: Body, side: str, target: HandTarget) -> Vec:
    """Where a hand rests for a named target, in the room."""
    p = body.points
    sign = 1.0 if side == "left" else -1.0
    other = "right" if side == "left" else "left"
    pelvis, upper = pelvis_frame(angles), upper_frame(angles)

    def near(point: Vec, frame: Mat, offset: Vec) -> Vec:
        return add(point, apply(frame, offset))

    own_thigh = thigh_frame(angles, side)
    spots: dict[str, Callable[[], Vec]] = {
        "knees": lambda: p[f"{side}_knee"],
        "left_knee": lambda: near(p["left_knee"], pelvis, (sign * 5, 0, 0)),
        "right_knee": lambda: near(p["right_knee"], pelvis, (sign * 5, 0, 0)),
        "shins": lambda: _mid(p[f"{side}_knee"], p[f"{side}_ankle"], 0.3),
        "left_shin": lambda: near(
            _mid(p["left_knee"], p["left_ankle"], 0.3), pelvis, (sign * 5, 0, 0)
        ),
        "thighs": lambda: near(
            _mid(p[f"{side}_hip"], p[f"{side}_knee"], 0.6), own_thigh, (0, 0, 7)
        ),
        "left_thigh": lambda: near(
            _mid(p["left_hip"], p["left_knee"], 0.75), pelvis, (sign * 6, 0, 0)
        ),
        "right_thigh": lambda: near(
            _mid(p["right_hip"], p["right_knee"], 0.75), pelvis, (sign * 6, 0, 0)
        ),
        "feet": lambda: _mid(p[f"{side}_ankle"], p[f"{side}_toe"]),
        "left_foot": lambda: _mid(p["left_ankle"], p["left_toe"]),
        "head": lambda: add(p["head"], apply(body.head_frame, (sign * 7, 0, -12))),
        "forehead": lambda: add(p["head"], apply(body.head_frame, (sign * 3, 3, 13))),
        "hips": lambda: near(p[f"{side}_hip"], pelvis, (sign * 9, 6, 0)),
        "low_back": lambda: near(p["pelvis"], pelvis, (sign * 7, 12, -13)),
        "chest": lambda: near(p["neck_base"], upper, (sign * 3, -12, 12)),
        "lap": lambda: near(_mid(p[f"{side}_hip"], p[f"{side}_knee"], 0.4), own_thigh, (0, 0, 7)),
        "across": lambda: (
            p[f"{other}_hand"][0] - sign * 38,
            RADII["forearm"],
            p[f"{other}_hand"][2] - 4,
        ),
        "belly": lambda: near(p["pelvis"], pelvis, (sign * 4, 13, 13)),
        "seat": lambda: (p[f"{side}_hip"][0] + sign * 10, SEAT_TOP + 3, p[f"{side}_hip"][2]),
    }
    return spots[target]()


ON_THE_FRONT = ("belly", "chest")


def with_hands(spec: FigureSpec) -> list[Angles]:
    """Keyframe angles with arms worked out for keyframes that say where the hands go."""
    out = []
    for keyframe, angles in zip(spec.keyframes, keyframe_angles(spec), strict=True):
        wanted = {
            side: getattr(keyframe, f"{side}_hand") or keyframe.hands for side in ("left", "right")
        }
        if any(wanted.values()):
            body = place(angles, stage_for(spec)).body
            for side, target in wanted.items():
                if target is not None:
                    spot = hand_spot(angles, body, side, target)
                    if angles["trunk"] < -60 and target in ON_THE_FRONT:
                        # Lying on the back: the elbow rests on the floor beside the body.
                        angles = rest_elbow_reach(angles, body, side, spot)
                    else:
                        angles = reach(angles, body, side, "hands", spot, sideways=True)
        out.append(angles)
    return out


LIMB_ANGLES: dict[Limb, tuple[str, ...]] = {
    "feet": ("hip", "leg_out", "leg_open", "leg_turn", "knee", "ankle"),
    "hands": ("shoulder", "arm_out", "arm_turn", "elbow"),
}


def moved_limbs(spec: FigureSpec) -> list[frozenset[str]]:
    """Per keyframe, the limbs it moves itself (by angle, hand target or another base pose)."""
    out = []
    for k in spec.keyframes:
        moved = set()
        for side in ("left", "right"):
            for limb, names in LIMB_ANGLES.items():
                if k.pose not in (None, spec.base) or any(
                    n in k.angles or f"{side}_{n}" in k.angles for n in names
                ):
                    moved.add(f"{side}_{limb}")
            if k.hands or getattr(k, f"{side}_hand"):
                moved.add(f"{side}_hands")
        out.append(frozenset(moved))
    return out


def place_keyframes(spec: FigureSpec) -> tuple[Stage, list[Placed]]:
    """Every keyframe placed in the room; the stage comes back for animation frames."""
    stage = stage_for(spec)
    keys = with_hands(spec)
    return stage, [place(a, stage, m) for a, m in zip(keys, moved_limbs(spec), strict=True)]
