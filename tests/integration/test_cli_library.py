"""The first commands, as a person would type them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from unhunch.cli.main import app

runner = CliRunner()


def test_bare_command_welcomes_and_says_what_to_do_first() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    assert "unhunch screen" in result.output
    assert "not a diagnosis" in result.output


def test_exercises_json_lists_every_contract_field() -> None:
    result = runner.invoke(app, ["exercises", "--json"])
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert items
    required = {
        "id",
        "name",
        "aliases",
        "kind",
        "position",
        "equipment",
        "regions",
        "muscles",
        "movements",
        "level",
        "bilateral",
        "dose",
        "steps",
        "cues",
        "cautions",
        "sources",
    }
    for item in items:
        assert required <= set(item)


def test_unknown_region_exits_2_listing_what_is_allowed() -> None:
    result = runner.invoke(app, ["exercises", "--region", "nek"])
    assert result.exit_code == 2
    assert "upper_back" in result.output
    assert "neck" in result.output


def test_typo_in_an_id_suggests_the_closest() -> None:
    result = runner.invoke(app, ["show", "chin_tuck"])
    assert result.exit_code == 2
    assert "chin_tucks" in result.output
    assert "Traceback" not in result.output


def test_show_json_is_one_document() -> None:
    result = runner.invoke(app, ["show", "chin_tucks", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "chin_tucks"


def test_installed_entry_point_runs() -> None:
    script = Path(sys.executable).with_name("unhunch")
    done = subprocess.run(
        [str(script), "show", "nope_at_all", "--json"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["code"] == 2
    assert "Traceback" not in done.stderr


def test_malformed_fixed_clock_exits_2() -> None:
    result = runner.invoke(app, ["exercises"], env={"UNHUNCH_NOW": "tomorrow"})
    assert result.exit_code == 2
    assert "UNHUNCH_NOW" in result.output


def test_db_option_works_before_or_after_the_command(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("unhunch")
    for i, args in enumerate(
        (["--db", "URL", "log", "pain", "--neck", "2"], ["log", "pain", "--neck", "2", "--db=URL"])
    ):
        db = tmp_path / f"other{i}.db"
        line = [a.replace("URL", f"sqlite:///{db}") for a in args]
        done = subprocess.run([str(script), *line], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert db.exists()
