"""The library pages and the exercises API: same shapes as the CLI's --json, filters checked."""

from __future__ import annotations

import pytest

from tests.integration.web_helpers import client
from unhunch.content import load_library
from unhunch.core.citations import source_names


def test_api_exercises_matches_the_cli_shape() -> None:
    body = client().get("/api/exercises").json()
    library = load_library()
    assert [e["id"] for e in body] == [e.id for e in library.all()]
    assert body[0] == library.all()[0].model_dump(mode="json")


def test_api_exercises_filters_by_region() -> None:
    body = client().get("/api/exercises", params={"region": "neck"}).json()
    assert body and all("neck" in e["regions"] for e in body)


@pytest.mark.parametrize(
    "params", [{"region": "knees"}, {"position": "upside_down"}, {"kind": "x"}, {"q": "x" * 200}]
)
def test_api_exercises_rejects_unknown_filters_with_422(params: dict[str, str]) -> None:
    response = client().get("/api/exercises", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_library_page_rejects_unknown_filter_with_a_friendly_page() -> None:
    response = client().get("/library", params={"region": "knees"})
    assert response.status_code == 422
    assert "Region" in response.text and "neck" in response.text


def test_library_live_filter_returns_only_the_list_partial() -> None:
    response = client().get("/library", params={"q": "chin"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Chin tucks" in response.text


def test_exercise_page_shows_steps_cautions_and_sources() -> None:
    e = load_library().get("chin_tucks")
    html = client().get("/exercises/chin_tucks").text
    assert e.steps[0] in html
    assert e.cautions[0] in html
    library = load_library()
    assert all(name in html for name in source_names(e.sources, library.sources))


def test_unknown_exercise_is_404_on_page_and_api() -> None:
    assert client().get("/exercises/no_such").status_code == 404
    assert client().get("/api/exercises/no_such").status_code == 404


def test_figure_is_svg_with_its_own_csp() -> None:
    response = client().get("/figures/chin_tucks.svg")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "script" not in response.headers["content-security-policy"].replace("'none'", "")
    assert response.text.lstrip().startswith("<")


def test_figure_side_is_checked() -> None:
    assert client().get("/figures/chin_tucks.svg", params={"side": "up"}).status_code == 422


def test_exercise_page_and_cards_draw_figures_at_their_own_shape() -> None:
    """Figures are 300×220 frames: drawn into a square box they shrank to a thumbnail."""
    c = client()
    page = c.get("/exercises/cat_cow").text
    assert 'src="/figures/cat_cow.svg?animated=true"' in page
    assert 'width="300" height="220"' in page
    cards = c.get("/library", params={"region": "neck"}).text
    assert 'width="96" height="96"' not in cards and 'width="300" height="220"' in cards


def test_a_bad_filter_page_names_the_choices_in_plain_words_not_ids() -> None:
    page = client().get("/library", params={"region": "knees"}).text
    problems = page.split('<ul class="problems">')[1].split("</ul>")[0]
    assert "knees" in problems and "upper back" in problems and "back of the thighs" in problems
    assert "upper_back" not in problems and "hamstrings" not in problems
