"""Movement breaks in the browser: a banner the layout polls every minute (HTMX), its start /
snooze / skip buttons, and the JSON API (/api/breaks/next, /api/breaks/{action},
/api/breaks/timeline for the player)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import HTMLResponse

from unhunch.content import load_library
from unhunch.core.breaks_routine import WHY
from unhunch.core.errors import InputError
from unhunch.core.timeline import Timeline
from unhunch.services import breaks
from unhunch.services.breaks import NextBreak
from unhunch.web.deps import Ctx, now
from unhunch.web.templating import page

router = APIRouter()

Action = Literal["taken", "snoozed", "skipped"]


def banner_context(found: NextBreak, started: bool = False, note: str = "") -> dict[str, Any]:
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
        "due_now": bool(due and due.at <= now()) and found.content.kind != "none",
        "started": started,
        "kind": found.content.kind,
        "text": found.content.text,
        "why": WHY,
        "items": items,
        "next_at": f"{local:%H:%M}" if local else "",
        "key": f"{due.day}-{due.index}-{due.snoozes}" if due else "",
        "can_snooze": bool(due and due.can_snooze),
        "snooze": found.settings.snooze,
        "note": note,
    }


@router.get("/breaks/banner", response_class=HTMLResponse, include_in_schema=False)
def banner(request: Request, context: Ctx) -> HTMLResponse:
    found = breaks.find_next(context, now())
    return page(request, "partials/_break_banner.html", {"banner": banner_context(found)})


@router.post("/breaks/{action}", response_class=HTMLResponse, include_in_schema=False)
def act(request: Request, context: Ctx, action: Action) -> HTMLResponse:
    moment = now()
    note = ""
    if action == "taken":
        found = breaks.take(context, moment)
        return page(request, "partials/_break_banner.html", {"banner": banner_context(found, True)})
    if action == "skipped":
        breaks.skip(context, moment)
        note = "Skipped."
    else:
        try:
            breaks.snooze(context, moment)
            note = "Snoozed."
        except InputError:
            note = "No more snoozes for this break: start it or skip it."
    found = breaks.find_next(context, moment)
    return page(
        request, "partials/_break_banner.html", {"banner": banner_context(found, False, note)}
    )


@router.get("/api/breaks/next", tags=["breaks"])
def api_next(context: Ctx) -> dict[str, Any]:
    """When the next break is due and what it holds (kind: routine, walk or none)."""
    return breaks.find_next(context, now()).to_json()


@router.post("/api/breaks/{action}", tags=["breaks"])
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
