"""Every figure fills the 300:220 box the pages show it in, and nothing sits on the body.

The frame only ever grows above a wide pose or on both sides of a tall one, so the breath
circle in the top right corner stays clear; the library-wide test below holds us to it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from unhunch.content import load_library
from unhunch.core.models import Exercise
from unhunch.figures import render_figure
from unhunch.figures.motion import timeline
from unhunch.figures.svg import plan_drawing

SVG = "{http://www.w3.org/2000/svg}"
LIBRARY = load_library()
IDS = [e.id for e in LIBRARY.all()]


def view_box(svg: str) -> tuple[float, float, float, float]:
    x, y, w, h = (float(v) for v in (ET.fromstring(svg).get("viewBox") or "").split())
    return x, y, w, h


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_figure_has_the_shape_of_the_box_it_is_shown_in(exercise_id: str) -> None:
    e = LIBRARY.get(exercise_id)
    for svg in (render_figure(e), render_figure(e, animated=True)):
        _, _, w, h = view_box(svg)
        assert w / h == pytest.approx(300 / 220, rel=1e-3)


def test_a_body_lying_on_the_floor_fills_its_frame_instead_of_sitting_small() -> None:
    lying = LIBRARY.get("constructive_rest")
    _, _, w, _ = view_box(render_figure(lying))
    # The body is about 180 units long: it should span well over half the picture.
    assert w < 260


def under_breath_circle(e: Exercise) -> list[str]:
    """Body points that an animated hold draws under its breath circle or its word."""
    svg = render_figure(e, animated=True)
    circle = ET.fromstring(svg).find(f".//{SVG}circle[@class='breath']")
    assert circle is not None
    k = view_box(svg)[2] / 300
    cx, cy = float(circle.get("cx") or 0), float(circle.get("cy") or 0)
    tl = timeline(e)
    d = plan_drawing(e, tl.frames[0].placed.body)
    return [
        name
        for frame in tl.frames
        for name, (px, py) in d.points(frame.placed.body).items()
        # the circle at its largest, and the word under it
        if abs(px - cx) < 26 * k and cy - 12 * k < py < cy + 26 * k
    ]


@pytest.mark.parametrize("exercise_id", [e.id for e in LIBRARY.all() if e.dose.measure != "reps"])
def test_the_breath_circle_never_sits_on_the_body(exercise_id: str) -> None:
    assert under_breath_circle(LIBRARY.get(exercise_id)) == []


def wall_height(svg: str) -> float:
    from unhunch.figures.props import WALL

    walls = [r for r in ET.fromstring(svg).iter(f"{SVG}rect") if r.get("fill") == WALL]
    assert walls
    return max(float(r.get("height") or 0) for r in walls)


def test_a_wall_is_a_little_taller_than_the_body_reaches() -> None:
    legs_up = render_figure(LIBRARY.get("legs_up_the_wall"))
    standing = render_figure(LIBRARY.get("wall_chin_tucks"))
    assert wall_height(legs_up) < 160, "legs up a wall do not sit small under a tall wall"
    assert wall_height(standing) > 180, "a standing person has wall above their head"
