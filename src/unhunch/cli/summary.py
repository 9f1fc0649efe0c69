"""`unhunch summary --pdf FILE`: the one-page summary a person brings to their clinician."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from unhunch.cli.render import console, print_json
from unhunch.core.errors import InputError
from unhunch.private import write_private


def summary(
    pdf: Annotated[
        Path | None,
        typer.Option("--pdf", metavar="FILE", help="Write the one-page summary to this .pdf file."),
    ] = None,
    days: Annotated[
        int, typer.Option(metavar="N", help="How many days to look back (7-3660).")
    ] = 30,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary's data as JSON (still writes --pdf).")
    ] = False,
) -> None:
    """A one-page summary for your physiotherapist or doctor: screen, pain trends, sessions."""
    from unhunch import clock
    from unhunch.services.context import local_context
    from unhunch.services.summary import clinician_summary, summary_pdf

    if pdf is None and not as_json:
        raise InputError(
            "--pdf",
            "missing",
            "a file name ending in .pdf",
            "Say where to write the summary, e.g. `unhunch summary --pdf summary.pdf` "
            "(or use --json to print its data).",
        )
    if not 7 <= days <= 3660:
        raise InputError("--days", days, "a whole number of days from 7 to 3660")
    if pdf is not None:
        check_writable(pdf)
    now, ctx = clock.now(), local_context()
    if pdf is None:
        print_json(clinician_summary(ctx, now, days).model_dump(mode="json") | {"pdf": None})
        return
    with drawing(quiet=as_json):
        data, document = summary_pdf(ctx, now, days)
        write_private(pdf, document, "--pdf")
    if as_json:
        print_json(data.model_dump(mode="json") | {"pdf": str(pdf)})
        return
    out = console()
    out.print(
        Text(
            f"Summary of {data.period_from:%-d %b} to {data.period_to:%-d %b %Y} saved to {pdf} "
            "(one A4 page). Print it or bring it to your physiotherapist or doctor."
        )
    )
    if data.screen is not None and data.screen.raised:
        out.print(Text(f"It shows your last safety screen first: {data.screen.title}."))
    if not data.has_data:
        out.print(
            Text("Nothing is recorded yet, so the page says so. Log pain with `unhunch log`.")
        )


@contextlib.contextmanager
def drawing(quiet: bool) -> Iterator[None]:
    """A spinner while the page renders (a second or two), only on a terminal."""
    out = console()
    if quiet or not out.is_terminal:
        yield
        return
    with out.status("Drawing your summary…"):
        yield


def check_writable(path: Path) -> None:
    """Refuse a path the PDF cannot go to before any work is done (exit 2 naming --pdf)."""
    allowed = "a .pdf file in a folder you can write to"
    if path.suffix.lower() != ".pdf":
        raise InputError("--pdf", str(path), "a file name ending in .pdf")
    if path.is_dir():
        raise InputError("--pdf", str(path), allowed, f"{path} is a folder, not a file.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("--pdf", str(path), allowed, f"There is no folder {folder}.")
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InputError("--pdf", str(path), allowed, f"Cannot write to {path}.")
