"""Put posed skeletons into the room: on the floor or the chair seat, planted limbs kept still.

The first keyframe fixes where things are (the anchor point, where planted hands and feet rest);
every later keyframe and every animation frame is placed against that, so a bridge lifts the
hips while the feet and shoulders stay where they were.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from unhunch.core.figure_spec import FigureSpec
from unhunch.figures.poses import BASE_POSES, Angles, BaseDef, Limb, keyframe_angles
from unhunch.figures.skeleton import (
    HEAD_RADIUS,
    LENGTHS,
    RADII,
    Body,
    Vec,
    arm_base,
    clamp_to_limits,
    leg_base,
    limb_local,
    mul,
    pose_body,
    rot_x,
    segments,
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


def reach(angles: Angles, body: Body, side: str, limb: Limb, target: Vec) -> Angles:
    """Bend the limb so its end rests on target (knees and elbows only bend forwards)."""
    out = dict(angles)
    if limb == "feet":
        frame = leg_base(angles, side)
        local = limb_local(frame, body.points[f"{side}_hip"], target)
        lift, bend = _two_link(local, LENGTHS["thigh"], LENGTHS["shin"], +1.0)
        out[f"{side}_hip"], out[f"{side}_knee"] = lift, bend
        out = clamp_to_limits(out)
        out[f"{side}_ankle"] = flat_foot(out, side)
    else:
        frame = arm_base(angles, side)
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
    thigh = mul(leg_base(angles, side), rot_x(-angles[f"{side}_hip"]))
    shin = mul(thigh, rot_x(angles[f"{side}_knee"]))
    # foot direction in world = shin · (0, -sin a, cos a); make its height zero.
    a = math.degrees(math.atan2(shin[1][2], shin[1][1]))
    a = (a + 90.0) % 180.0 - 90.0
    return min(60.0, max(-30.0, a))


def place(angles: Angles, stage: Stage) -> Placed:
    """Rest the posed body on the floor (or seat), keep the anchor, plant hands and feet."""
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
        if tip[1] > NEAR_FLOOR:
            continue  # lifted clear of the floor in this pose: it moves freely
        spot = (tip[0], RADII[radius_key], tip[2])
        key = f"{side}_{limb}"
        earlier = stage.targets.get(key)
        if (
            earlier is not None
            and math.dist((earlier[0], earlier[2]), (tip[0], tip[2])) < SAME_SPOT
        ):
            spot = earlier
        else:
            stage.targets.setdefault(key, spot)
        angles = reach(angles, body, side, limb, spot)
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
        base = BaseDef(base.angles, base.ground, spec.anchor, base.plant)
    return Stage(base)


def place_keyframes(spec: FigureSpec) -> tuple[Stage, list[Placed]]:
    """Every keyframe placed in the room; the stage comes back for animation frames."""
    stage = stage_for(spec)
    return stage, [place(a, stage) for a in keyframe_angles(spec)]
