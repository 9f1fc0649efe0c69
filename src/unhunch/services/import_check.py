"""Check a whole export document before anything is written, and turn it into table rows.

Shape here (sections, columns, types, links); meaning in services/import_meaning.py.

Every problem is named by section, row number and column, so a person (or their
physiotherapist) can find it in the file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from unhunch.core.errors import InputError, InputErrors
from unhunch.core.vocab import PAIN_REGIONS, SYMPTOMS, WHENS
from unhunch.services.export_format import APP, VERSION
from unhunch.store.export_rows import SECTIONS, ColumnInfo, columns

MAX_PROBLEMS = 20


class _Problems:
    def __init__(self) -> None:
        self.items: list[InputError] = []

    def add(self, field: str, value: object, allowed: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(InputError(field, value, allowed))

    def raise_any(self) -> None:
        if len(self.items) == 1:
            raise self.items[0]
        if self.items:
            raise InputErrors(self.items)


def _value(info: ColumnInfo, value: Any, where: str, problems: _Problems) -> Any:
    if value is None:
        if not info.nullable and info.kind != "json":
            problems.add(where, value, "a value (this column cannot be empty)")
        return None
    if info.kind == "moment":
        if isinstance(value, str):
            try:
                moment = dt.datetime.fromisoformat(value)
            except ValueError:
                moment = None
            if moment is not None and moment.tzinfo is not None:
                return moment
        problems.add(where, value, "an ISO 8601 date-time with its offset")
        return None
    if info.kind == "bool":
        if isinstance(value, bool):
            return value
        problems.add(where, value, "true or false")
        return None
    if info.kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        problems.add(where, value, "a whole number")
        return None
    if info.kind == "str":
        if not isinstance(value, str):
            problems.add(where, value, "text")
            return None
        if info.max_length is not None and len(value) > info.max_length:
            problems.add(where, value[:40], f"text of at most {info.max_length} characters")
        return value
    return value  # json: any JSON value


def _rows(doc: dict[str, Any], problems: _Problems) -> dict[str, list[dict[str, Any]]]:
    sections = doc.get("sections")
    if not isinstance(sections, dict):
        problems.add("sections", type(sections).__name__, "an object of tables")
        return {}
    known = {t.name for t in SECTIONS}
    for name in sections:
        if name not in known:
            problems.add("sections", name, ", ".join(sorted(known)))
    result: dict[str, list[dict[str, Any]]] = {}
    for table in SECTIONS:
        info = {c.name: c for c in columns(table)}
        raw = sections.get(table.name, [])
        if not isinstance(raw, list):
            problems.add(table.name, type(raw).__name__, "a list of rows")
            continue
        clean: list[dict[str, Any]] = []
        keys: set[tuple[Any, ...]] = set()
        for i, row in enumerate(raw):
            where = f"{table.name}[{i}]"
            if not isinstance(row, dict):
                problems.add(where, type(row).__name__, "an object")
                continue
            for key in row:
                if key not in info:
                    problems.add(f"{where}.{key}", row[key], f"one of {', '.join(info)}")
            out: dict[str, Any] = {}
            for name, column in info.items():
                if name not in row:
                    if column.nullable or column.has_default or column.kind == "json":
                        default = table.c[name].default
                        out[name] = getattr(default, "arg", None) if default else None
                        continue
                    problems.add(f"{where}.{name}", "missing", "a value")
                    continue
                out[name] = _value(column, row[name], f"{where}.{name}", problems)
            key = tuple(out.get(c.name) for c in table.primary_key.columns)
            if key in keys:
                problems.add(where, key, "a row whose key is not used by another row")
            keys.add(key)
            clean.append(out)
        result[table.name] = clean
    return result


def _links(rows: dict[str, list[dict[str, Any]]], problems: _Problems) -> None:
    """Foreign keys inside the file, and the diary's own vocabulary."""
    session_ids = {r["id"] for r in rows.get("sessions", [])}
    entry_ids = {r["id"] for r in rows.get("diary_entries", [])}
    if len(rows.get("profiles", [])) > 1:
        problems.add("profiles", len(rows["profiles"]), "at most one profile")
    for i, item in enumerate(rows.get("session_items", [])):
        if item["session_id"] not in session_ids:
            problems.add(f"session_items[{i}].session_id", item["session_id"], "a session id")
    scored: set[str] = set()
    for i, score in enumerate(rows.get("pain_scores", [])):
        where = f"pain_scores[{i}]"
        if score["entry_id"] not in entry_ids:
            problems.add(f"{where}.entry_id", score["entry_id"], "a diary entry id in the file")
        scored.add(score["entry_id"])
        if score["region"] not in PAIN_REGIONS:
            problems.add(f"{where}.region", score["region"], ", ".join(PAIN_REGIONS))
        pain = score["pain"]
        if isinstance(pain, int) and not 0 <= pain <= 10:
            problems.add(f"{where}.pain", pain, "a whole number from 0 to 10")
    for i, entry in enumerate(rows.get("diary_entries", [])):
        where = f"diary_entries[{i}]"
        if entry["when"] is not None and entry["when"] not in WHENS:
            problems.add(f"{where}.when", entry["when"], ", ".join(WHENS))
        symptoms = entry["symptoms"]
        if not isinstance(symptoms, list) or any(s not in SYMPTOMS for s in symptoms):
            problems.add(f"{where}.symptoms", symptoms, f"a list of: {', '.join(SYMPTOMS)}")
        if entry["session_id"] is not None and entry["session_id"] not in session_ids:
            problems.add(f"{where}.session_id", entry["session_id"], "a session id in the file")
        if entry["id"] not in scored:
            problems.add(f"{where}", entry["id"], "an entry with at least one pain score")


def check(doc: dict[str, Any], source: str) -> dict[str, list[dict[str, Any]]]:
    """Rows ready to insert, or InputError(s) naming every problem (up to 20)."""
    problems = _Problems()
    if doc.get("app") != APP or doc.get("version") != VERSION:
        raise InputError(
            "file",
            source,
            f"an unhunch export of version {VERSION}"
            f" (this one says app={doc.get('app')!r}, version={doc.get('version')!r})",
        )
    rows = _rows(doc, problems)
    problems.raise_any()
    _links(rows, problems)
    problems.raise_any()
    from unhunch.content import load_library
    from unhunch.content.screening import load_screening
    from unhunch.services.import_meaning import check_meaning

    check_meaning(rows, load_library(), load_screening(), problems.add)
    problems.raise_any()
    return rows
