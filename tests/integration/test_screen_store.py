"""Stored screens keep "unsure" and "not_asked" as given, on SQLite and PostgreSQL, and screens
stored by the earlier version (items left out after an early stop, only true/false) still load."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from unhunch.core.screening_rules import Answers
from unhunch.core.triage import evaluate
from unhunch.services.context import Context, local_context
from unhunch.services.screening import (
    latest_screen,
    outcome_of,
    record_screen,
    screening_content,
)
from unhunch.store.db import transaction
from unhunch.store.screens import add_screen

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def short_screen() -> Answers:
    """A neck-only screen: the flow asked a few items, one of them "not sure"."""
    return Answers(
        items={"chest_pain_or_cardiac_signs": False, "thunderclap_headache": False,
               "fever": "unsure", "pregnancy": False},
        age=40, pain_weeks=1, clinician_cleared=False,
    )  # fmt: skip


def check_round_trip(ctx: Context) -> None:
    stored = record_screen(ctx, short_screen(), T0)
    back = latest_screen(ctx)
    assert back == stored and back is not None
    items = back.answers["answers"]
    assert items["fever"] == "unsure"
    assert items["saddle_numbness"] == "not_asked"
    assert set(items) == {i.id for i in screening_content().items}
    assert (back.tier, back.reasons) == ("see_doctor", ("fever:unsure",))
    outcome = outcome_of(back)
    assert set(outcome.asked) == set(short_screen().items)
    assert [f.because for f in outcome.findings] == [("fever:unsure",)]


def test_sqlite_keeps_unsure_and_not_asked() -> None:
    check_round_trip(local_context())


def test_postgres_keeps_unsure_and_not_asked(pg_url: str) -> None:
    check_round_trip(Context(pg_url, person=f"pg-{uuid.uuid4()}"))


@pytest.mark.parametrize(
    "old_document",
    [
        {"age": 30, "answers": {"saddle_numbness": False, "new_bladder_problem": True}},
        {"age": 30, "pain_weeks": 2, "improving": True, "new_pain": False,
         "clinician_cleared": False, "answers": {"fever": True, "retired_item": False}},
        {"answers": "garbled"},
    ],
)  # fmt: skip
def test_a_screen_stored_by_an_older_version_still_loads(old_document: dict[str, object]) -> None:
    ctx = local_context()
    outcome = evaluate(Answers(items={}), screening_content())
    with transaction(ctx.database_url) as conn:
        add_screen(conn, ctx.person, T0, old_document, outcome)
    back = latest_screen(ctx)
    assert back is not None and back.answers == old_document
    shown = outcome_of(back)
    assert shown.tier == back.tier
    raw = old_document["answers"]
    assert set(shown.asked) == (set(raw) if isinstance(raw, dict) else set())
