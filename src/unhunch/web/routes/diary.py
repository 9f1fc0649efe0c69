"""The pain diary (quick sliders per region, symptom boxes) and progress (chart and figures)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unhunch.core.diary import when_for
from unhunch.core.errors import InputError
from unhunch.core.trends_words import sentences
from unhunch.core.vocab import PAIN_REGIONS, SYMPTOMS, WHENS
from unhunch.services import diary, planning, screening
from unhunch.web.deps import Ctx, now
from unhunch.web.forms import form_lists, whole_number
from unhunch.web.templating import page

router = APIRouter()

SYMPTOM_WORDS: dict[str, str] = {
    "numbness_tingling": "New numbness or tingling in an arm or leg",
    "night_pain": "Pain woke me or kept me up at night",
    "spreading_pain": "Pain spreading further down an arm or leg",
}
WHEN_WORDS: dict[str, str] = {
    "morning": "This morning",
    "day": "During the day",
    "evening": "This evening",
}
Days = Annotated[int, Query(ge=7, le=3660)]


def starting_pain(context: Any) -> dict[str, int]:
    """Sliders start where the person last left each region (or their profile, or 0)."""
    latest = diary.latest_per_region(context)
    profile = planning.load_profile(context)
    base = dict(profile.pain) if profile else {}
    return {r: latest[r][0] if r in latest else base.get(r, 0) for r in PAIN_REGIONS}


@router.get("/diary", response_class=HTMLResponse, include_in_schema=False)
def diary_page(request: Request, context: Ctx, saved: bool = False) -> HTMLResponse:
    moment = now()
    recent = diary.entries(context, moment - dt.timedelta(days=14), None)
    status = screening.coaching_status(context, moment)
    return page(
        request,
        "diary",
        {
            "pain": starting_pain(context),
            "regions": PAIN_REGIONS,
            "symptoms": [(s, SYMPTOM_WORDS[s]) for s in SYMPTOMS],
            "whens": list(WHEN_WORDS.items()),
            "when": when_for(moment),
            "entry_id": str(uuid.uuid4()),
            "recent": list(reversed(recent))[:10],
            "saved": saved,
            "warnings": status.warnings,
            "symptom_words": SYMPTOM_WORDS,
            "now_tz": moment.tzinfo,
            "active": "diary",
        },
    )


@router.post("/diary", include_in_schema=False)
async def diary_save(request: Request, context: Ctx) -> Response:
    form = await form_lists(request)
    allowed = {*(f"pain_{r}" for r in PAIN_REGIONS), "when", "note", "symptoms", "entry_id"}
    unknown = [k for k in form if k not in allowed]
    if unknown:
        raise InputError("form field", unknown[0], "the fields of the diary form")
    scores: dict[str, object] = {}
    for region in PAIN_REGIONS:
        raw = form.get(f"pain_{region}", [""])[0].strip()
        if raw:
            number = whole_number(raw)
            scores[region] = raw if number is None else number
    entry_id = form.get("entry_id", [""])[0] or None
    if entry_id is not None:
        try:
            entry_id = str(uuid.UUID(entry_id))
        except ValueError:
            raise InputError("entry_id", entry_id, "an id made by this page") from None
    note = form.get("note", [""])[0].strip() or None
    if note is not None and len(note) > 1000:
        raise InputError("note", note[:20] + "…", "a note of up to 1000 characters")
    moment = now()
    diary.log_pain(
        context,
        scores,
        form.get("when", [when_for(moment)])[0],
        note,
        form.get("symptoms", []),
        moment,
        entry_id=entry_id,
    )
    return RedirectResponse("/diary?saved=true", status_code=303)


@router.post("/diary/readout", response_class=HTMLResponse, include_in_schema=False)
async def slider_readout(request: Request) -> HTMLResponse:
    """HTMX: the number beside a slider while it moves (nothing is saved)."""
    form = await form_lists(request)
    region = form.get("region", [""])[0]
    if region not in PAIN_REGIONS:
        raise InputError("region", region, ", ".join(PAIN_REGIONS))
    raw = form.get(f"pain_{region}", ["0"])[0]
    number = whole_number(raw)
    value = number if number is not None and 0 <= number <= 10 else 0
    return page(request, "partials/_readout.html", {"region": region, "value": value})


@router.get("/progress", response_class=HTMLResponse, include_in_schema=False)
def progress_page(request: Request, context: Ctx, days: Days = 30) -> HTMLResponse:
    report = diary.see_progress(context, now(), days)
    has_data = any(r.days_30 or r.series for r in report.regions) or report.sessions.total_window
    return page(
        request,
        "progress",
        {
            "report": report,
            "sentences": sentences(report),
            "days": days,
            "has_data": has_data,
            "active": "progress",
        },
    )


@router.get("/progress/chart.svg", include_in_schema=False)
def progress_chart(context: Ctx, days: Days = 30) -> Response:
    from unhunch.services.charts import render_progress_chart

    svg = render_progress_chart(diary.see_progress(context, now(), days), "svg")
    return Response(svg, media_type="image/svg+xml")


# --- JSON API: the same shapes as `unhunch log pain --json` and `unhunch progress --json`.


class DiaryEntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scores: dict[str, int] = Field(examples=[{"neck": 3, "lower_back": 2}])
    when: str | None = Field(default=None, examples=list(WHENS))
    note: str | None = Field(default=None, max_length=1000)
    symptoms: list[str] = Field(default_factory=list, examples=[list(SYMPTOMS)])
    id: uuid.UUID | None = None


@router.post("/api/diary", tags=["diary"])
def api_log_pain(body: DiaryEntryIn, context: Ctx) -> dict[str, Any]:
    """Log pain 0-10 for one or more regions; retrying with the same id never doubles it."""
    moment = now()
    entry = diary.log_pain(
        context,
        body.scores,
        body.when or when_for(moment),
        body.note,
        body.symptoms,
        moment,
        entry_id=str(body.id) if body.id else None,
    )
    warnings = diary.screen_warnings(context, moment)
    data = entry.model_dump(mode="json")
    data["screen_needed"] = bool(warnings)
    data["warnings"] = list(warnings)
    return data


@router.get("/api/progress", tags=["diary"])
def api_progress(context: Ctx, days: Days = 30) -> dict[str, Any]:
    """Trends per region, sessions, streaks and plain-words sentences."""
    report = diary.see_progress(context, now(), days)
    data = report.model_dump(mode="json")
    data["sentences"] = sentences(report)
    data["chart"] = f"/progress/chart.svg?days={days}"
    return data
