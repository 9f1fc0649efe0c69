"""People read plain source names, never citation codes ("C7:", "[E4, D19]").

The codes stay in the data, the exercises' --json and the clinician PDF; the pages a person
reads and the CLI's human output name sources through core.citations.sources_line.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from tests.integration.web_helpers import client
from unhunch.cli.main import app
from unhunch.content import load_library, load_sources
from unhunch.core.breaks_routine import SOURCES, STAND_UP, WALK_ONLY, WHY
from unhunch.core.citations import source_names, sources_line

# "[E4]", "[E4, D19]", "(D12)", "C7:" or "sources: R1, R2": a code where words should be.
CODE = re.compile(r"[\[(]\s*[A-Z]\d{1,2}\s*[],;)]|\b[A-Z]\d{1,2}:|sources?: [A-Z]\d{1,2}\b", re.I)
LIBRARY = load_library()
IDS = [e.id for e in LIBRARY.all()]
runner = CliRunner()


def test_the_code_pattern_catches_what_people_must_not_read() -> None:
    for text in ("hold 10 s [D1]", "breaks [E4, D19]", "C7: yoga pages", "(sources: R1, R2)"):
        assert CODE.search(text), text
    for text in ("Sources: NHS, Mayo Clinic", "a 10-s hold", "Set 2 of 3", "Q&A"):
        assert not CODE.search(text), text


def test_sources_line_names_each_source_once_in_plain_words() -> None:
    sources = load_sources()
    assert sources_line(["D9", "D10", "C1"], sources) == (
        "Sources: Mayo Clinic, Bone Health and Osteoporosis Foundation"
    )
    assert sources_line(["D4"], sources) == "Source: NHS"
    assert sources_line([], sources) == ""
    assert source_names(["ZZ9"], sources) == []


def test_every_source_has_a_plain_name_without_a_code() -> None:
    for source in load_sources().values():
        assert source.name.strip() and not CODE.search(source.name), source


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_exercise_page_names_its_sources_without_codes(exercise_id: str) -> None:
    response = client().get(f"/exercises/{exercise_id}")
    assert response.status_code == 200
    text = re.sub(r"<[^>]+>", " ", response.text)
    assert not CODE.search(text), CODE.findall(text)
    e = LIBRARY.get(exercise_id)
    assert sources_line(e.sources, LIBRARY.sources) in response.text


@pytest.mark.parametrize("exercise_id", IDS)
def test_unhunch_show_names_sources_without_codes(exercise_id: str) -> None:
    result = runner.invoke(app, ["show", exercise_id])
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    assert not CODE.search(flat), CODE.findall(flat)
    assert source_names(LIBRARY.get(exercise_id).sources, LIBRARY.sources)[0] in flat


def test_unhunch_show_json_keeps_the_codes() -> None:
    result = runner.invoke(app, ["show", "thread_the_needle", "--json"])
    assert result.exit_code == 0
    assert '"C7"' in result.stdout


def test_break_texts_carry_no_codes_and_keep_their_ids_for_the_data() -> None:
    for text in (WHY, STAND_UP, WALK_ONLY):
        assert not CODE.search(text), text
    assert set(SOURCES) <= set(load_sources())


def test_pages_for_people_carry_no_codes() -> None:
    for path in ("/", "/library", "/screen", "/today", "/diary", "/progress"):
        response = client().get(path, follow_redirects=True)
        text = re.sub(r"<[^>]+>", " ", response.text)
        assert not CODE.search(text), (path, CODE.findall(text))


def test_no_template_for_people_writes_a_code() -> None:
    from importlib import resources

    templates = resources.files("unhunch.web") / "templates"
    found = []
    for folder in ("pages", "partials"):
        for file in (templates / folder).iterdir():
            if file.name.endswith(".html") and CODE.search(file.read_text(encoding="utf-8")):
                found.append(f"{folder}/{file.name}")
    assert found == []
