"""The profile form: field values in and out of plain strings, checked by the planner's parser."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from unhunch.content import load_library
from unhunch.core.errors import InputError, InputErrors
from unhunch.core.models import Profile
from unhunch.core.profile_parse import parse_profile
from unhunch.core.vocab import PAIN_REGIONS
from unhunch.web.forms import whole_number

# Plain words for conditions on the form (ids stay the contract).
CONDITION_WORDS: dict[str, str] = {
    "osteoporosis": "Osteoporosis (thin bones)",
    "pregnancy": "Pregnancy",
    "recent_spine_surgery": "Spine or neck surgery in the last year",
    "spinal_stenosis": "Spinal stenosis (narrowed spinal canal)",
    "spondylolisthesis": "Spondylolisthesis (a slipped vertebra)",
    "disc_herniation": "Slipped or bulging disc",
    "hypertension": "High blood pressure",
    "glaucoma": "Glaucoma",
    "knee_problems": "Knee problems",
    "wrist_problems": "Wrist problems",
    "shoulder_injury": "Shoulder injury",
    "hip_replacement": "Hip replacement",
    "vertigo": "Vertigo or dizziness",
    "inflammatory_arthritis": "Rheumatoid arthritis or axial spondyloarthritis",
}

SETTING_WORDS: dict[str, str] = {
    "desk": "At a desk (sitting or standing)",
    "standing": "Standing, no chair",
    "floor": "On the floor (mat)",
    "bed": "In bed",
}

LEVEL_WORDS: dict[str, str] = {
    "beginner": "Gentle: I'm new to this or sore",
    "intermediate": "Some experience",
    "advanced": "I stretch regularly",
}


def values_of(profile: Profile | None) -> dict[str, Any]:
    """What the form shows: the saved profile, or calm defaults."""
    p = profile or Profile()
    return {
        "pain": {r: p.pain.get(r, 0) for r in PAIN_REGIONS},
        "minutes": p.minutes,
        "setting": p.setting,
        "equipment": list(p.equipment),
        "level": p.level,
        "conditions": list(p.conditions),
        "favourites": list(p.favourites),
        "excluded": list(p.excluded),
        "breath_seconds": p.breath_seconds,
    }


def whole(field: str, raw: str, allowed: str) -> int | str:
    """A whole number, or the raw text so the parser names the field and the value."""
    if raw.strip() == "":
        raise InputError(field, raw, allowed)
    number = whole_number(raw)
    return raw if number is None else number


def profile_from_form(form: Mapping[str, list[str]]) -> Profile:
    """Build and check a Profile from the posted form (InputError(s) name every problem)."""
    known = {
        *(f"pain_{r}" for r in PAIN_REGIONS),
        "minutes",
        "setting",
        "equipment",
        "level",
        "conditions",
        "favourites",
        "excluded",
        "breath_seconds",
    }
    unknown = [k for k in form if k not in known]
    if unknown:
        raise InputError("form field", unknown[0], "the fields of the profile form")

    def one(key: str, default: str) -> str:
        return form.get(key, [default])[0]

    problems: list[InputError] = []
    data: dict[str, Any] = {"pain": {}}
    for region in PAIN_REGIONS:
        try:
            data["pain"][region] = whole(f"pain.{region}", one(f"pain_{region}", "0"), "0 to 10")
        except InputError as exc:
            problems.append(exc)
    try:
        data["minutes"] = whole("minutes", one("minutes", "8"), "1 to 60")
        data["breath_seconds"] = whole("breath_seconds", one("breath_seconds", "6"), "3 to 12")
    except InputError as exc:
        problems.append(exc)
    if problems:
        raise InputErrors(problems)
    data["setting"] = one("setting", "desk")
    data["level"] = one("level", "beginner")
    for key in ("equipment", "conditions", "favourites", "excluded"):
        data[key] = list(dict.fromkeys(form.get(key, [])))
    return parse_profile(data, load_library())


def problems_list(exc: InputError | InputErrors) -> list[InputError]:
    return exc.problems if isinstance(exc, InputErrors) else [exc]
