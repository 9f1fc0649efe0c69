"""`unhunch plan`: today's routine for a profile, block by block (or JSON)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

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
from unhunch.core.library import Library
from unhunch.core.models import Routine

BLOCK_TITLES = {"warm_up": "Warm-up", "main": "Main", "cool_down": "Cool-down"}
LINE = 78  # the routine's lines stay inside an 80-column terminal
DOSE_MIN = 12


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


def _count(n: int) -> str:
    return f"{n} exercise" if n == 1 else f"{n} exercises"


def routine_lines(routine: Routine, names: dict[str, str]) -> list[Text]:
    """The routine as calm lines: the total at the top, then each block with its subtotal,
    each exercise on one line (number, name, dose, time) and its reason dimmed beneath."""
    items = routine.items
    name_w = max((len(names.get(i.exercise, i.exercise)) for i in items), default=10)
    dose_w = max((len(i.dose.describe()) for i in items), default=10)
    name_w = min(name_w, LINE - DOSE_MIN - 15)
    dose_w = min(dose_w, LINE - name_w - 15)
    width = 5 + name_w + 2 + dose_w + 2 + 5
    lines = [
        Text.assemble(
            ("Your routine today", "bold"),
            f" · {clock_text(routine.total_seconds)} in all · {_count(len(items))}",
        ),
        Text("Times include getting into position.", style="dim"),
    ]
    number = 0
    for block in routine.blocks:
        seconds = sum(i.seconds for i in block.items)
        title = BLOCK_TITLES[block.name]
        if len(block.items) > 1:
            title += f" · {_count(len(block.items))}"
        lines.append(Text(""))
        lines.append(
            Text.assemble(
                (title, "bold"), " " * max(1, width - len(title) - 5), clock_text(seconds)
            )
        )
        for item in block.items:
            number += 1
            name = names.get(item.exercise, item.exercise)
            lines.append(
                Text.assemble(
                    f"{number:>3}  ",
                    (f"{name:<{name_w}}", "bold"),
                    f"  {item.dose.describe():<{dose_w}}  {clock_text(item.seconds):>5}",
                )
            )
            lines.append(Text(f"     {item.why}", style="dim"))
    return lines


def names_of(library: Library, exercise_id: str) -> str:
    return library.exercises[exercise_id].name if exercise_id in library.exercises else exercise_id


def _bullets(texts: Iterable[str]) -> Table:
    """Bullets whose wrapped lines stay indented under their text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(max_width=LINE - 4)
    for text in texts:
        grid.add_row("•", text)
    return grid


def render_routine(routine: Routine) -> None:
    from unhunch.content import load_library

    library = load_library()
    names = {
        i.exercise: library.exercises[i.exercise].name
        for i in routine.items
        if i.exercise in library.exercises
    }
    out = console()
    for line in routine_lines(routine, names):
        out.print(line)
    out.print()
    if routine.excluded:
        out.print("[bold]Left out for your conditions[/]")
        out.print(_bullets(excluded_by_condition(routine, library)))
    if routine.notes:
        out.print("[bold]Notes[/]")
        out.print(_bullets(routine.notes))
    out.print("Stop any exercise that causes sharp pain, or pain, numbness or tingling that")
    out.print("spreads into an arm or leg. Start it with: [bold]unhunch start[/]")


def excluded_by_condition(routine: Routine, library: Library) -> list[str]:
    """One line per condition, in plain words: 'Osteoporosis (no forward bending): Cat-cow, …'."""
    from unhunch.core.conditions import REMOVES
    from unhunch.core.vocab import MOVEMENT_WORDS

    grouped: dict[str, list[str]] = {}
    tags_of: dict[str, set[str]] = {}
    for item in routine.excluded:
        for part in item.reason.split("; "):
            condition, _, tag = part.partition(": ")
            names = grouped.setdefault(condition, [])
            name = names_of(library, item.exercise)
            if name not in names:
                names.append(name)
            tags_of.setdefault(condition, set()).add(
                MOVEMENT_WORDS.get(tag.replace(" ", "_"), tag)  # type: ignore[call-overload]
            )
    lines = []
    for condition, names in grouped.items():
        known = condition in REMOVES
        what = ", ".join(sorted(tags_of[condition])) if known else ""
        head = condition.replace("_", " ").capitalize() + (f" (no {what})" if what else "")
        lines.append(f"{head}: {', '.join(names)}")
    return lines
