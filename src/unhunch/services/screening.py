"""Use cases of the red-flag screen, and the coaching gate used by the planner, the session and
the web app (spec/screening.md).

`coaching_status` says whether coaching may go ahead now and, if not, what to do instead;
`require_coaching` raises SafetyRefusal with that message. Coaching is refused when there is no
screen yet, the latest screen does not allow it, it is older than 28 days, or the diary has
recorded a warning sign since it was taken.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unhunch.core.conditions import from_screens
from unhunch.core.errors import SafetyRefusal
from unhunch.core.screening_rules import RESCREEN_DAYS, Answers, ScreeningContent, Tier
from unhunch.core.triage import Outcome, ScreenRecord, evaluate, parse_answers, plain_error
from unhunch.core.vocab import Condition
from unhunch.core.warnings import warning_signs
from unhunch.services.context import Context

__all__ = [
    "CoachingStatus",
    "SafetyRefusal",
    "ScreenRecord",
    "coaching_status",
    "latest_screen",
    "read_answers_file",
    "record_screen",
    "require_coaching",
    "screen_conditions",
    "screen_from_file",
    "screening_content",
]

TAKE_SCREEN = "unhunch screen"
WEB_TAKE_SCREEN = "choose “Answer the questions” below"


@dataclass(frozen=True)
class CoachingStatus:
    allowed: bool
    reason: str  # plain words: what to do
    tier: str | None
    screen_needed: bool  # True when taking the screen (again) is the way forward
    latest: ScreenRecord | None
    gentlest: bool = False  # see_doctor cleared by a clinician: start with the gentlest doses
    warnings: tuple[str, ...] = ()  # diary warning signs since the latest screen

    @property
    def web_reason(self) -> str:
        """The reason as a web page says it: what to click, not a command to type."""
        return self.reason.replace(f"run `{TAKE_SCREEN}`", WEB_TAKE_SCREEN).replace(
            f" (`{TAKE_SCREEN}`)", ""
        )


def screening_content() -> ScreeningContent:
    from unhunch.content.screening import load_screening

    return load_screening()


def record_screen(ctx: Context, answers: Answers, now: dt.datetime) -> ScreenRecord:
    """Evaluate a screen and store it with what was answered."""
    from unhunch.store.db import transaction
    from unhunch.store.screens import add_screen

    outcome = evaluate(answers, screening_content())
    with transaction(ctx.database_url) as conn:
        return add_screen(conn, ctx.person, now, answers_document(answers), outcome)


def outcome_of(record: ScreenRecord) -> Outcome:
    """The stored outcome, with its findings and asked items worked out from the stored answers."""
    from unhunch.core.screen_document import answers_from_document, asked_items

    findings = evaluate(answers_from_document(record.answers), screening_content()).findings
    return Outcome(
        record.tier,
        record.reasons,
        record.advice,
        record.may_coach,
        findings,
        asked_items(record.answers),
    )


def answers_document(answers: Answers) -> dict[str, Any]:
    """The answers in the answers-file shape; items not asked are stored as "not_asked"."""
    from unhunch.core.screen_document import stored_document

    return stored_document(answers, screening_content())


def read_answers_file(path: Path) -> Answers:
    """Read and check an answers file; every problem is named (InputErrors) or SafetyRefusal."""
    from unhunch.input_files import read_input_file

    text = read_input_file(path, "--answers")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise plain_error(
            "--answers",
            str(path),
            "a valid JSON document",
            f"--answers: {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}).",
        ) from None
    return parse_answers(data, screening_content())


def screen_from_file(ctx: Context, path: Path, now: dt.datetime) -> tuple[ScreenRecord, Outcome]:
    answers = read_answers_file(path)
    outcome = evaluate(answers, screening_content())
    return record_screen(ctx, answers, now), outcome


def screen_conditions(ctx: Context) -> tuple[Condition, ...]:
    """The conditions the person's screens named (yes or unsure), until one answered no."""
    from unhunch.store.db import transaction
    from unhunch.store.screens import screen_answers

    with transaction(ctx.database_url) as conn:
        docs = screen_answers(conn, ctx.person)
    return from_screens(Answers(items=_items(doc)) for doc in docs)


def _items(doc: Mapping[str, Any]) -> dict[str, Any]:
    items = doc.get("answers")
    return dict(items) if isinstance(items, Mapping) else {}


def latest_screen(ctx: Context) -> ScreenRecord | None:
    from unhunch.store.db import transaction
    from unhunch.store.screens import latest_screen as latest

    with transaction(ctx.database_url) as conn:
        return latest(conn, ctx.person)


# A session stopped by one of these rules holds the next one until the screen is taken again.
STOP_WORDS = {
    "cardiac_or_faint": "a session on {day} stopped for chest pain, dizziness or feeling faint",
    "spreading": "a session on {day} stopped because pain or tingling spread down a limb",
}


def coaching_status(ctx: Context, now: dt.datetime) -> CoachingStatus:
    """Whether coaching may go ahead now; never raises for the normal cases."""
    from unhunch.store.db import transaction
    from unhunch.store.screens import diary_points, session_stops
    from unhunch.store.screens import latest_screen as latest_of

    with transaction(ctx.database_url) as conn:
        latest = latest_of(conn, ctx.person)
        points = diary_points(conn, ctx.person) if latest is not None else []
        stops = session_stops(conn, ctx.person, latest.seq) if latest is not None else []
    warnings: list[str] = []
    if latest is not None:
        warnings = warning_signs(points, since=latest.taken_at, since_seq=latest.seq)
        warnings += [STOP_WORDS[s.stop_reason].format(day=s.started_at.date()) for s in stops]
    return decide_status(latest, list(dict.fromkeys(warnings)), now)


def decide_status(
    latest: ScreenRecord | None, warnings: list[str], now: dt.datetime
) -> CoachingStatus:
    """The gate's rule, kept apart from the database so it reads top to bottom."""
    if latest is None:
        return CoachingStatus(
            False,
            f"Before coaching, answer a few safety questions: run `{TAKE_SCREEN}`.",
            None,
            True,
            None,
        )
    tier: Tier = latest.tier
    if not latest.may_coach:
        then = (
            "Once a doctor or physiotherapist has cleared you to exercise, take the screen "
            f"again (`{TAKE_SCREEN}`) and say so."
            if tier == "see_doctor"
            else f"When you have been seen and things have settled, take the screen again "
            f"(`{TAKE_SCREEN}`)."
        )
        return CoachingStatus(
            False,
            f"Your last safety screen said: {latest.advice} {then}",
            tier,
            False,
            latest,
        )
    if warnings:
        return CoachingStatus(
            False,
            "Your diary shows something new since your last safety screen ("
            + "; ".join(warnings)
            + f"). Please answer the safety questions again first: run `{TAKE_SCREEN}`.",
            tier,
            True,
            latest,
            warnings=tuple(warnings),
        )
    age = now - latest.taken_at
    if age > dt.timedelta(days=RESCREEN_DAYS):
        return CoachingStatus(
            False,
            f"Your last safety screen is {age.days} days old; it is good for {RESCREEN_DAYS} "
            f"days. Please answer the questions again: run `{TAKE_SCREEN}`.",
            tier,
            True,
            latest,
        )
    gentlest = tier == "see_doctor"
    return CoachingStatus(
        True,
        "A clinician has cleared you: coaching starts with the gentlest doses."
        if gentlest
        else "Your safety screen is up to date: coaching can go ahead.",
        tier,
        False,
        latest,
        gentlest=gentlest,
    )


def require_coaching(ctx: Context, now: dt.datetime) -> CoachingStatus:
    """The coaching status, or SafetyRefusal (CLI exit 3) with what to do instead."""
    status = coaching_status(ctx, now)
    if not status.allowed:
        raise SafetyRefusal(status.reason, status.web_reason)
    return status
