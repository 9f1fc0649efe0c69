"""Logging for the server: access lines without query strings, never a request body.

Query strings can carry health answers (a filter, a pain score); the access log keeps only the
method, the path and the status.
"""

from __future__ import annotations

import logging
from typing import Any


class DropQueryString(logging.Filter):
    """Cuts `?…` from uvicorn's access-log path argument."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            record.args = (*args[:2], path, *args[3:])
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's logging, with the access filter above."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {**LOGGING_CONFIG}
    config["filters"] = {"no_query": {"()": "unhunch.web.logs.DropQueryString"}}
    handlers = {name: dict(h) for name, h in LOGGING_CONFIG["handlers"].items()}
    handlers["access"]["filters"] = ["no_query"]
    config["handlers"] = handlers
    return config
