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


def test_a_warning_logged_after_a_screen_at_the_same_fixed_time_holds_coaching(
    tmp_path: Path,
) -> None:
    env = {"UNHUNCH_NOW": NOW}
    fine = answers_file(tmp_path, "f.json")
    plan = ["plan", "--neck", "3", "--minutes", "5", "--at", "desk", "--json"]
    assert runner.invoke(app, ["screen", "--answers", str(fine), "--json"], env=env).exit_code == 0
    assert runner.invoke(app, plan, env=env).exit_code == 0
    logged = runner.invoke(app, ["log", "pain", "--neck", "3", "--numbness"], env=env)
    assert logged.exit_code == 0
    assert runner.invoke(app, plan, env=env).exit_code == 3
    # A new screen taken afterwards, still at the same instant, clears it.
    assert runner.invoke(app, ["screen", "--answers", str(fine), "--json"], env=env).exit_code == 0
    assert runner.invoke(app, plan, env=env).exit_code == 0


def test_a_session_stopped_for_chest_pain_holds_the_next_until_a_new_screen(
    tmp_path: Path,
) -> None:
    import datetime as dt

    from unhunch.core.models import Profile
    from unhunch.core.session_record import SessionRecord
    from unhunch.services import sessions
    from unhunch.services.context import local_context
    from unhunch.services.planning import plan_today
    from unhunch.services.screening import coaching_status, screen_from_file

    ctx = local_context()
    now = dt.datetime.fromisoformat(NOW)
    fine = answers_file(tmp_path, "f.json")
    screen_from_file(ctx, fine, now)
    routine = plan_today(ctx, now, profile=Profile(pain={"neck": 3}, minutes=3))
    record = SessionRecord(
        id=sessions.new_session_id(),
        routine=routine,
        started_at=now,
        ended_at=now,
        status="stopped",
        stop_reason="cardiac_or_faint",
    )
    sessions.save(ctx, record)
    status = coaching_status(ctx, now)
    assert not status.allowed
    assert "chest pain" in status.reason
    screen_from_file(ctx, fine, now)
    assert coaching_status(ctx, now).allowed
