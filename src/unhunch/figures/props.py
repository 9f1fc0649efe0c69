"""Chairs, walls, doorways, mats, pillows and rollers, placed from where the body is.

Each prop is drawn in screen units (y grows downwards, the floor is y = 0) and reports the
box it covers so the picture can be framed around it. Props are placed from the first
keyframe's body, so they stay put while the figure moves.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from unhunch.core.figure_spec import View
from unhunch.figures.scene import SEAT_TOP
from unhunch.figures.skeleton import Body, Vec

WOOD = "#c49a6c"
WOOD_DARK = "#a47c52"
WALL = "#e9e4da"
WALL_EDGE = "#bdb3a3"
MAT = "#b9d7c9"
SOFT = "#e6d3ee"
ROLLER = "#9cc3e0"
ROLLER_RADIUS = 9.0
WALL_TOP = 120.0  # the lowest wall drawn  # a 15 cm roller, in the skeleton's units


@dataclass
class Drawn:
    back: list[str] = field(default_factory=list)  # behind the figure
    box: list[tuple[float, float]] = field(default_factory=list)  # screen points to frame

    def add(self, svg: str, *points: tuple[float, float]) -> None:
        self.back.append(svg)
        self.box.extend(points)


ANGLED = math.radians(40.0)  # how far the angled view turns from the side towards the front
COS_A, SIN_A = math.cos(ANGLED), math.sin(ANGLED)


def screen(v: Vec, view: View) -> tuple[float, float]:
    """Orthographic projection, y growing down: the side view looks from the figure's left,
    the front view from in front, the top view down from the ceiling (head to the left), the
    angled view from ahead and to the figure's right, 40 degrees round from the side (the
    figure still faces right; the floor stays a line)."""
    if view == "side":
        return (v[2], -v[1])
    if view == "front":
        return (v[0], -v[1])
    if view == "angled":
        return (v[2] * COS_A + v[0] * SIN_A, -v[1])
    return (v[2], v[0])


def nearness(v: Vec, view: View) -> float:
    """How near the viewer a point is, along the direction each view looks from."""
    if view == "angled":
        return v[2] * SIN_A - v[0] * COS_A
    return {"side": v[0], "front": v[2], "top": v[1]}[view]


def body_span(bodies: list[Body], view: View) -> tuple[float, float]:
    xs = [screen(v, view)[0] for b in bodies for v in b.points.values()]
    return min(xs), max(xs)


def _rect(
    x: float, y: float, w: float, h: float, fill: str, rx: float = 2.0, extra: str = ""
) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{rx:.1f}" '
        f'fill="{fill}"{extra}/>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width:.1f}" stroke-linecap="round"/>'
    )


def chair(drawn: Drawn, body: Body, view: View, seated: bool) -> None:
    """A plain chair: under the hips when seated, else with its back under the hands."""
    p = body.points
    if seated and view == "angled":
        _chair_in_3d(drawn, p["pelvis"])
        return
    if seated:
        px, _ = screen(p["pelvis"], view)
        seat_y = -SEAT_TOP
        if view == "side":
            back_x, front_x = px - 16, px + 26
            drawn.add(_line(back_x, 0, back_x, seat_y - 44, WOOD_DARK, 4), (back_x, seat_y - 46))
            drawn.add(_line(front_x, 0, front_x, seat_y, WOOD_DARK, 4), (front_x + 2, 0))
            drawn.add(_rect(back_x - 2, seat_y, front_x - back_x + 4, 5, WOOD))
        else:
            half = 25.0
            drawn.add(
                _rect(px - half + 3, seat_y - 44, 2 * half - 6, 30, WOOD, 3, ' opacity="0.55"')
            )
            drawn.add(_line(px - half, 0, px - half, seat_y, WOOD_DARK, 4), (px - half - 2, 0))
            drawn.add(_line(px + half, 0, px + half, seat_y, WOOD_DARK, 4), (px + half + 2, 0))
            drawn.add(_rect(px - half - 2, seat_y, 2 * half + 4, 5, WOOD), (px, seat_y - 46))
        return
    # Standing beside or facing a chair: its backrest top meets the hands.
    hands = [screen(p[f"{s}_hand"], view) for s in ("left", "right")]
    resting = [h for h in hands if -105 <= h[1] <= -60] or hands  # hands at chair-back height
    hx = sum(h[0] for h in resting) / len(resting)
    top = max(-95.0, min(-70.0, min(h[1] for h in resting) + 4))
    px = screen(p["pelvis"], view)[0]
    if view == "side" and abs(hx - px) < 15:
        # Holding a chair beside you: it stands behind the body, its seat going back.
        back = px - 8
        fade = ' opacity="0.7"'
        drawn.add(_line(back, 0, back, top, WOOD_DARK, 4).replace("/>", fade + "/>"), (back, top))
        drawn.add(
            _line(back - 34, 0, back - 34, -SEAT_TOP, WOOD_DARK, 4).replace("/>", fade + "/>")
        )
        drawn.add(
            _line(back, -SEAT_TOP, back - 34, -SEAT_TOP, WOOD, 5).replace("/>", fade + "/>"),
            (back - 36, 0),
        )
        return
    if view == "side":
        front = px < hx
        seat_far = hx + 30 if front else hx - 30
        drawn.add(_line(hx, 0, hx, top, WOOD_DARK, 4), (hx, top))
        drawn.add(_line(seat_far, 0, seat_far, -SEAT_TOP, WOOD_DARK, 4), (seat_far, 0))
        drawn.add(_line(hx, -SEAT_TOP, seat_far, -SEAT_TOP, WOOD, 5))
    else:
        drawn.add(_line(hx - 18, 0, hx - 18, top, WOOD_DARK, 4), (hx - 20, top))
        drawn.add(_line(hx + 18, 0, hx + 18, top, WOOD_DARK, 4), (hx + 20, 0))
        drawn.add(_line(hx - 18, top, hx + 18, top, WOOD, 5))


def _chair_in_3d(drawn: Drawn, pelvis: Vec) -> None:
    """A chair built in the room and projected, for the angled view (seat, legs, backrest)."""
    half, back, front = 22.0, pelvis[2] - 16, pelvis[2] + 26
    seat, rest = SEAT_TOP, SEAT_TOP + 44

    def at(x: float, y: float, z: float) -> tuple[float, float]:
        return screen((pelvis[0] + x, y, z), "angled")

    # Far legs first, then the seat, then the near legs and the backrest over it.
    far, near = half, -half
    for x, z in ((far, back), (far, front)):
        (ax, ay), (bx, by) = at(x, 0, z), at(x, seat, z)
        drawn.add(_line(ax, ay, bx, by, WOOD_DARK, 3), (ax, ay))
    corners = [at(x, seat, z) for x, z in ((far, back), (far, front), (near, front), (near, back))]
    outline = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)
    drawn.add(
        f'<polygon points="{outline}" fill="{WOOD}" stroke="{WOOD_DARK}" stroke-width="1.5"/>'
    )
    for x, z in ((near, back), (near, front)):
        (ax, ay), (bx, by) = at(x, 0, z), at(x, seat, z)
        drawn.add(_line(ax, ay, bx, by, WOOD_DARK, 4), (ax, ay))
    for x in (far, near):
        (ax, ay), (bx, by) = at(x, seat, back), at(x, rest, back)
        drawn.add(_line(ax, ay, bx, by, WOOD_DARK, 4), (bx, by))
    (ax, ay), (bx, by) = at(far, rest - 4, back), at(near, rest - 4, back)
    drawn.add(_line(ax, ay, bx, by, WOOD, 7))


def wall(drawn: Drawn, bodies: list[Body], view: View, in_front: bool) -> None:
    low, high = body_span(bodies, view)
    # A little taller than the body reaches, so legs up a wall do not sit small under a
    # full-height wall; a standing person still gets one above their head.
    top = max(WALL_TOP, max(v[1] for b in bodies for v in b.points.values()) + 45.0)
    h = min(200.0, top)
    if view == "front":
        drawn.add(_rect(low - 30, -h, high - low + 60, h, WALL, 0), (low - 30, -h), (high + 30, 0))
        return
    if in_front:
        x = high + 5
        drawn.add(_rect(x, -h, 14, h, WALL, 0), (x + 14, -h))
        drawn.add(_line(x, 0, x, -h, WALL_EDGE, 2))
    else:
        x = low - 11
        drawn.add(_rect(x - 14, -h, 14, h, WALL, 0), (x - 14, -h))
        drawn.add(_line(x, 0, x, -h, WALL_EDGE, 2))


def doorway(drawn: Drawn, body: Body, view: View) -> None:
    p = body.points
    if view == "side":
        x = screen(p["left_elbow"], view)[0] - 6
        drawn.add(_rect(x - 5, -200, 10, 200, WALL, 1), (x - 8, -200))
        drawn.add(_line(x - 5, 0, x - 5, -200, WALL_EDGE, 1.5))
        drawn.add(_line(x + 5, 0, x + 5, -200, WALL_EDGE, 1.5))
    else:
        # From the front the frame's two sides stand where the forearms rest on them.
        cx = screen(p["pelvis"], view)[0]
        reach = max(abs(screen(p[f"{s}_hand"], view)[0] - cx) for s in ("left", "right"))
        half = max(40.0, reach)
        for x in (cx - half, cx + half):
            drawn.add(_rect(x - 5, -200, 10, 200, WALL, 1), (x - 8, -200), (x + 8, 0))


def mat(drawn: Drawn, bodies: list[Body], view: View) -> None:
    low, high = body_span(bodies, view)
    if view == "top":  # seen from above, the mat is the floor under the whole body
        ys = [screen(v, view)[1] for b in bodies for v in b.points.values()]
        top, bottom = min(ys) - 16, max(ys) + 16
        drawn.add(
            _rect(low - 22, top, high - low + 44, bottom - top, MAT, 6, ' opacity="0.6"'),
            (low - 22, top),
            (high + 22, bottom),
        )
        return
    drawn.add(_rect(low - 14, 0.5, high - low + 28, 4, MAT, 2), (low - 14, 5), (high + 14, 5))


def pillow(drawn: Drawn, body: Body, view: View) -> None:
    hx, _hy = screen(body.points["head"], view)
    drawn.add(_rect(hx - 13, -7, 26, 7.5, SOFT, 3.5), (hx - 13, -7))


def foam_roller(drawn: Drawn, body: Body, view: View) -> None:
    """A roller under the upper back, just below the shoulder blades, sized to touch it."""
    mid, top = body.points["mid_back"], body.points["neck_base"]
    at = (
        mid[0] + (top[0] - mid[0]) * 0.45,
        mid[1] + (top[1] - mid[1]) * 0.45,
        mid[2] + (top[2] - mid[2]) * 0.45,
    )
    x, _ = screen(at, view)
    # A real roller is about as thick as the trunk; drawn behind the body, the back can rest
    # on it a little lower than its top without showing.
    r = max(ROLLER_RADIUS, (at[1] - 10.0) / 2)
    drawn.back.append(
        f'<circle cx="{x:.1f}" cy="{-r:.1f}" r="{r:.1f}" fill="{ROLLER}" stroke="#6f9fc4" '
        'stroke-width="1.5"/>'
    )
    drawn.box.append((x - r, -2 * r))


def draw_props(
    props: Sequence[str], first: Body, bodies: list[Body], view: View, seated: bool
) -> Drawn:
    """Props behind the figure (strap and band are drawn with the hands instead)."""
    drawn = Drawn()
    order = sorted(
        props,
        key=lambda p: (
            ["wall", "wall_front", "doorway", "chair"].index(p)
            if p in ("wall", "wall_front", "doorway", "chair")
            else 9
        ),
    )
    for prop in order:
        if prop == "chair":
            chair(drawn, first, view, seated)
        elif prop in ("wall", "wall_front"):
            wall(drawn, bodies, view, prop == "wall_front")
        elif prop == "doorway":
            doorway(drawn, first, view)
        elif prop == "mat":
            mat(drawn, bodies, view)
        elif prop == "pillow":
            pillow(drawn, first, view)
        elif prop == "foam_roller":
            foam_roller(drawn, first, view)
    return drawn
