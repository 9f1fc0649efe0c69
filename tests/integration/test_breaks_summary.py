"""Breaks in progress: per working day, and pain on days with many breaks against few once each
side has seven days."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from unhunch.cli.main import app
from unhunch.services import breaks
from unhunch.services.breaks_summary import breaks_summary
from unhunch.services.context import Context, local_context
from unhunch.services.diary import log_pain

UTC = dt.UTC
FIRST = dt.date(2026, 3, 2)  # a Monday


def work_days(count: int) -> list[dt.date]:
    days, day = [], FIRST
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=UTC)


@pytest.fixture
def ctx() -> Context:
    context = local_context()
    breaks.change_settings(context, {"tz": "UTC"})
    return context


def fill(ctx: Context, days: list[dt.date], taken: int, neck: int) -> None:
    for day in days:
        for i in range(taken):
            breaks.record(ctx, "taken", at(day, 10 + i))
        log_pain(ctx, {"neck": neck}, "evening", None, (), at(day, 19))


def test_many_breaks_against_few_waits_for_seven_days_each_side(ctx: Context) -> None:
    days = work_days(20)
    fill(ctx, days[:7], 6, 2)
    fill(ctx, days[7:13], 1, 4)
    now = at(days[13], 8)
    early = breaks_summary(ctx, now, 30)
    assert early.many == 5  # 9 planned breaks a day at 50 minutes: half, rounded up
    neck = next(c for c in early.comparison if c.region == "neck")
    assert (neck.yes_days, neck.no_days, neck.enough) == (7, 6, False)
    assert any("not enough days yet" in s for s in early.sentences)

    fill(ctx, days[13:14], 1, 4)
    later = breaks_summary(ctx, at(days[14], 8), 30)
    neck = next(c for c in later.comparison if c.region == "neck")
    assert (neck.yes_avg, neck.no_avg) == (2.0, 4.0)
    assert any(
        "5 or more breaks your neck pain averaged 2.0, against 4.0" in s for s in later.sentences
    )
    assert later.taken == 7 * 6 + 7 * 1


def test_days_before_breaks_were_used_do_not_count(ctx: Context) -> None:
    breaks.record(ctx, "taken", at(FIRST, 10))
    summary = breaks_summary(ctx, at(FIRST, 12), 30)
    assert [d.date for d in summary.per_day] == [FIRST]
    assert summary.sentences == ["Movement breaks: 1 taken over 1 working day (about 1.0 a day)."]


def test_progress_json_carries_the_breaks(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    breaks.record(ctx, "taken", at(FIRST, 10))
    monkeypatch.setenv("UNHUNCH_NOW", at(FIRST, 12).isoformat())
    result = CliRunner().invoke(app, ["progress", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["breaks"]["taken"] == 1
