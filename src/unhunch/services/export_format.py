"""The export file: one JSON document, or one flat CSV table; and reading either back.

JSON: {"app": "unhunch", "version": 1, "exported_at": ISO, "sections": {table: [row, ...]}}.
Date-times are ISO 8601 in UTC; JSON columns stay JSON.

CSV: one table. The first column, `section`, names the table a row belongs to; then `version`
and `exported_at` (filled only on the first row, section "export"); then every column of every
table. A cell is empty where a column does not belong to that row's section, and for a missing
value (so in CSV an empty note and no note are the same). JSON columns hold JSON text. A cell that
starts with = + - @ a tab, a carriage return or ' gets a ' in front, so a spreadsheet never runs it
as a formula; reading the file back removes that one '.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from unhunch.core.errors import InputError
from unhunch.store.export_rows import SECTIONS, columns

APP = "unhunch"
VERSION = 1
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _jsonable(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "moment":
        assert isinstance(value, dt.datetime)
        return value.astimezone(dt.UTC).isoformat()
    return value


def document(rows: dict[str, list[dict[str, Any]]], exported_at: dt.datetime) -> dict[str, Any]:
    """The export as plain JSON values."""
    sections: dict[str, list[dict[str, Any]]] = {}
    for table in SECTIONS:
        info = columns(table)
        sections[table.name] = [
            {c.name: _jsonable(c.kind, row.get(c.name)) for c in info} for row in rows[table.name]
        ]
    return {
        "app": APP,
        "version": VERSION,
        "exported_at": exported_at.astimezone(dt.UTC).isoformat(),
        "sections": sections,
    }


def to_json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def escape_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unescape_cell(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _header() -> list[str]:
    names: list[str] = []
    for table in SECTIONS:
        for c in columns(table):
            if c.name not in names:
                names.append(c.name)
    return ["section", "version", "exported_at", *names]


def _cell(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return "true" if value else "false"
    return str(value)


def to_csv(doc: dict[str, Any]) -> str:
    header = _header()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerow(["export", str(doc["version"]), doc["exported_at"]])
    for table in SECTIONS:
        kinds = {c.name: c.kind for c in columns(table)}
        for row in doc["sections"][table.name]:
            cells = {k: _cell(kinds[k], v) for k, v in row.items()}
            writer.writerow(
                [table.name, "", ""] + [escape_cell(cells.get(n, "")) for n in header[3:]]
            )
    return out.getvalue()


def parse(text: str, source: str) -> dict[str, Any]:
    """An export document from JSON or CSV text (told apart by the first character)."""
    stripped = text.lstrip("\ufeff \r\n\t")
    if stripped.startswith("{"):
        try:
            doc = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(
                "file", source, f"a JSON export from unhunch (line {exc.lineno}: {exc.msg})"
            ) from None
        if not isinstance(doc, dict):
            raise InputError("file", source, "a JSON object exported by unhunch")
        return doc
    return _parse_csv(stripped, source)


def _parse_csv(text: str, source: str) -> dict[str, Any]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise InputError("file", source, "a JSON or CSV export from unhunch") from None
    if header[:3] != ["section", "version", "exported_at"]:
        raise InputError(
            "file", source, "a JSON or CSV export from unhunch (CSV starts with section,version)"
        )
    doc: dict[str, Any] = {"app": None, "version": None, "exported_at": None, "sections": {}}
    kinds = {t.name: {c.name: c for c in columns(t)} for t in SECTIONS}
    try:
        for number, raw in enumerate(reader, start=2):
            if not raw:
                continue
            cells = dict(zip(header, (unescape_cell(c) for c in raw), strict=False))
            section = cells.get("section", "")
            if section == "export":
                doc["app"] = APP
                version = cells.get("version", "")
                doc["version"] = int(version) if version.isdigit() else version
                doc["exported_at"] = cells.get("exported_at")
                continue
            if section not in kinds:
                raise InputError(f"line {number}: section", section, ", ".join(kinds))
            row: dict[str, Any] = {}
            for name, info in kinds[section].items():
                row[name] = _from_cell(info.kind, info.nullable, cells.get(name, ""), number, name)
            doc["sections"].setdefault(section, []).append(row)
    except csv.Error as exc:
        raise InputError("file", source, f"well-formed CSV ({exc})") from None
    return doc


def _from_cell(kind: str, nullable: bool, text: str, line: int, name: str) -> Any:
    """CSV text back to the JSON value it was; bad values are left for the validator to name."""
    if text == "":
        return None if nullable or kind != "str" else ""
    if kind == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            raise InputError(f"line {line}: {name}", text, "JSON text") from None
    if kind == "bool":
        return {"true": True, "false": False}.get(text, text)
    if kind == "int":
        digits = text.lstrip("-")  # a number longer than any we store is left for the validator
        return int(text) if digits.isdigit() and len(digits) <= 18 else text
    return text
