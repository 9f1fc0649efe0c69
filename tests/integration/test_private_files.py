"""Everything unhunch writes is readable by its owner only (0600 files, 0700 folders), whatever
the umask: a diary is health data and a shared computer has other users."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from unhunch.cli.main import app
from unhunch.config import get_settings
from unhunch.store import db

runner = CliRunner()
NOW = {"UNHUNCH_NOW": "2026-03-02T09:00:00+01:00"}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """The loosest umask there is: nothing may rely on it."""
    old = os.umask(0)
    yield
    os.umask(old)


def log_pain() -> None:
    result = runner.invoke(app, ["log", "pain", "--neck", "4", "--json"], env=NOW)
    assert result.exit_code == 0, result.output


def test_the_data_folder_and_database_with_its_wal_and_shm_are_private(
    unhunch_home: Path,
) -> None:
    log_pain()
    engine = db.get_engine(get_settings().database_url)
    with engine.connect() as c:  # an open connection keeps the -wal and -shm files in place
        c.execute(text("SELECT count(*) FROM diary_entries")).scalar()
        files = sorted(p.name for p in unhunch_home.iterdir())
        assert {"unhunch.db", "unhunch.db-wal", "unhunch.db-shm"} <= set(files)
        assert mode(unhunch_home) == 0o700
        for name in files:
            assert mode(unhunch_home / name) == 0o600, name


def test_missing_parent_folders_of_the_data_folder_are_made_private(tmp_path: Path) -> None:
    home = tmp_path / "a" / "b" / "home"
    result = runner.invoke(
        app, ["log", "pain", "--neck", "4"], env={**NOW, "UNHUNCH_HOME": str(home)}
    )
    assert result.exit_code == 0, result.output
    assert [mode(p) for p in (tmp_path / "a", tmp_path / "a" / "b", home)] == [0o700] * 3


def test_a_data_folder_others_could_read_is_tightened_with_a_note(unhunch_home: Path) -> None:
    unhunch_home.mkdir(mode=0o755)
    os.chmod(unhunch_home, 0o755)
    (unhunch_home / "unhunch.db").touch(mode=0o644)
    result = runner.invoke(app, ["log", "pain", "--neck", "4", "--json"], env=NOW)
    assert result.exit_code == 0, result.output
    assert mode(unhunch_home) == 0o700
    assert mode(unhunch_home / "unhunch.db") == 0o600
    assert str(unhunch_home) in result.stderr and "private" in result.stderr
    assert result.stderr.count("\n") == 1  # one line
    again = runner.invoke(app, ["log", "pain", "--neck", "4", "--json"], env=NOW)
    assert again.stderr == ""  # said once, when it was changed


def test_the_log_of_a_failure_is_private(unhunch_home: Path) -> None:
    from unhunch.cli.errors import report_bug

    report_bug(RuntimeError("boom"))
    assert mode(unhunch_home) == 0o700
    assert mode(unhunch_home / "unhunch.log") == 0o600


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["export", "--format", "json", "--out"], "export.json"),
        (["export", "--format", "csv", "--out"], "export.csv"),
        (["breaks", "ics", "--out"], "breaks.ics"),
        (["progress", "--chart"], "progress.svg"),
        (["show", "cat_cow", "--svg"], "cat_cow.svg"),
    ],
)
def test_files_written_on_request_are_private_even_over_a_readable_one(
    tmp_path: Path, args: list[str], name: str
) -> None:
    log_pain()
    target = tmp_path / name
    target.write_text("an older file anyone could read")
    os.chmod(target, 0o644)
    result = runner.invoke(app, [*args, str(target)], env=NOW)
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600
    assert "an older file" not in target.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_the_clinician_pdf_is_private(tmp_path: Path) -> None:
    log_pain()
    target = tmp_path / "summary.pdf"
    result = runner.invoke(app, ["summary", "--pdf", str(target)], env=NOW)
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600


def test_a_figures_folder_unhunch_makes_is_private(tmp_path: Path) -> None:
    out = tmp_path / "figs"
    result = runner.invoke(app, ["figures", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert mode(out) == 0o700
    assert {mode(p) for p in out.iterdir()} == {0o600}
