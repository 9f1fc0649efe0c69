"""Shared fixtures: every test gets its own data directory and never touches the real one.

Hypothesis profiles: "ci" (the default) is derandomized, so `make test` runs the same examples
on every run and passes or fails the same way; failures print a blob to reproduce them, and are
kept as `@example(...)` on their test. "deep" (`HYPOTHESIS_PROFILE=deep`, `make test-deep`)
draws fresh random examples, many more, to look for new failures.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    print_blob=True,
    deadline=None,
    max_examples=150,
)
settings.register_profile(
    "deep",
    derandomize=False,
    database=None,
    print_blob=True,
    deadline=None,
    max_examples=2000,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Markers by where a test lives or what it needs, so `pytest -m "not browser"` and friends select
# what the README says without every file remembering its own mark.
_BY_FOLDER = {"browser": "browser", "e2e": "terminal"}
_TERMINAL_FILES = {"test_cli_screen_terminal.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.path))
        folder = _BY_FOLDER.get(path.parent.name)
        if folder:
            item.add_marker(folder)
        if path.name in _TERMINAL_FILES:
            item.add_marker("terminal")
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and "postgres" in callspec.params.values()
        if on_postgres or "pg_url" in getattr(item, "fixturenames", ()):
            item.add_marker("postgres")


@pytest.fixture(autouse=True)
def unhunch_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "unhunch-home"
    monkeypatch.setenv("UNHUNCH_HOME", str(home))
    monkeypatch.delenv("UNHUNCH_DB", raising=False)
    monkeypatch.delenv("UNHUNCH_NOW", raising=False)
    yield home
    from unhunch.store import db

    db.dispose_all()


@pytest.fixture
def pg_url() -> str:
    """A PostgreSQL URL from `make test` (scripts/postgres.sh); the test fails loudly without."""
    url = os.environ.get("UNHUNCH_TEST_PG")
    if not url:
        pytest.fail("UNHUNCH_TEST_PG is not set: run the tests with `make test`")
    return url
