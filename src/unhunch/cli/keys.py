"""Single key presses from the terminal (termios/tty, standard library only).

`RawKeys` puts the terminal in cbreak mode (keys arrive at once, no echo, Ctrl-C still works)
and always puts it back, even when the session ends with an error.
"""

from __future__ import annotations

import os
import select
import sys
import termios
import tty
from types import TracebackType
from typing import TextIO

# Escape sequences for the arrow keys (normal and application cursor modes).
ARROWS = {"[C": "right", "[D": "left", "[A": "up", "[B": "down", "OC": "right", "OD": "left"}
NAMED = {" ": "space", "\r": "enter", "\n": "enter", "\x7f": "backspace", "\x1b": "escape"}


class RawKeys:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdin
        self.fd = self.stream.fileno()
        self.saved: list[object] | None = None

    def __enter__(self) -> RawKeys:
        self.saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.restore()

    def restore(self) -> None:
        if self.saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)  # type: ignore[arg-type]

    def resume(self) -> None:
        tty.setcbreak(self.fd)

    def _ready(self, timeout: float) -> bool:
        readable, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        return bool(readable)

    def read(self, timeout: float) -> str | None:
        """The next key's name ('space', 'left', 'q', '7' …), or None when none came in time."""
        if not self._ready(timeout):
            return None
        char = os.read(self.fd, 1).decode(errors="ignore")
        if char == "\x1b" and self._ready(0.03):
            rest = os.read(self.fd, 2).decode(errors="ignore")
            return ARROWS.get(rest, "escape")
        return NAMED.get(char, char.lower())
