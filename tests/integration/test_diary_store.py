"""Logging pain and reading it back, on SQLite and PostgreSQL (services/diary.py)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from unhunch.config import get_settings
from unhunch.core.errors import InputError, InputErrors
from unhunch.services import diary
from unhunch.services.context import Context
from unhunch.store import db, tables

TZ = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 3, 2, 8, 30, tzinfo=TZ)


@pytest.fixture
def ctx() -> Context:
    return Context(database_url=get_settings().database_url)


def count_rows(url: str) -> tuple[int, int]:
    with db.transaction(url) as c:
        entries = c.execute(select(func.count()).select_from(tables.diary_entries)).scalar_one()
        scores = c.execute(select(func.count()).select_from(tables.pain_scores)).scalar_one()
    return entries, scores


def test_logged_entry_comes_back_with_every_score(ctx: Context) -> None:
    logged = diary.log_pain(
        ctx, {"neck": 2, "lower_back": "5"}, "morning", "stiff", ["night_pain"], NOW
    )
    (back,) = diary.entries(ctx)
    assert back == logged
    assert back.scores == {"neck": 2, "lower_back": 5}
    assert back.recorded_at == NOW
    assert back.symptoms == ("night_pain",)


def test_a_retry_with_the_same_id_never_doubles_the_entry(ctx: Context) -> None:
    entry_id = str(uuid.uuid4())
    first = diary.log_pain(ctx, {"neck": 2}, "day", None, [], NOW, entry_id=entry_id)
    again = diary.log_pain(
        ctx, {"neck": 2}, "day", None, [], NOW + dt.timedelta(seconds=5), entry_id=entry_id
    )
    assert again == first
    assert count_rows(ctx.database_url) == (1, 1)


def test_an_id_of_another_persons_entry_is_refused_not_overwritten(ctx: Context) -> None:
    entry_id = str(uuid.uuid4())
    diary.log_pain(ctx, {"neck": 2}, "day", None, [], NOW, entry_id=entry_id)
    other = Context(database_url=ctx.database_url, person="someone-else")
    with pytest.raises(InputError) as caught:
        diary.log_pain(other, {"neck": 9}, "day", None, [], NOW, entry_id=entry_id)
    assert caught.value.field == "entry_id"
    assert diary.entries(ctx)[0].scores == {"neck": 2}


def test_bad_input_writes_nothing(ctx: Context) -> None:
    with pytest.raises(InputErrors):
        diary.log_pain(ctx, {"neck": 2, "lower_back": 11}, "noon", None, [], NOW)
    assert count_rows(ctx.database_url) == (0, 0)


def test_entries_in_a_range_are_oldest_first_and_end_is_exclusive(ctx: Context) -> None:
    for day in range(5):
        diary.log_pain(ctx, {"neck": day}, "morning", None, [], NOW + dt.timedelta(days=day))
    found = diary.entries(ctx, NOW + dt.timedelta(days=1), NOW + dt.timedelta(days=3))
    assert [e.scores["neck"] for e in found] == [1, 2]


def test_latest_per_region_takes_each_region_from_its_own_newest_entry(ctx: Context) -> None:
    diary.log_pain(ctx, {"neck": 4, "lower_back": 6}, "morning", None, [], NOW)
    diary.log_pain(ctx, {"neck": 1}, "evening", None, [], NOW + dt.timedelta(hours=12))
    latest = diary.latest_per_region(ctx)
    assert {r: score for r, (score, _) in latest.items()} == {"neck": 1, "lower_back": 6}
    assert latest["lower_back"][1].recorded_at == NOW


def test_progress_reads_the_whole_history_for_the_first_week(ctx: Context) -> None:
    for day in range(28):
        pain = 6 if day < 7 else 3
        diary.log_pain(ctx, {"lower_back": pain}, "morning", None, [], NOW + dt.timedelta(day))
    report = diary.see_progress(ctx, NOW + dt.timedelta(days=27), days=7)
    (lower,) = report.regions
    assert (lower.first_week_avg, lower.avg_7, lower.change, lower.meaningful) == (
        6.0,
        3.0,
        -3.0,
        True,
    )


def test_progress_window_outside_seven_to_3660_days_is_refused(ctx: Context) -> None:
    with pytest.raises(InputError) as caught:
        diary.see_progress(ctx, NOW, days=3)
    assert caught.value.field == "days"


def test_postgres_logs_and_reads_back(pg_url: str) -> None:
    person = f"pg-{uuid.uuid4()}"  # the shared test database outlives this test
    ctx = Context(database_url=pg_url, person=person)
    entry_id = str(uuid.uuid4())
    logged = diary.log_pain(
        ctx, {"upper_back": 7, "neck": 0}, "after_session", None, [], NOW, entry_id=entry_id
    )
    again = diary.log_pain(
        ctx, {"upper_back": 7, "neck": 0}, "after_session", None, [], NOW, entry_id=entry_id
    )
    assert again == logged
    assert diary.entries(ctx) == [logged]
    assert diary.latest_per_region(ctx)["upper_back"][0] == 7
