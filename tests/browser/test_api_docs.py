"""/api/docs works offline under the strict CSP: Swagger UI's files come from the package, the
page starts it from a script file, and no CSP violation or other console error appears."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Watched

pytestmark = pytest.mark.browser


def test_api_docs_render_every_operation_without_console_errors(
    server: str, laptop: Watched
) -> None:
    page = laptop.page
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(server) else None,
    )
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    page.goto(server + "/api/docs")
    expect(page.locator(".opblock").first).to_be_visible(timeout=20_000)
    assert page.locator(".opblock").count() >= 15
    expect(page.get_by_text("/api/profile").first).to_be_visible()
    assert missing == []
    assert laptop.errors == []
    assert outside == []
