"""What a movement break is: a 1-3 minute routine from the person's own profile, and the words.

Each break is planned by the same planner as the daily routine (so conditions, level, equipment
and exclusions hold, and the painful regions are covered when the time allows), with a budget of
1-3 minutes at the desk or standing. Variety across the day is seeded by (date, break index):
breaks alternate standing and at-the-desk when the place is "mixed", and each break avoids the
exercises of the break before it when the plan can still be made without them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from unhunch.core.breaks import Place
from unhunch.core.library import Library
from unhunch.core.models import Profile, Routine
from unhunch.core.planner import plan
from unhunch.core.progression import History
from unhunch.core.vocab import Setting

SOURCES = ("E4", "E5", "E6", "D19", "G6")

# Written from clinical.md §5.2 in our own words. People read the sources as plain names at the
# foot (core.citations.sources_line); the ids, in order: the breaks [E4]; move, not just stand
# [E5]; extra short breaks [E6]; less sitting [G6]; a walk or march on the spot [D19].
WHY = (
    "Sitting still for a long time stiffens the back and neck, even with a good posture. "
    "Short, frequent breaks taken before you tire help more than a rare long one; "
    "standing alone is not enough, so move. A few extra short breaks a day eased "
    "discomfort without costing work, and less sitting is better for health."
)
STAND_UP = "Stand up, walk a few steps or march on the spot for a moment, then:"
WALK_ONLY = (
    "Time to get up. Stand and walk about gently for a minute or two, at an easy pace, "
    "then sit back down when you are ready. No exercises for now: {reason}"
)

BreakKind = Literal["routine", "walk", "none"]


@dataclass(frozen=True)
class BreakContent:
    """What to do at a break: a routine, just a gentle walk, or nothing (emergency tiers)."""

    kind: BreakKind
    text: str
    routine: Routine | None = None
    reason: str = ""


def setting_for(place: Place, index: int) -> Setting:
    """Mixed breaks alternate: the day's first break standing (it gets you up), then the desk."""
    if place == "mixed":
        return "standing" if index % 2 == 0 else "desk"
    return place


def break_profile(
    profile: Profile, minutes: int, place: Place, day: dt.date, index: int, avoid: Sequence[str]
) -> Profile:
    """The person's profile cut down to a break: 1-3 minutes, desk or standing, this date."""
    excluded = sorted({*profile.excluded, *avoid})
    return profile.model_copy(
        update={
            "minutes": minutes,
            "setting": setting_for(place, index),
            "date": day,
            "excluded": excluded,
            "favourites": [f for f in profile.favourites if f not in excluded],
        }
    )


def day_routines(
    profile: Profile,
    library: Library,
    history: History | None,
    day: dt.date,
    count: int,
    minutes: int,
    place: Place,
    gentlest: bool = False,
) -> list[Routine]:
    """The routines of the day's first `count` breaks (each depends on the one before).

    `gentlest` as in the planner: a clinician cleared a see-doctor screen.
    """
    found: list[Routine] = []
    previous: tuple[str, ...] = ()
    for index in range(count):
        routine = plan(
            break_profile(profile, minutes, place, day, index, previous),
            library,
            history,
            day,
            gentlest,
        )
        if not routine.items:
            routine = plan(
                break_profile(profile, minutes, place, day, index, ()),
                library,
                history,
                day,
                gentlest,
            )
        found.append(routine)
        previous = tuple(item.exercise for item in routine.items)
    return found


def routine_text(routine: Routine, library: Library) -> str:
    """'Neck rotation (4 reps each side), Standing side bend (hold 10 s each side)'."""
    parts = []
    for item in routine.items:
        exercise = library.exercises.get(item.exercise)
        name = exercise.name if exercise else item.exercise
        parts.append(f"{name} ({item.dose.describe()})")
    return ", ".join(parts)


def routine_content(routine: Routine, library: Library) -> BreakContent:
    if not routine.items:
        return walk_content("nothing in your plan fits a short break at the desk.")
    return BreakContent(
        kind="routine", text=f"{STAND_UP} {routine_text(routine, library)}.", routine=routine
    )


def walk_content(reason: str) -> BreakContent:
    return BreakContent(kind="walk", text=WALK_ONLY.format(reason=reason), reason=reason)


def no_break(reason: str) -> BreakContent:
    return BreakContent(kind="none", text="", reason=reason)


def minutes_words(minutes: float) -> str:
    whole = round(minutes)
    if whole < 1:
        return "less than a minute"
    if whole < 60:
        return f"{whole} minute" + ("" if whole == 1 else "s")
    hours, rest = divmod(whole, 60)
    text = f"{hours} hour" + ("" if hours == 1 else "s")
    return text + (f" {rest} min" if rest else "")
