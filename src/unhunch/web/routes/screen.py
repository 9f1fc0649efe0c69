"""The red-flag screen: an intro, one question per page, and the result (spec/screening.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unhunch.core.errors import InputError
from unhunch.core.screening_rules import MIN_AGE
from unhunch.core.triage import evaluate, parse_answers
from unhunch.services import screening
from unhunch.web import screen_flow as flow
from unhunch.web.deps import Ctx, now
from unhunch.web.forms import form_fields, whole_number
from unhunch.web.templating import page

router = APIRouter()


@router.get("/screen", response_class=HTMLResponse, include_in_schema=False)
def screen_intro(request: Request) -> HTMLResponse:
    content = screening.screening_content()
    return page(request, "screen_intro", {"count": len(flow.questions(content)) - 1})


def question_page(
    request: Request,
    step: int,
    values: dict[str, bool | int],
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    qs = flow.questions(screening.screening_content())
    q = qs[step]
    hidden = [(flow.PREFIX + k, flow.encode(v)) for k, v in values.items()]
    return page(
        request,
        "screen_question",
        {
            "q": q,
            "step": step,
            "total": len(qs) - 1,
            "hidden": hidden,
            "error": error,
            "previous": values.get(q.id),
        },
        status_code=status_code,
    )


@router.post("/screen", response_class=HTMLResponse, include_in_schema=False)
async def screen_step(request: Request, context: Ctx) -> Response:
    content = screening.screening_content()
    qs = flow.questions(content)
    fields = await form_fields(request)
    step = whole_number(fields.get("step", "0"))
    if step is None:
        raise InputError("step", fields.get("step"), "a question number")
    if not 0 <= step < len(qs):
        raise InputError("step", step, f"0 to {len(qs) - 1}")
    values = flow.parse_earlier(fields, qs[:step])
    if fields.get("go") == "back":
        previous = max(step - 1, 0)
        values.pop(qs[previous].id, None)
        return question_page(request, previous, values)
    if fields.get("go") == "start":
        return question_page(request, 0, {})

    q = qs[step]
    try:
        value = flow.parse_value(q, fields.get("answer", ""))
    except InputError as exc:
        return question_page(request, step, values, error=plain(exc, q.kind), status_code=422)
    if q.id == "age" and isinstance(value, int) and value < MIN_AGE:
        return page(request, "screen_too_young", {"text": content.under_16})
    values[q.id] = value

    finished = q.emergency and value is True
    next_step = step + 1
    if (
        not finished
        and qs[next_step:]
        and qs[next_step].id == flow.CLEARED
        and not flow.needs_clearance(values, content)
    ):
        finished = True
    if not finished and next_step >= len(qs):
        finished = True
    if not finished:
        return question_page(request, next_step, values)
    screening.record_screen(context, flow.to_answers(values), now())
    return RedirectResponse("/screen/result", status_code=303)


def plain(exc: InputError, kind: str) -> str:
    if kind == "bool":
        return "Please choose Yes or No."
    return f"Please type {exc.allowed}."


@router.get("/screen/result", response_class=HTMLResponse, include_in_schema=False)
def screen_result(request: Request, context: Ctx) -> Response:
    record = screening.latest_screen(context)
    if record is None:
        return RedirectResponse("/screen", status_code=303)
    content = screening.screening_content()
    reasons = [{"label": content.label(r), "why": why_of(content, r)} for r in record.reasons]
    tier_text = content.tiers[record.tier]
    template = "screen_emergency" if record.tier == "emergency" else "screen_result"
    return page(
        request,
        template,
        {"record": record, "title": tier_text.title, "reasons": reasons},
    )


def why_of(content: Any, answer_id: str) -> str:
    for item in content.items:
        if item.id == answer_id:
            return str(item.why)
    for field in content.context:
        if field.id == answer_id:
            return str(field.why)
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
                    "answers": {"saddle_numbness": False, "...": False},
                }
            ],
        ),
    ],
    context: Ctx,
) -> dict[str, Any]:
    """Take the red-flag screen from a full answers document; the result is stored."""
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
