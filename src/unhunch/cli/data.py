"""`unhunch export` and `unhunch import`: all your records out, and back into an empty store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from unhunch.cli.render import console, err_console, print_json


def export(
    fmt: Annotated[str, typer.Option("--format", help="json or csv.")] = "json",
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file (default: standard output).")
    ] = None,
) -> None:
    """Everything you recorded (profile, screens, sessions, diary, breaks, settings)."""
    from unhunch import clock
    from unhunch.services.context import local_context
    from unhunch.services.export import export_text

    text = export_text(local_context(), fmt, clock.now())
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from unhunch.private import write_private

    write_private(out, text, "--out")
    err_console().print(f"Exported to {out}", markup=False)


def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A JSON or CSV export.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print what was imported as JSON.")
    ] = False,
) -> None:
    """Restore an export into an empty store (checked in full before anything is written)."""
    from unhunch.input_files import read_input_file
    from unhunch.services.context import local_context
    from unhunch.services.export import import_text

    text = read_input_file(file, "FILE")
    done = import_text(local_context(), text, str(file))
    if as_json:
        print_json({"imported": done.counts, "total": done.total})
        return
    parts = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in done.counts.items() if n)
    console().print(f"Imported {done.total} records: {parts or 'nothing'}.", markup=False)
