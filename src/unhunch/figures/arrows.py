"""The arrow that shows which way the body moves.

A straight or curved arrow follows the moving body point, set a little off the body so it
does not hide it. A turn (a twist, or the head turning) in the front view gets a curved arrow
around the chest or head instead, sweeping the way the front of the body turns.
"""

from __future__ import annotations

import itertools
import math

Point = tuple[float, float]

ARROW = "#2a9d8f"
OFFSET = 15.0
MIN_TRAVEL = 6.0


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


def along(points: list[Point], away_from: Point, opacity: float = 1.0) -> tuple[str, list[Point]]:
    """An arrow along a path, shifted to the side facing away from the body's centre."""
    if travel(points) < MIN_TRAVEL:
        return "", []
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
    shifted = [(x + nx * OFFSET, y + ny * OFFSET) for x, y in points]
    if max(y for _, y in shifted) > -2:  # would dip under the floor: use the other side
        other = [(x - nx * OFFSET, y - ny * OFFSET) for x, y in points]
        if max(y for _, y in other) < max(y for _, y in shifted):
            shifted = other
    # Trim the ends a little so the arrow reads as a gesture, not a trace.
    trimmed = shifted[1:-1] if len(shifted) > 4 else shifted
    svg = (
        f'<g class="arrow" opacity="{opacity:g}"><path d="{_polyline(trimmed)}" fill="none" '
        f'stroke="{ARROW}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>'
        f"{_head(trimmed[-1], trimmed[-2])}</g>"
    )
    return svg, trimmed


def turn(
    centre: Point, rx: float, ry: float, towards_right: bool, opacity: float = 1.0
) -> tuple[str, list[Point]]:
    """A curved arrow sweeping across the front of a body part (the lower half of an ellipse)."""
    angles = [math.radians(a) for a in range(165, 14, -10)]
    if not towards_right:
        angles = angles[::-1]
    pts = [(centre[0] + rx * math.cos(t), centre[1] + ry * math.sin(t)) for t in angles]
    svg = (
        f'<g class="arrow" opacity="{opacity:g}"><path d="{_polyline(pts)}" fill="none" '
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
