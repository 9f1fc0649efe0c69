"""`unhunch summary`: one A4 page a clinician can read, the same figures as `unhunch progress`,
a raised screen always shown, and clear exits for bad input."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.integration.summary_helpers import NOW, NOW_TEXT, at, pages, seed_month, text_of
from tests.unit.screen_helpers import CONTENT, answers
from unhunch.cli.main import app
from unhunch.core.models import Profile
from unhunch.core.player_events import Outcome
from unhunch.core.session_record import SessionRecord
from unhunch.services import diary, planning, screening, sessions
from unhunch.services.breaks_summary import breaks_summary
from unhunch.services.context import local_context
from unhunch.summary.model import NOT_A_DIAGNOSIS

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args), env={"UNHUNCH_NOW": NOW_TEXT})


def summary_json(*args: str) -> dict[str, Any]:
    result = run("summary", "--json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def page_size(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))


def test_a_month_fits_one_a4_page_with_the_key_figures(tmp_path: Path) -> None:
    seed_month(local_context())
    pdf = tmp_path / "summary.pdf"
    data = summary_json("--pdf", str(pdf))
    assert pages(pdf) == 1
    assert "(A4)" in page_size(pdf)
    text = text_of(pdf)
    assert "1 Feb 2026 to 2 Mar 2026 (30 days)" in text
    assert "made 2 Mar 2026 18:00" in text
    for region in data["pain"]:
        assert f"{region['avg_7']:.1f}" in text
        assert f"{region['avg_30']:.1f}" in text
        assert f"{region['first_week_avg']:.1f}" in text
    lower = next(r for r in data["pain"] if r["region"] == "lower_back")
    assert lower["change"] < -2 and lower["meaningful"]
    assert f"−{abs(lower['change']):.1f}, meaningful improvement" in text
    assert (
        f"{data['sessions']['count']} sessions ({data['sessions']['per_week']:.1f} a week)" in text
    )
    for item in data["sessions"]["most_done"]:
        assert f"{item['name']} ×{item['times']}" in text
    for line in data["routine"]["items"]:
        assert line["name"] in text and line["dose"] in text
    assert "Neck pain rose from 2 to 6" in text
    assert NOT_A_DIAGNOSIS in text


def test_pain_and_sessions_are_the_progress_reports_own_figures() -> None:
    seed_month(local_context())
    data = summary_json()
    result = run("progress", "--json")
    report = json.loads(result.stdout)
    by_region = {r["region"]: r for r in report["regions"]}
    for region in data["pain"]:
        same = by_region[region["region"]]
        for key in ("latest", "avg_7", "avg_30", "first_week_avg", "change", "meaningful"):
            assert region[key] == same[key], key
    assert data["sessions"]["count"] == report["sessions"]["total_window"]
    assert data["sessions"]["per_week"] == report["sessions"]["per_week"]
    assert data["next_morning"][0]["nights"] == report["next_morning"][0]["nights"]
    assert data["breaks"]["taken"] == breaks_summary(local_context(), NOW, 30).taken


def test_stopped_sessions_and_exercises_that_were_too_much_say_why(tmp_path: Path) -> None:
    seed_month(local_context())
    pdf = tmp_path / "s.pdf"
    data = summary_json("--pdf", str(pdf))
    (stopped,) = data["sessions"]["stopped"]
    assert stopped["reason"] == "spreading" and stopped["on"] == "2026-02-20"
    reasons = {r for item in data["sessions"]["too_much"] for r in item["reasons"]}
    assert reasons == {"switched to an easier version", "pain above 5/10"}
    text = text_of(pdf)
    assert "20 Feb: pain, numbness or tingling spreading down an arm or leg" in text
    assert "pain above 5/10" in text and "switched to an easier version" in text
    assert data["symptoms"][0]["symptom"] == "spreading_pain"


def test_an_emergency_screen_shows_its_reasons_first_and_no_routine_is_planned(
    tmp_path: Path,
) -> None:
    seed_month(local_context(), emergency=True)
    pdf = tmp_path / "s.pdf"
    result = run("summary", "--pdf", str(pdf))
    assert result.exit_code == 0, result.output
    assert "Get emergency help now" in result.stdout
    assert pages(pdf) == 1
    text = text_of(pdf)
    title = CONTENT.tiers["emergency"].title
    assert text.index(f"Safety screen: {title}") < text.index("Pain by region")
    for item in ("saddle_numbness", "new_bladder_problem"):
        assert CONTENT.label(item) in text
    assert "unhunch gives no routine while this result stands." in text


def test_a_screen_that_is_out_of_date_says_coaching_is_paused() -> None:
    ctx = local_context()
    screening.record_screen(ctx, answers(), at(40, 9))
    data = summary_json()
    assert data["screen"]["raised"] is False
    assert data["coaching"]["allowed"] is False
    assert data["coaching"]["note"] == (
        "Coaching is paused: this screen is 40 days old and unhunch asks for a new one every "
        "28 days."
    )
    assert data["routine"] is None  # never a planned routine while coaching is paused


def test_with_nothing_recorded_the_page_says_so(tmp_path: Path) -> None:
    pdf = tmp_path / "empty.pdf"
    result = run("summary", "--pdf", str(pdf))
    assert result.exit_code == 0, result.output
    assert "Nothing is recorded yet" in result.stdout
    assert pages(pdf) == 1
    text = text_of(pdf)
    assert "Nothing recorded yet" in text
    assert "No safety screen recorded yet" in text
    assert NOT_A_DIAGNOSIS in text


def test_a_heavy_year_still_fits_one_page_and_keeps_every_screen_reason(tmp_path: Path) -> None:
    """Many stops, many eased exercises, a long routine and a screen raised by many answers:
    lists shorten and the chart shrinks, the reasons never go."""
    ctx = local_context()
    screening.record_screen(ctx, answers(pain_weeks=3), at(364, 8))
    planning.save_profile(
        ctx,
        Profile(pain={"neck": 7, "upper_back": 7, "lower_back": 8}, minutes=30, setting="floor"),
        at(364, 8),
    )
    routine = planning.plan_today(ctx, at(364, 9))
    names = [i.exercise for b in routine.blocks for i in b.items]
    for days_ago in range(360, 0, -1):
        diary.log_pain(
            ctx,
            {"neck": days_ago % 7, "upper_back": days_ago % 5, "lower_back": days_ago % 9},
            "morning",
            "a long note " * 20,
            ["night_pain"] if days_ago % 11 == 0 else [],
            at(days_ago, 7),
        )
        if days_ago % 2:
            start = at(days_ago, 18)
            sessions.save(
                ctx,
                SessionRecord(
                    id=f"00000000-0000-4000-8000-{days_ago:012d}",
                    routine=routine,
                    started_at=start,
                    ended_at=start,
                    status="quit",
                    stop_reason="you ended the session",
                    items=[
                        Outcome(item=i, exercise=e, outcome="eased", reason="too_much", seconds=30)
                        for i, e in enumerate(names)
                    ],
                ),
            )
    raised = [i.id for i in CONTENT.items if i.tier == "see_doctor"]
    screening.record_screen(ctx, answers(*raised), at(0, 9))
    pdf = tmp_path / "heavy.pdf"
    data = summary_json("--pdf", str(pdf), "--days", "365")
    assert len(data["routine"]["items"]) >= 10
    assert pages(pdf) == 1
    text = text_of(pdf)
    for reason in data["screen"]["reasons"]:
        assert reason in text
    assert "and " in text and " more" in text  # the long lists say what they left out


@pytest.mark.parametrize(
    ("where", "why"),
    [
        ("no-such-folder/s.pdf", "There is no folder"),
        (".", "ending in .pdf"),
        ("summary.txt", "ending in .pdf"),
        ("a-folder.pdf", "is a folder, not a file"),
    ],
)
def test_a_path_the_pdf_cannot_go_to_exits_2_naming_pdf(
    tmp_path: Path, where: str, why: str
) -> None:
    (tmp_path / "a-folder.pdf").mkdir()
    result = run("summary", "--pdf", str(tmp_path / where))
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())  # Rich wraps long paths at 80 columns
    assert said.startswith("Input problem: --pdf:") and why in said
    assert "Traceback" not in said
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["a-folder.pdf"]


def test_a_read_only_folder_exits_2_and_leaves_nothing(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write anywhere; the folder checks above still run")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run("summary", "--pdf", str(folder / "s.pdf"))
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 2 and "--pdf" in result.output
    assert list(folder.iterdir()) == []


def test_no_pdf_and_no_json_exits_2_with_an_example() -> None:
    result = run("summary")
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert said.startswith("Input problem: --pdf:")
    assert "unhunch summary --pdf summary.pdf" in said


@pytest.mark.parametrize("days", ["6", "3661", "many"])
def test_days_out_of_range_exit_2(tmp_path: Path, days: str) -> None:
    result = run("summary", "--pdf", str(tmp_path / "s.pdf"), "--days", days)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "s.pdf").exists()


def test_json_is_one_document_with_every_part_and_writes_the_pdf_when_asked(
    tmp_path: Path,
) -> None:
    seed_month(local_context())
    alone = summary_json()
    assert alone["pdf"] is None
    assert not list(tmp_path.glob("*.pdf"))
    pdf = tmp_path / "s.pdf"
    with_pdf = summary_json("--pdf", str(pdf), "--days", "14")
    assert with_pdf["pdf"] == str(pdf) and pages(pdf) == 1
    assert set(alone) == {
        "generated_at", "period_from", "period_to", "days", "has_data", "screen", "coaching",
        "profile", "pain", "symptoms", "pain_jumps", "sessions", "next_morning", "breaks",
        "routine", "note", "pdf",
    }  # fmt: skip
    assert with_pdf["days"] == 14 and with_pdf["period_from"] == "2026-02-17"
    assert alone["screen"]["tier"] == "self_care" and alone["screen"]["raised"] is False
    assert alone["profile"]["conditions"] == ["osteoporosis"]
    assert alone["profile"]["excluded"] == ["Cobra"]
    assert alone["routine"]["source"] == "latest_session"
    assert alone["routine"]["on"] == "2026-03-01"
    assert set(alone["sessions"]) == {
        "count", "per_week", "minutes", "streak", "completed", "stopped", "too_much", "most_done",
    }  # fmt: skip
    assert alone["note"] == NOT_A_DIAGNOSIS


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(b"old " * 100_000)
    assert run("summary", "--pdf", str(pdf)).exit_code == 0
    assert pdf.read_bytes().startswith(b"%PDF-") and pages(pdf) == 1
    left = [p.name for p in tmp_path.iterdir() if p.name != "unhunch-home"]
    assert left == ["s.pdf"]  # no temporary file (.unhunch-*.pdf) left beside it


@pytest.mark.postgres
def test_postgres_gives_the_same_summary_as_sqlite(pg_url: str) -> None:
    import uuid

    from unhunch.services.context import Context
    from unhunch.services.summary import clinician_summary

    on_sqlite, on_postgres = local_context(), Context(pg_url, f"summary-{uuid.uuid4()}")
    for ctx in (on_sqlite, on_postgres):
        seed_month(ctx, emergency=True)
    same = clinician_summary(on_sqlite, NOW, 30)
    assert clinician_summary(on_postgres, NOW, 30) == same
    assert same.screen is not None and same.screen.raised and same.sessions.count > 10
