"""The Jinja environment: templates, plain-word labels and the vendored script's name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import HTMLResponse

from unhunch.core.vocab import label

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
HTMX_FILE = "vendor/htmx-2.0.11.min.js"


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.globals["label"] = label
    env.globals["HTMX_FILE"] = HTMX_FILE
    env.globals["static"] = static_url
    env.filters["label"] = label
    env.filters["minutes"] = minutes_text
    return templates


def static_url(path: str) -> str:
    """A same-origin path (never an absolute URL, which would depend on the Host header)."""
    return "/static/" + path


def minutes_text(seconds: int) -> str:
    """'about 8 minutes' for a time budget; seconds under a minute stay seconds."""
    if seconds < 60:
        return f"{seconds} seconds"
    mins = round(seconds / 60)
    return f"about {mins} minute" + ("" if mins == 1 else "s")


def page(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    """Render pages/<name>.html (or a partial when name starts with 'partials/')."""
    templates: Jinja2Templates = request.app.state.templates
    template = name if "/" in name else f"pages/{name}.html"
    return templates.TemplateResponse(request, template, context or {}, status_code=status_code)
