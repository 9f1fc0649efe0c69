"""Diary and progress pages and their API: entries stored once, bad input refused, chart drawn."""

from __future__ import annotations

import uuid

import pytest

from tests.integration.web_helpers import client
from unhunch.services import diary
from unhunch.services.context import local_context

FORM = {"pain_neck": "3", "pain_upper_back": "5", "pain_lower_back": "0", "when": "morning"}


def stored() -> int:
    return len(diary.entries(local_context()))


def test_diary_form_saves_one_entry_even_when_posted_twice() -> None:
    c = client()
    html = c.get("/diary").text
    entry_id = html.split('name="entry_id" value="')[1].split('"')[0]
    data = FORM | {"entry_id": entry_id, "symptoms": "night_pain", "note": "long drive"}
    first = c.post("/diary", data=data, follow_redirects=False)
    assert first.status_code == 303
    c.post("/diary", data=data)
    entries = diary.entries(local_context())
    assert len(entries) == 1
    assert entries[0].scores == {"neck": 3, "upper_back": 5, "lower_back": 0}
    assert entries[0].symptoms == ("night_pain",)
    page = c.get("/diary?saved=true").text
    assert "Saved." in page and "long drive" in page


@pytest.mark.parametrize(
    "change",
    [
        {"pain_neck": "12"},
        {"pain_neck": "a lot"},
        {"when": "midnight"},
        {"symptoms": "headache"},
        {"entry_id": "not-an-id"},
        {"note": "x" * 1001},
        {"mood": "sad"},
    ],
)
def test_bad_diary_form_is_a_friendly_422_and_nothing_is_saved(change: dict[str, str]) -> None:
    response = client().post("/diary", data=FORM | change)
    assert response.status_code == 422
    assert "Nothing was saved" in response.text
    assert stored() == 0


def test_diary_warning_sign_asks_for_the_screen_again() -> None:
    c = client()
    from tests.integration.test_web_screen import full_answers

    c.post("/api/screen", json=full_answers())
    c.post("/diary", data=FORM | {"symptoms": "numbness_tingling"})
    page = c.get("/diary").text
    assert "Answer the safety questions" in page


def test_api_diary_matches_the_cli_shape_and_is_idempotent() -> None:
    c = client()
    entry_id = str(uuid.uuid4())
    body = {"scores": {"neck": 4}, "when": "evening", "id": entry_id}
    first = c.post("/api/diary", json=body).json()
    c.post("/api/diary", json=body)
    assert first["id"] == entry_id and first["scores"] == {"neck": 4}
    assert {"screen_needed", "warnings", "recorded_at", "when"} <= set(first)
    assert stored() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"scores": {}},
        {"scores": {"knee": 3}},
        {"scores": {"neck": 11}},
        {"scores": {"neck": 3}, "symptoms": ["headache"]},
        {"scores": {"neck": 3}, "when": "midnight"},
        {"scores": {"neck": 3}, "id": "nope"},
        {"scores": {"neck": 3}, "mood": "sad"},
    ],
)
def test_api_diary_rejects_bad_entries(body: dict[str, object]) -> None:
    assert client().post("/api/diary", json=body).status_code == 422
    assert stored() == 0


def test_progress_page_shows_sentences_and_the_chart_after_entries() -> None:
    c = client()
    assert "Nothing to show yet" in c.get("/progress").text
    c.post("/diary", data=FORM)
    html = c.get("/progress").text
    assert 'src="/progress/chart.svg?days=30"' in html
    chart = c.get("/progress/chart.svg?days=30")
    assert chart.status_code == 200 and chart.headers["content-type"].startswith("image/svg")
    assert b"<svg" in chart.content[:400]


def test_api_progress_matches_the_cli_shape() -> None:
    c = client()
    c.post("/diary", data=FORM)
    body = c.get("/api/progress", params={"days": 7}).json()
    assert body["days"] == 7
    assert {"regions", "sessions", "sentences", "next_morning"} <= set(body)


@pytest.mark.parametrize("days", ["3", "99999", "soon"])
def test_progress_days_out_of_range_is_422(days: str) -> None:
    c = client()
    assert c.get("/api/progress", params={"days": days}).status_code == 422
    assert c.get("/progress", params={"days": days}).status_code == 422
    assert c.get("/progress/chart.svg", params={"days": days}).status_code == 422


def test_slider_readout_echoes_the_value_and_rejects_unknown_regions() -> None:
    c = client()
    html = c.post("/diary/readout", data={"region": "neck", "pain_neck": "7"}).text
    assert 'id="out-neck"' in html and ">7<" in html
    assert c.post("/diary/readout", data={"region": "knee"}).status_code == 422


def test_recent_entries_list_only_the_scored_regions_without_a_dangling_separator() -> None:
    c = client()
    c.post("/api/diary", json={"scores": {"neck": 3, "upper_back": 6}, "when": "evening"})
    page = c.get("/diary").text
    line = page.split('<ul class="entries">')[1].split("</li>")[0]
    words = " ".join(line.split())
    assert "Neck 3 · Upper back 6" in words or "neck 3 · upper back 6" in words
    assert not words.rstrip().endswith("·") and "6 ·" not in words
