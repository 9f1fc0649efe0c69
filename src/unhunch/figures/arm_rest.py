"""A hand laid on the body while lying on the back: the elbow rests on the floor beside it.

The ordinary arm reach bends the elbow in whatever plane holds the target, so a hand on the
belly of someone lying down put the elbow under the floor (or lifted it in the air). Here the
elbow is placed first: of all the spots the upper arm and forearm can join at, the one nearest
a point beside the waist on the floor; the joint angles are then read back from the two bones.
"""

from __future__ import annotations

import math

from unhunch.figures.poses import Angles
from unhunch.figures.skeleton import (
    LENGTHS,
    RADII,
    Body,
    Vec,
    add,
    apply,
    clamp_to_limits,
    mul,
    rot_x,
    rot_z,
    scale,
    sub,
    transpose,
    upper_frame,
)


def _unit(v: Vec) -> Vec:
    n = math.hypot(*v) or 1.0
    return scale(v, 1.0 / n)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def elbow_spot(shoulder: Vec, hand: Vec, pole: Vec) -> Vec:
    """Where the elbow goes: upper arm and forearm lengths kept, as near the pole as they allow."""
    upper, lower = LENGTHS["upper_arm"], LENGTHS["forearm"]
    axis = sub(hand, shoulder)
    d = min(max(math.hypot(*axis), abs(upper - lower) + 1e-3), upper + lower - 1e-3)
    u = _unit(axis)
    along = (upper * upper - lower * lower + d * d) / (2 * d)
    radius = math.sqrt(max(0.0, upper * upper - along * along))
    centre = add(shoulder, scale(u, along))
    to_pole = sub(pole, centre)
    off = sub(to_pole, scale(u, _dot(to_pole, u)))
    return add(centre, scale(_unit(off), radius))


def rest_elbow_reach(angles: Angles, body: Body, side: str, target: Vec) -> Angles:
    """Arm angles that put the hand on target with the elbow down on the floor beside the body."""
    sign = 1.0 if side == "left" else -1.0
    frame = upper_frame(angles)
    shoulder = body.points[f"{side}_shoulder"]
    # Beside the waist, a hand's width out, down at the floor (behind the back when lying).
    pole = add(shoulder, apply(frame, (sign * 12.0, -LENGTHS["upper_arm"], -30.0)))
    pole = (pole[0], RADII["upper_arm"] + 2.0, pole[2])  # at rest on the floor, not under it
    elbow = elbow_spot(shoulder, target, pole)
    back = transpose(frame)
    d1 = _unit(apply(back, sub(elbow, shoulder)))  # upper arm, in the trunk's frame
    d2 = _unit(apply(back, sub(target, elbow)))  # forearm
    lift = math.degrees(math.asin(max(-1.0, min(1.0, d1[2]))))
    swing = math.degrees(math.atan2(d1[0], -d1[1]))
    bend = math.degrees(math.acos(max(-1.0, min(1.0, _dot(d1, d2)))))
    # The way the forearm folds, seen in the arm's frame before it turns on its own axis.
    fold = sub(d2, scale(d1, _dot(d1, d2)))
    arm = transpose(mul(rot_z(swing), rot_x(-lift)))
    local = apply(arm, fold)
    turn = math.degrees(math.atan2(local[0], local[2]))
    out = dict(angles)
    out[f"{side}_arm_out"] = sign * swing
    out[f"{side}_shoulder"] = lift
    out[f"{side}_arm_turn"] = sign * turn
    out[f"{side}_elbow"] = bend
    return clamp_to_limits(out)
