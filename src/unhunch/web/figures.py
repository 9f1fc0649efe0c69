"""Exercise pictures for the pages, from the figures package (SVG strings)."""

from __future__ import annotations

from html import escape

from unhunch.core.models import Exercise


def figure_svg(exercise: Exercise, *, animated: bool, side: str) -> str:
    try:
        from unhunch.figures import render_figure  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return placeholder(exercise)
    svg = render_figure(exercise, animated=animated, side=side)
    assert isinstance(svg, str)
    return svg


def placeholder(exercise: Exercise) -> str:
    """Shown only until the figures package lands: a calm frame with the exercise's name."""
    name = escape(exercise.name)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" role="img">'
        f"<title>{name}</title>"
        '<rect x="4" y="4" width="192" height="192" rx="16" fill="#eef4f2" stroke="#9bb8b0"/>'
        f'<text x="100" y="105" text-anchor="middle" font-size="14" fill="#2d4a43">{name}</text>'
        "</svg>"
    )
