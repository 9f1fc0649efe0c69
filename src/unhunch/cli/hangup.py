"""A session whose terminal closes under it (SIGHUP, or SIGTERM) is saved as abandoned.

Without this the process died on the signal and the session stayed "running" forever.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from unhunch.core.player import PlayerState, step
from unhunch.core.player_events import Finish
from unhunch.core.session_record import ABANDONED

OnChange = Callable[[PlayerState], None]


@contextmanager
def ends_on_hangup(abandon: Callable[[int], None]) -> Iterator[None]:
    """While a session plays, SIGHUP/SIGTERM call `abandon(signum)` at once. It saves and leaves
    from inside the handler: unwinding would first try to restore the closed terminal (raw mode,
    the full screen) and fail there with an I/O error, before anything was saved."""

    def closed(signum: int, _frame: object) -> None:
        abandon(signum)

    previous = {s: signal.signal(s, closed) for s in (signal.SIGHUP, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def record_abandoned(state: PlayerState, on_change: OnChange, now: float, signum: int) -> None:
    """Save the session as ended by the closed terminal, then exit without touching it again."""
    state, _ = step(state, Finish(ABANDONED), now)
    on_change(state)
    os._exit(128 + signum)
