"""The red-flag screen in the browser's forms: one question a page, emergencies end it at once,
bad input is a friendly page and nothing half-done is stored."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.integration.web_helpers import client
from unhunch import clock
from unhunch.services import screening
from unhunch.services.context import local_context
from unhunch.web import screen_flow as flow

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def answer(c: TestClient, page: str, value: str) -> str:
    """Submit the form on `page` with the given answer, like a person tapping a button."""
    fields = dict(HIDDEN.findall(page))
    fields.pop("go", None)
    fields["answer"] = value
    response = c.post("/screen", data=fields)
    assert response.status_code in (200, 303), response.text
    return response.text


def start(c: TestClient) -> str:
    return c.post("/screen", data={"step": "0", "go": "start"}).text


def questions() -> list[flow.Question]:
    return flow.questions(screening.screening_content())


def self_care_value(q: flow.Question) -> str:
    return {"age": "40", "pain_weeks": "1", "improving": "yes"}.get(q.id, "no")


def test_an_emergency_yes_ends_the_screen_with_the_emergency_page_and_no_nav() -> None:
    c = client()
    page = start(c)
    assert "Question 1 of" in page
    page = answer(c, page, "yes")  # saddle numbness
    assert "Get emergency help now" in page
    assert "Call 999" in page
    assert 'href="/today"' not in page and "/session" not in page
    record = screening.latest_screen(local_context())
    assert record is not None and record.tier == "emergency"
    assert record.reasons == ("saddle_numbness",)


def test_all_clear_answers_reach_self_care_and_point_to_the_profile() -> None:
    c = client()
    page = start(c)
    for q in questions():
        if q.id == flow.CLEARED:
            break
        assert q.text.split()[0] in page
        page = answer(c, page, self_care_value(q))
    assert "Nothing here points to a serious cause" in page
    assert 'href="/profile"' in page
    status = screening.coaching_status(local_context(), clock.now())
    assert status.allowed


def test_see_doctor_answer_asks_for_clearance_and_refuses_coaching_without_it() -> None:
    c = client()
    page = start(c)
    asked_clearance = False
    for q in questions():
        value = "yes" if q.id == "unexplained_weight_loss" else self_care_value(q)
        if q.id == flow.CLEARED:
            asked_clearance = "cleared" in page or "checked you" in page
            value = "no"
        page = answer(c, page, value)
    assert asked_clearance
    assert "Book a check-up" in page
    assert "weight loss" in page
    assert "Next: where it hurts" not in page


def test_under_16_is_refused_and_nothing_is_stored() -> None:
    c = client()
    page = start(c)
    for q in questions():
        if q.id == "age":
            page = answer(c, page, "14")
            break
        page = answer(c, page, "no")
    assert "16" in page
    assert screening.latest_screen(local_context()) is None


def test_a_non_number_age_asks_again_without_storing() -> None:
    c = client()
    page = start(c)
    for q in questions():
        if q.id == "age":
            break
        page = answer(c, page, "no")
    fields = dict(HIDDEN.findall(page))
    fields["answer"] = "forty"
    response = c.post("/screen", data=fields)
    assert response.status_code == 422
    assert "whole number" in response.text
    assert screening.latest_screen(local_context()) is None


def test_back_returns_to_the_previous_question() -> None:
    c = client()
    page = answer(c, start(c), "no")
    assert "Question 2 of" in page
    fields = dict(HIDDEN.findall(page))
    fields["go"] = "back"
    page = c.post("/screen", data=fields).text
    assert "Question 1 of" in page


def test_tampered_hidden_answers_are_a_friendly_422_and_nothing_is_stored() -> None:
    c = client()
    for data in (
        {"step": "3", "a_saddle_numbness": "no"},  # earlier answers missing
        {"step": "1", "a_saddle_numbness": "maybe", "answer": "no"},
        {"step": "1", "a_not_a_question": "no", "a_saddle_numbness": "no", "answer": "no"},
        {"step": "999", "answer": "no"},
        {"step": "x", "answer": "no"},
    ):
        response = c.post("/screen", data=data)
        assert response.status_code == 422, data
        assert "Nothing was saved" in response.text
    assert screening.latest_screen(local_context()) is None


def test_result_without_a_screen_sends_to_the_start() -> None:
    response = client().get("/screen/result", follow_redirects=False)
    assert response.status_code == 303


def full_answers(**changes: bool) -> dict[str, object]:
    content = screening.screening_content()
    items = {i.id: False for i in content.items} | changes
    return {
        "age": 40,
        "pain_weeks": 1,
        "improving": True,
        "new_pain": False,
        "long_term_steroids": False,
        "clinician_cleared": False,
        "answers": items,
    }


def test_api_screen_returns_the_cli_shape_and_stores_it() -> None:
    body = client().post("/api/screen", json=full_answers(fever=True)).json()
    assert body["tier"] == "see_doctor"
    assert body["reasons"] == ["fever"]
    assert body["may_coach"] is False
    assert set(body) >= {"tier", "reasons", "advice", "may_coach"}
    status = client().get("/api/screen").json()
    assert status["tier"] == "see_doctor" and status["may_coach"] is False


def test_api_screen_rejects_missing_and_unknown_answers_and_stores_nothing() -> None:
    bad = full_answers()
    del bad["age"]
    bad["answers"] = {**bad["answers"], "made_up": True}  # type: ignore[dict-item]
    response = client().post("/api/screen", json=bad)
    assert response.status_code == 422
    fields = {p["field"] for p in response.json()["detail"]}
    assert {"age", "answers.made_up"} <= fields
    assert client().post("/api/screen", json=[1, 2]).status_code == 422
    assert client().post("/api/screen", content=b"{not json").status_code == 422
    assert screening.latest_screen(local_context()) is None


def test_api_screen_under_16_is_a_safety_refusal() -> None:
    response = client().post("/api/screen", json={**full_answers(), "age": 12})
    assert response.status_code == 403
    assert response.json()["refused"] == "safety"
