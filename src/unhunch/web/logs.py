"""Logging for the server: access lines without query strings, never a request body.

Query strings can carry health answers (a filter, a pain score); the access log keeps only the
method, the path and the status. A traceback keeps the exception types and the code lines, never
the exceptions' text: a ValueError or a validation error quotes the input it choked on.
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType
from typing import Any


class DropQueryString(logging.Filter):
    """Cuts `?…` from uvicorn's access-log path argument."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            record.args = (*args[:2], path, *args[3:])
        return True


def exception_outline(exc: BaseException) -> str:
    """A traceback with every exception's type and frames, and none of their messages."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    lines: list[str] = []
    for item in reversed(chain):
        lines.append("Traceback (most recent call last):")
        lines.extend(line.rstrip("\n") for line in traceback.format_tb(item.__traceback__))
        lines.append(f"{type(item).__module__}.{type(item).__qualname__} (message withheld)")
    return "\n".join(lines)


class WithholdExceptionText(logging.Filter):
    """Replaces a record's traceback by its outline (uvicorn logs the ones the app re-raises)."""

    def filter(self, record: logging.LogRecord) -> bool:
        info = record.exc_info
        if info and isinstance(info, tuple) and info[1] is not None:
            exc: BaseException = info[1]
            tb: TracebackType | None = info[2]
            record.exc_text = exception_outline(exc.with_traceback(tb))
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's logging, with the access filter above."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {**LOGGING_CONFIG}
    config["filters"] = {
        "no_query": {"()": "unhunch.web.logs.DropQueryString"},
        "no_exc_text": {"()": "unhunch.web.logs.WithholdExceptionText"},
    }
    handlers = {name: dict(h) for name, h in LOGGING_CONFIG["handlers"].items()}
    handlers["access"]["filters"] = ["no_query"]
    handlers["default"]["filters"] = ["no_exc_text"]
    config["handlers"] = handlers
    loggers = {name: dict(v) for name, v in LOGGING_CONFIG["loggers"].items()}
    loggers["unhunch"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    config["loggers"] = loggers
    return config
