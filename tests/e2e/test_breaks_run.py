"""`unhunch breaks run` in a real pseudo-terminal on a fast clock: a reminder, a snooze, a second
reminder, the break's routine played in the terminal player, Ctrl-C; then the stored events."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import pty
import re
import select
import subprocess
import sys
import termios
from pathlib import Path

from sqlalchemy import select as sql_select

from tests.unit.screen_helpers import document
from unhunch.config import get_settings
from unhunch.store import db
from unhunch.store.tables import break_events

UNHUNCH = [sys.executable, "-m", "unhunch"]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


def _own_terminal() -> None:
    """Make the pseudo-terminal the child's controlling terminal, so Ctrl-C is a real SIGINT."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        os.set_blocking(self.master, True)
        self.process = subprocess.Popen(
            args,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
            preexec_fn=_own_terminal,
        )
        os.close(slave)
        self.seen = ""
        self.cursor = 0  # where the next expect starts looking

    def expect(self, pattern: str, patience: float = 30.0) -> str:
        """Read until the plain text shows `pattern` (regex); fail with what was seen."""
        found = re.compile(pattern)
        start = self.cursor
        waited = 0.0
        while not (match := found.search(self.seen, start)):
            readable, _, _ = select.select([self.master], [], [], 0.5)
            waited += 0.5 if not readable else 0.0
            if waited > patience:
                raise AssertionError(
                    f"never saw {pattern!r}; the screen said:\n{self.seen[-3000:]}"
                )
            if readable:
                try:
                    chunk = os.read(self.master, 65536).decode(errors="replace")
                except OSError:
                    raise AssertionError(
                        f"ended before {pattern!r}:\n{self.seen[-3000:]}"
                    ) from None
                self.seen += ANSI.sub("", chunk)
        self.cursor = match.end()
        return self.seen[start : self.cursor]

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*UNHUNCH, *args], env=env, capture_output=True, text=True, check=False)


def test_breaks_run_reminds_twice_snoozes_and_plays_the_break(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    env |= {"UNHUNCH_NOW": "2026-03-02T09:45:00+00:00", "TERM": "xterm", "COLUMNS": "90"}
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(document()), encoding="utf-8")
    assert run_cli(env, "screen", "--answers", str(answers), "--json").returncode == 0
    assert run_cli(env, "profile", "set", "--neck", "4", "--minutes", "8").returncode == 0
    assert run_cli(env, "breaks", "settings", "--tz", "UTC").returncode == 0

    # 600x: ten clock minutes a second, so the 09:50 break comes half a second in.
    env |= {"UNHUNCH_CLOCK_SPEED": "600", "UNHUNCH_PLAYER_SPEED": "300"}
    term = Terminal([*UNHUNCH, "breaks", "run"], env)
    try:
        term.expect(r"Next movement break at 09:50")
        first = term.expect(r"z: snooze")
        assert "Time for a movement break" in first
        term.send("z")
        term.expect(r"Snoozed for 10 minutes")
        second = term.expect(r"z: snooze")
        assert "Time for a movement break" in second and "Snoozed 1 of 2 times" in second
        term.send("\r")
        term.expect(r"Well done: break taken")
        term.expect(r"Next movement break at")
        term.send("\x03")
        term.expect(r"Reminders stopped")
        assert term.process.wait(timeout=20) == 0
    finally:
        if term.process.poll() is None:
            term.process.kill()
        os.close(term.master)

    with db.transaction(get_settings().database_url) as conn:
        stored = conn.execute(
            sql_select(
                break_events.c.action, break_events.c.due_at, break_events.c.routine
            ).order_by(break_events.c.at)
        ).all()
    assert [row.action for row in stored] == ["snoozed", "taken"]
    assert stored[0].due_at.strftime("%H:%M") == "09:50"  # snoozed when it first fell due
    assert stored[1].due_at >= stored[0].due_at + dt.timedelta(minutes=10)  # the snoozed time
    routine = stored[1].routine
    assert routine["kind"] == "routine" and routine["blocks"], routine
