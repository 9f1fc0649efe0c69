"""`unhunch log pain`, `unhunch log` and `unhunch progress`, as a person or a script uses them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.unit.screen_helpers import document
from unhunch.cli.main import app
from unhunch.services import diary
from unhunch.services.context import local_context

runner = CliRunner()
MORNING = "2026-03-02T08:30:00+01:00"


def run(*args: str, now: str = MORNING) -> Any:
    return runner.invoke(app, list(args), env={"UNHUNCH_NOW": now})


def test_log_pain_json_is_one_document_with_the_entry() -> None:
    result = run("log", "pain", "--neck", "2", "--upper-back", "5", "--lower-back", "0", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["scores"] == {"neck": 2, "upper_back": 5, "lower_back": 0}
    assert out["when"] == "morning"  # 08:30 by UNHUNCH_NOW
    assert out["recorded_at"].startswith("2026-03-02T08:30:00")
    assert out["screen_needed"] is False
    assert [e.id for e in diary.entries(local_context())] == [out["id"]]


def test_log_pain_takes_when_note_and_symptoms() -> None:
    result = run(
        "log",
        "pain",
        "--lower-back",
        "4",
        "--when",
        "after_session",
        "--note",
        "after gardening",
        "--numbness",
        "--spreading",
        "--json",
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["when"] == "after_session"
    assert out["note"] == "after gardening"
    assert out["symptoms"] == ["numbness_tingling", "spreading_pain"]


def test_when_defaults_to_evening_after_six() -> None:
    result = run("log", "pain", "--neck", "1", "--json", now="2026-03-02T19:05:00+01:00")
    assert json.loads(result.stdout)["when"] == "evening"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--neck", "11"], "neck"),
        (["--lower-back", "-1"], "lower_back"),
        (["--upper-back", "five"], "upper_back"),
        (["--neck", "3", "--when", "noon"], "when"),
        ([], "pain"),
    ],
)
def test_bad_pain_input_exits_2_names_the_field_and_writes_nothing(
    args: list[str], field: str
) -> None:
    result = run("log", "pain", *args)
    assert result.exit_code == 2
    assert f"{field}:" in result.stderr
    assert "Traceback" not in result.output
    assert diary.entries(local_context()) == []


def test_unknown_region_exits_2_naming_it() -> None:
    result = run("log", "pain", "--knee", "3")
    assert result.exit_code == 2
    assert "--knee" in result.output
    assert diary.entries(local_context()) == []


def test_log_without_a_terminal_never_prompts_and_points_to_log_pain() -> None:
    result = runner.invoke(app, ["log"], input="3\n")
    assert result.exit_code == 2
    assert "unhunch log pain" in result.stderr
    assert diary.entries(local_context()) == []


def test_numbness_after_a_screen_says_to_screen_again_before_the_next_session(
    tmp_path: Path,
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(document()), encoding="utf-8")
    assert run("screen", "--answers", str(answers), "--json").exit_code == 0
    calm = run("log", "pain", "--neck", "2", now="2026-03-02T09:00:00+01:00")
    assert "Safety questions" not in calm.stdout
    result = run("log", "pain", "--neck", "2", "--numbness", now="2026-03-02T10:00:00+01:00")
    assert result.exit_code == 0
    assert "Safety questions before the next session" in result.stdout
    assert "numbness or tingling" in result.stdout
    assert "unhunch screen" in result.stdout
    as_json = run("log", "pain", "--neck", "2", "--json", now="2026-03-02T11:00:00+01:00")
    out = json.loads(as_json.stdout)
    assert out["screen_needed"] is True
    assert out["warnings"]


def test_symptom_logged_before_any_screen_is_named_with_the_way_to_screen() -> None:
    result = run("log", "pain", "--lower-back", "5", "--night-pain", "--json")
    out = json.loads(result.stdout)
    assert out["screen_needed"] is True
    assert out["warnings"] == ["pain at night noted in your diary on 2026-03-02"]


def log_days(days: int, start_pain: int, end_pain: int) -> None:
    ctx = local_context()
    import datetime as dt

    start = dt.datetime(2026, 3, 2, 8, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    for i in range(days):
        pain = start_pain if i < 7 else end_pain
        diary.log_pain(ctx, {"lower_back": pain}, "morning", None, [], start + dt.timedelta(i))


def test_progress_json_has_regions_sessions_and_sentences() -> None:
    log_days(28, 6, 3)
    result = run("progress", "--json", now="2026-03-29T20:00:00+01:00")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    (lower,) = out["regions"]
    assert (lower["first_week_avg"], lower["avg_7"], lower["meaningful"]) == (6.0, 3.0, True)
    assert out["sessions"]["streak"] == 0
    assert any("a meaningful change" in s for s in out["sentences"])


def test_progress_in_the_terminal_fits_80_columns_and_says_it_in_words() -> None:
    log_days(28, 6, 3)
    result = run("progress", now="2026-03-29T20:00:00+01:00")
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "Your lower back averaged 3.0 this week, down 3.0 from your first week" in (
        " ".join(result.stdout.split())
    )
    assert "▃" in result.stdout  # the sparkline at 3/10


def test_progress_with_no_entries_says_how_to_start() -> None:
    result = run("progress")
    assert result.exit_code == 0
    assert "unhunch log pain" in result.stdout


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_progress_chart_is_written_in_the_format_of_the_suffix(tmp_path: Path, suffix: str) -> None:
    log_days(10, 5, 4)
    target = tmp_path / f"progress.{suffix}"
    result = run("progress", "--chart", str(target), now="2026-03-11T20:00:00+01:00")
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    if suffix == "svg":
        assert data.lstrip().startswith(b"<?xml") and b"<svg" in data
        assert b"Lower back" in data
    else:
        assert data.startswith(b"\x89PNG")


def test_progress_chart_with_another_suffix_exits_2_before_anything(tmp_path: Path) -> None:
    result = run("progress", "--chart", str(tmp_path / "p.jpg"))
    assert result.exit_code == 2
    assert "chart:" in result.stderr
    assert not (tmp_path / "p.jpg").exists()


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux for a real terminal")
def test_interactive_log_in_a_real_terminal(tmp_path: Path, unhunch_home: Path) -> None:
    name = f"unhunch-log-{uuid.uuid4().hex[:8]}"
    script = tmp_path / "run.sh"
    script.write_text(
        f"export UNHUNCH_HOME={unhunch_home} UNHUNCH_NOW={MORNING}\n"
        f"{sys.executable} -m unhunch log; echo EXIT=$?; sleep 60\n",
        encoding="utf-8",
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", f"sh {script}"],
        check=True,
        env={**os.environ, "TERM": "xterm-256color"},
    )

    def screen() -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True
        ).stdout

    def wait_for(text: str) -> str:
        deadline = time.monotonic() + 20  # a guard against hanging, not a timing assertion
        while time.monotonic() < deadline:
            if text in (shown := screen()):
                return shown
            time.sleep(0.1)
        raise AssertionError(f"never saw {text!r} in:\n{screen()}")

    def answer(text: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", name, text, "Enter"], check=True)

    try:
        wait_for("Neck (0-10)")
        answer("12")  # out of range: asked again
        wait_for("whole number from 0 to 10")
        answer("3")
        wait_for("Upper back (0-10)")
        answer("")  # skipped
        wait_for("Lower back (0-10)")
        answer("6")
        assert "[y/N]" in wait_for("numbness or tingling")
        answer("n")
        wait_for("keep you up at night")
        answer("y")
        wait_for("spreading")
        answer("")
        wait_for("A note")
        answer("after a long drive")
        shown = wait_for("EXIT=")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)
    assert "EXIT=0" in shown
    assert "neck 3 · lower back 6" in shown
    (entry,) = diary.entries(local_context())
    assert entry.scores == {"neck": 3, "lower_back": 6}
    assert entry.symptoms == ("night_pain",)
    assert entry.note == "after a long drive"
