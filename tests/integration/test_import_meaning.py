"""An import is checked for meaning, not only shape, and written all or nothing: what the app
would never store itself (a profile out of range, a screen whose outcome its answers do not
give, an unknown tier or id, a favourite a condition forbids) is refused, naming the field."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.integration.test_export import fresh_store
from tests.unit.screen_helpers import answers
from unhunch.cli.main import app
from unhunch.config import get_settings
from unhunch.core.models import Profile
from unhunch.services import diary, planning
from unhunch.services.context import local_context
from unhunch.services.export import export_text
from unhunch.services.screening import record_screen
from unhunch.store import db, export_rows

runner = CliRunner()
NOW = dt.datetime(2026, 3, 2, 8, 30, tzinfo=dt.UTC)
Doc = dict[str, Any]


def exported(tmp_path: Path, *yes: str) -> Doc:
    """A real export: a screen (answered yes to `yes`), a profile and one diary entry."""
    source = fresh_store(tmp_path)
    record_screen(source, answers(*yes), NOW)
    planning.save_profile(source, Profile(pain={"neck": 3}, minutes=8), NOW)
    diary.log_pain(source, {"neck": 3}, "morning", None, [], NOW)
    doc: Doc = json.loads(export_text(source, "json", NOW))
    db.dispose_all()
    return doc


def imported(tmp_path: Path, doc: Doc) -> Any:
    target = tmp_path / "import.json"
    target.write_text(json.dumps(doc), encoding="utf-8")
    return runner.invoke(app, ["import", str(target)])


def stored_records() -> int:
    with db.transaction(get_settings().database_url) as c:
        return export_rows.count(c, local_context().person)


def test_an_untouched_export_imports(tmp_path: Path) -> None:
    result = imported(tmp_path, exported(tmp_path))
    assert result.exit_code == 0, result.output
    assert stored_records() == 4


def set_minutes(doc: Doc) -> None:
    doc["sections"]["profiles"][0]["data"]["minutes"] = 999


def emergency_may_coach(doc: Doc) -> None:
    doc["sections"]["screens"][0]["may_coach"] = True


def tier_fine(doc: Doc) -> None:
    doc["sections"]["screens"][0]["tier"] = "fine"


def calmer_tier(doc: Doc) -> None:
    doc["sections"]["screens"][0]["tier"] = "self_care"


def unknown_answer(doc: Doc) -> None:
    doc["sections"]["screens"][0]["answers"]["answers"]["feeling_fine"] = True


def unknown_favourite(doc: Doc) -> None:
    doc["sections"]["profiles"][0]["data"]["favourites"] = ["no_such_move"]


def unknown_preference(doc: Doc) -> None:
    doc["sections"]["preferences"] = [{"key": "theme", "value": "dark"}]


def breaks_interval(doc: Doc) -> None:
    doc["sections"]["preferences"] = [{"key": "breaks", "value": {"interval": 5000}}]


CASES: list[tuple[Callable[[Doc], None], tuple[str, ...], str]] = [
    (set_minutes, (), "profiles[0].data.minutes: 999"),
    (emergency_may_coach, ("saddle_numbness",), "screens[0].may_coach: True"),
    (tier_fine, (), "screens[0].tier: 'fine'"),
    (calmer_tier, ("night_or_rest_pain",), "screens[0].tier: 'self_care'"),
    (unknown_answer, (), "screens[0].answers.answers.feeling_fine"),
    (unknown_favourite, (), "profiles[0].data.favourites: 'no_such_move'"),
    (unknown_preference, (), "preferences[0].key: 'theme'"),
    (breaks_interval, (), "preferences[0].value.interval: 5000"),
]


@pytest.mark.parametrize(("change", "yes", "named"), CASES, ids=[c[0].__name__ for c in CASES])
def test_a_meaningless_row_is_refused_naming_the_field_and_nothing_is_written(
    tmp_path: Path, change: Callable[[Doc], None], yes: tuple[str, ...], named: str
) -> None:
    doc = exported(tmp_path, *yes)
    change(doc)
    result = imported(tmp_path, doc)
    assert result.exit_code == 2, result.output
    assert named in " ".join(result.stderr.split())
    assert "Traceback" not in result.output
    assert stored_records() == 0


def test_a_session_with_an_unknown_exercise_a_bad_dose_or_pain_is_refused(
    tmp_path: Path,
) -> None:
    doc = exported(tmp_path)
    item = {"exercise": "chin_tucks", "dose": {"sets": 9, "reps": 3}, "seconds": 60, "why": "x"}
    doc["sections"]["sessions"] = [
        {
            "id": "7d8f5e52-8a3c-4a4e-9a43-3f1f7e0c2b11",
            "started_at": NOW.isoformat(),
            "ended_at": None,
            "status": "done",
            "stop_reason": None,
            "routine": {"profile_digest": "d", "total_seconds": 60,
                        "blocks": [{"name": "main", "items": [item]}]},
            "pain_before": {"neck": 11},
            "pain_after": None,
            "seq": 9,
        }
    ]  # fmt: skip
    doc["sections"]["session_items"] = [
        {
            "session_id": "7d8f5e52-8a3c-4a4e-9a43-3f1f7e0c2b11",
            "position": 0,
            "exercise": "moonwalk",
            "outcome": "done",
            "reason": None,
            "seconds": 10,
        }
    ]
    said = " ".join(imported(tmp_path, doc).stderr.split())
    assert "sessions[0].status: 'done'" in said
    assert "sessions[0].routine.blocks.0.items.0.dose.sets: 9" in said
    assert "sessions[0].pain_before.neck: 11" in said
    assert "session_items[0].exercise: 'moonwalk'" in said
    assert stored_records() == 0


def test_a_favourite_that_an_imported_screen_rules_out_is_refused(tmp_path: Path) -> None:
    doc = exported(tmp_path, "pregnancy")
    doc["sections"]["profiles"][0]["data"]["favourites"] = ["pelvic_tilt"]
    result = imported(tmp_path, doc)
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "profiles[0].data.favourites: 'pelvic_tilt'" in said
    assert "pregnancy rules out lying on the back" in said
    assert stored_records() == 0
