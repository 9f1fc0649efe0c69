"""`unhunch breaks next/settings/log/ics` as a person's script would call them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from tests.unit.screen_helpers import document
from unhunch.cli.main import app

MONDAY_8 = "2026-03-02T08:00:00+00:00"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    monkeypatch.setenv("UNHUNCH_NOW", MONDAY_8)
    runner = CliRunner()
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(document()), encoding="utf-8")
    assert runner.invoke(app, ["screen", "--answers", str(answers), "--json"]).exit_code == 0
    assert runner.invoke(app, ["profile", "set", "--upper-back", "5"]).exit_code == 0
    settings = ["breaks", "settings", "--tz", "Europe/London", "--quiet", "12:30-13:30"]
    assert runner.invoke(app, settings).exit_code == 0
    return runner


def test_next_json_is_one_document_with_when_and_what(cli: CliRunner) -> None:
    result = cli.invoke(app, ["breaks", "next", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["due_at"] == "2026-03-02T09:50:00+00:00" and data["index"] == 0
    assert data["kind"] == "routine" and data["routine"]["blocks"]
    assert data["snoozes_left"] == 2


@pytest.mark.parametrize(
    ("option", "value", "named"),
    [
        ("--interval", "5", "--interval"),
        ("--start", "9am", "--start"),
        ("--days", "mon-fry", "--days"),
        ("--quiet", "12:30", "--quiet"),
        ("--tz", "Mars/Olympus", "--tz"),
        ("--place", "sofa", "--place"),
        ("--minutes", "5", "--minutes"),
    ],
)
def test_a_bad_setting_exits_2_naming_the_field_and_keeps_the_old_value(
    cli: CliRunner, option: str, value: str, named: str
) -> None:
    result = cli.invoke(app, ["breaks", "settings", option, value])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert f"{named}: {value!r}" in said or f"{named}: {value} is" in said, said
    kept = json.loads(cli.invoke(app, ["breaks", "settings", "--json"]).stdout)
    assert kept["interval"] == 50 and kept["tz"] == "Europe/London"


def test_log_taken_moves_the_next_break_an_interval_on(cli: CliRunner) -> None:
    taken = cli.invoke(
        app,
        ["breaks", "log", "--taken", "--json"],
        env={"UNHUNCH_NOW": "2026-03-02T10:00:00+00:00"},
    )
    assert taken.exit_code == 0, taken.output
    assert json.loads(taken.stdout)["next"]["due_at"] == "2026-03-02T10:50:00+00:00"
    both = cli.invoke(app, ["breaks", "log", "--taken", "--skipped"])
    assert both.exit_code == 2


def test_ics_parses_back_with_one_valid_event_per_break(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "breaks.ics"
    result = cli.invoke(app, ["breaks", "ics", "--out", str(out)])
    assert result.exit_code == 0, result.output
    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["PRODID"]).startswith("-//unhunch//")
    assert str(calendar["VERSION"]) == "2.0"
    events = calendar.walk("VEVENT")
    # Mon-Fri, 09:00-17:30 with lunch off: 09:50 10:40 11:30 12:20 14:20 15:10 16:00 16:50.
    assert len(events) == 5 * 8
    uids = set()
    for event in events:
        for field in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert field in event, field
        uids.add(str(event["UID"]))
        start = event.decoded("DTSTART")
        assert start.tzinfo is not None
        local = start.astimezone(dt.UTC)
        assert local.weekday() < 5 and not (
            12 * 60 + 30 <= local.hour * 60 + local.minute < 13 * 60 + 30
        )
        assert event.decoded("DTEND") - start == dt.timedelta(minutes=2)
        assert "Health and Safety Executive (UK)" in str(event["DESCRIPTION"])
        assert "[E4]" not in str(event["DESCRIPTION"])
    assert len(uids) == len(events)
    assert (
        not calendar.walk("VTIMEZONE") or calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"
    )


def test_ics_without_out_writes_the_calendar_to_stdout(cli: CliRunner) -> None:
    result = cli.invoke(app, ["breaks", "ics", "--days", "1"])
    assert result.exit_code == 0
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert result.stdout.count("BEGIN:VEVENT") == 8


def test_ics_for_the_same_week_keeps_the_same_uids(cli: CliRunner) -> None:
    first = cli.invoke(app, ["breaks", "ics", "--days", "2"]).stdout
    second = cli.invoke(app, ["breaks", "ics", "--days", "2"]).stdout
    uids = [line for line in first.splitlines() if line.startswith("UID")]
    assert uids and uids == [line for line in second.splitlines() if line.startswith("UID")]
