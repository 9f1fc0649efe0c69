"""Reading HTML forms into plain strings (files and repeated keys are refused)."""

from __future__ import annotations

from starlette.requests import Request

from unhunch.core.diary import is_small_whole
from unhunch.core.errors import InputError


async def form_fields(request: Request) -> dict[str, str]:
    """One string per field; a field sent twice keeps every value joined by commas only where
    callers ask for lists (see `form_lists`)."""
    form = await request.form(max_files=0, max_fields=200)
    out: dict[str, str] = {}
    for key, value in form.multi_items():
        if not isinstance(value, str):
            raise InputError(key, "a file", "text only")
        if key in out:
            continue
        out[key] = value
    return out


async def form_lists(request: Request) -> dict[str, list[str]]:
    """Every value of every field (checkbox groups)."""
    form = await request.form(max_files=0, max_fields=200)
    out: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if not isinstance(value, str):
            raise InputError(key, "a file", "text only")
        out.setdefault(key, []).append(value)
    return out


def whole_number(raw: str) -> int | None:
    """A whole number typed as 0-9 digits (an optional minus first), else None, so each field
    can name the problem itself."""
    text = raw.strip()
    return int(text) if is_small_whole(text.removeprefix("-")) else None
