"""How `unhunch progress` looks in the terminal: a table with sparklines, then plain sentences."""

from __future__ import annotations

from rich import box
from rich.table import Table

from unhunch.cli.render import console
from unhunch.core.trends import Progress, RegionTrend
from unhunch.core.trends_words import day_marks, sentences, sparkline
from unhunch.core.vocab import label

SPARK_WIDTH = 30


def _change_cell(trend: RegionTrend) -> str:
    if trend.change is None:
        return "[dim]not yet[/]"
    arrow = "↓" if trend.change < 0 else ("↑" if trend.change > 0 else "→")
    text = f"{arrow} {abs(trend.change):.1f}"
    if not trend.meaningful:
        return text
    return f"[bold green]{text} ✓[/]" if trend.change < 0 else f"[bold red]{text} ![/]"


def _avg(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def show_progress(report: Progress) -> None:
    out = console()
    first = report.since
    shown = (report.as_of - first).days + 1
    out.print(
        f"[bold]Progress[/] · {first.strftime('%-d %b')} to {report.as_of.strftime('%-d %b %Y')}"
        f" ({shown} days)"
    )
    if not report.regions:
        out.print("No pain scores yet. Log one with: unhunch log pain --lower-back 4")
    else:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        table.add_column("region")
        table.add_column("pain each day, 0-10", no_wrap=True)
        table.add_column("last", justify="right")
        table.add_column("week", justify="right")
        table.add_column("30 d", justify="right")
        table.add_column("vs 1st wk", justify="right", no_wrap=True)
        for trend in report.regions:
            table.add_row(
                label(trend.region),
                "[cyan]" + sparkline(trend.series, first, report.as_of, SPARK_WIDTH) + "[/]",
                str(trend.latest),
                _avg(trend.avg_7),
                _avg(trend.avg_30),
                _change_cell(trend),
            )
        stats = report.sessions
        table.add_row(
            "[dim]sessions[/]",
            "[magenta]" + day_marks(stats.dates, first, report.as_of, SPARK_WIDTH) + "[/]",
            "",
            str(stats.this_week),
            str(stats.total_window) if report.days == 30 else "",
            "",
        )
        out.print(table)
        out.print(
            "[dim]↓ less pain · ✓ a meaningful change (2 points or 30 %, source D17)\n"
            "· no score that day · ● a day with a session[/]"
        )
    out.print()
    for line in sentences(report):
        out.print("• " + line, markup=False)
