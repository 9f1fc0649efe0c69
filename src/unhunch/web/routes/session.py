"""The guided session: the player page, its timeline, the stop rules, and storing the session.

The browser runs the timeline (web/static/player.js); every safety decision is made here, by
core/stop_rules.decide, and every save is idempotent under the client-made session id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unhunch.content import load_library
from unhunch.core.errors import InputError
from unhunch.core.models import Profile, Routine
from unhunch.core.player_events import Outcome
from unhunch.core.session_record import SessionRecord
from unhunch.core.stop_rules import CheckIn, decide
from unhunch.core.timeline import Timeline
from unhunch.core.vocab import PAIN_REGIONS, PainRegion
from unhunch.services import planning, sessions
from unhunch.services.admit import admit_routine
from unhunch.services.context import Context
from unhunch.web.deps import Ctx, now, options
from unhunch.web.errors import errors
from unhunch.web.routes.today import coaching_block
from unhunch.web.templating import page

router = APIRouter()

Pain = dict[PainRegion, Annotated[int, Field(ge=0, le=10, strict=True)]]


def regions_for(profile: Profile) -> list[str]:
    """Check-ins ask about the painful regions (all three when none is above 0)."""
    return list(profile.targets) or list(PAIN_REGIONS)


@router.get("/session", response_class=HTMLResponse, include_in_schema=False)
def player_page(
    request: Request,
    context: Ctx,
    speed: Annotated[float, Query(ge=1, le=200)] = 1,
) -> Response:
    blocked = coaching_block(request, context)
    if blocked is not None:
        return blocked
    profile = planning.load_profile(context)
    if profile is None:
        return RedirectResponse("/profile", status_code=303)
    return player(
        request, speed, regions_for(profile), {str(k): v for k, v in profile.pain.items()}
    )


def player(
    request: Request,
    speed: float,
    regions: list[str],
    pain: Mapping[str, int],
    timeline_url: str = "/api/timeline",
    mode: Literal["session", "break"] = "session",
) -> Response:
    """The player page; `timeline_url` is where player.js fetches the steps it runs."""
    # The fast-player hook is for tests and development only; people always get real time.
    chosen = speed if options(request).allow_speed else 1
    return page(
        request,
        "session",
        {
            "speed": chosen,
            "regions": regions,
            "pain": dict(pain),
            "timeline_url": timeline_url,
            "mode": mode,
        },
    )


class TimelineDoc(BaseModel):
    routine: Routine
    timeline: Timeline
    regions: list[str]


@router.get("/api/timeline", tags=["session"], responses=errors(403))
def api_timeline(context: Ctx) -> TimelineDoc:
    """Today's routine as the steps the player runs (403 while the screen says no)."""
    routine = admit_routine(context, planning.plan_today(context, now()))
    profile = planning.load_profile(context)
    assert profile is not None  # plan_today raised otherwise
    timeline = sessions.timeline_for(routine, load_library(), profile.breath_seconds)
    return TimelineDoc(routine=routine, timeline=timeline, regions=regions_for(profile))


class StopCheck(BaseModel):
    """What the person reported: during an exercise ("too much") or at a check-in."""

    model_config = ConfigDict(extra="forbid")

    pain: int | None = Field(default=None, ge=0, le=10, strict=True)
    start_pain: int | None = Field(default=None, ge=0, le=10, strict=True)
    spreading: bool = Field(default=False, strict=True)
    cardiac_or_faint: bool = Field(default=False, strict=True)
    too_much: bool = Field(default=False, strict=True)


class StopAdvice(BaseModel):
    action: Literal["continue", "ease", "stop_rescreen", "stop_emergency"]
    rule: str
    message: str


@router.post("/api/stop-check", tags=["session"])
def api_stop_check(check: StopCheck) -> StopAdvice:
    """The stop rules (core/stop_rules.decide): continue, ease, stop and re-screen, or stop now
    with the emergency advice."""
    decision = decide(CheckIn(**check.model_dump()))
    return StopAdvice(action=decision.action, rule=decision.rule, message=decision.message)


class SessionItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item: int = Field(ge=0, le=100, strict=True)
    exercise: str = Field(max_length=64, pattern=r"^[a-z][a-z0-9_]*$")
    outcome: Literal["done", "skipped", "stopped", "eased"]
    reason: str | None = Field(default=None, max_length=200)
    seconds: int = Field(default=0, ge=0, le=24 * 3600, strict=True)


class SessionSave(BaseModel):
    """One save of a session; the same id always means the same session (retries are safe)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    status: Literal["running", "completed", "stopped", "quit"]
    stop_reason: str | None = Field(default=None, max_length=200)
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    items: list[SessionItem] = Field(default_factory=list, max_length=100)


def check_items(routine: Routine, items: list[SessionItem]) -> None:
    """Each outcome must be for an item of this routine (or its easier version)."""
    lib = load_library()
    planned = routine.items
    seen: set[int] = set()
    for it in items:
        if it.item >= len(planned) or it.item in seen:
            raise InputError("items.item", it.item, f"each of 0 to {len(planned) - 1} once")
        seen.add(it.item)
        base = lib.get(planned[it.item].exercise)
        if it.exercise not in (base.id, *base.variations.easier):
            raise InputError("items.exercise", it.exercise, f"{base.id} or its easier version")


def started_at(context: Context, session_id: str, moment: dt.datetime) -> dt.datetime:
    stored = sessions.load(context, session_id)
    if stored is None:
        return moment
    value = stored.get("started_at")
    return value if isinstance(value, dt.datetime) else moment


def session_routine(
    context: Context, stored: dict[str, Any] | None, moment: dt.datetime
) -> Routine:
    """The routine this session runs: the one stored at its first save, else today's plan.

    Today's plan can change once a session is stored (the planner varies what was just done),
    so checking a later save against a fresh plan would refuse the person's finished session."""
    saved = stored.get("routine") if stored else None
    if saved:  # admitted at its first save; later saves only record what was done
        sessions.require_coaching(context, moment)
        return Routine.model_validate(saved)
    # The first save admits the routine: a forbidden exercise is refused (409), an empty
    # routine too (422), so nothing is recorded as done that may not be given.
    return admit_routine(context, planning.plan_today(context, moment))


@router.post("/api/sessions", tags=["session"])
def api_save_session(body: SessionSave, context: Ctx) -> dict[str, Any]:
    """Store (or store again) a session played in the browser, under the client's id."""
    moment = now()
    stored = sessions.load(context, body.id)
    routine = session_routine(context, stored, moment)
    check_items(routine, body.items)
    ended: dt.datetime | None = None
    if body.status != "running":
        previous_end = stored.get("ended_at") if stored else None
        ended = previous_end if isinstance(previous_end, dt.datetime) else moment
    record = SessionRecord(
        id=body.id,
        routine=routine,
        started_at=started_at(context, body.id, moment),
        ended_at=ended,
        status=body.status,
        stop_reason=body.stop_reason,
        pain_before=dict(body.pain_before) if body.pain_before else None,
        pain_after=dict(body.pain_after) if body.pain_after else None,
        items=[Outcome(**it.model_dump()) for it in body.items],
    )
    sessions.save(context, record)
    return {"id": record.id, "status": record.status, "counts": record.counts}


@router.get("/api/sessions/{session_id}", tags=["session"], responses=errors(404))
def api_session(session_id: str, context: Ctx) -> dict[str, Any]:
    """One stored session."""
    from fastapi import HTTPException

    found = sessions.load(context, session_id)
    if found is None:
        raise HTTPException(status_code=404, detail="No session with that id.")
    return found
