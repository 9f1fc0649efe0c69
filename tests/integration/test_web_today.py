"""Profile and Today in the browser's forms: saved through the planner's services, refused
while the screen does not allow coaching, swaps and hides kept in the saved profile."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.integration.test_web_screen import full_answers
from tests.integration.web_helpers import client
from unhunch.services import planning
from unhunch.services.context import local_context

PROFILE_FORM = {
    "pain_neck": "3",
    "pain_upper_back": "5",
    "pain_lower_back": "0",
    "minutes": "8",
    "setting": "desk",
    "level": "beginner",
    "breath_seconds": "6",
}


def cleared(c: TestClient, **answers: bool) -> None:
    assert c.post("/api/screen", json=full_answers(**answers)).status_code == 200


def with_profile(c: TestClient) -> None:
    response = c.post("/profile", data=PROFILE_FORM, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/today"


def routine_ids(html: str) -> list[str]:
    return re.findall(r'<li class="routine-item" id="item-([a-z0-9_]+)">', html)


def test_today_without_a_screen_links_to_the_screen_instead_of_a_routine() -> None:
    c = client()
    with_profile(c)
    html = c.get("/today").text
    assert 'href="/screen"' in html
    assert "routine-item" not in html and 'href="/session"' not in html


def test_today_after_a_see_doctor_screen_shows_the_advice_not_a_routine() -> None:
    c = client()
    cleared(c, night_or_rest_pain=True)
    with_profile(c)
    html = c.get("/today").text
    assert "routine-item" not in html
    assert "doctor" in html


def test_today_without_a_profile_goes_to_the_profile() -> None:
    c = client()
    cleared(c)
    response = c.get("/today", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/profile"


def test_profile_form_saves_and_today_shows_the_planned_routine() -> None:
    c = client()
    cleared(c)
    with_profile(c)
    saved = planning.load_profile(local_context())
    assert saved is not None and saved.pain == {"neck": 3, "upper_back": 5, "lower_back": 0}
    html = c.get("/today").text
    ids = routine_ids(html)
    routine = c.get("/api/routine").json()
    assert ids == [i["exercise"] for b in routine["blocks"] for i in b["items"]]
    first = routine["blocks"][0]["items"][0]
    assert first["why"] in html
    assert 'href="/session"' in html


@pytest.mark.parametrize(
    "changes",
    [
        {"pain_neck": "11"},
        {"pain_neck": "three"},
        {"minutes": "0"},
        {"minutes": ""},
        {"setting": "moon"},
        {"level": "guru"},
        {"equipment": "trampoline"},
        {"conditions": "broken_heart"},
        {"favourites": "no_such_exercise"},
        {"surprise": "field"},
    ],
)
def test_bad_profile_form_is_a_friendly_422_and_nothing_is_saved(changes: dict[str, str]) -> None:
    response = client().post("/profile", data=PROFILE_FORM | changes)
    assert response.status_code == 422
    assert "Nothing was saved" in response.text
    assert planning.load_profile(local_context()) is None


def test_profile_preview_colours_the_body_map_without_saving() -> None:
    html = client().post("/profile/preview", data={"pain_neck": "7"}).text
    assert "pain-7" in html and 'id="out-neck"' in html
    assert planning.load_profile(local_context()) is None


def test_hide_removes_the_exercise_and_keeps_it_in_the_profile() -> None:
    c = client()
    cleared(c)
    with_profile(c)
    first = routine_ids(c.get("/today").text)[0]
    c.post("/today/hide", data={"exercise": first})
    assert first not in routine_ids(c.get("/today").text)
    saved = planning.load_profile(local_context())
    assert saved is not None and first in saved.excluded


def test_favourite_toggles_in_the_saved_profile() -> None:
    c = client()
    cleared(c)
    with_profile(c)
    first = routine_ids(c.get("/today").text)[0]
    c.post("/today/favourite", data={"exercise": first})
    saved = planning.load_profile(local_context())
    assert saved is not None and first in saved.favourites
    c.post("/today/favourite", data={"exercise": first})
    saved = planning.load_profile(local_context())
    assert saved is not None and first not in saved.favourites


def test_swap_offers_allowed_alternatives_and_uses_the_chosen_one() -> None:
    c = client()
    cleared(c)
    with_profile(c)
    ids = routine_ids(c.get("/today").text)
    target = ids[-2] if len(ids) > 1 else ids[0]
    partial = c.get(f"/today/swap/{target}", headers={"HX-Request": "true"}).text
    choices = re.findall(r'name="to" value="([a-z0-9_]+)"', partial)
    assert choices and not set(choices) & set(ids)
    c.post("/today/swap", data={"exercise": target, "to": choices[0]})
    saved = planning.load_profile(local_context())
    assert saved is not None and target in saved.excluded and choices[0] in saved.favourites
    assert target not in routine_ids(c.get("/today").text)


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/today/hide", {"exercise": "no_such"}),
        ("/today/hide", {"exercise": "DROP TABLE"}),
        ("/today/hide", {}),
        ("/today/favourite", {"exercise": "x" * 100}),
        ("/today/swap", {"exercise": "chin_tucks"}),
        ("/today/swap", {"exercise": "chin_tucks", "to": "nope"}),
    ],
)
def test_bad_today_actions_are_422_and_change_nothing(path: str, data: dict[str, str]) -> None:
    c = client()
    cleared(c)
    with_profile(c)
    before = planning.load_profile(local_context())
    response = c.post(path, data=data)
    assert response.status_code == 422
    assert planning.load_profile(local_context()) == before


def test_api_routine_is_refused_without_a_screen() -> None:
    response = client().get("/api/routine")
    assert response.status_code == 403
    assert response.json()["refused"] == "safety"


def test_api_profile_put_validates_and_saves() -> None:
    c = client()
    assert c.get("/api/profile").status_code == 404
    bad = c.put("/api/profile", json={"pain": {"neck": 3}, "minutes": 90, "colour": "red"})
    assert bad.status_code == 422
    assert planning.load_profile(local_context()) is None
    good = c.put("/api/profile", json={"pain": {"neck": 3}, "minutes": 5, "setting": "desk"})
    assert good.status_code == 200
    assert c.get("/api/profile").json()["minutes"] == 5


def test_every_item_on_today_has_its_own_figure_loaded_eagerly() -> None:
    """Each exercise shows its picture (not just the first): an <img> per item, never lazy, at
    the figure's own 300×220 shape, and each figure URL answers with an SVG."""
    c = client()
    cleared(c)
    with_profile(c)
    html = c.get("/today").text
    ids = routine_ids(html)
    assert len(ids) >= 2
    images = re.findall(r'<img class="item-figure" src="/figures/([a-z0-9_]+)\.svg"([^>]*)>', html)
    assert [i for i, _ in images] == ids
    for exercise_id, attrs in images:
        assert 'loading="lazy"' not in attrs
        assert 'width="300" height="220"' in attrs
        figure = c.get(f"/figures/{exercise_id}.svg")
        assert figure.status_code == 200
        assert figure.headers["content-type"].startswith("image/svg+xml")
        assert "<svg" in figure.text
