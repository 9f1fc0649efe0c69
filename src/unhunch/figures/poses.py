"""Named base poses and the pose data model: a full set of joint angles for one moment.

A pose is a flat mapping from every joint name ("trunk", "left_knee", …) to degrees. A base pose
also says how the body meets the ground: resting on its lowest points, or sitting on a chair
seat; which limbs stay planted (feet flat, hands on the floor) while the rest moves; and which
body point stays put between keyframes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from unhunch.core.figure_spec import (
    AXIAL_JOINTS,
    LIMB_JOINTS,
    SIDES,
    Anchor,
    BasePose,
    FigureSpec,
    Keyframe,
)

Angles = dict[str, float]
Ground = Literal["lowest", "seat"]
Limb = Literal["feet", "hands"]
Plant = tuple[str, Limb]  # ("left", "feet")


def neutral() -> Angles:
    """Standing tall, arms hanging, every joint at zero."""
    out = {name: 0.0 for name in AXIAL_JOINTS}
    out.update({f"{side}_{name}": 0.0 for side in SIDES for name in LIMB_JOINTS})
    return out


def both(**angles: float) -> Angles:
    """Expand limb angles to both sides: both(knee=90) -> left_knee and right_knee."""
    out: Angles = {}
    for name, value in angles.items():
        if name in LIMB_JOINTS:
            out.update({f"{side}_{name}": value for side in SIDES})
        else:
            out[name] = value
    return out


@dataclass(frozen=True)
class BaseDef:
    angles: Angles
    ground: Ground = "lowest"
    anchor: Anchor = "pelvis"
    plant: tuple[Plant, ...] = ()
    # Limbs that keep their direction in the room when the trunk tilts (hands and knees
    # stay on the floor in cat-cow) unless a keyframe sets them.
    lock: tuple[Limb, ...] = ()


def _pose(
    ground: Ground = "lowest",
    anchor: Anchor = "pelvis",
    plant: tuple[str, ...] = (),
    lock: tuple[Limb, ...] = ("feet",),
    **angles: float,
) -> BaseDef:
    """A base pose; plant names "feet"/"hands" for both sides or "left_feet" for one."""
    full = neutral()
    full.update(both(**angles))
    plants: list[Plant] = []
    for item in plant:
        sides = SIDES if item in ("feet", "hands") else (item.split("_", 1)[0],)
        limb: Limb = "feet" if item.endswith("feet") else "hands"
        plants += [(side, limb) for side in sides]
    return BaseDef(full, ground, anchor, tuple(plants), lock)


# Values read in the side view: trunk 90 = face down, -90 = on the back.
FLOOR_LOCK: tuple[Limb, ...] = ("feet", "hands")

BASE_POSES: dict[BasePose, BaseDef] = {
    "standing": _pose(anchor="feet", shoulder=4, elbow=12, ankle=0),
    "seated": _pose(ground="seat", plant=("feet",), hip=90, knee=90, shoulder=12, elbow=62),
    "supine": _pose(
        anchor="shoulders", lock=FLOOR_LOCK, trunk=-90, shoulder=6, elbow=8, ankle=-10,
    ),
    "supine_knees_bent": _pose(
        anchor="shoulders", plant=("feet",), lock=FLOOR_LOCK, trunk=-90, hip=50, knee=100,
        ankle=40, shoulder=8, elbow=8,
    ),
    "prone": _pose(
        plant=("hands",), lock=FLOOR_LOCK, trunk=90, neck=-8, shoulder=-22, elbow=148, ankle=60,
    ),
    "prone_forearms": _pose(
        plant=("hands",), lock=FLOOR_LOCK, trunk=78, lumbar=-34, neck=-10, head=-6,
        shoulder=38, elbow=92, hip=-12, ankle=60,
    ),
    # The arms are longer than the thighs, so on hands and knees the back slopes up a little
    # towards the shoulders; level, the arms would have to fold to reach the floor.
    "all_fours": _pose(
        anchor="knees", plant=("hands",), lock=FLOOR_LOCK, trunk=75, neck=-20, shoulder=75,
        elbow=2, hip=75, knee=96, ankle=60,
    ),
    "kneeling": _pose(anchor="knees", hip=2, knee=96, ankle=60, shoulder=4, elbow=10),
    "half_kneeling": _pose(
        anchor="knees", plant=("right_feet",), right_hip=88, right_knee=88, right_ankle=0,
        left_hip=-4, left_knee=92, left_ankle=55, shoulder=8, elbow=60,
    ),
    "child": _pose(
        anchor="knees", trunk=90, lumbar=20, neck=-25, hip=155, knee=160, ankle=60,
        shoulder=30, elbow=0,
    ),
    "side_lying": _pose(anchor="pelvis", roll=90, hip=55, knee=95, ankle=10, shoulder=88, elbow=4),
    # Sitting on the floor, legs straight out in front; folding forward keeps the legs down.
    "long_sitting": _pose(hip=90, knee=4, ankle=-10, shoulder=20, elbow=10),
}  # fmt: skip


def resolve(base: BasePose, keyframe: Keyframe) -> Angles:
    """Every joint's angle for a keyframe: its base pose, then both-sides, then one-side values.

    Locked limbs the keyframe does not set turn back by as much as the trunk tilts, so they
    keep pointing the same way in the room.
    """
    start = BASE_POSES[keyframe.pose or base].angles
    angles = dict(start)
    given = keyframe.angles
    for name, value in given.items():
        if name in LIMB_JOINTS:
            angles.update({f"{side}_{name}": value for side in SIDES})
        elif name in AXIAL_JOINTS:
            angles[name] = value
    for name, value in given.items():
        if name not in LIMB_JOINTS and name not in AXIAL_JOINTS:
            angles[name] = value
    lock = BASE_POSES[base].lock
    tilt = angles["trunk"] - start["trunk"]
    upper_tilt = tilt + angles["lumbar"] - start["lumbar"]
    for side in SIDES:
        if "feet" in lock and "hip" not in given and f"{side}_hip" not in given:
            angles[f"{side}_hip"] += tilt
        if "hands" in lock and "shoulder" not in given and f"{side}_shoulder" not in given:
            angles[f"{side}_shoulder"] += upper_tilt
    return angles


def keyframe_angles(spec: FigureSpec) -> list[Angles]:
    return [resolve(spec.base, k) for k in spec.keyframes]


def blend(a: Angles, b: Angles, t: float) -> Angles:
    """Angles part-way from a to b (t from 0 to 1)."""
    return {k: a[k] + (b[k] - a[k]) * t for k in a}
