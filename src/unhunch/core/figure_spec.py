"""The `figure` field of an exercise: key poses for the drawing, kept compact in the TOML.

A figure names a base pose ("seated", "all_fours"…) and lists keyframes; each keyframe is the
base pose plus a few joint angles in degrees. An unprefixed limb joint (`knee`) sets both sides;
`left_knee` / `right_knee` set one. The figure is drawn for the left side; the right side of a
bilateral exercise is its mirror image, so keyframes only ever describe the left-side version.

Angle conventions (0 = standing tall, arms hanging, facing forward):
- trunk: forward tilt of the lower trunk from vertical (90 = face down, -90 = on the back);
  roll: rolls the whole body towards its left side (90 = lying on the left side).
- lumbar: bends the upper trunk forward (+) or back (-) on the lower trunk; bend: side-bends it
  towards the left; twist: turns it to the left.
- neck / head: nod forward (+) at the base and top of the neck; neck_bend tips it to the left;
  head_turn turns the head to the left.
- shrug lifts both shoulders towards the ears; protract draws them forward (+) or back (-).
- shoulder: raises the arm forward (90 = reaching ahead, 180 = overhead, -40 = behind);
  arm_out: lifts it out to the side; arm_turn: turns it outwards (forearm up when elbows bend
  at shoulder height); elbow: bends it (never backwards).
- hip: lifts the thigh forward (90 = sitting); leg_out: opens it to the side (standing);
  leg_open: swings the thigh out about the body's long axis before it lifts, so a bent hip's
  knee falls out to the side (a standing leg turns its toes out); leg_turn: turns the lifted
  thigh outwards on its own axis, so a bent knee's foot swings across to the other leg (with
  leg_open, the ankle-on-knee of a figure-four); knee bends the knee (never backwards); ankle
  points the toes (+) or pulls them up (-).

Views: "side" looks from the figure's left, "front" from in front, "top" from above (lying
twists), "angled" from ahead and to the figure's right at 40 degrees, for crossings and twists
that a flat side or front view hides: the left leg crossing over the right knee, the left arm
threading under the body comes out on the near side.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

View = Literal["side", "front", "top", "angled"]  # top: from above, for lying twists
BasePose = Literal[
    "standing",
    "seated",
    "supine",
    "supine_knees_bent",
    "prone",
    "prone_forearms",
    "all_fours",
    "kneeling",
    "half_kneeling",
    "child",
    "side_lying",
    "long_sitting",
]
Prop = Literal[
    "chair", "wall", "wall_front", "doorway", "mat", "strap", "band", "pillow", "foam_roller"
]
Highlight = Literal[
    "neck", "upper_back", "lower_back", "shoulders", "chest", "hips", "hamstrings", "arms", "legs",
    "left_hip", "left_thigh",
]  # fmt: skip
# A body point the movement arrow follows ("auto": the point that moves furthest).
Tracked = Literal[
    "auto",
    "none",
    "head",
    "neck",
    "shoulders",
    "mid_back",
    "hips",
    "hands",
    "elbows",
    "knees",
    "feet",
    "twist",
]
# Which keyframes the arrow follows: from the first through each one up to the one the still
# shows ("to_still"), or through every keyframe and back to the first, drawn as a closed loop
# ("loop": arm circles, shoulder rolls).
ArrowPath = Literal["to_still", "loop"]
Anchor = Literal["pelvis", "shoulders", "feet", "knees", "hands"]
# Where the hands go: each hand to its own side ("knees"), or both to one place ("left_knee");
# "across": on the floor beyond the other hand (threading one arm under the body).
HandTarget = Literal[
    "knees", "left_knee", "right_knee", "shins", "left_shin", "thighs", "left_thigh",
    "right_thigh", "feet", "left_foot", "head", "hips", "low_back", "chest", "forehead",
    "lap", "seat", "belly", "across",
]  # fmt: skip

AXIAL_JOINTS = (
    "trunk", "roll", "lumbar", "bend", "twist", "neck", "neck_bend", "head", "head_turn",
    "shrug", "protract",
)  # fmt: skip
LIMB_JOINTS = (
    "shoulder", "arm_out", "arm_turn", "elbow", "hip", "leg_out", "leg_open", "leg_turn", "knee",
    "ankle",
)  # fmt: skip
SIDES = ("left", "right")
Side = Literal["left", "right"]

# Degrees each joint may take. Knees and elbows stop at straight: they never bend backwards.
JOINT_LIMITS: dict[str, tuple[float, float]] = {
    "trunk": (-180.0, 180.0),
    "roll": (-95.0, 95.0),
    "lumbar": (-55.0, 75.0),
    "bend": (-45.0, 45.0),
    "twist": (-70.0, 70.0),
    "neck": (-45.0, 60.0),
    "neck_bend": (-45.0, 45.0),
    "head": (-40.0, 45.0),
    "head_turn": (-80.0, 80.0),
    "shrug": (-10.0, 35.0),
    "protract": (-25.0, 25.0),
    "shoulder": (-60.0, 185.0),
    "arm_out": (-45.0, 185.0),
    "arm_turn": (-90.0, 95.0),
    "elbow": (0.0, 155.0),
    "hip": (-35.0, 155.0),
    "leg_out": (-35.0, 70.0),
    "leg_open": (-30.0, 70.0),
    "leg_turn": (-40.0, 90.0),
    "knee": (0.0, 160.0),
    "ankle": (-30.0, 60.0),
}

Joint = Literal[
    "trunk", "roll", "lumbar", "bend", "twist", "neck", "neck_bend", "head", "head_turn",
    "shrug", "protract",
    "shoulder", "arm_out", "arm_turn", "elbow", "hip", "leg_out", "leg_open", "leg_turn", "knee",
    "ankle",
    "left_shoulder", "left_arm_out", "left_arm_turn", "left_elbow",
    "left_hip", "left_leg_out", "left_leg_open", "left_leg_turn", "left_knee", "left_ankle",
    "right_shoulder", "right_arm_out", "right_arm_turn", "right_elbow",
    "right_hip", "right_leg_out", "right_leg_open", "right_leg_turn", "right_knee", "right_ankle",
]  # fmt: skip
JOINTS: tuple[str, ...] = get_args(Joint)


def base_joint(name: str) -> str:
    """'left_knee' -> 'knee'; axial joints are their own base."""
    for side in SIDES:
        if name.startswith(side + "_"):
            return name.removeprefix(side + "_")
    return name


class Keyframe(BaseModel):
    """One key pose: an optional base pose and joint angles (degrees) that override it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pose: BasePose | None = None
    angles: dict[Joint, float] = Field(default_factory=dict)
    hands: HandTarget | None = None  # both hands reach here (arm angles are then worked out)
    left_hand: HandTarget | None = None
    right_hand: HandTarget | None = None

    @model_validator(mode="before")
    @classmethod
    def _flat_toml(cls, data: Any) -> Any:
        # In TOML a keyframe is flat: {pose = "child", knee = 150}. Gather the angles.
        named = ("pose", "hands", "left_hand", "right_hand")
        if isinstance(data, dict) and "angles" not in data:
            rest = {k: v for k, v in data.items() if k not in named}
            return {**{k: data[k] for k in named if k in data}, "angles": rest}
        return data

    @field_validator("angles")
    @classmethod
    def _within_limits(cls, value: dict[str, float]) -> dict[str, float]:
        for name, degrees in value.items():
            low, high = JOINT_LIMITS[base_joint(name)]
            if not low <= degrees <= high:
                why = " (it never bends backwards)" if base_joint(name) in ("knee", "elbow") else ""
                raise ValueError(f"{name} = {degrees} is outside {low:g}..{high:g} degrees{why}")
        return value


class FigureSpec(BaseModel):
    """How to draw an exercise: view, base pose, props, highlighted region and key poses."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    view: View = "side"
    base: BasePose
    keyframes: list[Keyframe] = Field(min_length=1, max_length=6)
    props: list[Prop] | None = None  # None: drawn from the exercise's equipment
    highlight: list[Highlight] | None = None  # None: the exercise's first region
    arrow: Tracked = "auto"
    arrow_path: ArrowPath = "to_still"
    anchor: Anchor | None = None  # the body point that stays put between keyframes
    still: int | None = Field(default=None, ge=0)  # keyframe drawn solid in the still picture

    @model_validator(mode="after")
    def _still_is_a_keyframe(self) -> FigureSpec:
        if self.still is not None and self.still >= len(self.keyframes):
            raise ValueError(
                f"still = {self.still} but there are only {len(self.keyframes)} keyframes"
            )
        return self
