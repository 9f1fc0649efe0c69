"""Files named on the command line are read capped and timed: a FIFO, /dev/zero, a 50 MB file,
JSON nested without end or holding a 5,000-digit number all exit 2 naming the problem, without
hanging, without echoing the contents, and without a traceback."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.unit.screen_helpers import document
from unhunch.cli.main import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def screened(tmp_path: Path) -> None:
    """A screen that allows coaching, so plan and start get as far as reading their file."""
    answers = tmp_path / "fine.json"
    answers.write_text(json.dumps(document()))
    assert runner.invoke(app, ["screen", "--answers", str(answers), "--json"]).exit_code == 0


COMMANDS = {
    "--answers": ["screen", "--answers"],
    "--profile": ["plan", "--profile"],
    "--routine": ["start", "--no-wait", "--routine"],
    "FILE": ["import"],
}


def refused(option: str, path: Path | str) -> str:
    result = runner.invoke(app, [*COMMANDS[option], str(path), "--json"])
    assert result.exit_code == 2, (result.exit_code, result.output[:500])
    error = json.loads(result.stdout)["error"]
    assert error["field"] == option, error
    assert "Traceback" not in result.stderr
    message = str(error["message"])
    assert len(message) < 600, "the message must not echo the file"
    return message


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.fixture
def fifo_with_a_silent_writer(fifo: Path) -> Iterator[Path]:
    fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # a writer that never writes
    yield fifo
    os.close(fd)


@pytest.mark.parametrize("option", COMMANDS)
def test_a_fifo_nobody_writes_to_does_not_hang(option: str, fifo: Path) -> None:
    assert refused(option, fifo)


def test_a_fifo_whose_writer_stays_silent_times_out(fifo_with_a_silent_writer: Path) -> None:
    assert "Nothing more came" in refused("--profile", fifo_with_a_silent_writer)


@pytest.mark.parametrize("option", COMMANDS)
def test_an_endless_device_is_cut_off_at_the_cap(option: str) -> None:
    assert "KiB" in refused(option, "/dev/zero")


@pytest.mark.parametrize("option", COMMANDS)
def test_a_50_mb_file_is_refused_without_echoing_its_contents(option: str, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text('{"minutes": "' + "SECRETVALUE" * 4_800_000 + '"}')
    message = refused(option, big)
    assert "SECRETVALUE" not in message and "KiB" in message


@pytest.mark.parametrize("option", COMMANDS)
def test_json_nested_without_end_is_refused(option: str, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert "nested" in refused(option, deep)


@pytest.mark.parametrize("option", COMMANDS)
def test_a_5000_digit_number_is_refused(option: str, tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text('{"age": ' + "9" * 5000 + ', "minutes": 1' + "0" * 30 + "}")
    assert "5000 digits" in refused(option, huge)


def test_digits_inside_a_text_are_not_numbers(tmp_path: Path) -> None:
    from unhunch.input_files import read_input_file

    note = tmp_path / "note.json"
    note.write_text('{"note": "call 0123456789012345678901234567 \\" [[[[ "}')
    assert "0123" in read_input_file(note, "FILE")


@pytest.mark.parametrize("option", COMMANDS)
def test_a_missing_file_or_a_folder_is_named(option: str, tmp_path: Path) -> None:
    assert "no file at" in refused(option, tmp_path / "nope.json")
    assert "folder" in refused(option, tmp_path)
