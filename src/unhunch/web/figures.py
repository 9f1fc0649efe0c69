"""Exercise pictures for the pages: SVG strings from the figures package."""

from __future__ import annotations

from unhunch.core.models import Exercise
from unhunch.figures import render_figure


def figure_svg(exercise: Exercise, *, animated: bool, side: str) -> str:
    return render_figure(exercise, animated=animated, side=side)
