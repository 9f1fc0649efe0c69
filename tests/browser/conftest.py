"""Browser tests: the real app under uvicorn on a free loopback port, driven by Debian's Chromium.

Never `playwright install`: the browser is /usr/bin/chromium (scripts/system-deps.sh installs it).
Each module gets its own data directory and a fixed clock, so runs are repeatable.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIXED_NOW = "2026-03-02T09:00:00+01:00"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[str]:
    """`unhunch serve --dev` on a free port, its own UNHUNCH_HOME, UNHUNCH_NOW fixed.

    One per test: with the clock fixed, two screens taken in one store would share a moment.
    A test may change the environment with `@pytest.mark.parametrize("server", [{...}],
    indirect=True)` (another fixed time, a time zone)."""
    home = tmp_path_factory.mktemp("web-home")
    port = free_port()
    changes: dict[str, str] = getattr(request, "param", {})
    env = {**os.environ, "UNHUNCH_HOME": str(home), "UNHUNCH_NOW": FIXED_NOW, **changes}
    env.pop("UNHUNCH_DB", None)
    log = (home / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "unhunch", "serve", "--port", str(port), "--dev"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # up to ~30 s for a cold start; polls, never a timed assertion
            if proc.poll() is not None:
                pytest.fail(f"server exited: {(home / 'server.log').read_text()}")
            try:
                if httpx.get(base + "/", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps.sh (apt-get install chromium)")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    b = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield b
    b.close()


class Watched:
    """A page plus every console error and CSP violation it produced."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))

    def _console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error":
            self.errors.append(msg.text)


def open_page(browser: Browser, viewport: dict[str, int]) -> Watched:
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    return Watched(context.new_page())


@pytest.fixture
def laptop(browser: Browser) -> Iterator[Watched]:
    w = open_page(browser, LAPTOP)
    yield w
    w.page.context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Watched]:
    w = open_page(browser, PHONE)
    yield w
    w.page.context.close()


def ready_to_coach(base: str, profile: dict[str, object]) -> None:
    """Seed a store through the public API: an all-clear screen and a saved profile."""
    from unhunch.services.screening import screening_content

    content = screening_content()
    answers = {
        "age": 40,
        "pain_weeks": 1,
        "improving": True,
        "new_pain": False,
        "long_term_steroids": False,
        "clinician_cleared": False,
        "answers": {i.id: False for i in content.items},
    }
    assert httpx.post(base + "/api/screen", json=answers).json()["may_coach"] is True
    assert httpx.put(base + "/api/profile", json=profile).status_code == 200


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def serious_a11y_violations(page: Page) -> list[str]:
    """axe-core on the current page; only serious and critical violations count."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def wait_for_images(page: Page, selector: str) -> list[dict[str, float]]:
    """Wait until every image under `selector` has finished loading (a screenshot taken before
    that shows empty boxes), then give each one's natural and drawn size."""
    page.wait_for_function(
        "sel => [...document.querySelectorAll(sel)].every(i => i.complete)", arg=selector
    )
    sizes: list[dict[str, float]] = page.evaluate(
        """sel => [...document.querySelectorAll(sel)].map(i => {
             const r = i.getBoundingClientRect();
             return {natural: i.naturalWidth, width: r.width, height: r.height};
           })""",
        selector,
    )
    return sizes


def no_sideways_scroll(page: Page) -> bool:
    return bool(
        page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )
