"""A movement break in the browser: the banner's Start opens the player with the break's own
routine (not today's), starting it records the break, and it ends back on the day."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    Watched,
    no_sideways_scroll,
    ready_to_coach,
    serious_a11y_violations,
    shot,
    wait_for_images,
)

pytestmark = pytest.mark.browser

# Monday 11:00 in UTC, the break schedule's zone here: the 09:50 break is due, none taken yet.
DUE = {"UNHUNCH_NOW": "2026-03-02T11:00:00+00:00", "TZ": "UTC"}
PROFILE = {"pain": {"neck": 3, "upper_back": 5}, "minutes": 8, "setting": "desk"}


@pytest.mark.parametrize("server", [DUE], indirect=True)
@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_break_start_opens_the_player_with_the_break_routine(
    server: str, device: str, request: pytest.FixtureRequest
) -> None:
    watched: Watched = request.getfixturevalue(device)
    page = watched.page
    ready_to_coach(server, PROFILE)
    planned = httpx.get(server + "/api/breaks/next").json()
    wanted = [i["exercise"] for b in planned["routine"]["blocks"] for i in b["items"]]
    page.goto(server + "/today")
    banner = page.locator("#break-banner")
    expect(banner.get_by_role("heading", name="Time for a movement break")).to_be_visible()
    assert no_sideways_scroll(page)
    shot(page, f"break-banner-{device}")
    assert serious_a11y_violations(page) == []

    banner.get_by_role("link", name="Start the break").click()
    expect(page.get_by_role("heading", name="Your movement break")).to_be_visible()
    # Opening the player records nothing yet: the same break is still the one due.
    assert httpx.get(server + "/api/breaks/next").json()["due_at"] == planned["due_at"]
    page.goto(page.url + "?speed=40")  # the test hook: a fast clock for the rest of the break
    page.get_by_role("button", name="Start the break").click()
    expect(page.locator("#stage")).to_be_visible()
    assert page.locator("#ex-name").inner_text() == first_name(server, wanted[0])
    assert all(s["natural"] > 0 for s in wait_for_images(page, "#figure"))
    shot(page, f"break-player-{device}")
    expect(page.get_by_role("heading", name="Break done")).to_be_visible(timeout=120_000)
    expect(page.locator("#done-summary")).to_contain_text(f"{len(wanted)} of {len(wanted)}")
    expect(page.locator("#save-state")).to_have_text("Saved as a break taken.")
    shot(page, f"break-done-{device}")
    after = httpx.get(server + "/api/breaks/next").json()
    assert after["due_at"] != planned["due_at"]  # this break is done; the next one is later
    page.get_by_role("link", name="Back to Today").click()
    expect(page.get_by_role("heading", name="Today's routine")).to_be_visible()
    expect(page.locator("#break-banner")).to_contain_text("Next movement break at")
    assert watched.errors == []


def first_name(base: str, exercise_id: str) -> str:
    return str(httpx.get(f"{base}/api/exercises/{exercise_id}").json()["name"])
