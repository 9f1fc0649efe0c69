"""The figure's skeleton: fixed segment lengths, joint limits and forward kinematics.

The skeleton is posed in 3D so one pose serves both views (the side view looks from the
figure's left, the front view from in front) and twists or side bends stay honest; the
drawing is an orthographic projection of it. World axes: x towards the figure's left,
y up, z forward (where the figure faces when standing). Units are roughly centimetres for a
175 cm person.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from unhunch.core.figure_spec import JOINT_LIMITS, SIDES, base_joint

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  # rows

# Segment lengths never change between poses (a test holds us to it).
LENGTHS: dict[str, float] = {
    "lower_trunk": 25.0,
    "upper_trunk": 27.0,
    "neck": 10.0,
    "upper_arm": 29.0,
    "forearm": 30.0,  # to the middle of the hand
    "thigh": 44.0,
    "shin": 42.0,
    "foot": 14.0,
}
HEAD_RADIUS = 11.0
HIP_HALF_WIDTH = 9.0
SHOULDER_HALF_WIDTH = 17.0
SHOULDER_DROP = 4.0  # shoulders sit a little below the base of the neck

# Drawn half-thickness of each segment; used to rest the body on the floor or the seat.
RADII: dict[str, float] = {
    "lower_trunk": 9.5,
    "upper_trunk": 10.0,
    "neck": 4.5,
    "upper_arm": 4.5,
    "forearm": 4.0,
    "thigh": 6.5,
    "shin": 5.0,
    "foot": 3.5,
    "hips": 8.0,
    "shoulders": 5.0,
}

# (name, from point, to point). Limb segments exist once per side.
AXIAL_SEGMENTS = (
    ("lower_trunk", "pelvis", "mid_back"),
    ("upper_trunk", "mid_back", "neck_base"),
    ("neck", "neck_base", "neck_top"),
)
LIMB_SEGMENTS = (
    ("upper_arm", "shoulder", "elbow"),
    ("forearm", "elbow", "hand"),
    ("thigh", "hip", "knee"),
    ("shin", "knee", "ankle"),
    ("foot", "ankle", "toe"),
)


def segments() -> list[tuple[str, str, str, str]]:
    """Every drawn bone as (segment name, length key, from point, to point)."""
    out = [(name, name, a, b) for name, a, b in AXIAL_SEGMENTS]
    for side in SIDES:
        out += [
            (f"{side}_{name}", name, f"{side}_{a}", f"{side}_{b}") for name, a, b in LIMB_SEGMENTS
        ]
    return out


def rot_x(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def rot_y(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rot_z(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def mul(a: Mat, b: Mat) -> Mat:
    cols = list(zip(*b, strict=True))
    return tuple(
        tuple(sum(x * y for x, y in zip(row, col, strict=True)) for col in cols) for row in a
    )  # type: ignore[return-value]


def apply(m: Mat, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def transpose(m: Mat) -> Mat:
    return tuple(zip(*m, strict=True))  # type: ignore[return-value]


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dist(a: Vec, b: Vec) -> float:
    return math.dist(a, b)


def chain(*ms: Mat) -> Mat:
    out = ms[0]
    for m in ms[1:]:
        out = mul(out, m)
    return out


@dataclass(frozen=True)
class Body:
    """Joint positions of one posed skeleton, plus the head's frame (for the face)."""

    points: dict[str, Vec]
    head_frame: Mat

    def moved(self, offset: Vec) -> Body:
        return Body({k: add(v, offset) for k, v in self.points.items()}, self.head_frame)


def clamp_to_limits(angles: dict[str, float]) -> dict[str, float]:
    """Keep every joint inside its range (inverse kinematics may ask for a little more)."""
    out = {}
    for name, value in angles.items():
        low, high = JOINT_LIMITS[base_joint(name)]
        out[name] = min(high, max(low, value))
    return out


def _side_sign(side: str) -> float:
    # Mirror image: sideways and turning angles flip sign on the right.
    return 1.0 if side == "left" else -1.0


def pelvis_frame(a: dict[str, float]) -> Mat:
    return mul(rot_z(-a["roll"]), rot_x(a["trunk"]))


def upper_frame(a: dict[str, float]) -> Mat:
    return chain(pelvis_frame(a), rot_x(a["lumbar"]), rot_z(-a["bend"]), rot_y(a["twist"]))


def arm_base(a: dict[str, float], side: str) -> Mat:
    """Frame of the shoulder before flexion: the trunk with the arm lifted out to the side."""
    sign = _side_sign(side)
    return mul(upper_frame(a), rot_z(sign * a[f"{side}_arm_out"]))


def leg_base(a: dict[str, float], side: str) -> Mat:
    """Frame of the hip before flexion: out to the side, then swung open about the long axis."""
    sign = _side_sign(side)
    return chain(
        pelvis_frame(a), rot_z(sign * a[f"{side}_leg_out"]), rot_y(sign * a[f"{side}_leg_open"])
    )


def thigh_frame(a: dict[str, float], side: str) -> Mat:
    """The thigh's frame: lifted forward, then turned outwards on its own axis (leg_turn)."""
    sign = _side_sign(side)
    return chain(leg_base(a, side), rot_x(-a[f"{side}_hip"]), rot_y(sign * a[f"{side}_leg_turn"]))


def pose_body(a: dict[str, float], root: Vec = (0.0, 0.0, 0.0)) -> Body:
    """Forward kinematics: joint angles (every joint named) to 3D points, pelvis at root."""
    up: Vec = (0.0, 1.0, 0.0)
    down: Vec = (0.0, -1.0, 0.0)
    p: dict[str, Vec] = {"pelvis": root}
    pelvis = pelvis_frame(a)
    p["mid_back"] = add(root, apply(pelvis, scale(up, LENGTHS["lower_trunk"])))
    upper = upper_frame(a)
    p["neck_base"] = add(p["mid_back"], apply(upper, scale(up, LENGTHS["upper_trunk"])))
    neck = chain(upper, rot_x(a["neck"]), rot_z(-a["neck_bend"]), rot_y(a["head_turn"]))
    p["neck_top"] = add(p["neck_base"], apply(neck, scale(up, LENGTHS["neck"])))
    head = mul(neck, rot_x(a["head"]))
    p["head"] = add(p["neck_top"], apply(head, (0.0, HEAD_RADIUS * 0.8, 1.5)))
    for side in SIDES:
        sign = _side_sign(side)
        girdle = chain(upper, rot_z(sign * a["shrug"]), rot_y(-sign * a["protract"]))
        shoulder = add(p["neck_base"], apply(girdle, (sign * SHOULDER_HALF_WIDTH, 0.0, 0.0)))
        shoulder = add(shoulder, apply(upper, (0.0, -SHOULDER_DROP, 0.0)))
        arm = chain(
            arm_base(a, side), rot_x(-a[f"{side}_shoulder"]), rot_y(sign * a[f"{side}_arm_turn"])
        )
        elbow = add(shoulder, apply(arm, scale(down, LENGTHS["upper_arm"])))
        fore = mul(arm, rot_x(-a[f"{side}_elbow"]))
        hand = add(elbow, apply(fore, scale(down, LENGTHS["forearm"])))
        hip = add(root, apply(pelvis, (sign * HIP_HALF_WIDTH, 0.0, 0.0)))
        thigh = thigh_frame(a, side)
        knee = add(hip, apply(thigh, scale(down, LENGTHS["thigh"])))
        shin = mul(thigh, rot_x(a[f"{side}_knee"]))
        ankle = add(knee, apply(shin, scale(down, LENGTHS["shin"])))
        foot = mul(shin, rot_x(a[f"{side}_ankle"]))
        toe = add(ankle, apply(foot, (0.0, 0.0, LENGTHS["foot"])))
        p.update(
            {
                f"{side}_shoulder": shoulder,
                f"{side}_elbow": elbow,
                f"{side}_hand": hand,
                f"{side}_hip": hip,
                f"{side}_knee": knee,
                f"{side}_ankle": ankle,
                f"{side}_toe": toe,
            }
        )
    return Body(p, head)


def two_link(
    local_target: Vec, upper: float, lower: float, bend_sign: float
) -> tuple[float, float]:
    """Planar two-bone reach in a limb's own frame (y down the limb at rest, z forward).

    Returns (lift, bend): the forward lift of the upper bone and the bend of the joint between,
    bend >= 0; bend_sign is +1 when the joint folds the lower bone backwards (the knee) and -1
    when it folds it forwards (the elbow). Out-of-reach targets get the straightest limb.
    """
    ty, tz = local_target[1], local_target[2]
    reach = math.hypot(ty, tz)
    reach = min(max(reach, abs(upper - lower) + 1e-6), upper + lower - 1e-6)
    cos_bend = (reach * reach - upper * upper - lower * lower) / (2 * upper * lower)
    bend = math.degrees(math.acos(max(-1.0, min(1.0, cos_bend))))
    aim = math.degrees(math.atan2(tz, -ty))  # direction of the target as a forward lift
    b = math.radians(bend)
    offset = math.degrees(math.atan2(lower * math.sin(b), upper + lower * math.cos(b)))
    return aim + bend_sign * offset, bend


def limb_local(frame: Mat, origin: Vec, target: Vec) -> Vec:
    return apply(transpose(frame), sub(target, origin))


def joint_limits_ok(angles: dict[str, float], slack: float = 0.5) -> list[str]:
    """Names of joints outside their limits (empty when the pose is possible)."""
    bad = []
    for name, value in angles.items():
        low, high = JOINT_LIMITS[base_joint(name)]
        if value < low - slack or value > high + slack:
            bad.append(f"{name}={value:.1f}")
    return bad
