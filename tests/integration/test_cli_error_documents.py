"""With --json, every failure prints one JSON error document on stdout; database URLs that would
lose data or depend on the current folder are refused (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unhunch.cli.main import app

runner = CliRunner()


def error_of(args: list[str], code: int) -> dict[str, object]:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    document = json.loads(result.stdout)
    assert set(document) == {"error"} and document["error"]["code"] == code
    assert "Traceback" not in result.stderr
    error: dict[str, object] = document["error"]
    return error


def test_a_value_out_of_range_names_its_field() -> None:
    error = error_of(["log", "pain", "--neck", "12", "--json"], 2)
    assert error["field"] == "neck" and "0" in str(error["message"])


def test_an_unknown_option_is_an_input_error_document() -> None:
    error = error_of(["log", "pain", "--neck", "2", "--shoulder", "3", "--json"], 2)
    assert "--shoulder" in str(error["message"])


def test_a_refusal_for_safety_is_a_document_with_code_3() -> None:
    error = error_of(["plan", "--neck", "3", "--minutes", "5", "--at", "desk", "--json"], 3)
    assert error["message"]


def test_a_bug_of_ours_is_a_document_with_code_1_and_the_log(
    unhunch_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import unhunch.services.diary as diary

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(diary, "log_pain", broken)
    error = error_of(["log", "pain", "--neck", "2", "--json"], 1)
    assert str(unhunch_home / "unhunch.log") in str(error["message"])


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("sqlite://", "in-memory"),
        ("sqlite:///:memory:", "in-memory"),
        ("sqlite:///relative/unhunch.db", "relative path"),
        ("sqlite:///~/unhunch.db", "relative path"),
        ("sqlite:///unhunch.db?mode=ro", "without options"),
    ],
)
def test_database_urls_that_would_lose_or_scatter_data_are_refused(
    url: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    error = error_of(["--db", url, "log", "pain", "--neck", "2", "--json"], 2)
    assert said in str(error["message"]).replace("\n", " ")
    assert list(tmp_path.iterdir()) == []  # nothing made in the current folder


def test_a_folder_as_the_database_is_refused(tmp_path: Path) -> None:
    error = error_of(["--db", f"sqlite:///{tmp_path}", "progress", "--json"], 2)
    assert "is a folder" in str(error["message"])
