"""The arrow that shows which way the body moves.

A straight or curved arrow follows the moving body point, set off the body on whichever side
leaves it clear of the drawn limbs (never across a thigh or through the trunk). A turn (a
twist, or the head turning) in the front view gets a curved arrow around the chest or head
instead, sweeping the way the front of the body turns. A movement that goes round (arm
circles, shoulder rolls) gets a closed loop beside the body part, made big enough to read.
"""

from __future__ import annotations

import itertools
import math

Point = tuple[float, float]
# The drawn body as capsules: (end, end, half width); the head is a capsule of length zero.
Outline = list[tuple[Point, Point, float]]

ARROW = "#2a9d8f"
OFFSET = 15.0
MIN_TRAVEL = 6.0
CLEAR = 6.0  # gap an arrow keeps from the drawn body
LOOP_SIZE = 26.0
MIN_SWING = 40.0  # a loop smaller than this across is drawn at this size


def _normal(a: Point, b: Point) -> Point:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    return (-dy / n, dx / n)


def _head(tip: Point, before: Point, size: float = 7.5) -> str:
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    left = (tip[0] - ux * size - uy * size * 0.6, tip[1] - uy * size + ux * size * 0.6)
    right = (tip[0] - ux * size + uy * size * 0.6, tip[1] - uy * size - ux * size * 0.6)
    return (
        f'<path class="arrow-head" d="M{tip[0]:.1f} {tip[1]:.1f} L{left[0]:.1f} {left[1]:.1f} '
        f'L{right[0]:.1f} {right[1]:.1f} Z" fill="{ARROW}"/>'
    )


def _polyline(points: list[Point]) -> str:
    return "M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in points)


def travel(points: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def _to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = dx * dx + dy * dy
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n))
    return math.dist(p, (a[0] + dx * t, a[1] + dy * t))


def clearance(points: list[Point], body: Outline) -> float:
    """How far the path stays from the drawn body (negative: it crosses it)."""
    if not body or not points:
        return math.inf
    return min(_to_segment(p, a, b) - r for p in points for a, b, r in body)


def smooth(points: list[Point], passes: int = 3) -> list[Point]:
    """Round off kinks (a hand that lifts off the floor) so the arrow reads as one gesture."""
    pts = list(points)
    for _ in range(passes):
        pts = (
            [pts[0]]
            + [
                ((a[0] + 2 * b[0] + c[0]) / 4, (a[1] + 2 * b[1] + c[1]) / 4)
                for a, b, c in zip(pts, pts[1:], pts[2:], strict=False)
            ]
            + [pts[-1]]
        )
    return pts


def _shift(points: list[Point], n: Point, k: float) -> list[Point]:
    return [(x + n[0] * k, y + n[1] * k) for x, y in points]


def along(
    points: list[Point], away_from: Point, opacity: float = 1.0, body: Outline | None = None
) -> tuple[str, list[Point]]:
    """An arrow along a path, set off to one side: clear of the body where it can be, else
    on the side facing away from the body's centre; never under the floor."""
    if travel(points) < MIN_TRAVEL:
        return "", []
    points = smooth(points)
    mid = len(points) // 2
    a, b = points[max(0, mid - 1)], points[min(len(points) - 1, mid + 1)]
    if a == b:
        a, b = points[0], points[-1]
    nx, ny = _normal(a, b)
    m = points[mid]
    if (m[0] + nx - away_from[0]) ** 2 + (m[1] + ny - away_from[1]) ** 2 < (
        m[0] - nx - away_from[0]
    ) ** 2 + (m[1] - ny - away_from[1]) ** 2:
        nx, ny = -nx, -ny
    # Candidates in order of preference: away from the centre, then the other side, further.
    candidates = [_shift(points, (nx, ny), k * OFFSET) for k in (1.0, -1.0, 1.8, -1.8, 2.6, -2.6)]
    above = [c for c in candidates if max(y for _, y in c) <= -2] or candidates
    clear = [c for c in above if clearance(c, body or []) >= CLEAR]
    shifted = clear[0] if clear else max(above, key=lambda c: clearance(c, body or []))
    # Trim the ends a little so the arrow reads as a gesture, not a trace.
    trimmed = shifted[1:-1] if len(shifted) > 4 else shifted
    svg = (
        f'<g class="arrow" opacity="{opacity:g}"><path d="{_polyline(trimmed)}" fill="none" '
        f'stroke="{ARROW}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>'
        f"{_head(trimmed[-1], trimmed[-2])}</g>"
    )
    return svg, trimmed


def loop(
    points: list[Point], opacity: float = 1.0, body: Outline | None = None
) -> tuple[str, list[Point]]:
    """A closed loop for a movement that goes round, beside the part that moves.

    The traced path becomes an ellipse of the same extent, turning the same way and starting
    where the movement starts; a small one is drawn LOOP_SIZE across, and it moves out from
    the body until it no longer covers it.
    """
    cx = (max(x for x, _ in points) + min(x for x, _ in points)) / 2
    cy = (max(y for _, y in points) + min(y for _, y in points)) / 2
    rx = (max(x for x, _ in points) - min(x for x, _ in points)) / 2
    ry = (max(y for _, y in points) - min(y for _, y in points)) / 2
    if max(rx, ry) < 0.5:
        return "", []
    k = LOOP_SIZE / 2 / max(rx, ry) if max(rx, ry) < LOOP_SIZE / 2 else 1.0
    rx, ry = max(rx * k, ry * k * 0.55), max(ry * k, rx * k * 0.55)  # never a flat line
    # Which way round: the sign of the traced path's area (screen y grows downwards).
    area = sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise([*points, points[0]]))
    way = 1.0 if area >= 0 else -1.0
    start = math.atan2((points[0][1] - cy) / ry, (points[0][0] - cx) / rx)
    shape = [
        (rx * math.cos(start + way * t), ry * math.sin(start + way * t))
        for t in (math.radians(d) for d in range(0, 316, 15))  # stops short: room for the head
    ]
    best: list[Point] = []
    best_gap = -math.inf
    for reach in (0.0, 10.0, 18.0, 26.0, 36.0, 48.0):
        for angle in range(-90, 270, 30):  # straight up first, then round
            ox = cx + reach * math.cos(math.radians(angle))
            oy = cy + reach * math.sin(math.radians(angle))
            moved = [(ox + x, oy + y) for x, y in shape]
            if max(y for _, y in moved) > -2:
                continue  # under the floor
            gap = clearance(moved, body or [])
            if gap > best_gap:
                best, best_gap = moved, gap
            if reach == 0.0:
                break  # one centred candidate is enough
        if best_gap >= CLEAR / 3:
            break
    if not best:
        return "", []
    svg = (
        f'<g class="arrow loop" opacity="{opacity:g}"><path d="{_polyline(best)}" '
        f'fill="none" stroke="{ARROW}" stroke-width="3" stroke-linecap="round" '
        f'stroke-linejoin="round"/>{_head(best[-1], best[-2])}</g>'
    )
    return svg, best


def beside(
    start: Point, end: Point, opacity: float = 1.0, body: Outline | None = None
) -> tuple[str, list[Point]]:
    """A short arrow for a small shift of the trunk (a pelvic tilt, hips easing forward).

    Traced, such a path hides inside the body; instead a short arrow points the way the
    point moves, just outside the body: ahead of it when there is room (the back rising in
    cat-cow), else behind it, pushing (the hips pressing forward in a lunge).
    """
    way = (end[0] - start[0], end[1] - start[1])
    size = math.hypot(*way)
    if size < 0.3:
        return "", []
    u = (way[0] / size, way[1] / size)
    length = 18.0

    def clear_from(sign: float) -> list[Point] | None:
        # Nearest first: straight ahead of the point, then a little to either side of it
        # (a shoulder rising beside the head).
        for step in range(0, 40, 2):
            for side in (0.0, 8.0, -8.0, 14.0, -14.0):
                near = (
                    end[0] + sign * u[0] * step - u[1] * side,
                    end[1] + sign * u[1] * step + u[0] * side,
                )
                far = (near[0] + sign * u[0] * length, near[1] + sign * u[1] * length)
                line = [near, far] if sign > 0 else [far, near]
                if clearance(line, body or []) >= CLEAR / 2 and max(near[1], far[1]) < -2:
                    return line
        return None

    line = clear_from(1.0) or clear_from(-1.0)
    if line is None:
        return "", []
    tail, tip = line
    svg = (
        f'<g class="arrow nudge" opacity="{opacity:g}"><path d="{_polyline([tail, tip])}" '
        f'fill="none" stroke="{ARROW}" stroke-width="3" stroke-linecap="round"/>'
        f"{_head(tip, tail)}</g>"
    )
    return svg, [tail, tip]


def swing(
    pivot: Point, start: Point, end: Point, radius: float, opacity: float = 1.0
) -> tuple[str, list[Point]]:
    """An arc around a pivot, from where a part starts to where it ends (a head tipping about
    a still neck), at least MIN_SWING degrees long so a small tilt still reads."""
    a0 = math.atan2(start[1] - pivot[1], start[0] - pivot[0])
    a1 = math.atan2(end[1] - pivot[1], end[0] - pivot[0])
    sweep = (a1 - a0 + math.pi) % (2 * math.pi) - math.pi
    if abs(sweep) < math.radians(3):
        return "", []
    short = math.radians(MIN_SWING) - abs(sweep)
    if short > 0:  # widen it evenly at both ends
        a0 -= math.copysign(short / 2, sweep)
        sweep = math.copysign(math.radians(MIN_SWING), sweep)
    pts = [
        (
            pivot[0] + radius * math.cos(a0 + sweep * i / 12),
            pivot[1] + radius * math.sin(a0 + sweep * i / 12),
        )
        for i in range(13)
    ]
    svg = (
        f'<g class="arrow swing" opacity="{opacity:g}"><path d="{_polyline(pts)}" fill="none" '
        f'stroke="{ARROW}" stroke-width="3" stroke-linecap="round"/>{_head(pts[-1], pts[-2])}</g>'
    )
    return svg, pts


def turn(
    centre: Point, rx: float, ry: float, towards_right: bool, opacity: float = 1.0
) -> tuple[str, list[Point]]:
    """A curved arrow sweeping across the front of a body part (the lower half of an ellipse)."""
    angles = [math.radians(a) for a in range(165, 14, -10)]
    if not towards_right:
        angles = angles[::-1]
    pts = [(centre[0] + rx * math.cos(t), centre[1] + ry * math.sin(t)) for t in angles]
    svg = (
        f'<g class="arrow turn" opacity="{opacity:g}"><path d="{_polyline(pts)}" fill="none" '
        f'stroke="{ARROW}" stroke-width="3" stroke-linecap="round"/>{_head(pts[-1], pts[-2])}</g>'
    )
    return svg, pts


def nudge(
    tip: Point, direction: Point, length: float = 18.0, opacity: float = 1.0
) -> tuple[str, list[Point]]:
    """A short straight arrow ending at tip, for a movement too small to trace (a chin tuck)."""
    n = math.hypot(*direction) or 1.0
    ux, uy = direction[0] / n, direction[1] / n
    tail = (tip[0] - ux * length, tip[1] - uy * length)
    svg = (
        f'<g class="arrow nudge" opacity="{opacity:g}"><path d="{_polyline([tail, tip])}" '
        f'fill="none" stroke="{ARROW}" stroke-width="3" stroke-linecap="round"/>'
        f"{_head(tip, tail)}</g>"
    )
    return svg, [tail, tip]
