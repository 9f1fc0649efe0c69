"""What a new person sees first, on a phone and a laptop: every exercise on Today shows its
picture at a size where the pose can be read, the player shows the moving figure from its first
step, and nothing scrolls sideways."""

from __future__ import annotations

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

PROFILE = {"pain": {"neck": 3, "upper_back": 6}, "minutes": 8, "setting": "desk"}


@pytest.mark.parametrize(("device", "smallest"), [("phone", 120), ("laptop", 180)])
def test_today_shows_every_figure_big_enough_to_read(
    server: str, device: str, smallest: int, request: pytest.FixtureRequest
) -> None:
    watched: Watched = request.getfixturevalue(device)
    page = watched.page
    ready_to_coach(server, PROFILE)
    page.goto(server + "/today")
    items = page.locator(".routine-item")
    expect(items.first).to_be_visible()
    sizes = wait_for_images(page, ".routine-item img")
    assert len(sizes) == items.count() >= 2
    for size in sizes:
        assert size["natural"] > 0  # loaded, not an empty box
        assert size["width"] >= smallest and size["height"] >= smallest * 0.7
    assert no_sideways_scroll(page)
    shot(page, f"today-{device}")
    assert serious_a11y_violations(page) == []
    assert watched.errors == []
