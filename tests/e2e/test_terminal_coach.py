"""A person runs `unhunch start` in a real 80×24 terminal (tmux), with keys, and it is stored.

The player runs ten times faster (hidden UNHUNCH_PLAYER_SPEED) so a 2-minute routine takes
seconds; waits poll the screen for what a person would see next, never a fixed sleep.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.session_helpers import NOW, rows, store_screen
from unhunch.config import get_settings

TMUX = "/usr/bin/tmux"
UNHUNCH = str(Path(sys.executable).with_name("unhunch"))


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "coach")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "coach", *keys)

    def wait_for(self, text: str, patience: float = 60.0) -> str:
        """Poll until the text shows (a liveness bound, not a timing check)."""
        return self.wait_match(re.escape(text), patience)

    def wait_match(self, pattern: str, patience: float = 60.0) -> str:
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            shown = self.screen()
            if re.search(pattern, shown):
                return shown
            time.sleep(0.05)
        raise AssertionError(f"never saw {pattern!r}; the screen was:\n{self.screen()}")


@pytest.fixture
def terminal(
    tmp_path: Path, unhunch_home: Path, request: pytest.FixtureRequest
) -> Iterator[Terminal]:
    speed = getattr(request, "param", "10")
    store_screen(tmp_path)
    env = {
        "UNHUNCH_HOME": str(unhunch_home),
        "UNHUNCH_NOW": NOW,
        "UNHUNCH_PLAYER_SPEED": speed,
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }
    command = " ".join(
        [
            "env",
            *(f"{k}={shlex.quote(v)}" for k, v in env.items()),
            UNHUNCH,
            "start --minutes 2 --neck 4 --at desk --quiet",
            "; echo EXIT=$?; sleep 600",
        ]
    )
    term = Terminal(f"unhunch-e2e-{uuid.uuid4().hex[:8]}")
    term.tmux("new-session", "-d", "-s", "coach", "-x", "80", "-y", "24", command)
    try:
        yield term
    finally:
        term.tmux("kill-server")


def test_a_session_with_pause_and_skip_is_played_and_stored(
    terminal: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNHUNCH_NOW", NOW)
    intro = terminal.wait_for("Neck (0-10, Enter to skip):")
    assert "Today's session" in intro
    terminal.keys("4", "Enter")

    first = terminal.wait_match(r"1 of \d+ ·")
    count = int(re.findall(r"1 of (\d+) ·", first)[0])
    terminal.keys("Space")
    paused = terminal.wait_for("Paused")
    assert "Press space to carry on." in paused
    terminal.keys("Right")  # skip the first exercise while paused
    skipped = terminal.wait_for(f"2 of {count} ·")
    assert "Paused" in skipped
    assert all(len(line) <= 80 for line in skipped.splitlines())
    assert len(skipped.splitlines()) <= 24
    terminal.keys("Space")
    running = terminal.wait_for("space pause")
    assert "Paused" not in running

    terminal.wait_for("Now that we have finished")
    terminal.keys("2", "Enter")
    summary = terminal.wait_for("EXIT=0")
    assert "1 skipped" in summary and f"{count - 1} done" in summary
    assert "Pain before: neck 4 · after: neck 2" in summary

    found = rows(get_settings().database_url)
    [session] = found["sessions"]
    assert session["status"] == "completed"
    assert (session["pain_before"], session["pain_after"]) == ({"neck": 4}, {"neck": 2})
    outcomes = [
        (i["position"], i["outcome"]) for i in sorted(found["items"], key=lambda i: i["position"])
    ]
    assert outcomes == [(0, "skipped")] + [(n, "done") for n in range(1, count)]
    assert {e["when"] for e in found["entries"]} == {"before_session", "after_session"}


@pytest.mark.parametrize("terminal", ["4"], indirect=True)  # slower: room to change one's mind
def test_quit_asks_to_confirm_then_stops_and_still_saves(terminal: Terminal) -> None:
    terminal.wait_for("Neck (0-10, Enter to skip):")
    terminal.keys("5", "Enter")
    terminal.wait_match(r"1 of \d+ ·")
    terminal.keys("q")
    asked = terminal.wait_for("End the session now?")
    assert "Paused" in asked
    terminal.keys("n")  # changed my mind
    terminal.wait_for("space pause")
    terminal.keys("q")
    terminal.wait_for("End the session now?")
    terminal.keys("y")
    terminal.wait_for("Now that we have finished")
    terminal.keys("Enter")  # skip the closing question
    summary = terminal.wait_for("EXIT=0")
    assert "Session ended early." in summary

    [session] = rows(get_settings().database_url)["sessions"]
    assert session["status"] == "quit"
    assert session["pain_before"] == {"neck": 5} and session["pain_after"] is None
    assert session["ended_at"] > session["started_at"]  # it once ended before it began


@pytest.mark.parametrize("terminal", ["2"], indirect=True)
def test_too_much_with_chest_pain_ends_on_the_emergency_advice_alone(terminal: Terminal) -> None:
    terminal.wait_for("Neck (0-10, Enter to skip):")
    terminal.keys("3", "Enter")
    terminal.wait_match(r"1 of \d+ ·")
    terminal.keys("s")
    menu = terminal.wait_for("What is happening? Press a number.")
    assert "Chest pain, dizziness" in menu
    terminal.keys("3")
    final = terminal.wait_for("EXIT=0")
    assert "Call the emergency number now" in final
    assert "Well done" not in final and "unhunch progress" not in final

    [session] = rows(get_settings().database_url)["sessions"]
    assert (session["status"], session["stop_reason"]) == ("stopped", "cardiac_or_faint")
