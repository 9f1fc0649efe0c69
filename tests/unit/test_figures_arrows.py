"""Arrows say which way the body moves without hiding it: loops for circles, short arrows
beside a small trunk shift, arcs about a still neck, traced paths kept off the body."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from unhunch.content import load_library
from unhunch.core.figure_spec import FigureSpec
from unhunch.core.models import Exercise
from unhunch.figures import render_figure
from unhunch.figures.arrows import clearance, smooth
from unhunch.figures.motion import still_index
from unhunch.figures.picture import _arrow
from unhunch.figures.scene import place_keyframes
from unhunch.figures.svg import outline, plan_drawing

SVG = "{http://www.w3.org/2000/svg}"
LIBRARY = load_library()


def still_arrow(e: Exercise) -> tuple[str, list[tuple[float, float]], float]:
    """(arrow class, its points, how far it keeps from the solid figure) in the still."""
    assert e.figure is not None
    _, placed = place_keyframes(e.figure)
    still = still_index(e)
    d = plan_drawing(e, placed[still].body)
    svg, pts = _arrow(d, e, 0, still, 1.0, placed[still])
    kind = ET.fromstring(svg).get("class") or "" if svg else ""
    return kind, pts, clearance(pts, outline(d, placed[still].body))


def test_a_movement_that_goes_round_gets_a_loop_that_comes_back_to_its_start() -> None:
    for exercise_id in ("arm_circles", "shoulder_rolls"):
        kind, pts, gap = still_arrow(LIBRARY.get(exercise_id))
        assert kind == "arrow loop", exercise_id
        across = max(math.dist(a, b) for a in pts for b in pts)
        assert across >= 20, "big enough to read"
        assert math.dist(pts[0], pts[-1]) < across * 0.6, "it closes on itself"
        assert gap >= 0, "beside the body part, not over it"


def test_loop_is_refused_as_an_unknown_arrow_path_with_the_choices_named() -> None:
    with pytest.raises(ValueError) as err:
        FigureSpec.model_validate({"base": "seated", "keyframes": [{}], "arrow_path": "spiral"})
    assert "to_still" in str(err.value) and "loop" in str(err.value)


def test_a_back_rounding_up_gets_a_short_arrow_above_it_pointing_up() -> None:
    e = LIBRARY.get("cat_cow")
    kind, (tail, tip), gap = still_arrow(e)
    assert kind == "arrow nudge"
    assert tip[1] < tail[1], "points up (screen y grows downwards)"
    assert gap >= 0


def test_a_low_back_pressing_into_the_floor_gets_an_arrow_pointing_down_onto_it() -> None:
    kind, (tail, tip), gap = still_arrow(LIBRARY.get("pelvic_tilt"))
    assert kind == "arrow nudge"
    assert tip[1] > tail[1] and tip[1] < 0, "down, and above the floor"
    assert gap >= 0


def test_a_head_tipping_on_a_still_neck_gets_an_arc_around_it() -> None:
    kind, pts, gap = still_arrow(LIBRARY.get("neck_side_bend"))
    assert kind == "arrow swing"
    assert gap >= 0
    swept = math.degrees(
        abs(math.atan2(pts[-1][1] - pts[0][1], pts[-1][0] - pts[0][0]))
    )  # the chord between its ends is not vertical: it goes across
    assert swept < 80


def test_a_head_rolling_from_shoulder_to_shoulder_dips_through_the_middle() -> None:
    kind, pts, _ = still_arrow(LIBRARY.get("head_half_circles"))
    assert kind == "arrow turn"
    assert max(y for _, y in pts) > max(pts[0][1], pts[-1][1]) + 5, "a U under the chin"


def test_smoothing_rounds_a_kink_but_keeps_the_ends() -> None:
    kinked = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (20.0, 10.0)]
    out = smooth(kinked)
    assert out[0] == kinked[0] and out[-1] == kinked[-1]
    assert out[1] != kinked[1] and out[2] != kinked[2]


@pytest.mark.parametrize("exercise_id", [e.id for e in LIBRARY.all()])
def test_traced_arrows_keep_off_the_solid_figure(exercise_id: str) -> None:
    kind, _, gap = still_arrow(LIBRARY.get(exercise_id))
    if kind in ("", "arrow turn"):  # no arrow, or a sweep across the chest or under the chin
        return
    assert gap >= -1.0, f"{kind} runs {-gap:.1f} units into the body"


def test_still_pictures_name_their_arrow_kind_in_the_svg() -> None:
    root = ET.fromstring(render_figure(LIBRARY.get("shoulder_rolls")))
    assert root.find(f".//{SVG}g[@class='arrow loop']") is not None


def test_shrugging_shoulders_get_a_short_arrow_up_beside_the_head() -> None:
    kind, (tail, tip), gap = still_arrow(LIBRARY.get("shoulder_shrugs"))
    assert kind == "arrow nudge"
    assert tip[1] < tail[1] - 10, "points up"
    assert gap >= 0
