"""`unhunch start` from scripts: refusals, --no-wait, --json and the line-by-line mode."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.integration.session_helpers import NOW, rows, store_screen
from tests.unit.screen_helpers import ITEM_IDS
from tests.unit.session_helpers import short_routine, short_timeline
from unhunch.cli.main import app
from unhunch.config import get_settings
from unhunch.core.player import new_state, step
from unhunch.core.player_events import CheckInAnswer, Start, Tick, TooMuch
from unhunch.core.session_record import record_from_state
from unhunch.core.stop_rules import CheckIn
from unhunch.services import sessions
from unhunch.services.context import local_context

runner = CliRunner()
UNHUNCH = str(Path(sys.executable).with_name("unhunch"))
PLAN = ["--minutes", "2", "--neck", "4", "--at", "desk"]


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNHUNCH_NOW", NOW)


def test_start_refuses_with_exit_3_until_a_screen_is_taken() -> None:
    result = runner.invoke(app, ["start", *PLAN, "--no-wait"])
    assert result.exit_code == 3
    assert "unhunch screen" in result.output
    assert rows(get_settings().database_url)["sessions"] == []


def test_start_refuses_when_the_screen_says_see_a_doctor(tmp_path: Path) -> None:
    answers = dict.fromkeys(ITEM_IDS, False) | {"cancer_history": True}
    store_screen(tmp_path, answers=answers)
    result = runner.invoke(app, ["start", *PLAN, "--no-wait"])
    assert result.exit_code == 3
    assert rows(get_settings().database_url)["sessions"] == []


def test_no_wait_prints_the_steps_and_records_a_completed_session(tmp_path: Path) -> None:
    store_screen(tmp_path)
    args = ["start", *PLAN, "--no-wait", "--pain-before", "4", "--pain-after", "neck=2"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "[0:00] Before we start" in result.output
    assert "All done. How is your pain now?" in result.output
    found = rows(get_settings().database_url)
    [session] = found["sessions"]
    assert session["status"] == "completed"
    assert (session["pain_before"], session["pain_after"]) == ({"neck": 4}, {"neck": 2})
    assert {i["outcome"] for i in found["items"]} == {"done"}
    assert {e["when"] for e in found["entries"]} == {"before_session", "after_session"}


def test_json_prints_one_document_with_the_session_and_its_timeline(tmp_path: Path) -> None:
    store_screen(tmp_path)
    result = runner.invoke(app, ["start", *PLAN, "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"session", "timeline"}
    assert doc["session"]["status"] == "completed"
    assert doc["timeline"]["steps"][0]["kind"] == "check_in"
    assert len(doc["session"]["items"]) == len(doc["timeline"]["items"])


def test_bad_pain_value_names_the_option_and_records_nothing(tmp_path: Path) -> None:
    store_screen(tmp_path)
    result = runner.invoke(app, ["start", *PLAN, "--no-wait", "--pain-before", "neck=11"])
    assert result.exit_code == 2
    assert "--pain-before" in result.output and "0-10" in result.output
    assert rows(get_settings().database_url)["sessions"] == []


def test_off_a_terminal_it_prints_timed_lines_and_never_waits(
    tmp_path: Path, unhunch_home: Path
) -> None:
    store_screen(tmp_path)
    env = os.environ | {"UNHUNCH_PLAYER_SPEED": "400", "UNHUNCH_HOME": str(unhunch_home)}
    done = subprocess.run(
        [UNHUNCH, "start", *PLAN, "--pain-before", "3"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    timed = [line for line in lines if line.startswith("[")]
    assert timed[0].endswith("Before we start: how is your pain right now?")
    assert any("Rep 1 of" in line or "Hold and breathe" in line for line in timed)
    assert "\x07" not in done.stdout  # no bell when nobody is watching a terminal
    [session] = rows(get_settings().database_url)["sessions"]
    assert session["status"] == "completed" and session["pain_before"] == {"neck": 3}
    assert session["pain_after"] is None


def test_a_session_stopped_for_spreading_pain_asks_for_the_screen_again(tmp_path: Path) -> None:
    """Spreading pain is noted in the diary, so coaching waits for a new screen."""
    store_screen(tmp_path)
    state, _ = step(new_state(short_timeline()), Start(), 0.0)
    state, _ = step(state, CheckInAnswer({"neck": 3}), 0.0)
    state, _ = step(state, Tick(), 8.0)
    state, _ = step(state, TooMuch(CheckIn(None, None, spreading=True)), 9.0)
    state, _ = step(state, CheckInAnswer({}), 10.0)
    started = dt.datetime.fromisoformat(NOW) + dt.timedelta(minutes=5)
    record = record_from_state(str(uuid.uuid4()), short_routine(), started, state)
    sessions.save(local_context(), record)
    found = rows(get_settings().database_url)
    [after] = [e for e in found["entries"] if e["when"] == "after_session"]
    assert after["symptoms"] == ["spreading_pain"]
    later = runner.invoke(
        app, ["start", *PLAN, "--no-wait"], env={"UNHUNCH_NOW": "2026-03-02T10:00:00+01:00"}
    )
    assert later.exit_code == 3
    assert "screen" in later.output
