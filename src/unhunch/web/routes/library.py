"""The exercise library: list with live filter, one exercise, its picture, and the JSON API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from unhunch.core.citations import sources_line
from unhunch.core.errors import InputError
from unhunch.core.library import Library
from unhunch.core.models import Exercise
from unhunch.core.vocab import KINDS, POSITIONS, REGIONS, Kind, Position, Region
from unhunch.web.deps import is_htmx, library
from unhunch.web.errors import errors
from unhunch.web.figures import figure_svg
from unhunch.web.templating import page

router = APIRouter()

Lib = Annotated[Library, Depends(library)]


def get_or_404(lib: Library, exercise_id: str) -> Exercise:
    try:
        return lib.get(exercise_id)
    except InputError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None


def blank_is_none(value: str | None) -> str | None:
    return value or None


def find(
    lib: Library, region: str | None, position: str | None, kind: str | None, q: str | None
) -> list[Exercise]:
    found = lib.filter(
        region=blank_is_none(region), position=blank_is_none(position), kind=blank_is_none(kind)
    )
    if q and q.strip():
        wanted = {e.id for e in lib.search(q)}
        found = [e for e in found if e.id in wanted]
    return found


@router.get("/library", response_class=HTMLResponse, include_in_schema=False)
def library_page(
    request: Request,
    lib: Lib,
    region: Annotated[str | None, Query(max_length=40)] = None,
    position: Annotated[str | None, Query(max_length=40)] = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
    q: Annotated[str | None, Query(max_length=80)] = None,
) -> HTMLResponse:
    found = find(lib, region, position, kind, q)
    context: dict[str, Any] = {
        "exercises": found,
        "total": len(lib.exercises),
        "chosen": {"region": region or "", "position": position or "", "kind": kind or ""},
        "q": q or "",
        "regions": REGIONS,
        "positions": POSITIONS,
        "kinds": KINDS,
    }
    if is_htmx(request):
        return page(request, "partials/_exercise_list.html", context)
    return page(request, "library", context)


@router.get("/exercises/{exercise_id}", response_class=HTMLResponse, include_in_schema=False)
def exercise_page(request: Request, exercise_id: str, lib: Lib) -> HTMLResponse:
    exercise = get_or_404(lib, exercise_id)
    return page(
        request,
        "exercise",
        {"e": exercise, "library": lib, "sources": sources_line(exercise.sources, lib.sources)},
    )


@router.get("/figures/{exercise_id}.svg", include_in_schema=False)
def figure(
    exercise_id: str,
    lib: Lib,
    animated: bool = False,
    side: Annotated[str, Query(pattern="^(left|right)$")] = "left",
) -> Response:
    exercise = get_or_404(lib, exercise_id)
    return Response(
        figure_svg(exercise, animated=animated, side=side),
        media_type="image/svg+xml",
        headers={"Cache-Control": "max-age=3600"},
    )


# --- JSON API: the same shapes as `unhunch exercises --json` and `unhunch show ID --json`.


@router.get("/api/exercises", tags=["library"])
def api_exercises(
    lib: Lib,
    region: Region | None = None,
    position: Position | None = None,
    kind: Kind | None = None,
    q: Annotated[str | None, Query(max_length=80)] = None,
) -> list[Exercise]:
    """The exercise library, filtered (every field of the exercise contract)."""
    return find(lib, region, position, kind, q)


@router.get("/api/exercises/{exercise_id}", tags=["library"], responses=errors(404))
def api_exercise(exercise_id: str, lib: Lib) -> Exercise:
    """One exercise."""
    return get_or_404(lib, exercise_id)
