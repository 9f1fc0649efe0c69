"""Every page a person can reach, on a phone and a laptop: no serious or critical axe
violations, no console or CSP errors, and a screenshot to look at."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    PHONE,
    Watched,
    open_page,
    ready_to_coach,
    serious_a11y_violations,
    shot,
    wait_for_images,
)

pytestmark = pytest.mark.browser

PROFILE = {"pain": {"neck": 2, "lower_back": 5}, "minutes": 10, "setting": "floor"}
PAGES = [
    ("welcome-ready", "/"),
    ("today-floor", "/today"),
    ("swap", "/today/swap/{first}"),
    ("profile-saved", "/profile"),
    ("screen-result", "/screen/result"),
    ("diary-empty", "/diary"),
    ("progress-empty", "/progress"),
    ("library-lower-back", "/library?region=lower_back"),
    ("not-found", "/no/such/page"),
    ("problem", "/library?region=knees"),
    ("screen-intro", "/screen"),
]


def first_item(base: str) -> str:
    import httpx

    routine = httpx.get(base + "/api/routine").json()
    return str(routine["blocks"][0]["items"][0]["exercise"])


@pytest.mark.parametrize("viewport", ["phone", "laptop"])
def test_every_page_is_accessible_and_error_free(
    server: str, browser: object, viewport: str
) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    ready_to_coach(server, PROFILE)
    first = first_item(server)
    size = PHONE if viewport == "phone" else {"width": 1280, "height": 800}
    watched: Watched = open_page(browser, size)
    page = watched.page
    problems: dict[str, list[str]] = {}
    for name, path in PAGES:
        page.goto(server + path.format(first=first))
        wait_for_images(page, "main img:not([loading=lazy])")
        shot(page, f"{name}-{viewport}")
        found = serious_a11y_violations(page)
        if found:
            problems[path] = found
    page.context.close()
    assert problems == {}
    # The not-found and problem pages answer 404 and 422 on purpose; anything else is a fault.
    unexpected = [
        e for e in watched.errors if "status of 404" not in e and "status of 422" not in e
    ]
    assert unexpected == []


def test_see_doctor_result_and_today_say_why_and_show_no_routine(
    server: str, phone: Watched
) -> None:
    import httpx

    from unhunch.services.screening import screening_content

    answers = {i.id: False for i in screening_content().items} | {"night_or_rest_pain": True}
    body = {
        "age": 40,
        "pain_weeks": 1,
        "improving": True,
        "new_pain": False,
        "long_term_steroids": False,
        "clinician_cleared": False,
        "answers": answers,
    }
    httpx.post(server + "/api/screen", json=body).raise_for_status()
    page = phone.page
    page.goto(server + "/screen/result")
    assert page.get_by_role("heading", name="Book a check-up before you exercise").is_visible()
    shot(page, "screen-see-doctor-phone")
    assert serious_a11y_violations(page) == []
    page.goto(server + "/today")
    assert page.locator(".routine-item").count() == 0
    assert page.get_by_role("link", name="Answer the questions again").is_visible()
    shot(page, "today-refused-phone")
    assert serious_a11y_violations(page) == []
    assert phone.errors == []
