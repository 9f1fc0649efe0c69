"""Draw a placed skeleton as friendly line art, still or animated (SMIL, no script).

The still picture shows the start pose as a pale ghost, the key pose solid, and an arrow for
the movement. The animated picture moves between the key poses at the exercise's tempo;
the right side of a bilateral exercise is the same drawing flipped by a transform.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from unhunch.core.figure_spec import Highlight, View
from unhunch.core.models import Exercise
from unhunch.figures.motion import Timeline
from unhunch.figures.props import nearness, screen
from unhunch.figures.skeleton import HEAD_RADIUS, Body, Vec, add, apply

BODY = "#35577a"
FAR = "#9fb3c8"
GHOST = "#d9e1ea"
GLOW = "#ffc9b5"
WARM = "#e9785a"
FLOOR = "#8f9aa6"
STRAP = "#d08c2e"

Point = tuple[float, float]


@dataclass(frozen=True)
class Part:
    name: str
    a: str
    b: str
    width: float
    side: str  # "left", "right" or "axial"


AXIAL_PARTS = (
    Part("hips", "left_hip", "right_hip", 16, "axial"),
    Part("lower_trunk", "pelvis", "mid_back", 19, "axial"),
    Part("upper_trunk", "mid_back", "neck_base", 20, "axial"),
    Part("shoulders", "left_shoulder", "right_shoulder", 10, "axial"),
    Part("neck", "neck_base", "neck_top", 9, "axial"),
)
LIMB_SHAPES = (
    ("thigh", "hip", "knee", 13.0),
    ("shin", "knee", "ankle", 10.0),
    ("foot", "ankle", "toe", 7.0),
    ("upper_arm", "shoulder", "elbow", 9.0),
    ("forearm", "elbow", "hand", 8.0),
)
LIMB_PARTS = tuple(
    Part(f"{side}_{name}", f"{side}_{a}", f"{side}_{b}", w, side)
    for side in ("left", "right")
    for name, a, b, w in LIMB_SHAPES
)

HIGHLIGHT_PARTS: dict[Highlight, tuple[str, ...]] = {
    "neck": ("neck",),
    "upper_back": ("upper_trunk",),
    "lower_back": ("lower_trunk", "hips"),
    "shoulders": ("shoulders", "left_upper_arm", "right_upper_arm"),
    "chest": ("upper_trunk", "shoulders"),
    "hips": ("hips", "left_thigh", "right_thigh"),
    "hamstrings": ("left_thigh", "right_thigh"),
    "arms": ("left_upper_arm", "left_forearm", "right_upper_arm", "right_forearm"),
    "legs": ("left_thigh", "left_shin", "right_thigh", "right_shin"),
    "left_hip": ("hips", "left_thigh"),
    "left_thigh": ("left_thigh",),
}


def highlights(exercise: Exercise) -> set[str]:
    spec = exercise.figure
    assert spec is not None
    chosen: list[Highlight] = list(spec.highlight or [exercise.primary_region])
    return {part for region in chosen for part in HIGHLIGHT_PARTS[region]}


def depth(v: Vec, view: View) -> float:
    """Nearness to the viewer: the side view looks from +x, the front from +z, the top from +y."""
    return nearness(v, view)


def extra_points(body: Body, strap_side: str) -> dict[str, Vec]:
    """Face and prop points that move with the body."""
    p = body.points
    r = HEAD_RADIUS
    out = {
        "nose_a": add(p["head"], apply(body.head_frame, (0.0, -1.0, 0.8 * r))),
        "nose_b": add(p["head"], apply(body.head_frame, (0.0, -2.5, 1.2 * r))),
    }
    hands = [p["left_hand"], p["right_hand"]]
    out["hands_mid"] = tuple(sum(c) / 2 for c in zip(*hands, strict=True))
    ankle, toe = p[f"{strap_side}_ankle"], p[f"{strap_side}_toe"]
    out["strap_foot"] = tuple((a + b) / 2 for a, b in zip(ankle, toe, strict=True))  # type: ignore[assignment]
    return out


@dataclass
class Drawing:
    """The ordered parts for one exercise, ready to draw for any body."""

    exercise: Exercise
    view: View
    parts: list[tuple[Part, str]]  # part and its colour, in drawing order
    glow: set[str]
    props: list[str]
    strap_side: str

    def points(self, body: Body) -> dict[str, Point]:
        pts = dict(body.points)
        pts.update(extra_points(body, self.strap_side))
        return {k: screen(v, self.view) for k, v in pts.items()}


def plan_drawing(exercise: Exercise, still: Body) -> Drawing:
    spec = exercise.figure
    assert spec is not None
    view = spec.view
    glow = highlights(exercise)
    p = still.points

    def part_depth(part: Part) -> float:
        return (depth(p[part.a], view) + depth(p[part.b], view)) / 2

    limbs = sorted(LIMB_PARTS, key=part_depth)
    far = [(q, FAR) for q in limbs if part_depth(q) < -2.5]
    near = [(q, BODY) for q in limbs if part_depth(q) >= -2.5]
    axial = [(q, BODY) for q in AXIAL_PARTS]
    layered = far + axial + near
    if view != "side":
        # Seen from the front, at an angle or from above, the head or trunk can be nearer
        # than a limb (a head lowered to the floor in front of the knees): paint far to near.
        layered = sorted(layered, key=lambda qc: part_depth(qc[0]))
    ordered = [(q, WARM if q.name in glow else c) for q, c in layered]
    props: list[str] = list(spec.props if spec.props is not None else exercise.equipment)
    strap_side = "left" if p["left_toe"][1] >= p["right_toe"][1] else "right"
    return Drawing(exercise, view, ordered, glow, props, strap_side)


def _seg(a: Point, b: Point) -> str:
    return f"M{a[0]:.1f} {a[1]:.1f} L{b[0]:.1f} {b[1]:.1f}"


def _stroke(colour: str, width: float, extra: str = "") -> str:
    return f'fill="none" stroke="{colour}" stroke-width="{width:g}" stroke-linecap="round"{extra}'


# anim(attribute, value for a body's points) -> (the attribute, an <animate> child or "").
Animator = Callable[[str, Callable[[dict[str, Point]], str]], tuple[str, str]]


def figure_parts(d: Drawing, anim: Animator, colour: Callable[[str], str] | None = None) -> str:
    """The figure's parts in drawing order; colour() repaints everything (the ghost)."""
    out: list[str] = []

    def seg(part: Part) -> tuple[str, str]:
        return anim("d", lambda pts: _seg(pts[part.a], pts[part.b]))

    if colour is None:
        for part, _ in d.parts:
            if part.name in d.glow:
                a, c = seg(part)
                glow = _stroke(GLOW, part.width + 11)
                out.append(f'<path class="glow {part.name}" {a} {glow}>{c}</path>')
    for part, shade in d.parts:
        shade = colour(part.name) if colour else shade
        a, c = seg(part)
        out.append(f'<path class="part {part.name}" {a} {_stroke(shade, part.width)}>{c}</path>')
        if part.name == "neck":
            head = colour("head") if colour else BODY
            ax, cx = anim("cx", lambda pts: f"{pts['head'][0]:.1f}")
            ay, cy = anim("cy", lambda pts: f"{pts['head'][1]:.1f}")
            r = f'r="{HEAD_RADIUS:g}"'
            out.append(f'<circle class="part head" {ax} {ay} {r} fill="{head}">{cx}{cy}</circle>')
            a, c = anim("d", lambda pts: _seg(pts["nose_a"], pts["nose_b"]))
            out.append(f'<path class="part nose" {a} {_stroke(head, 4.5)}>{c}</path>')
    if colour is None and "band" in d.props:
        a, c = anim("d", lambda pts: _seg(pts["left_hand"], pts["right_hand"]))
        out.append(f'<path class="prop band" {a} {_stroke(STRAP, 3)}>{c}</path>')
    if colour is None and "strap" in d.props:
        a, c = anim("d", lambda pts: _seg(pts["hands_mid"], pts["strap_foot"]))
        out.append(f'<path class="prop strap" {a} {_stroke(STRAP, 2.5)}>{c}</path>')
    return "\n".join(out)


def still_body(d: Drawing, body: Body, colour: Callable[[str], str] | None = None) -> str:
    """One pose, no animation."""
    pts = d.points(body)

    def anim(attr: str, fn: Callable[[dict[str, Point]], str]) -> tuple[str, str]:
        return f'{attr}="{fn(pts)}"', ""

    return figure_parts(d, anim, colour)


def moving_body(d: Drawing, tl: Timeline) -> str:
    """The figure with every part animated through the timeline's frames (SMIL)."""
    frames = [d.points(f.placed.body) for f in tl.frames]
    times = ";".join(f"{f.at:.4f}" for f in tl.frames)

    def anim(attr: str, fn: Callable[[dict[str, Point]], str]) -> tuple[str, str]:
        vals = [fn(pts) for pts in frames]
        child = (
            f'<animate attributeName="{attr}" dur="{tl.seconds:g}s" repeatCount="indefinite" '
            f'keyTimes="{times}" values="{";".join(vals)}"/>'
        )
        return f'{attr}="{vals[0]}"', child

    return figure_parts(d, anim)


def outline(d: Drawing, body: Body) -> list[tuple[Point, Point, float]]:
    """The drawn body as capsules (ends and half width), for keeping arrows off it."""
    pts = d.points(body)
    out = [(pts[part.a], pts[part.b], part.width / 2) for part, _ in d.parts]
    out.append((pts["head"], pts["head"], HEAD_RADIUS))
    return out


def all_points(d: Drawing, bodies: Sequence[Body]) -> list[Point]:
    return [pt for b in bodies for pt in d.points(b).values()]
