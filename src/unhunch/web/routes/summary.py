"""The one-page clinician summary as a PDF download (the same page as `unhunch summary --pdf`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from unhunch.web.deps import Ctx, now

router = APIRouter()


@router.get("/summary.pdf", include_in_schema=False)
def summary_pdf(context: Ctx, days: Annotated[int, Query(ge=7, le=3660)] = 30) -> Response:
    from unhunch.services.summary import summary_pdf as make_pdf

    data, document = make_pdf(context, now(), days)
    name = f"unhunch-summary-{data.period_to.isoformat()}.pdf"
    return Response(
        document,
        media_type="application/pdf",
        # A health record: never kept in a shared cache; saved under a dated name.
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
