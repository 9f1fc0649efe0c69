"""Everything out (JSON or CSV) and back into an empty store: one use case each.

The file formats are described in services/export_format.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from unhunch.core.errors import InputError
from unhunch.services.context import Context
from unhunch.services.export_format import document, parse, to_csv, to_json
from unhunch.services.import_check import check
from unhunch.store import export_rows
from unhunch.store.db import transaction

ExportFormat = Literal["json", "csv"]
FORMATS: tuple[ExportFormat, ...] = ("json", "csv")


def export_text(ctx: Context, fmt: str, now: dt.datetime) -> str:
    """All of the person's records as one JSON document or one CSV table."""
    if fmt not in FORMATS:
        raise InputError("format", fmt, ", ".join(FORMATS))
    with transaction(ctx.database_url) as connection:
        rows = export_rows.dump(connection, ctx.person)
    doc = document(rows, now)
    return to_json(doc) if fmt == "json" else to_csv(doc)


@dataclass(frozen=True)
class Imported:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def import_text(ctx: Context, text: str, source: str) -> Imported:
    """Restore an export into an empty store, all or nothing.

    The whole file is checked before anything is written, and the writing is one transaction,
    so a bad file or a crash leaves the store exactly as it was.
    """
    rows = check(parse(text, source), source)
    with transaction(ctx.database_url) as connection:
        existing = export_rows.count(connection, ctx.person)
        if existing:
            raise InputError(
                "store",
                f"{existing} records already there",
                "an empty store: import only restores into a new, empty one",
                "Set UNHUNCH_HOME to a new folder (or --db to a new database) and import there.",
            )
        export_rows.insert_all(connection, ctx.person, rows)
    return Imported(counts={name: len(batch) for name, batch in rows.items()})
