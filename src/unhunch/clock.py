"""The one module that reads the clock.

`UNHUNCH_NOW` (ISO 8601 with an offset) fixes the time for scripts, demos and tests.
"""

from __future__ import annotations

import datetime as dt
import os

from unhunch.core.errors import InputError


def parse_fixed_now(value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InputError(
            "UNHUNCH_NOW",
            value,
            "an ISO 8601 date-time with its offset, e.g. 2026-03-02T09:00:00+01:00",
        )
    return moment


def now() -> dt.datetime:
    """The current time, aware; UNHUNCH_NOW when set."""
    fixed = os.environ.get("UNHUNCH_NOW")
    if fixed:
        return parse_fixed_now(fixed)
    return dt.datetime.now().astimezone()


def today() -> dt.date:
    return now().date()


def monotonic() -> float:
    """Seconds from an arbitrary point, for the real-time player loop."""
    import time

    return time.monotonic()
