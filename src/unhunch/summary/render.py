"""The clinician summary as HTML (Jinja2) and as exactly one A4 PDF page (WeasyPrint).

The page must never spill onto a second sheet: it is rendered at the roomiest layout first and,
only when that runs over, again with a smaller chart, tighter spacing and shorter lists. The
safety screen and its reasons are never cut at any level.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from unhunch.core.vocab import label
from unhunch.summary.model import NextMorningPart, RegionPart, Summary

HERE = Path(__file__).parent
MINUS = "\u2212"
# Per fit level: how many stopped sessions / exercises and routine lines are listed, and the
# chart's width in mm (matplotlib draws it 8 x 4.5 inches; at 180 mm its text is about 9 pt).
# The last level leaves the chart out: a page that cannot hold everything keeps the words.
LIMITS = ((6, 16, 180), (5, 12, 170), (4, 10, 150), (3, 8, 130), (2, 6, 110), (2, 6, 0))


class DoesNotFit(RuntimeError):
    """Even the tightest layout took more than one page (a bug: lists are capped)."""


def day(value: dt.date) -> str:
    return value.strftime("%-d %b %Y")


def short(value: dt.date) -> str:
    return value.strftime("%-d %b")


def moment(value: dt.datetime) -> str:
    return value.strftime("%-d %b %Y %H:%M")


def ago(days: int) -> str:
    if days <= 0:
        return "today"
    return "1 day ago" if days == 1 else f"{days} days ago"


def num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def signed(value: float) -> str:
    return f"{MINUS}{abs(value):.1f}" if value < 0 else f"+{value:.1f}"


def change(region: RegionPart) -> str:
    """The change from the first week with the meaningful-change verdict (core/trends' rule)."""
    if region.change is None:
        return "too early to compare" if region.avg_7 is not None else "no scores this week"
    if region.change == 0:
        return "0.0, no change"
    if not region.meaningful:
        return f"{signed(region.change)}, too small to count"
    verdict = "meaningful improvement" if region.change < 0 else "meaningful rise"
    return f"{signed(region.change)}, {verdict}"


def morning(item: NextMorningPart) -> str:
    text = (
        f"{label(item.region).capitalize()}: averaged {num(item.avg_next_morning)} on "
        f"{item.nights} morning{'' if item.nights == 1 else 's'} after a session"
    )
    if item.compared == 0:
        return text + "."
    return text + (
        f"; {item.worse} of {item.compared} were 2+ points worse than that day's morning."
    )


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        day=day, short=short, moment=moment, ago=ago, num=num, change=change, morning=morning
    )
    env.filters.update(label=label)
    return env


def inline_svg(svg: str, width_mm: int) -> Markup:
    """matplotlib's SVG document as an element for the page: no XML prolog or doctype, and
    drawn `width_mm` wide in its own proportions (WeasyPrint sizes inline SVG by its
    attributes, not by the style sheet)."""
    start = svg.find("<svg")
    element = svg[start:] if start >= 0 else svg
    found = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', element)
    ratio = float(found[2]) / float(found[1]) if found else 9 / 16
    size = f'width="{width_mm}mm" height="{width_mm * ratio:.1f}mm"'
    element = re.sub(r'width="[^"]*" height="[^"]*"', size, element, count=1)
    return Markup(element)  # our own chart, drawn by matplotlib from numbers: no user text


def render_html(summary: Summary, chart_svg: str | None, fit: int = 0) -> str:
    limit, routine_limit, chart_mm = LIMITS[fit]
    return (
        environment()
        .get_template("page.html")
        .render(
            s=summary,
            css=Markup((HERE / "page.css").read_text(encoding="utf-8")),
            chart=inline_svg(chart_svg, chart_mm) if chart_svg and chart_mm else None,
            chart_left_out=bool(chart_svg) and not chart_mm,
            fit=fit,
            limit=limit,
            routine_limit=routine_limit,
        )
    )


def render_pdf(summary: Summary, chart_svg: str | None) -> bytes:
    """Exactly one A4 page: the roomiest layout that fits."""
    import logging

    from weasyprint import HTML

    # WeasyPrint reports CSS it skips at WARNING; that is noise for a person running a command.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    for fit in range(len(LIMITS)):
        document: Any = HTML(string=render_html(summary, chart_svg, fit)).render()
        if len(document.pages) == 1:
            return bytes(document.write_pdf())
    raise DoesNotFit(f"the summary took {len(document.pages)} pages at the tightest layout")
