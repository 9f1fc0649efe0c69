"""`unhunch plan`: today's routine for a profile, as a table by block (or JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from unhunch.cli.profile import (
    At,
    BreathSeconds,
    Conditions,
    Excludes,
    Favourites,
    Level,
    LowerBack,
    Minutes,
    Neck,
    Props,
    UpperBack,
    any_option,
    build_profile,
    merge_options,
    read_profile_file,
)
from unhunch.cli.render import console, print_json
from unhunch.core.errors import InputError
from unhunch.core.models import Routine

BLOCK_TITLES = {"warm_up": "Warm-up", "main": "Main", "cool_down": "Cool-down"}


def plan(
    profile_file: Annotated[
        Path | None,
        typer.Option("--profile", metavar="FILE", help="A JSON profile (spec shape)."),
    ] = None,
    neck: Neck = None,
    upper_back: UpperBack = None,
    lower_back: LowerBack = None,
    minutes: Minutes = None,
    at: At = None,
    props: Props = None,
    level: Level = None,
    condition: Conditions = None,
    favourite: Favourites = None,
    exclude: Excludes = None,
    breath_seconds: BreathSeconds = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the routine as JSON.")] = False,
) -> None:
    """Today's routine: warm-up, main and cool-down, each with a dose, time and reason.

    Uses your saved profile (`unhunch profile set`), a --profile FILE, or the options given
    (laid over the saved profile). Refuses (exit 3) until the safety screen allows coaching.
    """
    from unhunch import clock
    from unhunch.services.context import local_context
    from unhunch.services.planning import NO_PROFILE, load_profile, plan_today

    ctx = local_context()
    options = (
        neck,
        upper_back,
        lower_back,
        minutes,
        at,
        props,
        level,
        condition,
        favourite,
        exclude,
        breath_seconds,
    )
    if profile_file is not None:
        base = read_profile_file(profile_file)
    else:
        saved = load_profile(ctx)
        if saved is None and not any_option(*options):
            raise InputError("profile", "none saved yet", "a saved profile", NO_PROFILE)
        base = saved.model_dump(mode="json", exclude={"date"}) if saved else {}
    profile = build_profile(merge_options(base, *options))
    routine = plan_today(ctx, clock.now(), profile=profile)
    if as_json:
        print_json(routine)
        return
    render_routine(routine)


def clock_text(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


def render_routine(routine: Routine) -> None:
    from unhunch.content import load_library

    library = load_library()
    out = console()
    total = routine.total_seconds
    out.print(f"[bold]Your routine today[/] · {clock_text(total)} in all")
    number = 0
    for block in routine.blocks:
        seconds = sum(i.seconds for i in block.items)
        table = Table(
            title=f"{BLOCK_TITLES[block.name]} · {clock_text(seconds)}",
            title_justify="left",
            show_lines=False,
            expand=False,
        )
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("exercise", max_width=22)
        table.add_column("dose", max_width=18)
        table.add_column("time", justify="right", no_wrap=True)
        table.add_column("why", max_width=30)
        for item in block.items:
            number += 1
            name = (
                library.exercises[item.exercise].name
                if item.exercise in library.exercises
                else item.exercise
            )
            table.add_row(
                str(number), name, item.dose.describe(), clock_text(item.seconds), item.why
            )
        out.print(table)
    out.print(f"Total: [bold]{clock_text(total)}[/] (times include getting into position).")
    if routine.excluded:
        out.print("[bold]Left out for your conditions[/]")
        for ex in routine.excluded:
            out.print(f"  • {ex.exercise}: {ex.reason}")
    if routine.notes:
        out.print("[bold]Notes[/]")
        for note in routine.notes:
            out.print(f"  • {note}")
    out.print("Stop any exercise that causes sharp pain, or pain, numbness or tingling that")
    out.print("spreads into an arm or leg. Start it with: [bold]unhunch start[/]")
