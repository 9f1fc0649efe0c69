"""A broken content file fails to load, naming the file, the field and what is allowed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from unhunch.content import ContentError, content_root, load_library_from

Edit = Callable[[str], str]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A private copy of the shipped content, safe to break."""
    root = tmp_path / "content"
    shutil.copytree(Path(str(content_root())), root, ignore=shutil.ignore_patterns("*.py*"))
    return root


def break_file(tree: Path, name: str, edit: Edit) -> None:
    path = tree / "exercises" / name
    before = path.read_text(encoding="utf-8")
    after = edit(before)
    assert after != before, "the edit did not change the file"
    path.write_text(after, encoding="utf-8")


def load_error(tree: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_library_from(tree)
    return str(caught.value)


def test_the_private_copy_loads_cleanly(tree: Path) -> None:
    assert len(load_library_from(tree).exercises) >= 2


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            lambda t: t.replace('kind = "mobility"', 'kind = "yoga"'),
            ["kind", "'yoga'", "'warm_up'", "'breathing'"],
            id="unknown-kind",
        ),
        pytest.param(
            lambda t: t.replace('kind = "mobility"', 'kind = "mobilty"'),
            ["kind", "Did you mean 'mobility'"],
            id="misspelt-kind-suggests",
        ),
        pytest.param(
            lambda t: t.replace('position = "seated"', 'position = "sitting"'),
            ["position", "'sitting'", "'seated'", "'side_lying'"],
            id="unknown-position",
        ),
        pytest.param(
            lambda t: t.replace("movements = []", 'movements = ["neck_roll"]'),
            ["movements.0", "'neck_roll'", "'neck_rotation'"],
            id="unknown-movement-tag",
        ),
        pytest.param(
            lambda t: t.replace("sets = 1", "sets = 9"),
            ["dose.sets", "less than or equal to 4", "found 9"],
            id="too-many-sets",
        ),
        pytest.param(
            lambda t: t.replace("reps = 10", "reps = 10\nhold_seconds = 5"),
            ["dose", "exactly one of reps, hold_seconds or hold_breaths"],
            id="two-measures",
        ),
        pytest.param(
            lambda t: t.replace("bilateral = false", "bilateral = true"),
            ["per_side", "bilateral"],
            id="bilateral-without-per-side",
        ),
        pytest.param(
            lambda t: t.replace("level =", "levle ="),
            ["levle", "unknown field", "allowed fields", "Did you mean 'level'", "level"],
            id="misspelt-field",
        ),
        pytest.param(
            lambda t: t.replace('sources = ["D20", "D14", "R12"]', 'sources = ["Z9"]'),
            ["sources", "Z9", "sources.toml"],
            id="unknown-source",
        ),
        pytest.param(
            lambda t: t.replace(
                'harder = ["wall_chin_tucks", "neck_isometrics"]', 'harder = ["neck_yoga"]'
            ),
            ["variations", "neck_yoga", "allowed"],
            id="unknown-variation",
        ),
        pytest.param(
            lambda t: t.replace('id = "chin_tucks"', 'id = "chin_tuck"'),
            ["id", "'chin_tucks'"],
            id="id-differs-from-file-name",
        ),
        pytest.param(
            lambda t: t.replace("steps = [", "steps = [[", 1),
            ["not valid TOML"],
            id="broken-toml",
        ),
    ],
)
def test_a_broken_exercise_file_is_named_with_the_field_and_what_is_allowed(
    tree: Path, edit: Edit, expected: list[str]
) -> None:
    break_file(tree, "chin_tucks.toml", edit)
    message = load_error(tree)
    assert message.startswith("chin_tucks.toml"), message
    for part in expected:
        assert part in message, f"{part!r} missing from:\n{message}"


def test_every_problem_in_a_file_is_listed_not_only_the_first(tree: Path) -> None:
    break_file(
        tree,
        "chin_tucks.toml",
        lambda t: t.replace('kind = "mobility"', 'kind = "yoga"').replace(
            'level = "beginner"', 'level = "expert"'
        ),
    )
    message = load_error(tree)
    assert "2 problem(s)" in message
    assert "kind:" in message
    assert "level:" in message
    assert "'advanced'" in message


def test_the_message_does_not_echo_the_whole_file_for_a_rule_across_fields(tree: Path) -> None:
    break_file(
        tree, "chin_tucks.toml", lambda t: t.replace("bilateral = false", "bilateral = true")
    )
    message = load_error(tree)
    assert "Glide your head" not in message
