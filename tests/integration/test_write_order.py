"""With a fixed clock two records share a time; the one written last is still the latest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unhunch.cli.main import app
from unhunch.content.screening import load_screening

runner = CliRunner()
NOW = "2026-03-02T09:00:00+01:00"


def answers_file(tmp_path: Path, name: str, **yes: bool) -> Path:
    content = load_screening()
    doc = {
        "age": 42,
        "pain_weeks": 1,
        "improving": True,
        "new_pain": False,
        "clinician_cleared": False,
        "answers": {item.id: yes.get(item.id, False) for item in content.items},
    }
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.parametrize("database", ["sqlite", "postgres"])
def test_the_screen_taken_last_wins_at_the_same_fixed_time(
    tmp_path: Path, database: str, request: pytest.FixtureRequest
) -> None:
    env = {"UNHUNCH_NOW": NOW}
    if database == "postgres":
        from sqlalchemy import create_engine, text

        url = request.getfixturevalue("pg_url")
        with create_engine(url).begin() as c:  # a clean slate for this person
            c.execute(text("DELETE FROM screens WHERE person = 'me'"))
        env["UNHUNCH_DB"] = url
    emergency = answers_file(tmp_path, "e.json", saddle_numbness=True)
    fine = answers_file(tmp_path, "f.json")
    for first, second, expected in ((emergency, fine, "self_care"), (fine, emergency, "emergency")):
        runner.invoke(app, ["screen", "--answers", str(first), "--json"], env=env)
        runner.invoke(app, ["screen", "--answers", str(second), "--json"], env=env)
        last = runner.invoke(app, ["screen", "--last", "--json"], env=env)
        assert json.loads(last.stdout)["tier"] == expected
