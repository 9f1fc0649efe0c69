"""What routes need from the app: the person's context, the clock, the library, dev switches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from starlette.requests import Request

from unhunch import clock
from unhunch.config import Settings
from unhunch.content import load_library
from unhunch.core.library import Library
from unhunch.services.context import Context


@dataclass(frozen=True)
class WebOptions:
    """Switches for tests and development; both are off for people."""

    # Lets the player run its timeline faster (`/session?speed=50`), for browser tests.
    allow_speed: bool = False


def settings(request: Request) -> Settings:
    value = request.app.state.settings
    assert isinstance(value, Settings)
    return value


def ctx(request: Request) -> Context:
    """Local mode: one person, no login; the database comes from the settings."""
    return Context(database_url=settings(request).database_url)


def options(request: Request) -> WebOptions:
    value = request.app.state.options
    assert isinstance(value, WebOptions)
    return value


def now() -> dt.datetime:
    return clock.now()


def library() -> Library:
    return load_library()


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


Ctx = Annotated[Context, Depends(ctx)]
