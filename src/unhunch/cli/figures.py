"""`unhunch figures --out DIR`: every picture, still and animated, and a contact sheet."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Annotated

import typer

from unhunch.cli.render import console
from unhunch.content import load_library
from unhunch.core.errors import InputError
from unhunch.core.models import Exercise
from unhunch.core.vocab import label
from unhunch.private import private_folder, write_private


def write_text(path: Path, text: str, option: str) -> None:
    """Write a file, or explain (exit 2) why it cannot be written."""
    write_private(path, text, option)


def figures(
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help="Folder for the SVG files and index.html.")
    ],
) -> None:
    """Write every exercise's picture (still and animated) and an HTML contact sheet."""
    from unhunch.figures import render_figure

    try:
        private_folder(out)
    except OSError as exc:
        raise InputError(
            "--out", str(out), "a folder you can write to", exc.strerror or ""
        ) from None
    library = load_library()
    exercises = library.all()
    with console().status("Drawing figures…") as status:
        for n, e in enumerate(exercises, 1):
            status.update(f"Drawing figures… {n}/{len(exercises)} {e.id}")
            write_text(out / f"{e.id}.svg", render_figure(e), "--out")
            write_text(out / f"{e.id}-animated.svg", render_figure(e, animated=True), "--out")
            if e.bilateral:
                write_text(out / f"{e.id}-right.svg", render_figure(e, side="right"), "--out")
    write_text(out / "index.html", contact_sheet(exercises), "--out")
    console().print(
        f"Wrote {len(exercises)} figures to {out}. Open {out / 'index.html'} to review them."
    )


def _card(e: Exercise) -> str:
    sides = f' <img src="{e.id}-right.svg" alt="">' if e.bilateral else ""
    return (
        f'<figure id="{e.id}"><div class="pics"><img src="{e.id}.svg" alt="{escape(e.name)}">'
        f'<img src="{e.id}-animated.svg" alt="">{sides}</div>'
        f"<figcaption><b>{escape(e.name)}</b> <code>{e.id}</code><br>"
        f"{escape(label(e.position))} · {escape(e.dose.describe())}<br>"
        f"1. {escape(e.steps[0])}</figcaption></figure>"
    )


def contact_sheet(exercises: list[Exercise]) -> str:
    """One page with every figure: still, animated and (for one-sided work) the right side."""
    cards = "\n".join(_card(e) for e in exercises)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>unhunch figures</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1rem; color: #223; }}
main {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 1rem; }}
figure {{ margin: 0; border: 1px solid #dde3ea; border-radius: 8px; padding: .5rem; }}
.pics {{ display: flex; gap: .25rem; }}
.pics img {{ flex: 1; min-width: 0; background: #fff; }}
</style></head><body>
<h1>unhunch figures ({len(exercises)})</h1>
<p>Each row: the still picture (pale figure = where you start), the animation, and the right
side for one-sided exercises. Regenerate with <code>unhunch figures --out DIR</code>.</p>
<main>
{cards}
</main></body></html>
"""
