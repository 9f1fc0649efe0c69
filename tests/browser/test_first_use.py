"""What a new person sees first, on a phone and a laptop: every exercise on Today shows its
picture at a size where the pose can be read, the player shows the moving figure from its first
step, and nothing scrolls sideways."""

from __future__ import annotations

import itertools

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


BREATH_SAMPLES = """() => new Promise((done) => {
  // Samples the pacer every frame through one full breath: (word, scale) pairs.
  const seen = [];
  const word = document.getElementById("breath-word");
  const pacer = document.getElementById("pacer");
  function sample() {
    const m = /scale\\(([0-9.]+)\\)/.exec(pacer.style.transform);
    if (m && word.textContent) seen.push([word.textContent, Number(m[1])]);
    const words = new Set(seen.map(([w]) => w));
    const changes = seen.filter((s, i) => i > 0 && s[0] !== seen[i - 1][0]).length;
    if (words.size === 2 && changes >= 3) done(seen);
    else requestAnimationFrame(sample);
  }
  sample();
})"""


@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_player_shows_the_figure_from_get_ready_and_words_that_fit_the_step(
    server: str, device: str, request: pytest.FixtureRequest
) -> None:
    watched: Watched = request.getfixturevalue(device)
    page = watched.page
    ready_to_coach(server, PROFILE)
    page.goto(server + "/session")  # real time: the first step is read as a person sees it
    page.get_by_role("button", name="Start the routine").click()
    expect(page.locator("#step-text")).to_have_text("Get ready")
    page.keyboard.press("Space")  # pause on get-ready to look at it
    name = page.locator("#ex-name").inner_text()
    expect(page.locator("#step-detail")).not_to_contain_text("Next:")
    expect(page.locator("#step-detail")).not_to_contain_text("Get ready")
    expect(page.locator("#step-detail")).not_to_contain_text(name)  # the heading names it
    [figure] = wait_for_images(page, "#figure")
    assert figure["natural"] > 0
    assert figure["width"] >= (340 if device == "phone" else 440)
    src = page.locator("#figure").get_attribute("src") or ""
    assert src.startswith("/figures/") and src.endswith(".svg?animated=true")
    assert name.lower() in (page.locator("#figure").get_attribute("alt") or "").lower()
    expect(page.locator("#count-label")).to_have_text("seconds to get ready")
    assert no_sideways_scroll(page)
    expect(page.get_by_role("button", name="Too much")).to_be_in_viewport()
    shot(page, f"player-get-ready-{device}")
    assert serious_a11y_violations(page) == []

    # The work steps say their own words and cue, never the get-ready announcement again.
    page.keyboard.press("ArrowRight")
    expect(page.locator("#step-text")).not_to_have_text("Get ready")
    assert not page.locator("#step-text").inner_text().startswith("Next:")
    expect(page.locator("#step-detail")).not_to_have_text("")
    assert all(size["natural"] > 0 for size in wait_for_images(page, "#figure"))
    shot(page, f"player-running-{device}")
    assert watched.errors == []


def test_breath_pacer_grows_on_breathe_in_and_shrinks_on_breathe_out(
    server: str, laptop: Watched
) -> None:
    page = laptop.page
    ready_to_coach(server, {"pain": {"lower_back": 4}, "minutes": 6, "setting": "floor"})
    page.goto(server + "/session?speed=2")
    page.get_by_role("button", name="Start the routine").click()
    for _ in range(300):  # step forward to the first hold with a breath pacer
        if page.locator("#pacer-box").is_visible():
            break
        page.keyboard.press("ArrowRight")
    expect(page.locator("#pacer-box")).to_be_visible()
    samples: list[list[object]] = page.evaluate(BREATH_SAMPLES)
    runs: list[tuple[str, list[float]]] = []
    for word, scale in samples:
        assert word in ("Breathe in", "Breathe out")
        if not runs or runs[-1][0] != word:
            runs.append((str(word), []))
        runs[-1][1].append(float(scale))  # type: ignore[arg-type]
    whole = [r for r in runs[1:-1] if len(r[1]) > 2]  # first and last may be cut short
    assert {w for w, _ in whole} == {"Breathe in", "Breathe out"}
    for word, scales in whole:
        steps = list(itertools.pairwise(scales))
        if word == "Breathe in":
            assert all(b >= a for a, b in steps) and scales[-1] > scales[0]
        else:
            assert all(b <= a for a, b in steps) and scales[-1] < scales[0]
    shot(page, "player-breath-pacer")
    assert laptop.errors == []


@pytest.mark.parametrize(("device", "smallest"), [("phone", 300), ("laptop", 440)])
def test_exercise_page_shows_a_big_moving_figure(
    server: str, device: str, smallest: int, request: pytest.FixtureRequest
) -> None:
    watched: Watched = request.getfixturevalue(device)
    page = watched.page
    page.goto(server + "/exercises/cat_cow")
    [figure] = wait_for_images(page, "img.figure")
    assert figure["natural"] > 0 and figure["width"] >= smallest
    assert no_sideways_scroll(page)
    shot(page, f"exercise-figure-{device}")
    assert serious_a11y_violations(page) == []
    assert watched.errors == []


def test_pain_up_after_a_session_gets_after_session_words_not_exercise_ones(
    server: str, phone: Watched
) -> None:
    page = phone.page
    ready_to_coach(server, PROFILE)
    page.goto(server + "/session?speed=100")
    page.get_by_role("button", name="Start the routine").click()
    page.get_by_role("button", name="End the session").click()
    expect(page.locator("#after")).to_be_visible()
    page.locator("#after-upper_back").fill("7")
    page.get_by_role("button", name="Save and finish").click()
    advice = page.locator("#done-advice")
    expect(advice).to_be_visible()
    expect(advice).to_contain_text("after a session")
    expect(advice).not_to_contain_text("easier version")  # the exercise is over
    expect(page.locator("#save-state")).to_have_text("Saved to your diary.")
    shot(page, "player-done-pain-up-phone")
    assert phone.errors == []


def test_the_s_key_opens_too_much_as_in_the_terminal(server: str, laptop: Watched) -> None:
    page = laptop.page
    ready_to_coach(server, {"pain": {"neck": 3}, "minutes": 3, "setting": "desk"})
    page.goto(server + "/session")
    page.get_by_role("button", name="Start the routine").click()
    page.keyboard.press("s")
    expect(page.locator("#too-much-dialog")).to_be_visible()
