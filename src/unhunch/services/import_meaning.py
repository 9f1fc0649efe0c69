"""What the rows of an import mean, checked before anything is written (shape is import_check).

A stored record is trusted by every face later, so an import must not smuggle in what the app
itself would never store: a profile outside its ranges (minutes 999 would break every plan), a
screen whose outcome is not the one its answers give (an emergency marked `may_coach`), an
unknown tier or exercise id, a pain score or dose out of range, a favourite a condition forbids.
Each problem names its section, row and field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from unhunch.core.admissible import admissible
from unhunch.core.breaks import Action, BreakSettings
from unhunch.core.conditions import from_screens
from unhunch.core.errors import InputError, InputErrors
from unhunch.core.library import Library
from unhunch.core.models import Routine
from unhunch.core.player_events import OutcomeKind
from unhunch.core.profile_parse import parse_profile
from unhunch.core.screening_rules import TIERS, Answers, ScreeningContent
from unhunch.core.triage import evaluate
from unhunch.core.vocab import PAIN_REGIONS, Condition

Add = Callable[[str, object, str], None]
Rows = dict[str, list[dict[str, Any]]]

SESSION_STATUSES = ("running", "completed", "stopped", "quit")
OUTCOMES: tuple[str, ...] = get_args(OutcomeKind)
ACTIONS: tuple[str, ...] = get_args(Action)
BREAK_KINDS = ("routine", "walk", "none")
PREFERENCE_MODELS: dict[str, type[BaseModel]] = {"breaks": BreakSettings}
CONTEXT_KINDS: dict[str, type] = {
    "age": int,
    "pain_weeks": int,
    "improving": bool,
    "new_pain": bool,
    "long_term_steroids": bool,
    "clinician_cleared": bool,
}


def check_meaning(rows: Rows, library: Library, content: ScreeningContent, add: Add) -> None:
    """Add a problem for every row whose meaning the app would not have stored itself."""
    answered = [_screen(i, row, content, add) for i, row in enumerate(rows.get("screens", []))]
    from_screen = from_screens(a for a in answered if a is not None)
    for i, row in enumerate(rows.get("profiles", [])):
        _profile(f"profiles[{i}].data", row.get("data"), library, from_screen, add)
    for i, row in enumerate(rows.get("preferences", [])):
        _preference(f"preferences[{i}]", row, add)
    for i, row in enumerate(rows.get("sessions", [])):
        where = f"sessions[{i}]"
        if row.get("status") not in SESSION_STATUSES:
            add(f"{where}.status", row.get("status"), ", ".join(SESSION_STATUSES))
        _routine(f"{where}.routine", row.get("routine"), library, add)
        for side in ("pain_before", "pain_after"):
            _pain(f"{where}.{side}", row.get(side), add)
    for i, row in enumerate(rows.get("session_items", [])):
        where = f"session_items[{i}]"
        if library.resolve(str(row.get("exercise"))) is None:
            add(f"{where}.exercise", row.get("exercise"), "an exercise id of the library")
        if row.get("outcome") not in OUTCOMES:
            add(f"{where}.outcome", row.get("outcome"), ", ".join(OUTCOMES))
        seconds = row.get("seconds")
        if isinstance(seconds, int) and not 0 <= seconds <= 24 * 3600:
            add(f"{where}.seconds", seconds, "whole seconds from 0 to 86400")
    for i, row in enumerate(rows.get("break_events", [])):
        where = f"break_events[{i}]"
        if row.get("action") not in ACTIONS:
            add(f"{where}.action", row.get("action"), ", ".join(ACTIONS))
        _break_routine(f"{where}.routine", row.get("routine"), library, add)


def _screen(i: int, row: dict[str, Any], content: ScreeningContent, add: Add) -> Answers | None:
    """The screen's answers, when they are readable; its stored outcome must be theirs."""
    where = f"screens[{i}]"
    tier = row.get("tier")
    if tier not in TIERS:
        add(f"{where}.tier", tier, ", ".join(TIERS))
    reasons = row.get("reasons")
    if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
        add(f"{where}.reasons", reasons, "a list of answer ids")
    doc = row.get("answers")
    if not isinstance(doc, Mapping) or not isinstance(doc.get("answers"), Mapping):
        add(f"{where}.answers", type(doc).__name__, 'an object with an "answers" object')
        return None
    known = {item.id for item in content.items}
    items = dict(doc["answers"])
    bad = False
    for key, value in items.items():
        if key not in known:
            add(f"{where}.answers.answers.{key}", value, "the screen's item ids")
            bad = True
        elif not (isinstance(value, bool) or value in ("unsure", "not_asked")):
            add(f"{where}.answers.answers.{key}", value, 'true, false, "unsure" or "not_asked"')
            bad = True
    context: dict[str, Any] = {}
    for key, value in doc.items():
        if key == "answers":
            continue
        kind = CONTEXT_KINDS.get(key)
        if kind is None or type(value) is not kind:
            allowed = f"a {kind.__name__}" if kind else ", ".join(["answers", *CONTEXT_KINDS])
            add(f"{where}.answers.{key}", value, allowed)
            bad = True
        context[key] = value
    if bad:
        return None
    answers = Answers(items=items, **context)
    outcome = evaluate(answers, content)
    stored = {"tier": tier, "may_coach": row.get("may_coach"), "reasons": reasons}
    computed = {
        "tier": outcome.tier,
        "may_coach": outcome.may_coach,
        "reasons": list(outcome.reasons),
    }
    for key, value in computed.items():
        if stored[key] != value:
            add(f"{where}.{key}", stored[key], f"{value!r}, what its answers give")
    return answers


def _profile(
    where: str, data: object, library: Library, from_screen: tuple[Condition, ...], add: Add
) -> None:
    try:
        profile = parse_profile(data, library)
    except (InputError, InputErrors) as exc:
        for p in exc.problems if isinstance(exc, InputErrors) else [exc]:
            add(f"{where}.{p.field}", p.value, p.allowed)
        return
    conditions = (*profile.conditions, *from_screen)
    for fav in profile.favourites:
        stable = library.resolve(fav)
        if stable is None:
            continue
        verdict = admissible(library.exercises[stable], conditions)
        if not verdict.safe:
            add(
                f"{where}.favourites",
                fav,
                "favourites no condition rules out (" + "; ".join(verdict.reasons) + ")",
            )


def _preference(where: str, row: dict[str, Any], add: Add) -> None:
    model = PREFERENCE_MODELS.get(str(row.get("key")))
    if model is None:
        add(f"{where}.key", row.get("key"), ", ".join(PREFERENCE_MODELS))
        return
    try:
        model.model_validate(row.get("value"))
    except ValidationError as exc:
        for err in exc.errors()[:3]:
            field = ".".join(str(p) for p in err["loc"])
            add(f"{where}.value.{field}", err.get("input"), str(err["msg"]))


def _routine(where: str, data: object, library: Library, add: Add) -> None:
    try:
        routine = Routine.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors()[:3]:
            field = ".".join(str(p) for p in err["loc"])
            add(f"{where}.{field}", err.get("input"), str(err["msg"]))
        return
    for item in routine.items:
        if library.resolve(item.exercise) is None:
            add(f"{where}.exercise", item.exercise, "an exercise id of the library")


def _break_routine(where: str, data: object, library: Library, add: Add) -> None:
    if data is None:
        return
    if not isinstance(data, Mapping) or data.get("kind") not in BREAK_KINDS:
        add(f"{where}.kind", data, ", ".join(BREAK_KINDS))
        return
    rest = {k: v for k, v in data.items() if k != "kind"}
    if rest:
        _routine(where, rest, library, add)


def _pain(where: str, data: object, add: Add) -> None:
    if data is None:
        return
    if not isinstance(data, Mapping):
        add(where, data, "an object of region: pain 0-10")
        return
    for region, pain in data.items():
        if region not in PAIN_REGIONS:
            add(f"{where}.{region}", pain, ", ".join(PAIN_REGIONS))
        elif type(pain) is not int or not 0 <= pain <= 10:
            add(f"{where}.{region}", pain, "a whole number from 0 to 10")
