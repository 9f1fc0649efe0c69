"""`unhunch plan` and `unhunch profile` as a person types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.unit.screen_helpers import answers
from unhunch import clock
from unhunch.cli.main import app
from unhunch.services.context import local_context
from unhunch.services.screening import record_screen

runner = CliRunner()
DESK = ["--neck", "3", "--upper-back", "5", "--minutes", "8", "--at", "desk"]


@pytest.fixture
def screened() -> None:
    record_screen(local_context(), answers(), clock.now())


def test_plan_refuses_with_exit_3_until_the_screen_allows_coaching() -> None:
    result = runner.invoke(app, ["plan", *DESK])
    assert result.exit_code == 3
    assert "unhunch screen" in result.output


@pytest.mark.usefixtures("screened")
def test_plan_json_prints_one_routine_document() -> None:
    result = runner.invoke(app, ["plan", *DESK, "--json"])
    assert result.exit_code == 0, result.output
    routine = json.loads(result.stdout)
    assert {"profile_digest", "total_seconds", "blocks", "excluded", "notes"} <= set(routine)
    assert 0.85 * 480 <= routine["total_seconds"] <= 480
    assert [b["name"] for b in routine["blocks"]] == ["warm_up", "main", "cool_down"]


@pytest.mark.usefixtures("screened")
def test_plan_table_shows_blocks_doses_total_and_why() -> None:
    result = runner.invoke(app, ["plan", *DESK], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    routine = json.loads(runner.invoke(app, ["plan", *DESK, "--json"]).stdout)
    lines = result.output.splitlines()
    assert lines[0].startswith("Your routine today") and "in all" in lines[0]
    for text in ("Warm-up", "Main", "Cool-down"):
        assert any(line.startswith(text) for line in lines), text
    for block in routine["blocks"]:
        for item in block["items"]:
            # The reason sits on its own line under the exercise, whole, not wrapped.
            assert f"     {item['why']}" in lines
    assert max(len(line.rstrip()) for line in lines) <= 80


@pytest.mark.usefixtures("screened")
def test_saved_profile_lets_plan_run_alone() -> None:
    assert (
        runner.invoke(app, ["profile", "set", *DESK, "--condition", "osteoporosis"]).exit_code == 0
    )
    shown = json.loads(runner.invoke(app, ["profile", "show", "--json"]).stdout)
    assert shown["conditions"] == ["osteoporosis"]
    result = runner.invoke(app, ["plan", "--json"])
    assert result.exit_code == 0, result.output
    assert any(
        e["reason"].startswith("osteoporosis") for e in json.loads(result.stdout)["excluded"]
    )


def test_plan_without_a_profile_says_to_run_profile_set() -> None:
    result = runner.invoke(app, ["plan"])
    assert result.exit_code == 2
    assert "unhunch profile set" in result.output


@pytest.mark.usefixtures("screened")
@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--minutes", "0"], "minutes"),
        (["--minutes", "61"], "minutes"),
        (["--neck", "11"], "pain.neck"),
        (["--at", "sofa"], "setting"),
        (["--props", "yoga_ball"], "equipment"),
        (["--condition", "backache"], "conditions"),
        (["--favourite", "chin_tuck"], "chin_tucks"),
    ],
)
def test_bad_options_exit_2_naming_the_field(args: list[str], named: str) -> None:
    result = runner.invoke(app, ["plan", "--neck", "3", *args])
    assert result.exit_code == 2
    assert named in result.output
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("screened")
def test_profile_file_with_a_typo_or_broken_json_exits_2(tmp_path: Path) -> None:
    typo = tmp_path / "typo.json"
    typo.write_text(json.dumps({"pain": {"neck": 3}, "minuts": 8}))
    result = runner.invoke(app, ["plan", "--profile", str(typo), "--json"])
    assert result.exit_code == 2
    assert "minutes" in result.output and json.loads(result.stdout)["error"]["field"]
    broken = tmp_path / "broken.json"
    broken.write_text('{"pain": {"neck": 3},')
    result = runner.invoke(app, ["plan", "--profile", str(broken)])
    assert result.exit_code == 2
    assert "JSON" in result.output


@pytest.mark.usefixtures("screened")
def test_profile_file_from_the_spec_plans_with_its_date(tmp_path: Path) -> None:
    doc = {
        "pain": {"neck": 3, "upper_back": 6, "lower_back": 0},
        "minutes": 8,
        "setting": "desk",
        "equipment": ["chair", "wall"],
        "level": "beginner",
        "conditions": ["osteoporosis"],
        "favourites": ["seated_spinal_twist"],
        "excluded": ["neck_rotation"],
        "date": "2026-11-24",
        "breath_seconds": 5,
    }
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(doc))
    first = runner.invoke(app, ["plan", "--profile", str(path), "--json"])
    again = runner.invoke(app, ["plan", "--profile", str(path), "--json"])
    assert first.exit_code == 0, first.output
    assert first.stdout == again.stdout
    ids = [i["exercise"] for b in json.loads(first.stdout)["blocks"] for i in b["items"]]
    assert "seated_spinal_twist" in ids and "neck_rotation" not in ids
