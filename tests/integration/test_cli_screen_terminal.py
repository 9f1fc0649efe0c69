"""The interactive screen in a real terminal (tmux): "not sure" is taken, an emergency answer
stops it at once."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

UNHUNCH = str(Path(sys.executable).with_name("unhunch"))


def pane(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-t", session, "-p", "-S", "-200"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def wait_for(session: str, text: str, deadline_s: float = 30.0) -> str:
    """Poll the pane until text shows (a deadline against hanging, not a timing assertion)."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        screen = pane(session)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the pane shows:\n{pane(session)}")


def send(session: str, keys: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", session, keys, "Enter"], check=True)


def test_not_sure_then_an_emergency_answer_stops_the_questions_at_once(
    unhunch_home: Path,
) -> None:
    session = f"unhunch-{uuid.uuid4().hex[:8]}"
    command = f"UNHUNCH_HOME={unhunch_home} {UNHUNCH} screen; echo EXIT=$?; sleep 60"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "60", command], check=True
    )
    try:
        wait_for(session, "How old are you?")
        send(session, "44")
        wait_for(session, "Where is your pain?")
        send(session, "3")  # lower back only
        wait_for(session, "how many weeks")
        send(session, "2")
        wait_for(session, "Question 4 of about")
        send(session, "why")
        wait_for(session, "Why we ask:")
        send(session, "n")  # saddle numbness
        wait_for(session, "Question 5")
        send(session, "maybe")
        wait_for(session, "Please type y for yes, n for no or u if you are not sure")
        send(session, "u")  # a new bladder problem: not sure
        wait_for(session, "Question 6")
        send(session, "y")  # a new bowel problem
        screen = wait_for(session, "EXIT=")
        assert "GET EMERGENCY HELP NOW" in screen
        assert "999" in screen and "a new problem controlling your bowels" in screen
        assert "a new problem with peeing (you were not sure)" in screen
        assert "Question 7" not in screen
        assert "EXIT=3" in screen
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)

    stored = subprocess.run(
        [UNHUNCH, "screen", "--last", "--json"],
        capture_output=True, text=True, check=True, env={"UNHUNCH_HOME": str(unhunch_home)},
    )  # fmt: skip
    last = json.loads(stored.stdout)
    assert last["tier"] == "emergency"
    assert last["reasons"] == ["new_bladder_problem:unsure", "new_bowel_problem"]
    items = last["answers"]["answers"]
    assert (items["saddle_numbness"], items["new_bladder_problem"]) == (False, "unsure")
    assert items["new_bowel_problem"] is True
    assert items["thunderclap_headache"] == items["fever"] == "not_asked"
