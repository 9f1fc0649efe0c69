"""The screen in Chromium by keyboard alone: each question is one radio group (one tab stop,
arrow keys choose Yes / No / Not sure), "Not sure" carries its explanation, the counter holds,
a lower-back person gets the short flow, and axe finds nothing serious."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Watched, serious_a11y_violations, shot

pytestmark = pytest.mark.browser

FOCUSED = """(() => { const e = document.activeElement;
  return {tag: e.tagName, type: e.type || '', name: e.name || '', value: e.value || '',
          text: (e.textContent || '').trim().slice(0, 30)}; })()"""


def counter(page: Page) -> tuple[int, int]:
    text = page.locator("#progress-label").inner_text()
    found = re.search(r"(\d+)(?: to (\d+))? of about (\d+)", text)
    assert found, text
    return int(found.group(2) or found.group(1)), int(found.group(3))


def tab_through_page(page: Page, unsure_at: int) -> tuple[int, int]:
    """From the first radio group to Next by Tab alone: ArrowDown picks "No" in each group (and
    "Not sure" in group `unsure_at`). Returns (radio tab stops, all tab stops)."""
    page.locator("fieldset.question input[type=radio]").first.focus()
    radio_stops = 0
    for stops in range(1, 300):
        now = page.evaluate(FOCUSED)
        if now["tag"] == "BUTTON" and "Next" in now["text"]:
            return radio_stops, stops
        if now["type"] == "radio":
            radio_stops += 1
            page.keyboard.press("ArrowDown")  # Yes -> No, and it is chosen
            if radio_stops == unsure_at:
                page.keyboard.press("ArrowDown")  # -> Not sure
        page.keyboard.press("Tab")
    raise AssertionError("never reached Next")


def test_keyboard_only_screen_with_not_sure_is_short_and_accessible(
    server: str, laptop: Watched
) -> None:
    page = laptop.page
    page.goto(server + "/screen")
    page.get_by_role("button", name="Begin").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Page 1: about you, typed.
    expect(page.get_by_role("heading", name="About you and your pain")).to_be_visible()
    page.locator("input[name=q_age]").focus()
    page.keyboard.type("44")
    page.locator("input[name=q_regions][value=lower_back]").focus()
    page.keyboard.press("Space")
    page.locator("input[name=q_pain_weeks]").focus()
    page.keyboard.type("2")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Page 2: the emergency questions for a lower back, one tab stop each.
    expect(page.get_by_role("heading", name="Signs that need help now")).to_be_visible()
    groups = page.locator("fieldset.question").count()
    last, total = counter(page)
    assert last <= total
    assert page.locator("input[name^=q_saddle]").count() == 3  # Yes, No, Not sure
    assert page.locator("input[name^=q_neuro_signs]").count() == 0  # not asked for a lower back
    hint = page.locator("#unsure-hint")
    expect(hint).to_contain_text("never as the all-clear")
    assert page.locator("input[value=unsure][aria-describedby=unsure-hint]").count() == groups
    assert serious_a11y_violations(page) == []
    shot(page, "screen-emergency-questions")
    radio_stops, stops = tab_through_page(page, unsure_at=2)
    assert radio_stops == groups  # one stop per question, not one per choice
    assert stops <= 2 * groups + 1  # each group, its "Why we ask", then Next
    assert page.locator("input[name=q_new_bladder_problem][value=unsure]").is_checked()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The other pages: by keyboard too, "No" everywhere.
    pages = 2
    while page.locator("form.questions").count():
        pages += 1
        last, total = counter(page)
        assert last <= total
        if page.locator("fieldset.question input[type=radio]").count():
            tab_through_page(page, unsure_at=0)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert pages < 8

    expect(page.get_by_role("heading", name="Be seen by a doctor today")).to_be_visible()
    expect(page.get_by_text("(you were not sure)")).to_be_visible()
    assert last <= 40  # the short flow for a lower back
    assert serious_a11y_violations(page) == []
    assert laptop.errors == []
