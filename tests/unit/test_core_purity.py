"""core/ is pure: the standard library and pydantic only, and it never reads the clock."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "src" / "unhunch" / "core"
ALLOWED_THIRD_PARTY = {"pydantic", "pydantic_core", "annotated_types"}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
            if node.module.startswith("unhunch.") and not node.module.startswith("unhunch.core"):
                roots.add(node.module)
    return roots


def test_core_imports_only_stdlib_and_pydantic() -> None:
    offenders: dict[str, set[str]] = {}
    for path in CORE.rglob("*.py"):
        bad = {
            r
            for r in imported_roots(path)
            if r not in sys.stdlib_module_names and r not in ALLOWED_THIRD_PARTY and r != "unhunch"
        }
        if bad:
            offenders[path.name] = bad
    assert offenders == {}


def test_core_never_reads_the_clock() -> None:
    banned = ("datetime.now", "date.today", "time.time(", "time.monotonic(", "utcnow")
    hits = [
        f"{p.name}: {b}"
        for p in CORE.rglob("*.py")
        for b in banned
        if b in p.read_text(encoding="utf-8")
    ]
    assert hits == []


def test_scanner_catches_an_edge_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("import sqlalchemy\nfrom unhunch.store import db\n")
    roots = imported_roots(sample)
    assert "sqlalchemy" in roots
    assert "unhunch.store" in roots
