"""`unhunch log` (pain diary) and `unhunch progress` (is it working?)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.panel import Panel
from rich.text import Text

from unhunch.cli.render import console, err_console, print_json
from unhunch.core.diary import Entry, parse_pain, when_for
from unhunch.core.errors import InputError
from unhunch.core.vocab import PAIN_REGIONS, SYMPTOMS, WHENS, PainRegion, Symptom, label

log_app = typer.Typer(
    help="Record how your back feels (0 = no pain, 10 = worst imaginable).",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)

SYMPTOM_QUESTIONS: dict[Symptom, str] = {
    "numbness_tingling": "Any new numbness or tingling in an arm or leg?",
    "night_pain": "Did pain wake you or keep you up at night?",
    "spreading_pain": "Is the pain spreading further down an arm or leg?",
}
SYMPTOM_WORDS: dict[str, str] = {
    "numbness_tingling": "numbness or tingling",
    "night_pain": "night pain",
    "spreading_pain": "spreading pain",
}


@log_app.callback()
def log(ctx: typer.Context) -> None:
    """Answer a few questions about your pain now (or use `unhunch log pain ...`)."""
    if ctx.invoked_subcommand is not None:
        return
    if not sys.stdin.isatty():
        err_console().print(
            "unhunch log asks questions and needs a terminal. Without one, use for example:"
            " unhunch log pain --neck 2 --upper-back 5 --lower-back 0",
            markup=False,
        )
        raise typer.Exit(2)
    try:
        _interactive()
    except (EOFError, KeyboardInterrupt):
        # Leaving half-way is a choice, not an error: nothing is saved until the last answer.
        console().print("\nStopped: nothing recorded.")


def _interactive() -> None:
    from unhunch import clock

    out = console()
    out.print("How does your back feel right now? 0 = no pain, 10 = worst imaginable.")
    out.print("[dim]Press Enter to skip a region.[/]")
    scores: dict[str, int] = {}
    for region in PAIN_REGIONS:
        while True:
            answer = out.input(f"  {label(region).capitalize()} (0-10): ").strip()
            if not answer:
                break
            try:
                scores[region] = parse_pain(region, answer)
                break
            except InputError:
                out.print("  [yellow]Please type a whole number from 0 to 10, or press Enter.[/]")
    if not scores:
        out.print("Nothing recorded: no region had a score.")
        return
    symptoms: list[str] = []
    for symptom, question in SYMPTOM_QUESTIONS.items():
        answer = out.input(f"{question} \\[y/N]: ").strip().lower()
        if answer in ("y", "yes"):
            symptoms.append(symptom)
    note = out.input("A note for yourself (Enter to skip): ").strip() or None
    now = clock.now()
    _record(scores, when_for(now), note, symptoms, now, as_json=False)


@log_app.command("pain")
def log_pain(
    neck: Annotated[str | None, typer.Option(metavar="0-10", help="Neck pain 0-10.")] = None,
    upper_back: Annotated[
        str | None, typer.Option(metavar="0-10", help="Upper-back pain 0-10.")
    ] = None,
    lower_back: Annotated[
        str | None, typer.Option(metavar="0-10", help="Lower-back pain 0-10.")
    ] = None,
    when: Annotated[
        str | None,
        typer.Option(
            metavar="WHEN", help=f"One of: {', '.join(WHENS)} (default: from the time of day)."
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option(metavar="TEXT", help="A short note for yourself.")
    ] = None,
    numbness: Annotated[
        bool, typer.Option("--numbness", help="New numbness or tingling in an arm or leg.")
    ] = False,
    night_pain: Annotated[
        bool, typer.Option("--night-pain", help="Pain woke you or kept you up at night.")
    ] = False,
    spreading: Annotated[
        bool, typer.Option("--spreading", help="Pain spreading further down an arm or leg.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entry as JSON.")] = False,
) -> None:
    """Log pain from 0 to 10 for one or more regions: --neck, --upper-back, --lower-back."""
    from unhunch import clock

    given = {"neck": neck, "upper_back": upper_back, "lower_back": lower_back}
    scores = {r: v for r, v in given.items() if v is not None}
    flags = {"numbness_tingling": numbness, "night_pain": night_pain, "spreading_pain": spreading}
    symptoms = [s for s in SYMPTOMS if flags[s]]
    now = clock.now()
    _record(scores, when or when_for(now), note, symptoms, now, as_json=as_json)


def _record(
    scores: Mapping[str, object],
    when: str,
    note: str | None,
    symptoms: Sequence[str],
    now: dt.datetime,
    as_json: bool,
) -> None:
    from unhunch.services.context import local_context
    from unhunch.services.diary import log_pain as log_pain_service
    from unhunch.services.diary import screen_warnings

    ctx = local_context()
    entry = log_pain_service(ctx, scores, when, note, symptoms, now)
    warnings = screen_warnings(ctx, now, entry)
    if as_json:
        data = entry.model_dump(mode="json")
        data["screen_needed"] = bool(warnings)
        data["warnings"] = list(warnings)
        print_json(data)
        return
    _show_entry(entry)
    if warnings:
        console().print(
            Panel(
                Text(
                    "Your diary shows something the safety questions need to know about:\n"
                    + "\n".join(f"• {w}" for w in warnings)
                    + "\n\nPlease answer them (again) before your next session: run"
                    " `unhunch screen`. If it is severe or getting worse quickly, contact a"
                    " doctor now."
                ),
                title="Safety questions before the next session",
                title_align="left",
                border_style="yellow",
                expand=False,
            ),
            markup=False,
        )


def _show_entry(entry: Entry) -> None:
    out = console()
    parts = " · ".join(f"{label(r)} {p}" for r, p in _in_order(entry.scores))
    day = entry.recorded_at.strftime("%a %-d %b, %H:%M")
    out.print(f"Logged ({label(entry.when)}, {day}): [bold]{parts}[/]")
    if entry.symptoms:
        out.print("Also noted: " + ", ".join(SYMPTOM_WORDS[s] for s in entry.symptoms) + ".")
    if entry.note:
        out.print(f"Note: {entry.note}", markup=False)


def _in_order(scores: dict[PainRegion, int]) -> list[tuple[PainRegion, int]]:
    return [(r, scores[r]) for r in PAIN_REGIONS if r in scores]


def progress(
    days: Annotated[int, typer.Option(help="How many days to look back (7-3660).")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    chart: Annotated[
        Path | None, typer.Option(help="Also draw a chart to this .svg or .png file.")
    ] = None,
) -> None:
    """Is it working? Pain trends per region, sessions, streaks and a chart."""
    from unhunch import clock
    from unhunch.cli.progress_view import show_progress
    from unhunch.core.trends_words import sentences
    from unhunch.services.context import local_context
    from unhunch.services.diary import see_progress

    fmt = None
    if chart is not None:
        from unhunch.services.charts import chart_format

        fmt = chart_format(chart)
    from unhunch.services.breaks_summary import breaks_summary

    now, ctx = clock.now(), local_context()
    report = see_progress(ctx, now, days)
    moved = breaks_summary(ctx, now, days)
    if chart is not None and fmt is not None:
        from unhunch.private import write_private
        from unhunch.services.charts import render_progress_chart

        write_private(chart, render_progress_chart(report, fmt), "--chart")
    if as_json:
        data = report.model_dump(mode="json")
        data["sentences"] = sentences(report)
        data["chart"] = str(chart) if chart else None
        data["breaks"] = moved.to_json()
        print_json(data)
        return
    show_progress(report)
    for said in moved.sentences:
        console().print("• " + said, markup=False)
    if chart is not None:
        console().print(f"Chart saved to {chart}", markup=False)
