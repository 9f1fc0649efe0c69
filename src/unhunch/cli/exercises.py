"""`unhunch exercises` and `unhunch show`: the library in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.panel import Panel
from rich.table import Table

from unhunch.cli.render import console, print_json, words
from unhunch.content import load_library
from unhunch.core.citations import sources_line
from unhunch.core.models import Exercise
from unhunch.core.vocab import label


def exercises(
    region: Annotated[str | None, typer.Option(help="Only exercises for this region.")] = None,
    position: Annotated[str | None, typer.Option(help="Only this start position.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only this kind of exercise.")] = None,
    search: Annotated[str | None, typer.Option(help="Words in the name or aliases.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the exercise library, filtered by region, position or kind."""
    library = load_library()
    found = library.filter(region=region, position=position, kind=kind)
    if search:
        wanted = {e.id for e in library.search(search)}
        found = [e for e in found if e.id in wanted]
    if as_json:
        print_json([e.model_dump(mode="json") for e in found])
        return
    out = console()
    if not found:
        out.print("No exercises match those filters. Try fewer filters.")
        return
    table = Table(
        title=f"{len(found)} exercises", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    widest_id = max(len(e.id) for e in found)
    table.add_column("exercise (id)", min_width=min(widest_id, 24), overflow="fold")
    table.add_column("mainly for")
    table.add_column("position")
    table.add_column("kind")
    table.add_column("level")
    for e in found:
        table.add_row(
            f"{e.name}\n[cyan]{e.id}[/]",
            e.primary_region.replace("_", " "),
            e.position.replace("_", " "),
            e.kind.replace("_", " "),
            e.level,
        )
    out.print(table)
    out.print("See one with: unhunch show ID")


def show(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="The exercise id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    svg: Annotated[
        Path | None, typer.Option("--svg", metavar="FILE", help="Write the picture as SVG.")
    ] = None,
    animated: Annotated[
        bool, typer.Option("--animated", help="With --svg: the moving picture.")
    ] = False,
) -> None:
    """One exercise: steps, dose, cautions, sources and its picture."""
    library = load_library()
    exercise = library.get(exercise_id)
    if svg is not None:
        from unhunch.cli.figures import write_text
        from unhunch.figures import render_figure

        write_text(svg, render_figure(exercise, animated=animated), "--svg")
        if not as_json:
            console().print(f"Picture written to {svg}")
    if as_json:
        print_json(exercise.model_dump(mode="json"))
        return
    render_exercise(exercise)


def render_exercise(e: Exercise) -> None:
    library = load_library()
    out = console()
    head = f"[bold]{e.name}[/]"
    if e.aliases:
        head += f"  [dim]also called {', '.join(e.aliases)}[/]"
    out.print(head)
    if e.summary:
        out.print(e.summary)
    out.print(
        f"Position: {label(e.position)} · Props: {words(e.equipment)} · "
        f"For: {words(e.regions)} · Level: {e.level}"
    )
    out.print(f"Dose: [bold]{e.dose.describe()}[/]")
    steps = "\n".join(f"{i}. {s}" for i, s in enumerate(e.steps, 1))
    out.print(Panel(steps, title="Steps", title_align="left", expand=False))
    if e.breath:
        out.print(f"Breath: {e.breath}")
    out.print("What to feel: " + " ".join(e.cues))
    out.print(
        Panel(
            "\n".join(f"• {c}" for c in e.cautions),
            title="Stop or change it if",
            title_align="left",
            border_style="yellow",
            expand=False,
        )
    )
    easier = [library.exercises[v].name for v in e.variations.easier if v in library.exercises]
    harder = [library.exercises[v].name for v in e.variations.harder if v in library.exercises]
    if easier:
        out.print("Easier: " + ", ".join(easier))
    if harder:
        out.print("Harder: " + ", ".join(harder))
    out.print(sources_line(e.sources, library.sources), style="dim")
