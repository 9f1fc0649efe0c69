"""`unhunch breaks`: when the next movement break is, the schedule, the reminder loop, a calendar.

Thin: parse, call services/breaks.py, render. The reminder loop lives in cli/breaks_run.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unhunch.cli.render import console, print_json

if TYPE_CHECKING:
    from rich.console import Console

    from unhunch.core.breaks import BreakSettings
    from unhunch.services.breaks import NextBreak

breaks_app = typer.Typer(
    help="Movement breaks: get up and move about once an hour, with a short routine for your back.",
    no_args_is_help=False,
    rich_markup_mode=None,
)


@breaks_app.callback(invoke_without_command=True)
def breaks_default(ctx: typer.Context) -> None:
    """With no command: when the next break is."""
    if ctx.invoked_subcommand is None:
        next_(as_json=False)


def when_words(at: dt.datetime, now: dt.datetime, settings: BreakSettings) -> str:
    """'now', 'at 10:40 (in 25 minutes)', 'Tue 3 Mar at 09:50'."""
    from unhunch.core.breaks_routine import minutes_words

    local, today = at.astimezone(settings.zone), now.astimezone(settings.zone)
    if at <= now:
        return "now"
    if local.date() == today.date():
        return f"at {local:%H:%M} (in {minutes_words((at - now).total_seconds() / 60)})"
    return f"{local:%a} {local.day} {local:%b} at {local:%H:%M}"


def show_next(out: Console, found: NextBreak, now: dt.datetime) -> None:
    from rich.panel import Panel

    from unhunch.content import load_library
    from unhunch.core.breaks_routine import SOURCES, WHY
    from unhunch.core.citations import sources_line

    if found.due is None or found.content.kind == "none":
        reason = found.content.reason or "no break is planned"
        out.print(Panel(f"No movement-break reminders: {reason}.", border_style="yellow"))
        return
    title = f"Next movement break: {when_words(found.due.at, now, found.settings)}"
    body = found.content.text
    if found.due.snoozes:
        body += f"\n\nSnoozed {found.due.snoozes} of {found.due.max_snoozes} times."
    out.print(Panel(body, title=title, title_align="left", border_style="cyan"))
    out.print(f"{WHY} {sources_line(SOURCES, load_library().sources)}.", style="dim")


@breaks_app.command("next")
def next_(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """When the next break is due, and the short routine it holds."""
    from unhunch import clock
    from unhunch.services.breaks import find_next
    from unhunch.services.context import local_context

    now = clock.now()
    found = find_next(local_context(), now)
    if as_json:
        print_json(found.to_json())
        return
    show_next(console(), found, now)


@breaks_app.command("settings")
def settings(
    interval: Annotated[
        int | None, typer.Option(help="Minutes of sitting between breaks (10-240).")
    ] = None,
    start: Annotated[str | None, typer.Option(help="Working day starts, HH:MM.")] = None,
    end: Annotated[str | None, typer.Option(help="Working day ends, HH:MM.")] = None,
    days: Annotated[str | None, typer.Option(help="Working days: mon-fri, or mon,wed,fri.")] = None,
    quiet: Annotated[
        str | None, typer.Option(help="No breaks in these periods: 12:30-13:30 (or none).")
    ] = None,
    snooze: Annotated[int | None, typer.Option(help="Snooze length in minutes (1-60).")] = None,
    max_snoozes: Annotated[int | None, typer.Option(help="Snoozes allowed per break.")] = None,
    minutes: Annotated[
        int | None, typer.Option(help="Length of each break's routine (1-3).")
    ] = None,
    place: Annotated[
        str | None, typer.Option(help="Where the routine is done: mixed, desk or standing.")
    ] = None,
    tz: Annotated[str | None, typer.Option(help="Time zone, e.g. Europe/London.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show the break schedule, or change it with any of the options."""
    from rich.table import Table

    from unhunch.core.breaks_settings import describe
    from unhunch.services import breaks
    from unhunch.services.context import local_context

    ctx = local_context()
    changes = {
        "interval": interval,
        "start": start,
        "end": end,
        "days": days,
        "quiet": quiet,
        "snooze": snooze,
        "max_snoozes": max_snoozes,
        "minutes": minutes,
        "place": place,
        "tz": tz,
    }
    changed = any(v is not None for v in changes.values())
    current = breaks.change_settings(ctx, changes) if changed else breaks.get_settings(ctx)
    if as_json:
        print_json(current.model_dump(mode="json"))
        return
    table = Table(title="Movement breaks" + (" (saved)" if changed else ""), show_header=False)
    table.add_column(style="bold")
    table.add_column()
    for name, words in describe(current).items():
        table.add_row(name.capitalize(), words)
    out = console()
    out.print(table)
    if not changed:
        out.print(
            "Change with e.g. unhunch breaks settings --interval 45 --quiet 12:30-13:30",
            style="dim",
            markup=False,
        )


@breaks_app.command("ics")
def ics(
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write to this file (stdout without it).")
    ] = None,
    days: Annotated[int, typer.Option(help="How many days ahead (1-31).")] = 7,
) -> None:
    """The coming week's breaks as an iCalendar (.ics) file for a calendar app."""
    import sys

    from unhunch import clock
    from unhunch.services.breaks_calendar import calendar_bytes
    from unhunch.services.context import local_context

    data = calendar_bytes(local_context(), clock.now(), days)
    if out_file is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from unhunch.private import write_private

    write_private(out_file, data, "--out")
    console().print(f"Saved {data.count(b'BEGIN:VEVENT')} breaks to {out_file}", markup=False)


@breaks_app.command("log")
def log(
    taken: Annotated[bool, typer.Option("--taken", help="You took a break just now.")] = False,
    skipped: Annotated[bool, typer.Option("--skipped", help="You skipped the break.")] = False,
    snoozed: Annotated[bool, typer.Option("--snoozed", help="Put the break off a little.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Record a break you took (or skipped) without the reminder loop."""
    from unhunch import clock
    from unhunch.core.errors import InputError
    from unhunch.services import breaks
    from unhunch.services.context import local_context

    chosen = [
        name for name, on in (("taken", taken), ("skipped", skipped), ("snoozed", snoozed)) if on
    ]
    if len(chosen) != 1:
        raise InputError(
            "action",
            " ".join(f"--{c}" for c in chosen) or "none",
            "exactly one of --taken, --skipped or --snoozed",
        )
    ctx, now = local_context(), clock.now()
    action = chosen[0]
    if action == "taken":
        breaks.take(ctx, now)
    elif action == "skipped":
        breaks.skip(ctx, now)
    else:
        breaks.snooze(ctx, now)
    found = breaks.find_next(ctx, now)
    if as_json:
        print_json({"recorded": action, "next": found.to_json()})
        return
    out = console()
    out.print(f"Recorded: break {action}.", markup=False)
    show_next(out, found, now)


@breaks_app.command("run")
def run(
    quiet: Annotated[bool, typer.Option("--quiet", help="No bell and no desktop pop-up.")] = False,
) -> None:
    """Stay open through the working day: a reminder when a break is due.

    Keys at a reminder: Enter or s starts the routine, z snoozes, x skips. Ctrl-C ends.
    """
    from unhunch.cli.breaks_run import run_loop

    run_loop(quiet)
