"""`unhunch export` / `unhunch import`: everything out, and back into an empty store unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.unit.screen_helpers import ITEM_IDS, document
from unhunch.cli.main import app
from unhunch.config import get_settings
from unhunch.content import load_library
from unhunch.content.screening import load_screening
from unhunch.core.breaks import BreakSettings
from unhunch.core.models import Block, Dose, Profile, Routine, RoutineItem
from unhunch.core.screening_rules import Answers
from unhunch.core.triage import evaluate
from unhunch.core.vocab import LEVELS, PAIN_REGIONS, SETTINGS, SYMPTOMS, WHENS
from unhunch.services import diary
from unhunch.services.context import Context, local_context
from unhunch.services.export import export_text, import_text
from unhunch.store import db, tables

runner = CliRunner()
NOW = dt.datetime(2026, 3, 2, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
_stores = itertools.count()

# Text as people and other parts of the app write it, including spreadsheet formula starts.
TEXT = st.text(
    alphabet=st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=30
) | st.sampled_from(["=1+1", "+44 20", "-3", "@SUM(A1)", "\tx", "'quoted", 'a,b\n"c"', "\r"])
SOME_TEXT = TEXT.filter(bool)  # CSV keeps no difference between "" and no value
ZONES = st.sampled_from(
    [dt.UTC, dt.timezone(dt.timedelta(hours=1)), dt.timezone(-dt.timedelta(hours=5, minutes=30))]
)
MOMENTS = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=ZONES
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**31), 2**31)
    | TEXT
    | st.floats(allow_nan=False, allow_infinity=False, width=32),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
IDS = st.uuids().map(str)


LIBRARY = load_library()
EXERCISE_IDS = sorted(LIBRARY.exercises)
CONTENT = load_screening()


@st.composite
def profile_data(draw: st.DrawFn) -> dict[str, Any]:
    """A profile the app would store (the planner reads it back on every plan)."""
    return Profile(
        pain=draw(st.dictionaries(st.sampled_from(PAIN_REGIONS), st.integers(0, 10))),
        minutes=draw(st.integers(1, 60)),
        setting=draw(st.sampled_from(SETTINGS)),
        level=draw(st.sampled_from(LEVELS)),
        excluded=draw(st.lists(st.sampled_from(EXERCISE_IDS), max_size=2, unique=True)),
        breath_seconds=draw(st.integers(3, 12)),
    ).model_dump(mode="json")


@st.composite
def screen_row(draw: st.DrawFn, screen_id: str) -> dict[str, Any]:
    """A stored screen whose outcome is the one its answers give; its advice is free text."""
    yes = draw(st.lists(st.sampled_from(ITEM_IDS), max_size=3, unique=True))
    doc = document(clinician_cleared=draw(st.booleans()))
    doc["answers"] |= dict.fromkeys(yes, True)
    items = doc.pop("answers")
    outcome = evaluate(Answers(items=items, **doc), CONTENT)
    return {
        "id": screen_id,
        "taken_at": draw(MOMENTS),
        "answers": {**doc, "answers": items},
        "tier": outcome.tier,
        "reasons": list(outcome.reasons),
        "advice": draw(TEXT),
        "may_coach": outcome.may_coach,
    }


@st.composite
def routine_data(draw: st.DrawFn) -> dict[str, Any]:
    """A routine as the planner writes it; its words are free text."""
    items = [
        RoutineItem(
            exercise=e, dose=Dose(sets=1, reps=draw(st.integers(1, 30))), seconds=60, why=draw(TEXT)
        )
        for e in draw(st.lists(st.sampled_from(EXERCISE_IDS), min_size=1, max_size=3))
    ]
    routine = Routine(
        profile_digest="d", total_seconds=60 * len(items), blocks=[Block(name="main", items=items)]
    )
    return routine.model_copy(update={"notes": draw(st.lists(TEXT, max_size=2))}).model_dump(
        mode="json"
    )


@st.composite
def person_data(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table of one person, with consistent links and meanings."""
    session_ids = draw(st.lists(IDS, max_size=3, unique=True))
    entry_ids = draw(st.lists(IDS, max_size=4, unique=True))
    rows: dict[str, list[dict[str, Any]]] = {}
    rows["profiles"] = draw(
        st.lists(st.fixed_dictionaries({"data": profile_data(), "updated_at": MOMENTS}), max_size=1)
    )
    rows["preferences"] = draw(
        st.lists(
            st.builds(
                lambda interval, tz: {
                    "key": "breaks",
                    "value": BreakSettings(interval=interval, tz=tz).model_dump(mode="json"),
                },
                st.integers(10, 240),
                st.sampled_from(["UTC", "Europe/London", "America/New_York"]),
            ),
            max_size=1,
        )
    )
    rows["screens"] = [draw(screen_row(i)) for i in draw(st.lists(IDS, max_size=2, unique=True))]
    rows["sessions"] = [
        {
            "id": i,
            "started_at": draw(MOMENTS),
            "ended_at": draw(st.none() | MOMENTS),
            "status": draw(st.sampled_from(["running", "completed", "stopped", "quit"])),
            "stop_reason": draw(st.none() | SOME_TEXT),
            "routine": draw(routine_data()),
            "pain_before": draw(
                st.none() | st.dictionaries(st.sampled_from(PAIN_REGIONS), st.integers(0, 10))
            ),
            "pain_after": None,
        }
        for i in session_ids
    ]
    rows["session_items"] = [
        {
            "session_id": s,
            "position": p,
            "exercise": draw(st.sampled_from(EXERCISE_IDS)),
            "outcome": draw(st.sampled_from(["done", "skipped", "stopped", "eased"])),
            "reason": draw(st.none() | SOME_TEXT),
            "seconds": draw(st.integers(0, 24 * 3600)),
        }
        for s in session_ids
        for p in range(draw(st.integers(0, 2)))
    ]
    rows["diary_entries"] = [
        {
            "id": i,
            "recorded_at": draw(MOMENTS),
            "when": draw(st.sampled_from(WHENS)),
            "note": draw(st.none() | SOME_TEXT),
            "symptoms": draw(st.lists(st.sampled_from(SYMPTOMS), unique=True)),
            "session_id": draw(st.none() | st.sampled_from(session_ids)) if session_ids else None,
        }
        for i in entry_ids
    ]
    rows["pain_scores"] = [
        {"entry_id": i, "region": r, "pain": draw(st.integers(0, 10))}
        for i in entry_ids
        for r in draw(st.lists(st.sampled_from(PAIN_REGIONS), min_size=1, unique=True))
    ]
    rows["break_events"] = [
        {
            "id": i,
            "at": draw(MOMENTS),
            "due_at": draw(st.none() | MOMENTS),
            "action": draw(st.sampled_from(["taken", "snoozed", "skipped"])),
            "routine": draw(
                st.none()
                | st.just({"kind": "walk"})
                | routine_data().map(lambda r: {"kind": "routine", **r})
            ),
        }
        for i in draw(st.lists(IDS, max_size=2, unique=True))
    ]
    return rows


def fresh_store(tmp_path: Path) -> Context:
    return Context(database_url=f"sqlite:///{tmp_path / f'store-{next(_stores)}.db'}")


def fill(ctx: Context, rows: dict[str, list[dict[str, Any]]]) -> None:
    from unhunch.store.export_rows import insert_all

    with db.transaction(ctx.database_url) as connection:
        insert_all(connection, ctx.person, rows)


def without_time(text: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(text)
    doc.pop("exported_at")
    return doc


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=person_data())
def test_export_then_import_gives_back_the_same_data(
    tmp_path: Path, data: dict[str, list[dict[str, Any]]]
) -> None:
    original = fresh_store(tmp_path)
    fill(original, data)
    as_json = export_text(original, "json", NOW)
    as_csv = export_text(original, "csv", NOW)
    from_json, from_csv = fresh_store(tmp_path), fresh_store(tmp_path)
    import_text(from_json, as_json, "export.json")
    import_text(from_csv, as_csv, "export.csv")
    expected = without_time(as_json)
    assert without_time(export_text(from_json, "json", NOW)) == expected
    assert without_time(export_text(from_csv, "json", NOW)) == expected
    db.dispose_all()


def test_json_export_is_one_versioned_document_with_every_section() -> None:
    diary.log_pain(local_context(), {"neck": 3}, "morning", None, [], NOW)
    result = runner.invoke(app, ["export", "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["app"] == "unhunch" and doc["version"] == 1
    assert set(doc["sections"]) == {
        "profiles",
        "preferences",
        "screens",
        "sessions",
        "session_items",
        "diary_entries",
        "pain_scores",
        "break_events",
    }
    assert doc["sections"]["pain_scores"][0]["pain"] == 3


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_defused() -> None:
    ctx = local_context()
    for note in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "'apos", "plain"):
        diary.log_pain(ctx, {"neck": 1}, "day", note, [], NOW)
    result = runner.invoke(app, ["export", "--format", "csv"])
    assert result.exit_code == 0
    notes = [r["note"] for r in csv.DictReader(io.StringIO(result.stdout)) if r["note"]]
    assert sorted(notes) == sorted(
        ['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", "''apos", "plain"]
    )


def test_csv_is_one_table_with_a_section_column() -> None:
    diary.log_pain(local_context(), {"neck": 3, "lower_back": 5}, "morning", None, [], NOW)
    result = runner.invoke(app, ["export", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["section"] for r in rows] == ["export", "diary_entries", "pain_scores", "pain_scores"]
    assert rows[0]["version"] == "1"


def test_export_to_a_file_and_import_into_a_new_store(tmp_path: Path, monkeypatch: Any) -> None:
    diary.log_pain(local_context(), {"upper_back": 6}, "evening", "long day", ["night_pain"], NOW)
    target = tmp_path / "backup.json"
    result = runner.invoke(app, ["export", "--format", "json", "--out", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    monkeypatch.setenv("UNHUNCH_HOME", str(tmp_path / "new-home"))
    result = runner.invoke(app, ["import", str(target)])
    assert result.exit_code == 0, result.output
    assert "Imported 2 records" in result.stdout
    (entry,) = diary.entries(local_context())
    assert (entry.scores, entry.note, entry.symptoms) == (
        {"upper_back": 6},
        "long day",
        ("night_pain",),
    )


def test_import_into_a_store_that_has_data_is_refused_and_changes_nothing(
    tmp_path: Path,
) -> None:
    ctx = local_context()
    diary.log_pain(ctx, {"neck": 2}, "day", None, [], NOW)
    target = tmp_path / "backup.json"
    target.write_text(export_text(ctx, "json", NOW), encoding="utf-8")
    result = runner.invoke(app, ["import", str(target)])
    assert result.exit_code == 2
    assert "empty" in result.stderr
    assert len(diary.entries(ctx)) == 1


def test_a_bad_row_at_the_end_stops_the_whole_import_before_any_write(tmp_path: Path) -> None:
    source = fresh_store(tmp_path)
    for day in range(3):
        diary.log_pain(source, {"neck": day}, "day", None, [], NOW + dt.timedelta(days=day))
    doc = json.loads(export_text(source, "json", NOW))
    doc["sections"]["pain_scores"][-1]["pain"] = 12
    doc["sections"]["diary_entries"][0]["when"] = "noon"
    target = tmp_path / "broken.json"
    target.write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(app, ["import", str(target)])
    assert result.exit_code == 2
    assert "pain_scores[2].pain: 12" in result.stderr
    assert "diary_entries[0].when: 'noon'" in result.stderr
    with db.transaction(get_settings().database_url) as c:
        from sqlalchemy import func, select

        assert c.execute(select(func.count()).select_from(tables.diary_entries)).scalar() == 0


def test_an_entry_without_scores_in_the_file_is_refused(tmp_path: Path) -> None:
    source = fresh_store(tmp_path)
    diary.log_pain(source, {"neck": 4}, "day", None, [], NOW)
    doc = json.loads(export_text(source, "json", NOW))
    doc["sections"]["pain_scores"] = []
    target = tmp_path / "half.json"
    target.write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(app, ["import", str(target)])
    assert result.exit_code == 2
    assert "at least one pain score" in result.stderr


def test_a_file_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    for name, text in (("a.json", '{"hello": 1}'), ("b.csv", "x,y\n1,2\n"), ("c.json", "{")):
        target = tmp_path / name
        target.write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["import", str(target)])
        assert result.exit_code == 2, name
        assert "file:" in result.stderr
        assert "Traceback" not in result.output


def test_unknown_export_format_exits_2() -> None:
    result = runner.invoke(app, ["export", "--format", "xml"])
    assert result.exit_code == 2
    assert "format: 'xml'" in result.stderr


def test_tab_and_carriage_return_starts_are_defused_too_and_undone_on_reading() -> None:
    from unhunch.services.export_format import escape_cell, unescape_cell

    for text in ("\tx", "\rx", "=A1", "'x"):
        assert escape_cell(text) == "'" + text
        assert unescape_cell(escape_cell(text)) == text
    assert escape_cell("3 stiff") == "3 stiff"


def test_export_from_sqlite_imports_into_postgres_unchanged(tmp_path: Path, pg_url: str) -> None:
    import uuid

    source = fresh_store(tmp_path)
    diary.log_pain(source, {"neck": 2, "lower_back": 7}, "evening", "=sum", ["night_pain"], NOW)
    with db.transaction(source.database_url) as c:
        c.execute(
            tables.preferences.insert().values(
                person=source.person,
                key="breaks",
                value=BreakSettings(interval=45, tz="Europe/London").model_dump(mode="json"),
            )
        )
    exported = export_text(source, "csv", NOW)
    server = Context(database_url=pg_url, person=f"pg-{uuid.uuid4()}")
    import_text(server, exported, "backup.csv")
    assert without_time(export_text(server, "json", NOW)) == without_time(
        export_text(source, "json", NOW)
    )
