"""How the web app answers what went wrong, in one place: the error documents (typed, so the
OpenAPI schema shows them), the `responses=` the API routes declare, and the handlers.

Every problem names what was wrong and what is allowed; a 500 never shows or logs the body.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Match

from unhunch.core.errors import (
    ExerciseRefused,
    InputError,
    InputErrors,
    SafetyRefusal,
    StoreUnusable,
)
from unhunch.web.logs import exception_outline
from unhunch.web.templating import page

log = logging.getLogger("unhunch.web")


class Problem(BaseModel):
    """One thing wrong with the input: the field, what was sent, what is allowed, in words."""

    field: str
    value: str
    allowed: str
    message: str


class Problems(BaseModel):
    """422: the input was read but is not allowed; each problem is named."""

    detail: list[Problem]


class Message(BaseModel):
    """403, 404, 409 and 413: one sentence saying what happened and what to do."""

    detail: str
    refused: str | None = None  # "safety" (the screen) or "condition" (an exercise refused)
    exercises: list[str] | None = None  # with "condition": the exercises refused


TOO_LARGE = "The request body is larger than 64 KiB; nothing was saved."

_DESCRIPTIONS: dict[int, tuple[str, type[BaseModel] | None]] = {
    400: ("The Host is not this server's address, or the request is malformed.", None),
    403: (
        "Refused: a request from another website, or coaching refused for safety"
        " (the red-flag screen says to see a doctor, or it is due).",
        Message,
    ),
    404: ("Nothing with that id, or nothing saved yet.", Message),
    409: (
        "The id is already used for something different, or an exercise in the routine is one"
        " that a condition of yours rules out.",
        Message,
    ),
    413: ("The body is larger than 64 KiB.", Message),
    422: ("The input is not allowed: each problem is named.", Problems),
}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` for a route that can answer these codes (400, 413 and 422 are on every
    API route through `include_router`)."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        description, model = _DESCRIPTIONS[code]
        if model is None:
            out[code] = {"description": description, "content": {"text/plain": {}}}
        else:
            out[code] = {"description": description, "model": model}
    return out


EVERY_API_ROUTE = errors(400, 413, 422)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def problems_of(exc: Exception) -> list[dict[str, str]]:
    if isinstance(exc, InputErrors):
        errs = exc.problems
    elif isinstance(exc, InputError):
        errs = [exc]
    else:
        return []
    return [
        {"field": e.field, "value": str(e.value), "allowed": e.allowed, "message": str(e)}
        for e in errs
    ]


def _field(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if p not in ("body", "query", "path")) or "body"


def _problems_response(request: Request, problems: list[dict[str, str]]) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": problems}, status_code=422)
    return page(request, "problem", {"problems": problems}, status_code=422)


def allowed_methods(request: Request) -> str:
    """Every method some route takes at this path (Starlette names only the first route's):
    asked of the router itself, one method at a time."""
    found = []
    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
        scope = {**request.scope, "method": method}
        if any(r.matches(scope)[0] == Match.FULL for r in request.app.router.routes):
            found.append(method)
    return ", ".join(found)


def add_error_handlers(app: FastAPI) -> None:
    async def input_error(request: Request, exc: Exception) -> Response:
        return _problems_response(request, problems_of(exc))

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [
            {
                "field": _field(tuple(err.get("loc", ()))),
                # Short, and never more than the start of what was sent.
                "value": str(err.get("input", ""))[:80],
                "allowed": "",
                "message": str(err.get("msg", "")),
            }
            for err in exc.errors()
        ]
        return _problems_response(request, problems)

    async def safety_refusal(request: Request, exc: Exception) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": str(exc), "refused": "safety"}, status_code=403)
        message = exc.web_message if isinstance(exc, SafetyRefusal) else str(exc)
        return page(request, "refused", {"message": message}, status_code=403)

    async def exercise_refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ExerciseRefused)
        if wants_json(request):
            body = {"detail": str(exc), "refused": "condition", "exercises": list(exc.exercises)}
            return JSONResponse(body, status_code=409)
        return page(request, "refused", {"message": str(exc)}, status_code=409)

    async def store_unusable(request: Request, exc: Exception) -> Response:
        # Not a bug of ours: the file is damaged, newer, read-only or the disk is full. Say which
        # and what to do (the message names the file), as the CLI does with exit 4.
        if wants_json(request):
            return JSONResponse({"detail": str(exc), "refused": "store"}, status_code=503)
        return page(request, "store_unusable", {"message": str(exc)}, status_code=503)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        detail = TOO_LARGE if exc.status_code == 413 else exc.detail
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
            detail = f"{request.method} is not used here; this address takes {headers['Allow']}."
        if wants_json(request) or exc.status_code not in (404, 405):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=headers)
        response = page(request, "not_found", {}, status_code=exc.status_code)
        response.headers.update(headers)
        return response

    async def bug(request: Request, exc: Exception) -> Response:
        # Never the body, the query or the exception's text: they may hold health answers.
        log.error(
            "unexpected error on %s %s\n%s",
            request.method,
            request.url.path,
            exception_outline(exc),
        )
        if wants_json(request):
            return JSONResponse({"detail": "Something went wrong on our side."}, status_code=500)
        return page(request, "bug", {}, status_code=500)

    app.add_exception_handler(InputError, input_error)
    app.add_exception_handler(InputErrors, input_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(SafetyRefusal, safety_refusal)
    app.add_exception_handler(ExerciseRefused, exercise_refused)
    app.add_exception_handler(StoreUnusable, store_unusable)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, bug)
