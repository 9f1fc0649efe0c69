"""`unhunch screen --answers FILE [--json]` and `--last`, as a script would use them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.unit.screen_helpers import document
from unhunch.cli.main import app

runner = CliRunner()


def write(tmp_path: Path, doc: Any, name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def run(*args: str) -> Any:
    return runner.invoke(app, ["screen", *args])


def test_self_care_prints_one_json_document_and_exits_0(tmp_path: Path) -> None:
    result = run("--answers", str(write(tmp_path, document())), "--json")
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert {k: out[k] for k in ("tier", "reasons", "may_coach")} == {
        "tier": "self_care",
        "reasons": [],
        "may_coach": True,
    }
    assert isinstance(out["advice"], str) and out["advice"]


def test_emergency_prints_json_and_exits_3(tmp_path: Path) -> None:
    doc = document()
    doc["answers"]["saddle_numbness"] = True
    doc["answers"]["fever"] = True
    result = run("--answers", str(write(tmp_path, doc)), "--json")
    assert result.exit_code == 3
    out = json.loads(result.stdout)
    assert out["tier"] == "emergency"
    assert out["reasons"] == ["saddle_numbness", "fever"]
    assert out["may_coach"] is False


def test_see_doctor_cleared_by_a_clinician_exits_0(tmp_path: Path) -> None:
    doc = document(clinician_cleared=True)
    doc["answers"]["recent_spine_surgery"] = True
    result = run("--answers", str(write(tmp_path, doc)), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["may_coach"] is True


def test_human_result_for_urgent_says_what_to_do_and_never_go_ahead(tmp_path: Path) -> None:
    doc = document(age=70)
    doc["answers"]["minor_trauma"] = True
    result = run("--answers", str(write(tmp_path, doc)))
    assert result.exit_code == 3
    text = " ".join(result.stdout.split())
    assert "Be seen by a doctor today" in text
    assert "a minor fall, knock or lift when bones may be fragile" in text
    assert "unhunch start" not in text
    assert "You can start" not in text


def test_bad_answers_exit_2_naming_each_problem_and_store_nothing(tmp_path: Path) -> None:
    doc = document(age="42")
    del doc["answers"]["fever"]
    doc["answers"]["pregnancy"] = 1
    result = run("--answers", str(write(tmp_path, doc)), "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == 2
    for field in ("age", "answers.fever", "answers.pregnancy"):
        assert field in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(run("--last", "--json").stdout) is None


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("--answers", str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert "no file at" in result.stderr


def test_broken_json_exits_2_with_where_it_broke(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"age": 42,', encoding="utf-8")
    result = run("--answers", str(path), "--json")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "not valid JSON" in message and "line 1" in message


@pytest.mark.parametrize("age", [15, 0])
def test_under_16_exits_3_with_advice(tmp_path: Path, age: int) -> None:
    result = run("--answers", str(write(tmp_path, document(age=age))), "--json")
    assert result.exit_code == 3
    assert "16" in result.stderr and "doctor" in result.stderr
    assert json.loads(result.stdout)["error"]["code"] == 3


def test_json_without_answers_never_prompts(tmp_path: Path) -> None:
    result = run("--json")
    assert result.exit_code == 2
    assert "--answers" in result.stderr


def test_last_shows_the_latest_stored_screen(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("UNHUNCH_NOW", "2026-03-02T09:00:00+01:00")
    assert run("--answers", str(write(tmp_path, document()))).exit_code == 0
    monkeypatch.setenv("UNHUNCH_NOW", "2026-03-03T09:00:00+01:00")
    doc = document()
    doc["answers"]["pregnancy"] = True
    assert run("--answers", str(write(tmp_path, doc, "b.json"))).exit_code == 3

    result = run("--last", "--json")
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out["tier"] == "see_doctor"
    assert out["reasons"] == ["pregnancy"]
    assert out["taken_at"] == "2026-03-03T08:00:00+00:00"
    assert out["answers"]["answers"]["pregnancy"] is True
    assert out["coaching_allowed_now"] is False

    human = run("--last")
    assert "Book a check-up before you exercise" in human.stdout


def test_last_without_any_screen_says_so() -> None:
    assert json.loads(run("--last", "--json").stdout) is None
    assert "No safety screen yet" in run("--last").stdout


def test_help_documents_the_exit_codes() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout and "3" in result.stdout


def test_an_answers_file_takes_unsure_and_says_every_item_was_asked(tmp_path: Path) -> None:
    doc = document()
    doc["answers"]["thunderclap_headache"] = "unsure"
    result = run("--answers", str(write(tmp_path, doc)), "--json")
    assert result.exit_code == 3
    out = json.loads(result.stdout)
    assert (out["tier"], out["reasons"]) == ("urgent", ["thunderclap_headache:unsure"])
    assert set(out["asked"]) == set(doc["answers"])


def test_an_answers_file_must_answer_every_item_not_asked_is_refused(tmp_path: Path) -> None:
    doc = document()
    doc["answers"]["fever"] = "not_asked"
    del doc["answers"]["pulsing_belly_with_back_pain"]
    result = run("--answers", str(write(tmp_path, doc)), "--json")
    assert result.exit_code == 2
    assert "answers.fever" in result.output and "unsure" in result.output
    assert "answers.pulsing_belly_with_back_pain: missing" in result.output
