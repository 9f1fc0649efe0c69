"""The library and exercise pages in Chromium: live filter, no CSP errors, accessible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Watched, serious_a11y_violations, shot

pytestmark = pytest.mark.browser


def test_library_live_filter_narrows_the_list_without_a_reload(
    server: str, laptop: Watched
) -> None:
    page = laptop.page
    page.goto(server + "/library")
    total = page.locator(".cards li").count()
    page.fill("#q", "chin")
    expect(page.locator(".cards li")).not_to_have_count(total)
    expect(page.locator(".cards li").first).to_contain_text("Chin")
    assert "q=chin" in page.url  # the filter is in the address, so it can be shared or reloaded
    shot(page, "library")
    assert serious_a11y_violations(page) == []
    assert laptop.errors == []


def test_exercise_page_is_accessible_on_a_phone(server: str, phone: Watched) -> None:
    page = phone.page
    page.goto(server + "/exercises/chin_tucks")
    assert page.get_by_role("heading", name="Chin tucks").is_visible()
    shot(page, "exercise-phone")
    assert serious_a11y_violations(page) == []
    assert phone.errors == []


def test_welcome_page_is_accessible(server: str, laptop: Watched) -> None:
    page = laptop.page
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to the content"
    shot(page, "welcome-skip-link")
    assert serious_a11y_violations(page) == []
    assert laptop.errors == []
