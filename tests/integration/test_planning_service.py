"""plan_today on a real store: the saved profile, the screen gate, and doses that grow from the
recorded sessions and next-morning pain (SQLite, and PostgreSQL under `make test`)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from tests.unit.screen_helpers import answers
from unhunch.core.errors import InputError, SafetyRefusal
from unhunch.core.models import Profile, Routine
from unhunch.core.progression import explain_rule
from unhunch.services.context import Context, local_context
from unhunch.services.planning import load_profile, plan_today, save_profile
from unhunch.services.screening import record_screen
from unhunch.store.db import transaction
from unhunch.store.tables import diary_entries, pain_scores, session_items, sessions

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
PROFILE = Profile(
    pain={"neck": 3}, minutes=5, setting="desk", level="intermediate", favourites=["chin_tucks"]
)


def record_session(ctx: Context, day: dt.datetime, before: int, morning: int) -> None:
    sid = str(uuid.uuid4())
    routine = {"blocks": [{"name": "main", "items": [{"exercise": "chin_tucks"}]}]}
    with transaction(ctx.database_url) as conn:
        conn.execute(
            sessions.insert().values(
                id=sid,
                person=ctx.person,
                started_at=day,
                ended_at=day,
                status="completed",
                routine=routine,
                pain_before={"neck": before},
                pain_after={"neck": before},
            )
        )
        conn.execute(
            session_items.insert().values(
                session_id=sid, position=0, exercise="chin_tucks", outcome="done", seconds=40
            )
        )
        entry = str(uuid.uuid4())
        conn.execute(
            diary_entries.insert().values(
                id=entry,
                person=ctx.person,
                recorded_at=day + dt.timedelta(hours=22),
                when="morning",
                symptoms=[],
            )
        )
        conn.execute(pain_scores.insert().values(entry_id=entry, region="neck", pain=morning))


def chin_tucks(routine: Routine) -> int:
    item = next(i for i in routine.items if i.exercise == "chin_tucks")
    return item.dose.amount * item.dose.sets


def check_growth(ctx: Context) -> None:
    record_screen(ctx, answers(), NOW - dt.timedelta(days=5))
    save_profile(ctx, PROFILE, NOW)
    assert load_profile(ctx) == PROFILE
    before = plan_today(ctx, NOW)
    for days in (4, 3, 2):
        record_session(ctx, NOW - dt.timedelta(days=days), before=3, morning=3)
    after = plan_today(ctx, NOW)
    assert chin_tucks(after) > chin_tucks(before)
    assert explain_rule() in after.notes


def test_settled_mornings_grow_the_dose_on_sqlite() -> None:
    check_growth(local_context())


@pytest.mark.postgres
def test_settled_mornings_grow_the_dose_on_postgres(pg_url: str) -> None:
    check_growth(Context(database_url=pg_url, person=f"p-{uuid.uuid4()}"))


def test_worse_mornings_step_the_dose_back() -> None:
    ctx = local_context()
    record_screen(ctx, answers(), NOW - dt.timedelta(days=5))
    save_profile(ctx, PROFILE, NOW)
    before = plan_today(ctx, NOW)
    for days in (4, 3, 2):
        record_session(ctx, NOW - dt.timedelta(days=days), before=2, morning=4)
    assert chin_tucks(plan_today(ctx, NOW)) < chin_tucks(before)


def test_plan_today_refuses_without_a_screen_and_asks_for_a_profile() -> None:
    ctx = local_context()
    with pytest.raises(SafetyRefusal, match="unhunch screen"):
        plan_today(ctx, NOW, PROFILE)
    record_screen(ctx, answers(), NOW)
    with pytest.raises(InputError, match="unhunch profile set"):
        plan_today(ctx, NOW)
    assert plan_today(ctx, NOW, PROFILE).items
