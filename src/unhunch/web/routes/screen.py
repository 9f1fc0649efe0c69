"""The red-flag screen in the browser: an intro, the flow's pages, and the result.

This face only drives core/screen_flow.py: which page comes next, which questions it holds, when
the screen ends. Nothing is stored until the screen ends: each page posts every earlier answer
back as hidden fields (`a_<question id>`), so a person can go back and an abandoned screen leaves
no half record. The hidden answers are checked against the flow: they must be exactly what it
asked before this page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unhunch.core import screen_flow as flow
from unhunch.core.errors import InputError, InputErrors
from unhunch.core.screen_replies import FlowValue, encode, parse_reply
from unhunch.core.triage import evaluate, parse_answers, result_title
from unhunch.services import screening
from unhunch.web.deps import Ctx, now
from unhunch.web.forms import form_lists
from unhunch.web.templating import page

router = APIRouter()
EARLIER = "a_"  # hidden answers from earlier pages
ANSWER = "q_"  # this page's answers


@router.get("/screen", response_class=HTMLResponse, include_in_schema=False)
def screen_intro(request: Request) -> HTMLResponse:
    low, high = flow.question_range(screening.screening_content())
    return page(request, "screen_intro", {"low": low, "high": high})


def question_page(
    request: Request,
    step: flow.Page,
    state: dict[str, FlowValue],
    chosen: dict[str, str] | None = None,
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    content = screening.screening_content()
    answered, total = flow.progress(content, state)
    return page(
        request,
        "screen_question",
        {
            "step": step,
            "first": answered + 1,
            "last": answered + len(step.questions),
            "total": max(total, answered + len(step.questions)),
            "hidden": [(EARLIER + k, encode(v)) for k, v in state.items()],
            "chosen": chosen or {},
            "error": error,
            "unsure_hint": content.unsure_hint,
        },
        status_code=status_code,
    )


def earlier_answers(form: dict[str, list[str]], page_number: int) -> dict[str, FlowValue]:
    """The hidden answers, read through the flow: each must be a question it asked before
    `page_number`, and together they must bring the flow to that page."""
    content = screening.screening_content()
    known = flow.questions_by_id(content)
    problems: list[InputError] = []
    state: dict[str, FlowValue] = {}
    for key, values in form.items():
        if not key.startswith(EARLIER):
            continue
        qid = key.removeprefix(EARLIER)
        if qid not in known:
            problems.append(InputError(key, values[0], "only the questions asked so far"))
            continue
        try:
            state[qid] = parse_reply(known[qid], values[0])
        except InputError as exc:
            problems.append(exc)
    if problems:
        raise InputErrors(problems)
    step = flow.next_step(content, state)
    if not isinstance(step, flow.Page) or step.number != page_number:
        raise InputError("page", page_number, "the page that follows the answers given so far")
    return state


@router.post("/screen", response_class=HTMLResponse, include_in_schema=False)
async def screen_step(request: Request, context: Ctx) -> Response:
    content = screening.screening_content()
    form = await form_lists(request)
    raw_page = (form.get("page") or ["0"])[0]
    if not (raw_page.isascii() and raw_page.isdigit()) or len(raw_page) > 2:
        raise InputError("page", raw_page, "a page number of the screen")
    go = (form.get("go") or [""])[0]
    if go == "start":
        return question_page(request, _page(flow.next_step(content, {})), {})
    state = earlier_answers(form, int(raw_page))
    if go == "back":
        return _back(request, content, state, int(raw_page))

    step = _page(flow.next_step(content, state))
    chosen: dict[str, str] = {}
    missing: list[str] = []
    problems: list[str] = []
    for q in step.questions:
        values = form.get(ANSWER + q.id, [])
        raw = " ".join(values) if q.kind == "regions" else (values[0] if values else "")
        chosen[q.id] = raw
        if not raw.strip():
            missing.append(q.id)
            continue
        try:
            state[q.id] = parse_reply(q, raw)
        except InputError as exc:
            problems.append(f"{q.text} Please give {exc.allowed}.")
    ended = flow.next_step(content, state)
    # An emergency yes ends the screen even when other questions on its page were left blank.
    if isinstance(ended, flow.Ended) and (ended.emergency_stop or not (missing or problems)):
        return _finish(request, context, ended)
    if isinstance(ended, flow.Page) and not (missing or problems):
        return question_page(request, ended, state)
    if missing and not problems:
        problems.append("Please answer every question on this page (Yes, No or Not sure).")
    this_page = {q.id for q in step.questions}
    earlier = {k: v for k, v in state.items() if k not in this_page}
    return question_page(request, step, earlier, chosen, " ".join(problems), status_code=422)


def _page(step: flow.Page | flow.Ended) -> flow.Page:
    assert isinstance(step, flow.Page)  # the flow always opens with a page
    return step


def _back(
    request: Request, content: Any, state: dict[str, FlowValue], page_number: int
) -> HTMLResponse:
    """The page before this one, with its answers chosen as they were."""
    earlier = [p for p in flow.pages(content, state) if p.number < page_number]
    if not earlier:
        return question_page(request, _page(flow.next_step(content, {})), {})
    previous = earlier[-1]
    ids = {q.id for q in previous.questions}
    chosen = {k: encode(v) for k, v in state.items() if k in ids}
    kept = {k: v for k, v in state.items() if k not in ids}
    return question_page(request, _page(flow.next_step(content, kept)), kept, chosen)


def _finish(request: Request, context: Ctx, ended: flow.Ended) -> Response:
    content = screening.screening_content()
    if ended.refused:
        return page(request, "screen_too_young", {"text": content.under_16})
    screening.record_screen(context, ended.answers, now())
    return RedirectResponse("/screen/result", status_code=303)


@router.get("/screen/result", response_class=HTMLResponse, include_in_schema=False)
def screen_result(request: Request, context: Ctx) -> Response:
    record = screening.latest_screen(context)
    if record is None:
        return RedirectResponse("/screen", status_code=303)
    content = screening.screening_content()
    reasons = [{"label": content.label(r), "why": why_of(content, r)} for r in record.reasons]
    outcome = screening.outcome_of(record)
    asked = set(outcome.asked)
    template = "screen_emergency" if record.tier == "emergency" else "screen_result"
    return page(
        request,
        template,
        {
            "record": record,
            "title": result_title(record.tier, record.may_coach, content),
            "reasons": reasons,
            "asked": [i.label for i in content.items if i.id in asked],
            "not_asked": [i.label for i in content.items if i.id not in asked],
        },
    )


def why_of(content: Any, answer_id: str) -> str:
    bare = answer_id.removesuffix(":unsure")
    for entry in (*content.items, *content.context):
        if entry.id == bare:
            return str(entry.why)
    return ""


# --- JSON API: the same shape as `unhunch screen --answers FILE --json`.


@router.post("/api/screen", tags=["screen"])
def api_screen(
    answers: Annotated[
        dict[str, Any],
        Body(
            examples=[
                {
                    "age": 42,
                    "pain_weeks": 3,
                    "improving": True,
                    "new_pain": False,
                    "long_term_steroids": False,
                    "clinician_cleared": False,
                    "answers": {"saddle_numbness": False, "fever": "unsure", "...": False},
                }
            ],
        ),
    ],
    context: Ctx,
) -> dict[str, Any]:
    """Take the red-flag screen from a full answers document (true, false or "unsure" for
    every item); the result is stored."""
    content = screening.screening_content()
    parsed = parse_answers(answers, content)
    outcome = evaluate(parsed, content)
    screening.record_screen(context, parsed, now())
    return outcome.as_json()


@router.get("/api/screen", tags=["screen"])
def api_screen_status(context: Ctx) -> dict[str, Any]:
    """The latest screen and whether coaching may go ahead now."""
    status = screening.coaching_status(context, now())
    return {
        "may_coach": status.allowed,
        "reason": status.reason,
        "tier": status.tier,
        "screen_needed": status.screen_needed,
        "latest": status.latest.as_json() if status.latest else None,
    }
