"""A terminal closed under a running session (tmux kill-session: SIGHUP) saves it as abandoned."""

from __future__ import annotations

import time

import pytest

from tests.e2e.test_terminal_coach import Terminal
from tests.integration.session_helpers import rows
from unhunch.config import get_settings
from unhunch.core.session_record import ABANDONED


@pytest.mark.parametrize("terminal", ["1"], indirect=True)
def test_closing_the_terminal_mid_session_records_it_abandoned(terminal: Terminal) -> None:
    terminal.wait_for("Neck (0-10, Enter to skip):")
    terminal.keys("4", "Enter")
    terminal.wait_match(r"1 of \d+ ·")
    terminal.tmux("new-session", "-d", "-s", "keep", "sleep 600")  # the server outlives it
    terminal.tmux("kill-session", "-t", "coach")  # the window closes: SIGHUP
    deadline = time.monotonic() + 30
    session: dict[str, object] = {}
    while time.monotonic() < deadline:  # liveness bound: the process saves, then exits
        [session] = rows(get_settings().database_url)["sessions"]
        if session["status"] != "running":
            break
        time.sleep(0.1)
    assert (session["status"], session["stop_reason"]) == ("quit", ABANDONED)
    assert session["ended_at"] is not None and session["ended_at"] >= session["started_at"]
