"""The coaching gate over a real store: no screen, old screens, refusals and diary warnings."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from tests.unit.screen_helpers import answers
from unhunch.core.errors import SafetyRefusal
from unhunch.services.context import Context, local_context
from unhunch.services.screening import (
    coaching_status,
    latest_screen,
    record_screen,
    require_coaching,
)
from unhunch.store.db import transaction
from unhunch.store.tables import diary_entries, pain_scores

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def days(n: float) -> dt.datetime:
    return T0 + dt.timedelta(days=n)


def log(ctx: Context, at: dt.datetime, symptoms: tuple[str, ...] = (), **scores: int) -> None:
    """A diary entry written the way the diary stores it (diary_entries + pain_scores)."""
    entry_id = str(uuid.uuid4())
    with transaction(ctx.database_url) as conn:
        conn.execute(
            diary_entries.insert().values(
                id=entry_id, person=ctx.person, recorded_at=at, when="day",
                note=None, symptoms=list(symptoms), session_id=None,
            )
        )  # fmt: skip
        for region, pain in scores.items():
            conn.execute(pain_scores.insert().values(entry_id=entry_id, region=region, pain=pain))


@pytest.fixture
def ctx() -> Context:
    return local_context()


def test_no_screen_yet_is_refused_and_asks_for_the_screen(ctx: Context) -> None:
    status = coaching_status(ctx, T0)
    assert (status.allowed, status.screen_needed, status.tier, status.latest) == (
        False, True, None, None,
    )  # fmt: skip
    assert "unhunch screen" in status.reason
    with pytest.raises(SafetyRefusal, match="unhunch screen"):
        require_coaching(ctx, T0)


def test_self_care_screen_allows_coaching(ctx: Context) -> None:
    record = record_screen(ctx, answers(), T0)
    status = require_coaching(ctx, days(1))
    assert status.allowed and status.tier == "self_care" and not status.gentlest
    assert status.latest == record


def test_screen_27_days_old_still_allows_and_29_days_old_does_not(ctx: Context) -> None:
    record_screen(ctx, answers(), T0)
    assert coaching_status(ctx, days(27)).allowed
    old = coaching_status(ctx, days(29))
    assert (old.allowed, old.screen_needed) == (False, True)
    assert "29 days old" in old.reason


def test_screen_that_forbids_coaching_is_refused_with_its_advice(ctx: Context) -> None:
    record_screen(ctx, answers("night_or_rest_pain"), T0)
    status = coaching_status(ctx, days(1))
    assert (status.allowed, status.tier, status.screen_needed) == (False, "see_doctor", False)
    assert "doctor or physiotherapist" in status.reason
    with pytest.raises(SafetyRefusal):
        require_coaching(ctx, days(1))


def test_see_doctor_cleared_by_a_clinician_allows_gentlest_coaching(ctx: Context) -> None:
    record_screen(ctx, answers("night_or_rest_pain", clinician_cleared=True), T0)
    status = require_coaching(ctx, days(1))
    assert (status.allowed, status.tier, status.gentlest) == (True, "see_doctor", True)


def test_latest_screen_wins_over_an_earlier_one(ctx: Context) -> None:
    record_screen(ctx, answers("saddle_numbness"), T0)
    assert not coaching_status(ctx, days(1)).allowed
    record_screen(ctx, answers(), days(2))
    assert coaching_status(ctx, days(3)).allowed


def test_diary_warning_after_the_screen_asks_for_the_screen_again(ctx: Context) -> None:
    log(ctx, days(-1), lower_back=2)
    record_screen(ctx, answers(), T0)
    log(ctx, days(1), ("numbness_tingling",), lower_back=2)
    status = coaching_status(ctx, days(2))
    assert (status.allowed, status.screen_needed) == (False, True)
    assert "numbness or tingling" in status.reason
    record_screen(ctx, answers(), days(3))
    assert coaching_status(ctx, days(3)).allowed


def test_pain_jump_after_the_screen_asks_for_the_screen_again(ctx: Context) -> None:
    log(ctx, days(-1), neck=1)
    record_screen(ctx, answers(), T0)
    log(ctx, days(1), neck=4)
    status = coaching_status(ctx, days(1))
    assert not status.allowed
    assert status.warnings == ("neck pain rose from 1 to 4 on 2026-03-03",)


def test_diary_before_the_screen_does_not_block(ctx: Context) -> None:
    log(ctx, days(-2), ("night_pain",), neck=1)
    log(ctx, days(-1), neck=6)
    record_screen(ctx, answers(), T0)
    log(ctx, days(1), neck=5)
    assert coaching_status(ctx, days(1)).allowed


def test_another_persons_diary_and_screens_do_not_count(ctx: Context) -> None:
    other = Context(ctx.database_url, person="someone_else")
    record_screen(ctx, answers(), T0)
    record_screen(other, answers("saddle_numbness"), T0)
    log(other, days(1), ("spreading_pain",), neck=9)
    assert coaching_status(ctx, days(1)).allowed


def test_postgres_stores_and_reads_a_screen(pg_url: str) -> None:
    ctx = Context(pg_url, person=f"pg-{uuid.uuid4()}")
    assert latest_screen(ctx) is None
    stored = record_screen(ctx, answers("fever", "immunosuppressed", age=61), T0)
    back = latest_screen(ctx)
    assert back == stored
    assert back is not None
    assert back.tier == "urgent" and back.reasons == ("fever", "immunosuppressed")
    assert back.taken_at == T0 and back.taken_at.tzinfo is not None
    assert back.answers["age"] == 61 and back.answers["answers"]["fever"] is True
    record_screen(ctx, answers(), days(1))
    log(ctx, days(2), ("night_pain",), lower_back=3)
    status = coaching_status(ctx, days(2))
    assert status.warnings == ("pain at night noted in your diary on 2026-03-04",)
