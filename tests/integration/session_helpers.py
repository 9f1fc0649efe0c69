"""Helpers for session tests: a stored self-care screen and reads of what a session left."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from typer.testing import CliRunner

from tests.unit.screen_helpers import document
from unhunch.cli.main import app
from unhunch.store import db
from unhunch.store.tables import diary_entries, pain_scores, session_items, sessions

NOW = "2026-03-02T09:00:00+01:00"


def store_screen(tmp_path: Path, **context: Any) -> None:
    """Answer the real screen (all no) through the CLI, as a person's script would."""
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(document(**context)), encoding="utf-8")
    result = CliRunner().invoke(app, ["screen", "--answers", str(answers), "--json"])
    assert result.exit_code in (0, 3), result.output  # 3: the screen itself says no coaching


def rows(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every session-related row, for checking what was stored (and that nothing doubled)."""
    with db.transaction(url) as c:
        return {
            name: [dict(r) for r in c.execute(select(table)).mappings()]
            for name, table in (
                ("sessions", sessions),
                ("items", session_items),
                ("entries", diary_entries),
                ("scores", pain_scores),
            )
        }
