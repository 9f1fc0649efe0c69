"""The profile: where it hurts (body map and sliders), time, place, props, level, conditions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException
from pydantic import Field
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unhunch.content import load_library
from unhunch.core.errors import InputError, InputErrors
from unhunch.core.models import Profile
from unhunch.core.profile_parse import parse_profile
from unhunch.core.vocab import CONDITIONS, EQUIPMENT, LEVELS, PAIN_REGIONS, SETTINGS, Condition
from unhunch.services import planning
from unhunch.web import profile_form as pf
from unhunch.web.deps import Ctx, now
from unhunch.web.errors import errors
from unhunch.web.forms import form_lists, whole_number
from unhunch.web.templating import page

router = APIRouter()


def form_context(
    values: dict[str, Any],
    errors: list[InputError] | None = None,
    from_screen: tuple[Condition, ...] = (),
) -> dict[str, Any]:
    lib = load_library()
    return {
        "v": values,
        "from_screen": [pf.CONDITION_WORDS[c] for c in from_screen],
        "errors": errors or [],
        "regions": PAIN_REGIONS,
        "settings": [(s, pf.SETTING_WORDS[s]) for s in SETTINGS],
        "equipment": EQUIPMENT,
        "levels": [(level, pf.LEVEL_WORDS[level]) for level in LEVELS],
        "conditions": [(c, pf.CONDITION_WORDS[c]) for c in CONDITIONS],
        "names": {i: e.name for i, e in lib.exercises.items()},
        "active": "profile",
    }


@router.get("/profile", response_class=HTMLResponse, include_in_schema=False)
def profile_page(request: Request, context: Ctx) -> HTMLResponse:
    saved = planning.load_profile(context)
    found = planning.conditions_of(context, saved)
    return page(request, "profile", form_context(pf.values_of(saved), None, found.from_screen))


@router.post("/profile", include_in_schema=False)
async def profile_save(request: Request, context: Ctx) -> Response:
    form = await form_lists(request)
    try:
        profile = pf.profile_from_form(form)
    except (InputError, InputErrors) as exc:
        values = pf.values_of(None) | echo(form)
        found = planning.conditions_of(context, None)
        problems = pf.problems_list(exc)
        return page(
            request, "profile", form_context(values, problems, found.from_screen), status_code=422
        )
    planning.save_profile(context, profile, now())
    return RedirectResponse("/today", status_code=303)


def echo(form: dict[str, list[str]]) -> dict[str, Any]:
    """Put back what was typed, so a person fixes one field instead of starting again."""
    out: dict[str, Any] = {"pain": {}}
    for region in PAIN_REGIONS:
        raw = form.get(f"pain_{region}", ["0"])[0]
        number = whole_number(raw)
        out["pain"][region] = number if number is not None and 0 <= number <= 10 else 0
    for key in ("minutes", "breath_seconds", "setting", "level"):
        if key in form:
            out[key] = form[key][0]
    for key in ("equipment", "conditions", "favourites", "excluded"):
        out[key] = form.get(key, [])
    return out


@router.post("/profile/preview", response_class=HTMLResponse, include_in_schema=False)
async def profile_preview(request: Request) -> HTMLResponse:
    """HTMX: the body map and slider read-outs for the values being dragged (nothing saved)."""
    form = await form_lists(request)
    pain = echo(form)["pain"]
    return page(request, "partials/_pain_preview.html", {"pain": pain, "regions": PAIN_REGIONS})


# --- JSON API: the same shape as `unhunch profile show --json`.


class ProfileShown(Profile):
    """The saved profile, and the conditions the safety questions named (output only: they
    stay until a new screen answers no, and are not saved into the profile)."""

    conditions_from_screen: list[Condition] = Field(default_factory=list)


@router.get("/api/profile", tags=["profile"], responses=errors(404))
def api_profile(context: Ctx) -> ProfileShown:
    """The saved profile (404 when none is saved yet)."""
    profile = planning.load_profile(context)
    if profile is None:
        raise HTTPException(status_code=404, detail="No profile saved yet.")
    found = planning.conditions_of(context, profile)
    return ProfileShown(**profile.model_dump(), conditions_from_screen=list(found.from_screen))


@router.put("/api/profile", tags=["profile"])
def api_profile_save(
    data: Annotated[Any, Body(examples=[{"pain": {"neck": 3}, "minutes": 8, "setting": "desk"}])],
    context: Ctx,
) -> Profile:
    """Save the usual profile; unknown fields, out-of-range values and unknown ids are 422."""
    profile = parse_profile(data, load_library())
    planning.save_profile(context, profile, now())
    return profile
