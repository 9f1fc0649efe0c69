"""`unhunch --help` stays light: no web or database library is imported for it."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("fastapi", "sqlalchemy", "uvicorn", "starlette", "alembic", "matplotlib", "psycopg")


def test_help_imports_no_web_or_database_library() -> None:
    code = (
        "import sys\n"
        "from unhunch.cli.main import app\n"
        "try:\n    app(['--help'], prog_name='unhunch')\nexcept SystemExit:\n    pass\n"
        "print('LOADED=' + ','.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "Usage" in out.stdout
    loaded = out.stdout.rsplit("LOADED=", 1)[1].split(",")
    roots = {m.split(".")[0] for m in loaded}
    assert roots.isdisjoint(HEAVY), roots & set(HEAVY)
