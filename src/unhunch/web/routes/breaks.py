"""Movement breaks in the browser: a banner the layout polls every minute (HTMX), its start /
snooze / skip buttons, the player page for a break (/breaks/session), and the JSON API
(/api/breaks/next, /api/breaks/{action}, /api/breaks/timeline for the player)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unhunch.content import load_library
from unhunch.core.breaks_routine import SOURCES, STAND_UP, WHY
from unhunch.core.citations import sources_line
from unhunch.core.errors import InputError
from unhunch.core.timeline import Timeline
from unhunch.services import breaks, planning, screening
from unhunch.services.breaks import NextBreak
from unhunch.services.context import Context
from unhunch.web.deps import Ctx, now
from unhunch.web.routes.session import player
from unhunch.web.templating import page

router = APIRouter()

Action = Literal["taken", "snoozed", "skipped"]


def banner_context(
    context: Context, found: NextBreak, started: bool = False, note: str = ""
) -> dict[str, Any]:
    due = found.due
    library = load_library()
    routine = found.content.routine
    items = [
        {
            "id": item.exercise,
            "name": library.exercises[item.exercise].name
            if item.exercise in library.exercises
            else item.exercise,
            "dose": item.dose.describe(),
        }
        for item in (routine.items if routine else [])
    ]
    local = due.at.astimezone(found.settings.zone) if due else None
    return {
        # Someone who has not set up yet (no profile) gets no nudges: the questions come first.
        "shown": planning.load_profile(context) is not None,
        "due_now": bool(due and due.at <= now()) and found.content.kind != "none",
        "started": started,
        "kind": found.content.kind,
        "text": web_words(found, bool(items)),
        "screen_needed": screening.coaching_status(context, now()).screen_needed,
        "why": f"{WHY} {sources_line(SOURCES, load_library().sources)}.",
        "items": items,
        "next_at": f"{local:%H:%M}" if local else "",
        "key": f"{due.day}-{due.index}-{due.snoozes}" if due else "",
        "can_snooze": bool(due and due.can_snooze),
        "snooze": found.settings.snooze,
        "note": note,
    }


def web_words(found: NextBreak, listed: bool) -> str:
    """The break's words for the page. With a routine the exercises are listed under it, so the
    sentence only says to stand up first; a walk-only break keeps its first sentence (the reason
    after it names a terminal command; the banner links the safety questions instead)."""
    if listed:
        return STAND_UP
    return found.content.text.split(" No exercises for now:")[0]


def banner_page(
    request: Request, context: Context, started: bool = False, note: str = ""
) -> HTMLResponse:
    found = breaks.find_next(context, now())
    return page(
        request,
        "partials/_break_banner.html",
        {"banner": banner_context(context, found, started, note)},
    )


@router.get("/breaks/banner", response_class=HTMLResponse, include_in_schema=False)
def banner(request: Request, context: Ctx) -> HTMLResponse:
    return banner_page(request, context)


@router.get("/breaks/session", response_class=HTMLResponse, include_in_schema=False)
def break_session(
    request: Request, context: Ctx, speed: Annotated[float, Query(ge=1, le=200)] = 1
) -> Response:
    """The player with this break's routine (from /api/breaks/timeline); pressing its start
    records the break as taken. A break without exercises has nothing to play."""
    found = breaks.find_next(context, now())
    if found.content.routine is None or not found.content.routine.items:
        return RedirectResponse("/today", status_code=303)
    return player(request, speed, [], {}, timeline_url="/api/breaks/timeline", mode="break")


@router.post("/breaks/{action}", response_class=HTMLResponse, include_in_schema=False)
def act(request: Request, context: Ctx, action: Action) -> HTMLResponse:
    moment = now()
    if action == "taken":
        breaks.take(context, moment)
        return banner_page(request, context, started=True)
    if action == "skipped":
        breaks.skip(context, moment)
        return banner_page(request, context, note="Skipped.")
    try:
        breaks.snooze(context, moment)
        note = "Snoozed."
    except InputError:
        note = "No more snoozes for this break: start it or skip it."
    return banner_page(request, context, note=note)


@router.get("/api/breaks/next", tags=["breaks"])
def api_next(context: Ctx) -> dict[str, Any]:
    """When the next break is due and what it holds (kind: routine, walk or none)."""
    return breaks.find_next(context, now()).to_json()


def api_act(context: Ctx, action: Action) -> dict[str, Any]:
    """Record a break taken, snoozed (422 past the snooze limit) or skipped; returns the next."""
    moment = now()
    if action == "taken":
        breaks.take(context, moment)
    elif action == "skipped":
        breaks.skip(context, moment)
    else:
        breaks.snooze(context, moment)
    return {"recorded": action, "next": breaks.find_next(context, moment).to_json()}


# One route per action, not `/api/breaks/{action}`: that would also catch POST /api/breaks/next
# and answer 422 where the method is what is wrong (405).
def _act_route(action: Action) -> Callable[[Context], dict[str, Any]]:
    def act(context: Ctx) -> dict[str, Any]:
        return api_act(context, action)

    act.__doc__ = api_act.__doc__
    return act


for _action in get_args(Action):
    router.add_api_route(
        f"/api/breaks/{_action}",
        _act_route(_action),
        methods=["POST"],
        tags=["breaks"],
        name=f"api_break_{_action}",
    )


@router.get("/api/breaks/timeline", tags=["breaks"])
def api_timeline(context: Ctx) -> dict[str, Any]:
    """The current break's routine as player steps (same shape as /api/timeline)."""
    from unhunch.services.planning import load_profile
    from unhunch.services.sessions import timeline_for

    found = breaks.find_next(context, now())
    routine = found.content.routine
    if routine is None:
        raise InputError(
            "break", found.content.kind, "a break with a routine", found.content.reason
        )
    profile = load_profile(context)
    timeline: Timeline = timeline_for(
        routine, load_library(), profile.breath_seconds if profile else None
    )
    return {
        "routine": routine.model_dump(mode="json"),
        "timeline": timeline.model_dump(mode="json"),
        "regions": [],
    }
