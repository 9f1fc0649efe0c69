"""Shared helpers for the web route tests: an app on the test's own data directory."""

from __future__ import annotations

from fastapi.testclient import TestClient

from unhunch.config import get_settings
from unhunch.web.app import create_app
from unhunch.web.deps import WebOptions

BASE = "http://127.0.0.1:8000"  # the app answers only at the address it serves (its Host)


def client(*, allow_speed: bool = False) -> TestClient:
    app = create_app(get_settings(), WebOptions(allow_speed=allow_speed), port=8000)
    return TestClient(app, base_url=BASE, raise_server_exceptions=False)
