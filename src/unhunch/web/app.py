"""The app factory: pages, the JSON API, static files, security headers and friendly errors."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from unhunch.config import Settings, get_settings
from unhunch.web.deps import WebOptions
from unhunch.web.errors import EVERY_API_ROUTE, add_error_handlers, errors
from unhunch.web.guard import Guard, allowed_hosts
from unhunch.web.security import SAFE_METHODS, security_middleware
from unhunch.web.templating import STATIC, make_templates

DEFAULT_PORT = 8000


def create_app(
    settings: Settings | None = None,
    options: WebOptions | None = None,
    *,
    port: int = DEFAULT_PORT,
    listen: str = "127.0.0.1",
) -> FastAPI:
    """Build the web app for one person (local mode), answering only at `listen:port`, the
    loopback names on that port and the configured extra hosts."""
    from unhunch.web import api_docs
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
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings or get_settings()
    app.state.options = options or WebOptions()
    app.state.templates = make_templates()
    # Added first, so it runs inside the header middleware: its refusals get the headers too.
    app.add_middleware(Guard, hosts=allowed_hosts(app.state.settings, port, listen))
    app.middleware("http")(security_middleware)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.mount(api_docs.ASSETS, api_docs.assets(), name="api-docs-assets")
    for module in (pages, screen, profile, today, session, diary, library, breaks, summary):
        document_cross_site_refusal(module.router)
        app.include_router(module.router, responses=EVERY_API_ROUTE)
    app.include_router(api_docs.router)
    add_error_handlers(app)
    return app


def document_cross_site_refusal(router: APIRouter) -> None:
    """Every state-changing route may answer 403 (security.py refuses cross-site writes)."""
    for route in router.routes:
        if isinstance(route, APIRoute) and (route.methods or set()) - SAFE_METHODS:
            route.responses.update(errors(403))
