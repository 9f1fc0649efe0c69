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


def wall() -> float:
    """Seconds since the epoch; unlike monotonic() it keeps counting while the computer sleeps."""
    import time

    return time.time()


def clock_speed() -> float:
    """Hidden test option: UNHUNCH_CLOCK_SPEED=600 makes one real second ten minutes."""
    raw = os.environ.get("UNHUNCH_CLOCK_SPEED", "1")
    try:
        speed = float(raw)
    except ValueError:
        return 1.0
    return speed if speed > 0 else 1.0


class ScaledClock:
    """now() running `speed` times faster from a starting moment (UNHUNCH_NOW or the real time).

    The break loop reads time through this, so a test can live through a working day in seconds.
    `slept()` says how much time passed while the computer slept (wall clock minus monotonic),
    which the loop counts as time away from the desk.
    """

    def __init__(self, speed: float = 1.0) -> None:
        self.speed = speed
        self.origin = now()
        self.real_origin = wall()
        self.mono_origin = monotonic()
        self._last_wall = self.real_origin
        self._last_mono = self.mono_origin

    def now(self) -> dt.datetime:
        if self.speed == 1.0 and not os.environ.get("UNHUNCH_NOW"):
            return now()
        return self.origin + dt.timedelta(seconds=(wall() - self.real_origin) * self.speed)

    def real_seconds(self, seconds: float) -> float:
        """Real seconds to wait for `seconds` of this clock's time."""
        return seconds / self.speed

    def slept(self) -> dt.timedelta:
        """Clock time that passed without the process running since the last call."""
        wall_now, mono_now = wall(), monotonic()
        gap = (wall_now - self._last_wall) - (mono_now - self._last_mono)
        self._last_wall, self._last_mono = wall_now, mono_now
        return dt.timedelta(seconds=max(0.0, gap) * self.speed)
