"""Today: the routine with figures, doses, time and why; swap, favourite, hide; then Start."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unhunch.content import load_library
from unhunch.core.conditions import is_allowed
from unhunch.core.errors import InputError
from unhunch.core.models import Exercise, Profile, Routine
from unhunch.core.planner_pool import fits_setting
from unhunch.services import planning, screening
from unhunch.services.context import Context
from unhunch.web.deps import Ctx, is_htmx, now
from unhunch.web.errors import errors
from unhunch.web.templating import page

router = APIRouter()

ExerciseId = Annotated[str, Form(max_length=64, pattern=r"^[a-z][a-z0-9_]*$")]


def coaching_block(request: Request, context: Context) -> HTMLResponse | None:
    """The page to show instead of a routine when the screen does not allow coaching now."""
    status = screening.coaching_status(context, now())
    if status.allowed:
        return None
    return page(
        request,
        "not_now",
        {"status": status, "active": "today"},
    )


@router.get("/today", response_class=HTMLResponse, include_in_schema=False)
def today(request: Request, context: Ctx) -> Response:
    blocked = coaching_block(request, context)
    if blocked is not None:
        return blocked
    profile = planning.load_profile(context)
    if profile is None:
        return RedirectResponse("/profile", status_code=303)
    routine = planning.plan_today(context, now(), profile)
    return page(request, "today", today_context(routine, profile))


def today_context(routine: Routine, profile: Profile) -> dict[str, Any]:
    lib = load_library()
    return {
        "routine": routine,
        "profile": profile,
        "lib": lib.exercises,
        "favourites": set(profile.favourites),
        "active": "today",
    }


def alternatives(exercise: Exercise, profile: Profile, routine: Routine) -> list[Exercise]:
    """Exercises that could stand in: same main area and kind of work, allowed for this
    profile by the same rules the planner keeps (setting, props, level, conditions)."""
    taken = {i.exercise for i in routine.items} | set(profile.excluded)
    lib = load_library()
    found = [
        e
        for e in lib.all()
        if e.id not in taken
        and e.primary_region == exercise.primary_region
        and fits_setting(e, profile)
        and is_allowed(e, profile.conditions)
    ]
    same_kind = [e for e in found if e.kind == exercise.kind]
    return (same_kind or found)[:5]


@router.get("/today/swap/{exercise_id}", response_class=HTMLResponse, include_in_schema=False)
def swap_choices(request: Request, exercise_id: str, context: Ctx) -> Response:
    blocked = coaching_block(request, context)
    if blocked is not None:
        return blocked
    profile = planning.load_profile(context)
    if profile is None:
        return RedirectResponse("/profile", status_code=303)
    routine = planning.plan_today(context, now(), profile)
    if exercise_id not in {i.exercise for i in routine.items}:
        raise InputError("exercise", exercise_id, "an exercise in today's routine")
    current = load_library().get(exercise_id)
    choices = alternatives(current, profile, routine)
    template = "partials/_swap_choices.html" if is_htmx(request) else "swap"
    return page(request, template, {"current": current, "choices": choices, "active": "today"})


def update_profile(context: Context, profile: Profile, **changes: list[str]) -> None:
    planning.save_profile(context, profile.model_copy(update=changes), now())


def saved_profile(context: Context) -> Profile:
    profile = planning.load_profile(context)
    if profile is None:
        raise InputError("profile", "none saved yet", "a saved profile (fill in the profile page)")
    return profile


def known(exercise_id: str) -> str:
    load_library().get(exercise_id)  # InputError for an unknown id
    return exercise_id


@router.post("/today/swap", include_in_schema=False)
def swap(context: Ctx, exercise: ExerciseId, to: ExerciseId) -> Response:
    """Use `to` instead of `exercise`: the old one is hidden and the new one becomes a favourite,
    so the planner keeps the choice on later days too."""
    profile = saved_profile(context)
    old, new = known(exercise), known(to)
    update_profile(
        context,
        profile,
        excluded=[*dict.fromkeys([*profile.excluded, old])],
        favourites=[f for f in dict.fromkeys([*profile.favourites, new]) if f != old],
    )
    return RedirectResponse("/today", status_code=303)


@router.post("/today/favourite", include_in_schema=False)
def favourite(context: Ctx, exercise: ExerciseId) -> Response:
    """Toggle a favourite."""
    profile = saved_profile(context)
    chosen = known(exercise)
    favourites = (
        [f for f in profile.favourites if f != chosen]
        if chosen in profile.favourites
        else [*profile.favourites, chosen]
    )
    update_profile(context, profile, favourites=favourites)
    return RedirectResponse("/today", status_code=303)


@router.post("/today/hide", include_in_schema=False)
def hide(context: Ctx, exercise: ExerciseId) -> Response:
    """Never show this exercise again (it can be brought back on the profile page)."""
    profile = saved_profile(context)
    chosen = known(exercise)
    update_profile(
        context,
        profile,
        excluded=[*dict.fromkeys([*profile.excluded, chosen])],
        favourites=[f for f in profile.favourites if f != chosen],
    )
    return RedirectResponse("/today", status_code=303)


# --- JSON API: the same shape as `unhunch plan --json`.


@router.get("/api/routine", tags=["routine"], responses=errors(403))
def api_routine(context: Ctx) -> Routine:
    """Today's routine for the saved profile (403 while the screen does not allow coaching)."""
    return planning.plan_today(context, now())
