"""The store opens SQLite safely and migrates on first use; the same schema runs on Postgres."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from typer.testing import CliRunner

from unhunch.cli.main import app
from unhunch.config import get_settings
from unhunch.core.errors import InputError
from unhunch.store import db, tables

EXPECTED = {
    "profiles",
    "screens",
    "sessions",
    "session_items",
    "diary_entries",
    "pain_scores",
    "break_events",
    "preferences",
}


def test_sqlite_is_migrated_on_first_use_with_wal_and_full_sync() -> None:
    engine = db.get_engine(get_settings().database_url)
    assert set(inspect(engine).get_table_names()) >= EXPECTED
    with engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_moments_come_back_aware_and_equal() -> None:
    url = get_settings().database_url
    moment = dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    with db.transaction(url) as c:
        c.execute(tables.profiles.insert().values(person="me", data={}, updated_at=moment))
    with db.transaction(url) as c:
        back = c.execute(select(tables.profiles.c.updated_at)).scalar_one()
    assert back == moment
    assert back.tzinfo is not None


def test_postgres_gets_the_same_schema(pg_url: str) -> None:
    engine = db.get_engine(pg_url)
    assert set(inspect(engine).get_table_names()) >= EXPECTED


@pytest.mark.parametrize("url", ["mysql://someone@localhost/back", "not a url"])
def test_a_database_url_we_cannot_open_is_named_as_wrong_input(url: str) -> None:
    with pytest.raises(InputError) as err:
        db.get_engine(url)
    assert "sqlite:///" in str(err.value) and "postgresql+psycopg://" in str(err.value)
    result = CliRunner().invoke(app, ["--db", url, "progress", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == 2  # the error document, nothing else


def test_a_postgres_server_that_does_not_answer_is_named_without_its_password() -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    with pytest.raises(InputError) as err:
        db.get_engine("postgresql+psycopg://someone:secret@127.0.0.1:1/back")
    assert "running" in str(err.value)
    assert "secret" not in str(err.value)


def test_two_first_runs_at_once_both_work_and_migrate_once(tmp_path: Path) -> None:
    """Two `unhunch log pain` on a new data folder at the same moment: before, both created the
    tables and one failed with "table profiles already exists" (exit 1)."""
    import os
    import subprocess
    import sys

    for attempt in range(3):
        env = {**os.environ, "UNHUNCH_HOME": str(tmp_path / f"new-{attempt}")}
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "unhunch", "log", "pain", "--neck", "2", "--json"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [(r.wait(timeout=120), r.communicate()) for r in runs]
        assert [code for code, _ in results] == [0, 0], results
