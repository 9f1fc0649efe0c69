"""Turn raw profile data (a JSON file, CLI options, a web form) into a Profile, or InputErrors
that name each field, the value given and what is allowed. Shared by the CLI and the web app."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from unhunch.core.errors import InputError, InputErrors
from unhunch.core.library import Library, closest
from unhunch.core.models import Profile
from unhunch.core.vocab import CONDITIONS, EQUIPMENT, LEVELS, PAIN_REGIONS, SETTINGS

FIELDS = tuple(Profile.model_fields)

ALLOWED: dict[str, str] = {
    "pain": "a whole number from 0 to 10 for each of " + ", ".join(PAIN_REGIONS),
    "minutes": "a whole number of minutes from 1 to 60",
    "setting": ", ".join(SETTINGS),
    "equipment": ", ".join(EQUIPMENT),
    "level": ", ".join(LEVELS),
    "conditions": ", ".join(CONDITIONS),
    "favourites": "a list of exercise ids from the library",
    "excluded": "a list of exercise ids from the library",
    "date": "a date as YYYY-MM-DD",
    "breath_seconds": "a whole number of seconds per breath from 3 to 12",
}

CHOICES: dict[str, tuple[str, ...]] = {
    "pain": PAIN_REGIONS,
    "setting": SETTINGS,
    "equipment": EQUIPMENT,
    "level": LEVELS,
    "conditions": CONDITIONS,
}


def _problem(err: Mapping[str, Any], data: Mapping[str, Any]) -> InputError:
    loc = [str(p) for p in err["loc"]]
    top = loc[0] if loc else "profile"
    value = err.get("input")
    if err["type"] == "extra_forbidden":
        near = closest(top, FIELDS)
        hint = f"Did you mean {near!r}?" if near else ""
        return InputError(f"unknown field {top!r}", value, "the fields " + ", ".join(FIELDS), hint)
    field = ".".join(p for p in loc if p != "[key]")
    if top == "pain" and "[key]" in loc:
        key = loc[1] if len(loc) > 1 else ""
        near = closest(key, PAIN_REGIONS)
        hint = f"Did you mean {near!r}?" if near else ""
        return InputError("pain region", key, ", ".join(PAIN_REGIONS), hint)
    if top == "pain" and isinstance(value, dict):
        bad = [(r, v) for r, v in value.items() if not (isinstance(v, int) and 0 <= v <= 10)]
        if bad:
            field, value = f"pain.{bad[0][0]}", bad[0][1]
    allowed = ALLOWED.get(top, err.get("msg", "a valid value"))
    hint = ""
    if top in CHOICES and isinstance(value, str):
        near = closest(value, CHOICES[top])
        hint = f"Did you mean {near!r}?" if near else ""
    if top == "pain" and len(loc) > 1 and not isinstance(value, int):
        value = (
            data.get("pain", {}).get(loc[1], value) if isinstance(data.get("pain"), dict) else value
        )
    return InputError(field, value, allowed, hint)


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _not_whole_numbers(data: Mapping[str, Any]) -> list[InputError]:
    """Numbers must be JSON whole numbers. Pydantic's lax mode would read `true` as 1 and "8"
    as 8, so a slip in a profile file would plan, without a word, for pain the person never
    reported."""
    problems = [
        InputError(key, data[key], ALLOWED[key])
        for key in ("minutes", "breath_seconds")
        if key in data and not _is_whole(data[key])
    ]
    pain = data.get("pain")
    if isinstance(pain, Mapping):
        problems += [
            InputError(f"pain.{region}", value, ALLOWED["pain"])
            for region, value in pain.items()
            if not _is_whole(value)
        ]
    return problems


def parse_profile(data: Any, library: Library | None = None) -> Profile:
    """Validate a profile from plain data; with a library, its exercise ids are checked too."""
    if not isinstance(data, Mapping):
        raise InputError("profile", type(data).__name__, "a JSON object with the profile fields")
    problems = _not_whole_numbers(data)
    try:
        profile = Profile.model_validate(dict(data))
    except ValidationError as exc:
        named = {p.field for p in problems}
        problems += [p for p in (_problem(e, data) for e in exc.errors()) if p.field not in named]
    if problems:
        raise InputErrors(problems) if len(problems) > 1 else problems[0] from None
    if library is not None:
        profile = with_stable_ids(profile, library)
    return profile


def with_stable_ids(profile: Profile, library: Library) -> Profile:
    """Check favourites and exclusions, and name each by its stable id (`neck_rolls` is
    `head_half_circles`), so the planner compares like with like."""
    check_ids(profile, library)

    def stable(ids: list[str]) -> list[str]:
        return list(dict.fromkeys(library.resolve(i) or i for i in ids))

    return profile.model_copy(
        update={"favourites": stable(profile.favourites), "excluded": stable(profile.excluded)}
    )


def parse_profile_json(
    text: str, library: Library | None = None, where: str = "profile"
) -> Profile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            where, f"line {exc.lineno} column {exc.colno}", "valid JSON", f"({exc.msg})"
        ) from None
    return parse_profile(data, library)


def check_ids(profile: Profile, library: Library) -> None:
    """Favourites and exclusions must name exercises in the library (closest id suggested)."""
    problems: list[InputError] = []
    for field in ("favourites", "excluded"):
        for exercise_id in getattr(profile, field):
            if library.resolve(exercise_id) is not None:
                continue
            near = closest(exercise_id, library.exercises)
            hint = f"Did you mean {near!r}?" if near else "See `unhunch exercises` for the ids."
            problems.append(InputError(field, exercise_id, "ids from the exercise library", hint))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InputErrors(problems)
