"""DNS rebinding in a real Chromium: a hostile site whose name now resolves to 127.0.0.1 reads
nothing and writes nothing.

Chromium is started with `--host-resolver-rules` mapping evil.example to 127.0.0.1, the way a
rebinding DNS server would after the first visit. The attacker's page is what evil.example served
before the switch (fulfilled by Playwright); its scripts then run fetch() against its own origin,
which now reaches our server with `Host: evil.example:PORT`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Page, Playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, ready_to_coach
from tests.integration.test_web_screen import full_answers

pytestmark = pytest.mark.browser

PROFILE = {"pain": {"neck": 3}, "minutes": 8, "setting": "desk"}
ATTACKER_PAGE = "<!doctype html><title>cute cats</title><p>Nothing to see here.</p>"


@pytest.fixture(scope="module")
def rebinding_browser(playwright_instance: Playwright) -> Iterator[Browser]:
    # Chromium's own guard (Private/Local Network Access) would stop a public page's requests to
    # 127.0.0.1 before they leave; it is switched off so that the server's defence is what is
    # tested, as it must hold for browsers without it.
    args = [
        *CHROMIUM_ARGS,
        "--host-resolver-rules=MAP evil.example 127.0.0.1",
        "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,"
        "PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults",
    ]
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=args)
    yield browser
    browser.close()


@pytest.fixture
def attacker(rebinding_browser: Browser, server: str) -> Iterator[Page]:
    """A tab on http://evil.example:PORT/ showing the attacker's page."""
    port = urlsplit(server).port
    evil = f"http://evil.example:{port}"
    context = rebinding_browser.new_context()
    page = context.new_page()
    page.route(
        f"{evil}/cats.html",
        lambda route: route.fulfill(status=200, content_type="text/html", body=ATTACKER_PAGE),
    )
    page.goto(f"{evil}/cats.html")
    yield page
    context.close()


FETCH = """async ({url, method, body}) => {
  const init = {method, headers: {"content-type": "application/json"}};
  if (body !== null) init.body = JSON.stringify(body);
  try {
    const r = await fetch(url, init);
    return {status: r.status, text: await r.text()};
  } catch (e) {
    return {status: 0, text: String(e)};
  }
}"""


def store_state(server: str) -> dict[str, Any]:
    """What a person's own browser would read (through 127.0.0.1, an allowed Host)."""
    return {
        "profile": httpx.get(server + "/api/profile").json(),
        "screen": httpx.get(server + "/api/screen").json(),
        "progress": httpx.get(server + "/api/progress").json(),
    }


def test_a_rebound_page_reads_nothing_and_writes_nothing(server: str, attacker: Page) -> None:
    ready_to_coach(server, PROFILE)
    httpx.post(server + "/api/diary", json={"scores": {"neck": 4}, "note": "private"})
    before = store_state(server)
    assert attacker.evaluate("location.origin").startswith("http://evil.example:")

    attempts: list[tuple[str, str, object]] = [
        ("GET", "/api/profile", None),
        ("GET", "/api/diary", None),
        ("GET", "/api/progress", None),
        ("GET", "/api/screen", None),
        ("GET", "/", None),
        ("POST", "/api/screen", full_answers()),
        ("POST", "/api/screen", full_answers(saddle_numbness=True)),
        ("POST", "/api/diary", {"scores": {"neck": 0}, "note": "rebound"}),
        ("PUT", "/api/profile", {"pain": {"lower_back": 9}, "minutes": 3, "setting": "floor"}),
    ]
    for method, path, body in attempts:
        got = attacker.evaluate(FETCH, {"url": path, "method": method, "body": body})
        assert got["status"] == 400, (method, path, got)
        assert "answers only at its own address" in got["text"]
        assert "private" not in got["text"] and "neck" not in got["text"]

    assert store_state(server) == before


def test_a_cross_origin_write_from_the_rebound_page_to_127_0_0_1_is_refused(
    server: str, attacker: Page
) -> None:
    ready_to_coach(server, PROFILE)
    before = store_state(server)
    got = attacker.evaluate(
        FETCH,
        {
            "url": server + "/api/diary",
            "method": "POST",
            "body": {"scores": {"neck": 9}, "note": "cross-origin"},
        },
    )
    # Chromium may block it outright (status 0); if it is sent, the server refuses it (403)
    # and the browser hides the answer from the page either way.
    assert got["status"] in (0, 403), got
    assert store_state(server) == before
