"""Today's choices: swap an exercise, favourite one, hide one (each one transaction).

What may stand in for an exercise, and whether a chosen one may be given at all, is decided by
core/admissible for the profile as the rules see it (its conditions and the screens').
"""

from __future__ import annotations

import datetime as dt

from unhunch.core.admissible import for_profile, refusal
from unhunch.core.errors import ExerciseRefused, InputError
from unhunch.core.models import Exercise, Profile, Routine
from unhunch.services import planning
from unhunch.services.context import Context

MAX_CHOICES = 5


def saved_profile(ctx: Context) -> Profile:
    profile = planning.load_profile(ctx)
    if profile is None:
        raise InputError("profile", "none saved yet", "a saved profile (fill in the profile page)")
    return profile


def alternatives(exercise: Exercise, profile: Profile, routine: Routine) -> list[Exercise]:
    """Exercises that could stand in: same main area and kind of work, admissible for this
    profile (`profile` as the rules see it), not already in the routine."""
    from unhunch.content import load_library

    taken = {i.exercise for i in routine.items}
    found = [
        e
        for e in load_library().all()
        if e.id not in taken
        and e.primary_region == exercise.primary_region
        and for_profile(e, profile).allowed
    ]
    same_kind = [e for e in found if e.kind == exercise.kind]
    return (same_kind or found)[:MAX_CHOICES]


def swap_choices(
    ctx: Context, now: dt.datetime, exercise_id: str
) -> tuple[Exercise, list[Exercise]]:
    """The exercise of today's routine to swap, and what may stand in for it."""
    from unhunch.content import load_library

    profile = saved_profile(ctx)
    routine = planning.plan_today(ctx, now, profile)
    if exercise_id not in {i.exercise for i in routine.items}:
        raise InputError("exercise", exercise_id, "an exercise in today's routine")
    current = load_library().get(exercise_id)
    return current, alternatives(current, planning.with_screen_conditions(ctx, profile), routine)


def require_admissible(ctx: Context, profile: Profile, exercise_id: str) -> str:
    """The id, when no condition forbids it (ExerciseRefused, 409, otherwise)."""
    from unhunch.content import load_library

    exercise = load_library().get(exercise_id)  # InputError for an unknown id
    verdict = for_profile(exercise, planning.with_screen_conditions(ctx, profile))
    if not verdict.safe:
        raise ExerciseRefused(refusal(exercise.name, verdict), (exercise.id,))
    return exercise.id


def swap(ctx: Context, now: dt.datetime, old: str, new: str) -> None:
    """Use `new` instead of `old`: the old one is hidden and the new one becomes a favourite,
    so the planner keeps the choice on later days too. Refused when a condition forbids `new`."""
    from unhunch.content import load_library

    profile = saved_profile(ctx)
    old = load_library().get(old).id
    new = require_admissible(ctx, profile, new)
    _save(
        ctx,
        now,
        profile,
        excluded=[*dict.fromkeys([*profile.excluded, old])],
        favourites=[f for f in dict.fromkeys([*profile.favourites, new]) if f != old],
    )


def toggle_favourite(ctx: Context, now: dt.datetime, exercise_id: str) -> None:
    """Add or remove a favourite; adding one a condition forbids is refused."""
    profile = saved_profile(ctx)
    if exercise_id in profile.favourites:
        favourites = [f for f in profile.favourites if f != exercise_id]
    else:
        favourites = [*profile.favourites, require_admissible(ctx, profile, exercise_id)]
    _save(ctx, now, profile, favourites=favourites)


def hide(ctx: Context, now: dt.datetime, exercise_id: str) -> None:
    """Never show this exercise again (it can be brought back on the profile page)."""
    from unhunch.content import load_library

    profile = saved_profile(ctx)
    chosen = load_library().get(exercise_id).id
    _save(
        ctx,
        now,
        profile,
        excluded=[*dict.fromkeys([*profile.excluded, chosen])],
        favourites=[f for f in profile.favourites if f != chosen],
    )


def _save(ctx: Context, now: dt.datetime, profile: Profile, **changes: list[str]) -> None:
    planning.save_profile(ctx, profile.model_copy(update=changes), now)
