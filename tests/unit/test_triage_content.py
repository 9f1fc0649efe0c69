"""screening.toml: every question is plain and sourced; a broken file is named clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.screen_helpers import CONTENT
from unhunch.content import ContentError, content_root
from unhunch.content.screening import load_screening_from


def test_every_question_is_a_question_with_a_reason_and_sources() -> None:
    for entry in (*CONTENT.items, *CONTENT.context):
        assert entry.question.rstrip().endswith(("?", ")")), entry.id
        assert len(entry.why) > 30, entry.id
        assert entry.sources, entry.id


def test_every_part_of_a_compound_item_asks_one_question() -> None:
    for item in CONTENT.items:
        for part in item.parts:
            assert part.question.rstrip().endswith(("?", ")")), f"{item.id}.{part.id}"
            assert part.question.count("?") == 1, f"{item.id}.{part.id}"


def test_symptom_questions_ask_about_new_or_changed_symptoms() -> None:
    """History questions (cancer, surgery, pregnancy, bones, immunity) are about facts instead."""
    facts = {"cancer_history", "recent_spine_surgery", "pregnancy", "osteoporosis",
             "immunosuppressed", "major_trauma", "minor_trauma", "fever",
             "inflammatory_arthritis",  # a diagnosis
             "inflammatory_back_pain_pattern"}  # a long-standing pattern  # fmt: skip
    timing = ("new", "since", "sudden", "recent", "getting worse", "come on", "all the time",
              "wrap", "lost", "stiff neck", "spreading", "both legs", "in the last")  # fmt: skip
    for item in CONTENT.items:
        if item.id in facts:
            continue
        assert any(word in item.question.lower() for word in timing), item.id


def test_broken_screening_file_names_the_file(tmp_path: Path) -> None:
    root = content_root()
    (tmp_path / "sources.toml").write_text(
        (root / "sources.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = (root / "screening.toml").read_text(encoding="utf-8")
    (tmp_path / "screening.toml").write_text(text.replace('tier = "urgent"', 'tier = "soon"', 1))
    with pytest.raises(ContentError, match=r"screening\.toml"):
        load_screening_from(tmp_path)  # type: ignore[arg-type]


def test_unknown_source_is_refused(tmp_path: Path) -> None:
    root = content_root()
    (tmp_path / "sources.toml").write_text(
        (root / "sources.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = (root / "screening.toml").read_text(encoding="utf-8")
    (tmp_path / "screening.toml").write_text(text.replace('["R14"]', '["Z99"]', 1))
    with pytest.raises(ContentError, match="Z99"):
        load_screening_from(tmp_path)  # type: ignore[arg-type]
