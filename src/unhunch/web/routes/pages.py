"""The welcome page and the plain pages every app needs."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import HTMLResponse

from unhunch.web.templating import page

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def welcome(request: Request) -> HTMLResponse:
    return page(request, "welcome")
