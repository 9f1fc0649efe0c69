"""How long `unhunch progress` takes on two years of diary, as ratios against reading it back.

Baseline (same run, same data): reading every diary entry with its scores from SQLite. Then the
whole progress report (read + trends), the chart (SVG and PNG), and export + import as JSON.
Run: .venv/bin/python bench/diary_progress.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from unhunch.services import diary
from unhunch.services.charts import render_progress_chart
from unhunch.services.context import Context
from unhunch.services.export import export_text, import_text
from unhunch.store import db, tables

RUNS = 7
DAYS = 730
TZ = dt.timezone(dt.timedelta(hours=1))


def median_seconds(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fill(ctx: Context) -> None:
    start = dt.datetime(2025, 1, 1, 8, tzinfo=TZ)
    entries, scores, sessions, items = [], [], [], []
    for day in range(DAYS):
        for hour, when in ((0, "morning"), (12, "evening")):
            entry_id = str(uuid.uuid4())
            entries.append(
                {
                    "id": entry_id,
                    "person": ctx.person,
                    "recorded_at": start + dt.timedelta(days=day, hours=hour),
                    "when": when,
                    "note": None,
                    "symptoms": [],
                    "session_id": None,
                }
            )
            for region, pain in (("neck", day % 5), ("lower_back", 6 - day % 4)):
                scores.append({"entry_id": entry_id, "region": region, "pain": pain})
        if day % 3:
            session_id = str(uuid.uuid4())
            sessions.append(
                {
                    "id": session_id,
                    "person": ctx.person,
                    "started_at": start + dt.timedelta(days=day, hours=10),
                    "ended_at": None,
                    "status": "completed",
                    "stop_reason": None,
                    "routine": {},
                    "pain_before": None,
                    "pain_after": None,
                }
            )
            items.append(
                {
                    "session_id": session_id,
                    "position": 0,
                    "exercise": "cat_cow",
                    "outcome": "done",
                    "reason": None,
                    "seconds": 600,
                }
            )
    with db.transaction(ctx.database_url) as c:
        c.execute(tables.sessions.insert(), sessions)
        c.execute(tables.session_items.insert(), items)
        c.execute(tables.diary_entries.insert(), entries)
        c.execute(tables.pain_scores.insert(), scores)


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        ctx = Context(database_url=f"sqlite:///{Path(home) / 'bench.db'}")
        fill(ctx)
        now = dt.datetime(2026, 12, 31, 21, tzinfo=TZ)
        report = diary.see_progress(ctx, now)
        exported = export_text(ctx, "json", now)
        targets = iter(range(RUNS))

        def round_trip() -> None:
            target = Context(database_url=f"sqlite:///{Path(home) / f'in-{next(targets)}.db'}")
            import_text(target, exported, "bench.json")

        base = median_seconds(lambda: diary.entries(ctx))
        rows = {
            "read all entries (baseline)": base,
            "progress report": median_seconds(lambda: diary.see_progress(ctx, now)),
            "chart as SVG": median_seconds(lambda: render_progress_chart(report, "svg")),
            "chart as PNG": median_seconds(lambda: render_progress_chart(report, "png")),
            "export as JSON": median_seconds(lambda: export_text(ctx, "json", now)),
            "import JSON into a new store": median_seconds(round_trip),
        }
        db.dispose_all()
    print(f"{DAYS} days, {DAYS * 2} diary entries, {len(exported) // 1024} KiB of JSON")
    for name, seconds in rows.items():
        print(f"{name:32} median {seconds * 1000:8.1f} ms   {seconds / base:5.1f}x baseline")


if __name__ == "__main__":
    main()
