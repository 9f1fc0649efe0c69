"""Exercise figures: a skeleton posed from key poses, drawn as SVG, still or animated.

`render_figure` is the one entry point the web app and the CLI use.
"""

from __future__ import annotations

from unhunch.core.errors import InputError
from unhunch.core.models import Exercise

SIDES = ("left", "right")


def render_figure(exercise: Exercise, animated: bool = False, side: str = "left") -> str:
    """The exercise as an SVG document string: a <title>, a viewBox and no fixed pixel size.

    animated=True moves between the key poses at the exercise's tempo (SMIL, no script); for a
    bilateral exercise it does the left side, then the right side as a mirror image.
    side="right" gives the still picture of the right side (the mirror of the left).
    """
    from unhunch.figures.picture import placeholder, render

    if side not in SIDES:
        raise InputError("side", side, "left, right")
    if exercise.figure is None:
        return placeholder(exercise)
    return render(exercise, animated, side)


__all__ = ["render_figure"]
