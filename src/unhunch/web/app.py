"""The app factory: pages, the JSON API, static files, security headers and friendly errors."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from unhunch.config import Settings, get_settings
from unhunch.core.errors import ExerciseRefused, InputError, InputErrors, SafetyRefusal
from unhunch.web.deps import WebOptions
from unhunch.web.security import security_middleware
from unhunch.web.templating import STATIC, make_templates, page

log = logging.getLogger("unhunch.web")


def create_app(settings: Settings | None = None, options: WebOptions | None = None) -> FastAPI:
    """Build the web app for one person (local mode)."""
    from unhunch.web.routes import (
        breaks,
        diary,
        library,
        pages,
        profile,
        screen,
        session,
        summary,
        today,
    )

    app = FastAPI(
        title="unhunch",
        summary="A back-care coach: red-flag screen, routines, guided sessions and a pain diary.",
        version="1",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings or get_settings()
    app.state.options = options or WebOptions()
    app.state.templates = make_templates()
    app.middleware("http")(security_middleware)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for module in (pages, screen, profile, today, session, diary, library, breaks, summary):
        app.include_router(module.router)
    add_error_handlers(app)
    return app


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def problems_of(exc: Exception) -> list[dict[str, str]]:
    if isinstance(exc, InputErrors):
        errors = exc.problems
    elif isinstance(exc, InputError):
        errors = [exc]
    else:
        return []
    return [
        {"field": e.field, "value": str(e.value), "allowed": e.allowed, "message": str(e)}
        for e in errors
    ]


def add_error_handlers(app: FastAPI) -> None:
    async def input_error(request: Request, exc: Exception) -> Response:
        problems = problems_of(exc)
        if wants_json(request):
            return JSONResponse({"detail": problems}, status_code=422)
        return page(request, "problem", {"problems": problems}, status_code=422)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [
            {
                "field": ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query")),
                "value": str(err.get("input", ""))[:80],
                "allowed": "",
                "message": str(err.get("msg", "")),
            }
            for err in exc.errors()
        ]
        if wants_json(request):
            return JSONResponse({"detail": problems}, status_code=422)
        return page(request, "problem", {"problems": problems}, status_code=422)

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

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if wants_json(request) or exc.status_code not in (404, 405):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(request, "not_found", {}, status_code=exc.status_code)

    async def bug(request: Request, exc: Exception) -> Response:
        # Never the body or the query: they may hold health answers.
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        if wants_json(request):
            return JSONResponse({"detail": "Something went wrong on our side."}, status_code=500)
        return page(request, "bug", {}, status_code=500)

    app.add_exception_handler(InputError, input_error)
    app.add_exception_handler(InputErrors, input_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(SafetyRefusal, safety_refusal)
    app.add_exception_handler(ExerciseRefused, exercise_refused)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, bug)
