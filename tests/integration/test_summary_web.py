"""GET /summary.pdf: the same one-page summary as the CLI, downloaded from the progress page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.integration.summary_helpers import NOW_TEXT, pages, seed_month, text_of
from tests.integration.web_helpers import client
from unhunch.services.context import local_context
from unhunch.summary.model import NOT_A_DIAGNOSIS


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNHUNCH_NOW", NOW_TEXT)


def test_summary_pdf_downloads_one_page_with_the_persons_figures(tmp_path: Path) -> None:
    seed_month(local_context())
    response = client().get("/summary.pdf?days=30")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        'attachment; filename="unhunch-summary-2026-03-02.pdf"'
    )
    assert response.headers["cache-control"] == "no-store"
    pdf = tmp_path / "web.pdf"
    pdf.write_bytes(response.content)
    assert pages(pdf) == 1
    text = text_of(pdf)
    assert "1 Feb 2026 to 2 Mar 2026 (30 days)" in text
    assert "meaningful improvement" in text and NOT_A_DIAGNOSIS in text


def test_summary_pdf_works_before_anything_is_recorded(tmp_path: Path) -> None:
    response = client().get("/summary.pdf")
    assert response.status_code == 200
    pdf = tmp_path / "empty.pdf"
    pdf.write_bytes(response.content)
    assert pages(pdf) == 1 and "Nothing recorded yet" in text_of(pdf)


@pytest.mark.parametrize("days", ["3", "4000", "soon"])
def test_summary_pdf_refuses_days_out_of_range(days: str) -> None:
    response = client().get(f"/summary.pdf?days={days}")
    assert response.status_code == 422
    assert "application/pdf" not in response.headers["content-type"]


@pytest.mark.parametrize("days", [7, 30, 90])
def test_progress_page_links_to_the_summary_for_its_range(days: int) -> None:
    page = client().get(f"/progress?days={days}").text
    link = re.search(r'<a [^>]*href="/summary\.pdf\?days=(\d+)"[^>]*>([^<]+)</a>', page)
    assert link is not None
    assert int(link[1]) == days
    assert link[2] == "Print summary for your clinician"
