"""The red-flag screen in the browser's forms: the flow's pages, emergencies end it at once,
"Not sure" on every question, bad input is a friendly page and nothing half-done is stored."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.integration.web_helpers import client
from unhunch import clock
from unhunch.services import screening
from unhunch.services.context import local_context

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
ASKED = re.compile(r'name="q_([^"]+)"')
Policy = Callable[[str], str]


def calm(qid: str) -> str:
    """A calm 40-year-old with a lower-back pain of one week who answers no to everything."""
    return {"age": "40", "regions": "lower_back", "pain_weeks": "1"}.get(qid, "no")


def fields_of(page: str) -> dict[str, str]:
    return dict(HIDDEN.findall(page))


def submit(c: TestClient, page: str, policy: Policy) -> tuple[str, list[str]]:
    """Answer every question on `page` as `policy` says, then press Next."""
    data: dict[str, str | list[str]] = dict(fields_of(page))
    asked = list(dict.fromkeys(ASKED.findall(page)))
    for qid in asked:
        value = policy(qid)
        data["q_" + qid] = value.split() if qid == "regions" else value
    response = c.post("/screen", data=data)
    assert response.status_code in (200, 303), response.text
    return response.text, asked


def start(c: TestClient) -> str:
    return c.post("/screen", data={"page": "0", "go": "start"}).text


def run(c: TestClient, policy: Policy) -> tuple[str, list[str]]:
    """The whole screen; the final page and every question id asked, in order."""
    page, asked = start(c), []
    while 'name="page"' in page:
        page, more = submit(c, page, policy)
        asked += more
    return page, asked


def test_an_emergency_yes_ends_the_screen_with_the_emergency_page_and_no_nav() -> None:
    c = client()
    page, _ = submit(c, start(c), calm)
    assert "Signs that need help now" in page
    page, _ = submit(c, page, lambda q: "yes" if q == "saddle_numbness" else "no")
    assert "Get emergency help now" in page
    assert "Call 999" in page
    assert 'href="/today"' not in page and "/session" not in page
    record = screening.latest_screen(local_context())
    assert record is not None and record.tier == "emergency"
    assert record.reasons == ("saddle_numbness",)
    assert record.answers["answers"]["fever"] == "not_asked"


def test_an_emergency_yes_ends_the_screen_even_with_blank_questions_on_its_page() -> None:
    c = client()
    page, _ = submit(c, start(c), calm)
    data = {**fields_of(page), "q_new_bladder_problem": "yes"}
    page = c.post("/screen", data=data).text
    assert "Get emergency help now" in page


def test_all_clear_answers_reach_self_care_point_to_the_profile_and_say_what_was_asked() -> None:
    c = client()
    page, asked = run(c, calm)
    assert "Nothing here points to a serious cause" in page
    assert 'href="/profile"' in page
    assert "did not apply to you" in page
    assert "neuro_signs_with_neck_pain.double_vision" not in asked  # a lower-back person
    assert screening.coaching_status(local_context(), clock.now()).allowed
    record = screening.latest_screen(local_context())
    assert record is not None
    assert record.answers["answers"]["thunderclap_headache"] == "not_asked"
    assert record.answers["answers"]["saddle_numbness"] is False


def test_the_counter_never_runs_past_its_total() -> None:
    c = client()
    page = start(c)
    while 'name="page"' in page:
        first, total = re.search(r"Questions? (\d+)(?: to \d+)? of about (\d+)", page).groups()  # type: ignore[union-attr]
        last = re.search(r"to (\d+) of about", page)
        assert int(last.group(1) if last else first) <= int(total)
        page, _ = submit(c, page, calm)


def test_see_doctor_answer_asks_for_clearance_and_refuses_coaching_without_it() -> None:
    c = client()
    page, asked = run(c, lambda q: "yes" if q == "unexplained_weight_loss" else calm(q))
    assert "clinician_cleared" in asked
    assert "Book a check-up" in page
    assert "weight loss" in page
    assert "Next: where it hurts" not in page


def test_cleared_see_doctor_result_has_a_heading_that_agrees_with_its_paragraph() -> None:
    c = client()
    yes = {"unexplained_weight_loss", "clinician_cleared"}
    page, _ = run(c, lambda q: "yes" if q in yes else calm(q))
    assert "Cleared by a clinician" in page
    assert "Book a check-up before you exercise" not in page


def test_not_sure_on_an_emergency_question_is_urgent_and_named() -> None:
    c = client()
    page, _ = run(c, lambda q: "unsure" if q == "new_bowel_problem" else calm(q))
    assert "Be seen by a doctor today" in page
    assert "you were not sure" in page
    record = screening.latest_screen(local_context())
    assert record is not None
    assert (record.tier, record.reasons) == ("urgent", ("new_bowel_problem:unsure",))
    assert record.answers["answers"]["new_bowel_problem"] == "unsure"


def test_under_16_is_refused_and_nothing_is_stored() -> None:
    c = client()
    page, _ = submit(c, start(c), lambda q: "14" if q == "age" else calm(q))
    assert "16" in page and "Nothing you typed has been saved" in page
    assert screening.latest_screen(local_context()) is None


def test_a_non_number_age_asks_again_keeping_the_other_answers() -> None:
    c = client()
    data = {"page": "0", "q_age": "forty", "q_regions": ["lower_back"], "q_pain_weeks": "1"}
    response = c.post("/screen", data=data)
    assert response.status_code == 422
    page = response.text
    assert "whole number" in page
    assert 'value="lower_back" checked' in page
    assert screening.latest_screen(local_context()) is None


def test_a_page_with_a_blank_question_asks_for_it_without_storing() -> None:
    c = client()
    page, _ = submit(c, start(c), calm)
    data = {**fields_of(page), "q_major_trauma": "no"}
    response = c.post("/screen", data=data)
    assert response.status_code == 422
    assert "Please answer every question" in response.text
    assert 'value="no" checked' in response.text


def test_back_returns_to_the_previous_page_with_its_answers() -> None:
    c = client()
    page, _ = submit(c, start(c), calm)
    assert "Signs that need help now" in page
    page = c.post("/screen", data={**fields_of(page), "go": "back"}).text
    assert "About you and your pain" in page
    assert 'value="40"' in page


def test_tampered_hidden_answers_are_a_friendly_422_and_nothing_is_stored() -> None:
    c = client()
    for data in (
        {"page": "2", "a_age": "40"},  # earlier answers missing
        {"page": "1", "a_age": "40", "a_regions": "lower_back", "a_pain_weeks": "maybe"},
        {"page": "1", "a_not_a_question": "no", "a_age": "40"},
        {"page": "999", "q_age": "40"},
        {"page": "x", "q_age": "40"},
    ):
        response = c.post("/screen", data=data)
        assert response.status_code == 422, data
        assert "Nothing was saved" in response.text
    assert screening.latest_screen(local_context()) is None


def test_result_without_a_screen_sends_to_the_start() -> None:
    response = client().get("/screen/result", follow_redirects=False)
    assert response.status_code == 303


def full_answers(**changes: bool | str) -> dict[str, object]:
    content = screening.screening_content()
    items: dict[str, bool | str] = {i.id: False for i in content.items}
    items |= changes
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
    assert set(body) >= {"tier", "reasons", "advice", "may_coach", "asked"}
    status = client().get("/api/screen").json()
    assert status["tier"] == "see_doctor" and status["may_coach"] is False


def test_api_screen_takes_unsure() -> None:
    body = client().post("/api/screen", json=full_answers(pregnancy="unsure")).json()
    assert (body["tier"], body["reasons"]) == ("see_doctor", ["pregnancy:unsure"])


def test_api_screen_rejects_missing_and_unknown_answers_and_stores_nothing() -> None:
    bad = full_answers(fever="not_asked")
    del bad["age"]
    bad["answers"] = {**bad["answers"], "made_up": True}  # type: ignore[dict-item]
    response = client().post("/api/screen", json=bad)
    assert response.status_code == 422
    fields = {p["field"] for p in response.json()["detail"]}
    assert {"age", "answers.made_up", "answers.fever"} <= fields
    assert client().post("/api/screen", json=[1, 2]).status_code == 422
    assert client().post("/api/screen", content=b"{not json").status_code == 422
    assert screening.latest_screen(local_context()) is None


def test_api_screen_under_16_is_a_safety_refusal() -> None:
    response = client().post("/api/screen", json={**full_answers(), "age": 12})
    assert response.status_code == 403
    assert response.json()["refused"] == "safety"


def test_a_refusal_on_a_web_page_says_what_to_click_not_a_command_to_type() -> None:
    import datetime as dt

    from tests.unit.screen_helpers import answers
    from unhunch.core.errors import SafetyRefusal
    from unhunch.services.screening import decide_status, record_screen, require_coaching

    ctx = local_context()
    moment = clock.now()
    with_refusal = None
    try:
        require_coaching(ctx, moment)
    except SafetyRefusal as exc:
        with_refusal = exc
    assert with_refusal is not None
    assert "unhunch screen" in str(with_refusal)
    assert "unhunch screen" not in with_refusal.web_message
    assert "Answer the questions" in with_refusal.web_message
    record = record_screen(ctx, answers(), moment)
    for status in (
        decide_status(None, [], moment),
        decide_status(record, ["new numbness"], moment),
        decide_status(record, [], moment + dt.timedelta(days=40)),
    ):
        assert "unhunch screen" in status.reason
        assert "unhunch screen" not in status.web_reason
        assert "Answer the questions" in status.web_reason


def test_not_sure_where_it_hurts_asks_the_signs_of_every_place() -> None:
    c = client()
    data = {"page": "0", "q_age": "40", "q_regions": ["unsure"], "q_pain_weeks": "1"}
    page = c.post("/screen", data=data).text
    assert "q_saddle_numbness" in page and "q_thunderclap_headache" in page
