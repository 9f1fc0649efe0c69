"""The welcome page: what unhunch is, and the one next step for this person."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import HTMLResponse

from unhunch.services import planning, screening
from unhunch.web.deps import Ctx, now
from unhunch.web.templating import page

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def welcome(request: Request, context: Ctx) -> HTMLResponse:
    status = screening.coaching_status(context, now())
    has_profile = planning.load_profile(context) is not None
    return page(request, "welcome", {"status": status, "has_profile": has_profile})
