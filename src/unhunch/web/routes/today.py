"""Today: the routine with figures, doses, time and why; swap, favourite, hide; then Start."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unhunch.content import load_library
from unhunch.core.models import Profile, Routine
from unhunch.services import planning, screening
from unhunch.services import today as today_service
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


@router.get("/today/swap/{exercise_id}", response_class=HTMLResponse, include_in_schema=False)
def swap_choices(request: Request, exercise_id: str, context: Ctx) -> Response:
    blocked = coaching_block(request, context)
    if blocked is not None:
        return blocked
    if planning.load_profile(context) is None:
        return RedirectResponse("/profile", status_code=303)
    current, choices = today_service.swap_choices(context, now(), exercise_id)
    template = "partials/_swap_choices.html" if is_htmx(request) else "swap"
    return page(request, template, {"current": current, "choices": choices, "active": "today"})


@router.post("/today/swap", include_in_schema=False)
def swap(context: Ctx, exercise: ExerciseId, to: ExerciseId) -> Response:
    """Use `to` instead of `exercise` (409 when a condition forbids `to`)."""
    today_service.swap(context, now(), exercise, to)
    return RedirectResponse("/today", status_code=303)


@router.post("/today/favourite", include_in_schema=False)
def favourite(context: Ctx, exercise: ExerciseId) -> Response:
    """Toggle a favourite (409 when a condition forbids adding it)."""
    today_service.toggle_favourite(context, now(), exercise)
    return RedirectResponse("/today", status_code=303)


@router.post("/today/hide", include_in_schema=False)
def hide(context: Ctx, exercise: ExerciseId) -> Response:
    """Never show this exercise again (it can be brought back on the profile page)."""
    today_service.hide(context, now(), exercise)
    return RedirectResponse("/today", status_code=303)


# --- JSON API: the same shape as `unhunch plan --json`.


@router.get("/api/routine", tags=["routine"], responses=errors(403))
def api_routine(context: Ctx) -> Routine:
    """Today's routine for the saved profile (403 while the screen does not allow coaching)."""
    return planning.plan_today(context, now())
