"""A whole picture: props, floor, figure, arrow, framed in a viewBox with a title.

Sizes are in the skeleton's units; the SVG has a viewBox and no pixel size, so it scales to
whatever holds it. Ids are prefixed with the exercise id so many figures can share a page.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from unhunch.core.models import DEFAULT_BREATH_SECONDS, Exercise
from unhunch.core.vocab import label
from unhunch.figures.arrows import (
    ARROW,
    MIN_TRAVEL,
    along,
    beside,
    clearance,
    loop,
    nudge,
    swing,
    travel,
    turn,
)
from unhunch.figures.motion import path_through, still_index, timeline
from unhunch.figures.props import draw_props
from unhunch.figures.scene import Placed, place_keyframes
from unhunch.figures.skeleton import HEAD_RADIUS
from unhunch.figures.svg import (
    FLOOR,
    GHOST,
    Drawing,
    Point,
    all_points,
    moving_body,
    outline,
    plan_drawing,
    still_body,
)

ASPECT = 300.0 / 220.0  # the shape of every figure box on the pages
MIN_WIDTH = 210.0  # a close frame, but a short pose is not blown up past its neighbours
TURN_DEGREES = 15.0
SHORT = 22.0  # a trunk point (or shoulder) moving less than this: a short arrow beside it
TRUNK_POINTS = ("pelvis", "mid_back", "neck_base", "left_shoulder", "right_shoulder")
STILL_NECK = 4.0  # a neck base moving less than this is the head's pivot
NUDGE_MIN = 0.3  # head travel below this is no movement at all

TRACKED_POINTS: dict[str, tuple[str, ...]] = {
    "head": ("head",),
    "neck": ("neck_top",),
    "shoulders": ("left_shoulder", "right_shoulder"),
    "mid_back": ("mid_back",),
    "hips": ("pelvis",),
    "hands": ("left_hand", "right_hand"),
    "elbows": ("left_elbow", "right_elbow"),
    "knees": ("left_knee", "right_knee"),
    "feet": ("left_ankle", "right_ankle"),
}
AUTO_POINTS = (
    "head", "left_hand", "right_hand", "left_elbow", "right_elbow", "left_knee", "right_knee",
    "left_ankle", "right_ankle", "pelvis", "mid_back", "neck_base",
)  # fmt: skip


def _arrow(
    d: Drawing, exercise: Exercise, a: int, b: int, opacity: float, shown: Placed
) -> tuple[str, list[Point]]:
    spec = exercise.figure
    assert spec is not None
    if spec.arrow == "none" or a == b:
        return "", []
    count = len(spec.keyframes)
    stops = {
        "to_still": list(range(a, b + 1)),
        "loop": [*range(count), 0],
    }[spec.arrow_path]
    path = path_through(exercise, stops)
    first, last = path[0], path[-1]
    if spec.view == "front" and spec.arrow in ("auto", "twist", "head"):
        twist = last.angles["twist"] - first.angles["twist"]
        head = last.angles["head_turn"] - first.angles["head_turn"] + twist
        pts0 = d.points(first.body)
        if spec.arrow in ("auto", "twist") and abs(twist) >= TURN_DEGREES:
            mid = pts0["mid_back"]
            top = pts0["neck_base"]
            centre = ((mid[0] + top[0]) / 2, (mid[1] + top[1]) / 2 + 4)
            return turn(centre, 30, 9, twist > 0, opacity)
        if spec.arrow in ("auto", "head") and abs(head) >= TURN_DEGREES:
            hx, hy = pts0["head"]
            return turn((hx, hy + 4), 19, 6, head > 0, opacity)
        roll = _head_roll([d.points(p.body)["nose_b"] for p in path])  # the face, not the skull
        if spec.arrow == "head" and roll is not None:
            return turn(*roll, opacity=opacity)
    names = TRACKED_POINTS.get(spec.arrow, AUTO_POINTS)
    tracks = {n: [d.points(p.body)[n] for p in path] for n in names}
    if spec.arrow_path == "to_still":
        name = max(tracks, key=lambda n: math.dist(tracks[n][0], tracks[n][-1]))
    else:  # a path that comes back (a circle) is judged by how far it goes round
        name = max(tracks, key=lambda n: travel(tracks[n]))
    start, end = tracks[name][0], tracks[name][-1]
    if spec.arrow == "head" and NUDGE_MIN <= math.dist(start, end) < MIN_TRAVEL:
        # A small head glide (a chin tuck) is too short to trace: a short arrow in front
        # of the face points the way the head goes.
        face = d.points(last.body)["nose_b"]
        chin = d.points(first.body)["nose_b"]
        way = (face[0] - chin[0], face[1] - chin[1])  # the way the face goes, not the skull
        size = math.hypot(*way)
        tip = (face[0] - way[0] / size * 8, face[1] - way[1] / size * 8 - 3)
        return nudge(tip, way, 16, opacity)
    necks = [d.points(p.body)["neck_base"] for p in path]
    if name == "head" and max(math.dist(necks[0], n) for n in necks) < STILL_NECK:
        # The head tips about a neck that stays put: an arc around the neck, clear of the head.
        reach = math.dist(necks[0], start) + HEAD_RADIUS + 8
        return swing(necks[0], start, end, reach, opacity)
    centre_pts = d.points(last.body)
    centre = (
        (centre_pts["pelvis"][0] + centre_pts["neck_base"][0]) / 2,
        (centre_pts["pelvis"][1] + centre_pts["neck_base"][1]) / 2,
    )
    body = outline(d, shown.body)  # the solid figure: the arrow keeps off it
    if name in TRUNK_POINTS and spec.arrow_path == "to_still" and travel(tracks[name]) < SHORT:
        return beside(start, end, opacity, body)
    if spec.arrow_path == "loop":
        return loop(tracks[name], opacity, body)
    traced = along(tracks[name], centre, opacity, body)
    if traced[1] and clearance(traced[1], body) < 0:
        # No side of the path is clear (hips rising between trunk and thighs in a bridge):
        # a short arrow just outside the body, the way the point goes, reads better.
        short = beside(start, end, opacity, body)
        if short[1]:
            return short
    return traced


def _head_roll(heads: list[Point]) -> tuple[Point, float, float, bool] | None:
    """A head rolling from one shoulder down through the middle to the other, seen from the
    front, as (centre, rx, ry, towards the right) for a sweep under the chin; else None."""
    (x0, y0), (x1, y1) = heads[0], heads[-1]
    dip = max(y for _, y in heads) - max(y0, y1)
    if abs(x1 - x0) < TURN_DEGREES or dip < 2:
        return None
    return ((x0 + x1) / 2, (y0 + y1) / 2 + 4), abs(x1 - x0) / 2 + 8, dip + 10, x1 > x0


def _frame(points: list[Point], view: str) -> tuple[float, float, float, float]:
    """(x, y, width, height) around the points, the floor near the bottom edge.

    Always the 300:220 shape the pages show figures in, so nothing is letterboxed, and as
    tight as MIN_WIDTH allows: a body lying on the floor fills its frame instead of sitting
    small under a standing person's headroom.
    """
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, x1 = min(xs) - 16, max(xs) + 16
    y0, y1 = min(ys) - 16, (max(ys) + 16 if view == "top" else 10.0)
    w, h = x1 - x0, y1 - y0
    if w < MIN_WIDTH:
        x0 -= (MIN_WIDTH - w) / 2
        w = MIN_WIDTH
    if h < w / ASPECT:
        grow = w / ASPECT - h
        y0 -= grow / 2 if view == "top" else grow  # the floor stays at the bottom
        h += grow
    else:
        x0 -= (h * ASPECT - w) / 2
        w = h * ASPECT
    return x0, y0, w, h


def _title(exercise: Exercise, side: str, animated: bool) -> str:
    spec = exercise.figure
    view = spec.view if spec else "side"
    words = f"{exercise.name}: {label(exercise.position)}, {view} view"
    if exercise.bilateral:
        words += ", left then right side" if animated else f", {side} side"
    return words


def render(exercise: Exercise, animated: bool, side: str) -> str:
    spec = exercise.figure
    assert spec is not None
    _, placed = place_keyframes(spec)
    still = still_index(exercise)
    shown = placed[still]
    d = plan_drawing(exercise, shown.body)
    tl = timeline(exercise) if animated else None
    bodies = [f.placed.body for f in tl.frames] if tl else [placed[0].body, shown.body]
    seated = spec.base == "seated"
    where = placed[0].body if seated else shown.body  # a chair to lean on sits under the hands
    props = draw_props(d.props, where, bodies, spec.view, seated)
    arrow_svg, arrow_pts = _arrow(d, exercise, 0, still, 0.45 if animated else 1.0, shown)
    points = all_points(d, bodies) + props.box + arrow_pts
    x0, y0, w, h = _frame(points, spec.view)
    cx = x0 + w / 2

    if tl is not None:
        figure = moving_body(d, tl)
        ghost = ""
    else:
        figure = still_body(d, shown.body)
        ghost = _ghost(d, placed[0], shown)
    scene = "\n".join(
        [
            *props.back,
            ""
            if spec.view == "top"
            else f'<line class="floor" x1="{x0:.1f}" y1="0" x2="{x0 + w:.1f}" y2="0" '
            f'stroke="{FLOOR}" stroke-width="2" stroke-linecap="round"/>',
            ghost,
            f'<g class="figure">\n{figure}\n</g>',
            arrow_svg,
        ]
    )
    scene = _mirrored(scene, cx, exercise, animated, side, tl.seconds if tl else 0.0)
    uid = f"fig-{exercise.id}-{side}-{'a' if animated else 's'}"
    title = escape(_title(exercise, side, animated))
    desc = escape(exercise.steps[0] if exercise.steps else exercise.summary)
    k = w / 300.0  # the breath circle keeps one size on the page however close the frame
    pacer = _breath_pacer(x0 + w - 30 * k, y0 + 18 * k, k) if tl is not None and tl.is_hold else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="unhunch-figure" role="img" '
        f'viewBox="{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}" aria-labelledby="{uid}-t {uid}-d">\n'
        f'<title id="{uid}-t">{title}</title>\n<desc id="{uid}-d">{desc}</desc>\n'
        f"{scene}\n{pacer}</svg>\n"
    )


def _ghost(d: Drawing, start: Placed, shown: Placed) -> str:
    moved = any(
        math.dist(start.body.points[k], shown.body.points[k]) > 2.0 for k in start.body.points
    )
    if not moved:
        return ""
    return f'<g class="ghost">\n{still_body(d, start.body, lambda _: GHOST)}\n</g>'


def _mirrored(
    scene: str, cx: float, exercise: Exercise, animated: bool, side: str, seconds: float
) -> str:
    """The right side is the left-side drawing flipped about the picture's centre line."""
    if animated and exercise.bilateral:
        return (
            f'<g transform="translate({cx:.1f} 0)"><g class="mirror">'
            f'<animateTransform attributeName="transform" type="scale" values="1 1;-1 1" '
            f'keyTimes="0;0.5" calcMode="discrete" dur="{2 * seconds:g}s" '
            'repeatCount="indefinite"/>'
            f'<g transform="translate({-cx:.1f} 0)">\n{scene}\n</g></g></g>'
        )
    if side == "right":
        return (
            f'<g class="mirror" transform="translate({2 * cx:.1f} 0) scale(-1 1)">\n{scene}\n</g>'
        )
    return scene


def _breath_pacer(x: float, y: float, k: float = 1.0) -> str:
    """A small circle that swells on the in-breath and shrinks on the out-breath, labelled
    so nobody takes it for part of the picture; the word follows the breath (in, out)."""
    breath = DEFAULT_BREATH_SECONDS
    rise = 0.4  # share of the breath spent breathing in
    words = (
        f'<text class="breath-label" x="{x:.1f}" y="{y + 22:.1f}" text-anchor="middle" '
        f'font-family="sans-serif" font-size="9" fill="{ARROW}">'
        f'<tspan>breathe in<animate attributeName="opacity" values="1;0;1" '
        f'keyTimes="0;{rise};1" calcMode="discrete" dur="{breath}s" repeatCount="indefinite"/>'
        f"</tspan></text>\n"
        f'<text class="breath-label" x="{x:.1f}" y="{y + 22:.1f}" text-anchor="middle" '
        f'font-family="sans-serif" font-size="9" fill="{ARROW}" opacity="0">'
        f'breathe out<animate attributeName="opacity" values="0;1;0" '
        f'keyTimes="0;{rise};1" calcMode="discrete" dur="{breath}s" repeatCount="indefinite"/>'
        f"</text>\n"
    )
    return (
        f'<g class="pacer" transform="translate({x:.1f} {y:.1f}) scale({k:.3f}) '
        f'translate({-x:.1f} {-y:.1f})">\n'
        f'<circle class="breath" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{ARROW}" opacity="0.35">'
        f'<animate attributeName="r" values="5;11;5" keyTimes="0;{rise};1" dur="{breath}s" '
        'repeatCount="indefinite"/></circle>\n' + words + "</g>\n"
    )


def placeholder(exercise: Exercise) -> str:
    """For an exercise that has no figure yet: an honest empty frame, never an error."""
    title = escape(f"{exercise.name}: no picture yet")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="unhunch-figure" role="img" '
        f'viewBox="0 0 300 220"><title>{title}</title>'
        f'<line x1="20" y1="200" x2="280" y2="200" stroke="{FLOOR}" stroke-width="2"/></svg>\n'
    )
