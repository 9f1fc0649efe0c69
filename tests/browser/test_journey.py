"""A person's whole journey in Chromium: the screen, the profile, today, the player with its
check-ins, the diary and the progress chart; and the emergency path that shows no routine."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    Watched,
    ready_to_coach,
    serious_a11y_violations,
    shot,
    wait_for_images,
)

pytestmark = pytest.mark.browser

PROFILE = {"pain": {"neck": 2, "upper_back": 4}, "minutes": 6, "setting": "desk"}
SELF_CARE = {"age": "40", "pain_weeks": "1", "improving": "yes"}


def answer_screen(page: Page, answers: dict[str, str], shots: str = "") -> None:
    """Answer the screen's pages: numbers typed, places ticked, Yes / No / Not sure chosen
    ('no' unless told otherwise), then Next."""
    page.get_by_role("button", name="Begin").click()
    n = 0
    while page.locator("form.questions").count():
        if n == 0 and shots:
            shot(page, f"{shots}-question")
            assert serious_a11y_violations(page) == []
        n += 1
        for field, default in (("age", "40"), ("pain_weeks", "1")):
            box = page.locator(f"input[name=q_{field}]")
            if box.count():
                box.fill(answers.get(field, default))
        if page.locator("input[name=q_regions]").count():
            for region in answers.get("regions", "neck upper_back lower_back").split():
                page.locator(f"input[name=q_regions][value={region}]").check()
        for group in page.locator("fieldset.question:has(input[type=radio])").all():
            text = group.locator("legend").inner_text()
            wanted = "no"
            for key, value in answers.items():
                if key.startswith("text:") and key[5:].lower() in text.lower():
                    wanted = value
            if "getting better" in text:
                wanted = answers.get("improving", "yes")
            group.locator(f"input[type=radio][value={wanted}]").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Next").click()
        assert n < 10


def test_emergency_answer_shows_advice_and_nothing_like_a_routine(
    server: str, phone: Watched
) -> None:
    page = phone.page
    page.goto(server + "/screen")
    page.get_by_role("button", name="Begin").click()
    page.locator("input[name=q_age]").fill("40")
    page.locator("input[name=q_regions][value=lower_back]").check()
    page.locator("input[name=q_pain_weeks]").fill("1")
    page.get_by_role("button", name="Next").click()
    page.locator("input[name=q_saddle_numbness][value=yes]").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Get emergency help now")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Call 999"))).to_be_visible()
    assert page.locator("a[href='/today'], a[href='/session'], nav").count() == 0
    shot(page, "emergency-phone")
    assert serious_a11y_violations(page) == []
    page.goto(server + "/today")
    assert page.locator(".routine-item").count() == 0
    assert phone.errors == []


def test_self_care_journey_from_screen_to_chart(server: str, laptop: Watched) -> None:
    page = laptop.page
    page.goto(server + "/")
    shot(page, "welcome")
    page.get_by_role("link", name="Start with the questions").click()
    shot(page, "screen-intro")
    answer_screen(page, SELF_CARE, shots="screen")
    expect(
        page.get_by_role("heading", name="Nothing here points to a serious cause")
    ).to_be_visible()
    shot(page, "screen-self-care")
    page.get_by_role("link", name="Next: where it hurts").click()

    # Profile: the body map takes you to the slider; the live preview colours the map.
    page.locator("a[href='#pain-upper_back']").first.click()
    assert page.evaluate("document.activeElement.id") == "pain-upper_back"
    page.locator("#pain-upper_back").fill("6")
    expect(page.locator("#out-upper_back")).to_have_text("6")
    page.locator("#pain-neck").fill("3")
    page.locator("#minutes").fill("5")
    shot(page, "profile")
    assert serious_a11y_violations(page) == []
    page.get_by_role("button", name="Save and see my routine").click()

    # Today
    expect(page.get_by_role("heading", name="Today's routine")).to_be_visible()
    assert page.locator(".routine-item").count() >= 2
    assert all(size["natural"] > 0 for size in wait_for_images(page, ".routine-item img"))
    shot(page, "today")
    assert serious_a11y_violations(page) == []
    page.get_by_role("link", name="Start").first.click()

    # Player at test speed: before check-in, run, after check-in.
    page.goto(server + "/session?speed=60")
    expect(
        page.get_by_role("heading", name=re.compile("how is your pain right now"))
    ).to_be_visible()
    page.locator("#check-upper_back").fill("5")
    shot(page, "player-checkin")
    assert serious_a11y_violations(page) == []
    page.get_by_role("button", name="Start the routine").click()
    expect(page.locator("#stage")).to_be_visible()
    expect(page.locator("#count")).not_to_have_text("")
    shot(page, "player-running")
    assert serious_a11y_violations(page) == []
    page.keyboard.press("Space")  # pause
    expect(page.locator("#paused-note")).to_be_visible()
    page.keyboard.press("Space")
    expect(page.locator("#after")).to_be_visible(timeout=120_000)
    page.locator("#after-upper_back").fill("3")
    page.get_by_role("button", name="Save and finish").click()
    expect(page.locator("#save-state")).to_have_text("Saved to your diary.")
    expect(page.get_by_role("link", name="Answer the safety questions again")).to_be_hidden()
    shot(page, "player-done")

    # Diary, then the progress chart.
    page.get_by_role("link", name="Add to your diary").click()
    page.locator("#pain-neck").fill("2")
    expect(page.locator("#out-neck")).to_have_text("2")
    shot(page, "diary")
    assert serious_a11y_violations(page) == []
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("p.ok")).to_contain_text("Saved")
    page.get_by_role("link", name="See your progress").click()
    chart = page.locator(".chart img")
    expect(chart).to_be_visible()
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelector('.chart img').naturalWidth") > 0
    shot(page, "progress")
    assert serious_a11y_violations(page) == []
    assert laptop.errors == []


def test_player_on_a_phone_with_too_much_and_the_easier_way(server: str, phone: Watched) -> None:
    page = phone.page
    ready_to_coach(server, PROFILE)
    page.goto(server + "/session?speed=5")
    expect(page.locator("#checkin")).to_be_visible()
    page.locator("#check-upper_back").fill("4")
    page.get_by_role("button", name="Start the routine").click()
    expect(page.locator("#stage")).to_be_visible()
    shot(page, "player-phone")
    page.get_by_role("button", name="Too much").click()
    expect(page.locator("#too-much-dialog")).to_be_visible()
    page.locator("#tm-pain").fill("7")
    shot(page, "player-too-much-phone")
    page.get_by_role("button", name="Tell us").click()
    expect(page.locator("#advice")).to_be_visible()
    expect(page.locator("#advice-text")).to_contain_text("more pain")
    shot(page, "player-advice-phone")
    page.get_by_role("button", name="Skip to the next exercise").click()
    expect(page.locator("#stage")).to_be_visible()
    page.get_by_role("button", name="End the session").click()
    expect(page.locator("#after")).to_be_visible()
    page.get_by_role("button", name="Save and finish").click()
    expect(page.locator("#save-state")).to_have_text("Saved to your diary.")
    assert phone.errors == []


def test_feeling_faint_in_a_session_shows_only_the_emergency_advice(
    server: str, phone: Watched
) -> None:
    page = phone.page
    ready_to_coach(server, PROFILE)
    page.goto(server + "/session?speed=5")
    page.get_by_role("button", name="Start the routine").click()
    page.get_by_role("button", name="Too much").click()
    page.locator("#tm-cardiac").check()
    page.get_by_role("button", name="Tell us").click()
    expect(page.locator("#emergency")).to_be_visible()
    expect(page.locator("#emergency-text")).to_contain_text("emergency")
    for hidden in ("#stage", "#advice", "#after", "#done"):
        expect(page.locator(hidden)).to_be_hidden()
    shot(page, "player-emergency-phone")
    assert phone.errors == []
