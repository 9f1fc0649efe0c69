"""The progress chart: pain per region over time, session days marked (SVG or PNG bytes).

Built on a bare matplotlib Figure with the Agg canvas (no pyplot global state), so the web app
can draw charts from several threads. Colours are the Okabe-Ito palette, which stays distinct
with the common kinds of colour blindness; each region also has its own marker and line style so
the chart still reads in grey print.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any, Literal

from unhunch.core.errors import InputError
from unhunch.core.trends import Progress
from unhunch.core.vocab import PainRegion, label

ChartFormat = Literal["svg", "png"]

STYLE: dict[PainRegion, tuple[str, str, str]] = {
    "neck": ("#0072B2", "o", "-"),  # blue, circles, solid
    "upper_back": ("#E69F00", "s", "--"),  # orange, squares, dashed
    "lower_back": ("#009E73", "^", "-."),  # bluish green, triangles, dash-dot
}
SESSION_COLOUR = "#CC79A7"  # reddish purple: session days


def _num(day: dt.date) -> float:
    """A date as matplotlib's day number (the x-axis unit)."""
    from matplotlib import dates as mdates

    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _date_ticks(first: dt.date, days: int) -> Any:
    """Every day for a week or two (under the day's points, at midday), Mondays for a month or
    two, then months."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import FixedLocator

    if days <= 14:
        step = 1 if days <= 8 else 2
        return FixedLocator([_num(first) + i + 0.5 for i in range(0, days, step)])
    if days <= 62:
        return mdates.WeekdayLocator(byweekday=mdates.MO)  # type: ignore[no-untyped-call]
    if days <= 400:
        return mdates.MonthLocator()  # type: ignore[no-untyped-call]
    return mdates.MonthLocator(bymonth=(1, 4, 7, 10))  # type: ignore[no-untyped-call]


def chart_format(path: Path) -> ChartFormat:
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return "svg"
    if suffix == ".png":
        return "png"
    raise InputError("chart", str(path), "a file name ending in .svg or .png")


def render_progress_chart(data: Progress, fmt: ChartFormat) -> bytes:
    """The chart for a progress report, as SVG (for the web page) or PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import dates as mdates
    from matplotlib.artist import Artist
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    first = data.since
    with matplotlib.rc_context(
        {"svg.hashsalt": "unhunch", "font.size": 11, "svg.fonttype": "none"}
    ):
        figure = Figure(figsize=(8, 4.5), dpi=120, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        # Session days as pale bands behind the lines, a little narrower than a day so two
        # session days in a row still read as two.
        for day in data.sessions.dates:
            start = _num(day)
            axes.axvspan(start + 0.08, start + 0.92, color=SESSION_COLOUR, alpha=0.22, lw=0)
        handles: list[Artist] = []
        for trend in data.regions:
            if not trend.series:
                continue
            colour, marker, line = STYLE[trend.region]
            # Each day's score as a faint dot at midday; the 7-day average as the bold line,
            # so the direction shows through the day-to-day ups and downs.
            axes.plot(
                [_num(d) + 0.5 for d, _ in trend.series],
                [v for _, v in trend.series],
                color=colour,
                marker=marker,
                linestyle="none",
                markersize=4,
                alpha=0.45,
            )
            (handle,) = axes.plot(
                [_num(d) + 0.5 for d, _ in trend.smooth],
                [v for _, v in trend.smooth],
                color=colour,
                marker=marker,
                markevery=[len(trend.smooth) - 1],
                linestyle=line,
                linewidth=2.5,
                markersize=7,
                label=label(trend.region).capitalize(),
            )
            handles.append(handle)
        if data.sessions.dates:
            handles.append(Patch(color=SESSION_COLOUR, alpha=0.3, label="Session day"))
        if not handles:
            axes.text(
                0.5,
                0.5,
                "No pain scores in this period yet",
                ha="center",
                va="center",
                transform=axes.transAxes,
                color="#555555",
            )
        axes.set_ylim(-0.3, 10.3)
        axes.set_yticks(range(0, 11, 2))
        axes.set_ylabel("Pain (0 = none, 10 = worst)")
        axes.set_xlim(_num(first), _num(data.as_of) + 1)
        axes.xaxis_date()
        axes.xaxis.set_major_locator(_date_ticks(first, (data.as_of - first).days + 1))
        axes.xaxis.set_major_formatter(
            mdates.DateFormatter("%-d %b" if (data.as_of - first).days < 120 else "%b %Y")  # type: ignore[no-untyped-call]
        )
        axes.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.set_title(
            f"Pain by region, {first.strftime('%-d %b')} to {data.as_of.strftime('%-d %b %Y')}",
            loc="left",
        )
        if handles:
            axes.set_title(
                "lines: 7-day average · dots: each day",
                loc="right",
                fontsize=9,
                color="#444444",
            )
        if handles:
            axes.legend(
                handles=handles,
                loc="upper center",
                bbox_to_anchor=(0.5, -0.12),
                ncols=len(handles),
                frameon=False,
            )
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()
