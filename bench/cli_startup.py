"""How fast `unhunch --help` starts, as a ratio against a bare `python -c pass` in the same run.

It also checks that --help imports no web or database library (the reason it stays fast).
Run: .venv/bin/python bench/cli_startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 15
HEAVY = ("fastapi", "sqlalchemy", "uvicorn", "starlette", "alembic", "matplotlib", "psycopg")


def median_seconds(cmd: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def heavy_imports_for_help() -> list[str]:
    code = (
        "import sys\n"
        "from unhunch.cli.main import app\n"
        "try:\n    app(['--help'], prog_name='unhunch')\nexcept SystemExit:\n    pass\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    last = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    return [m for m in last.split(",") if m in HEAVY]


def main() -> None:
    bare = median_seconds([sys.executable, "-c", "pass"])
    helped = median_seconds([sys.executable, "-m", "unhunch", "--help"])
    heavy = heavy_imports_for_help()
    print(f"python -c pass      median {bare * 1000:7.1f} ms")
    print(f"unhunch --help      median {helped * 1000:7.1f} ms")
    print(f"ratio --help / bare python: {helped / bare:.1f}x")
    print(f"heavy libraries imported by --help: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
