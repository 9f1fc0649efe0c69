"""A diary writer killed mid-write (SIGKILL, again and again) loses nothing it acknowledged.

The writer prints `TRY id` before each write and `OK id` after the commit. After every kill the
next writer first retries the id it was writing when it died, as a client would; the client-made
id means that retry can never make a second entry.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select, text

from unhunch.core.vocab import PAIN_REGIONS
from unhunch.store import db, tables

KILLS = 24

WRITER = """
import datetime as dt, sys, uuid
from unhunch.services.context import Context
from unhunch.services.diary import log_pain

ctx = Context(database_url=sys.argv[1])
retry = sys.argv[2] if len(sys.argv) > 2 else None
moment = dt.datetime(2026, 3, 2, 8, tzinfo=dt.timezone.utc)
n = 0
while True:
    entry_id = retry or str(uuid.uuid4())
    retry = None
    print("TRY", entry_id, flush=True)
    scores = {"neck": n % 11, "upper_back": (n + 3) % 11, "lower_back": (n + 7) % 11}
    log_pain(ctx, scores, "day", "written by the crash test", [], moment, entry_id=entry_id)
    print("OK", entry_id, flush=True)
    n += 1
"""


def test_killed_writer_loses_no_acknowledged_entry_and_leaves_no_half_entry(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    db.get_engine(url)  # migrate once up front so every writer starts on the same schema
    db.dispose_all()
    rng = random.Random(20260302)
    acknowledged: set[str] = set()
    pending: str | None = None
    interrupted = 0  # kills that landed between a TRY and its OK
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _ in range(KILLS):
        args = [sys.executable, "-c", WRITER, url, *([pending] if pending else [])]
        writer = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
        assert writer.stdout is not None
        # Kill at a random point: after a random number of lines, i.e. between a TRY and its OK
        # (inside the transaction) or just after an OK.
        for _ in range(rng.randint(1, 12)):
            line = writer.stdout.readline()
            if not line.endswith("\n"):
                break  # the writer died mid-line
            word, entry_id = line.split()
            if word == "TRY":
                pending = entry_id
            else:
                acknowledged.add(entry_id)
                pending = None
        writer.send_signal(signal.SIGKILL)
        # Whole lines printed before the kill still count: they were acknowledged. A line cut
        # off by the kill was never fully said, so it acknowledges nothing.
        rest = writer.communicate()[0]
        for line in rest.split("\n")[:-1]:
            word, entry_id = line.split()
            if word == "OK":
                acknowledged.add(entry_id)
                pending = None if pending == entry_id else pending
            else:
                pending = entry_id
        assert writer.returncode == -signal.SIGKILL
        interrupted += pending is not None

    engine = db.get_engine(url)
    with engine.connect() as c:
        assert c.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        stored = set(c.execute(select(tables.diary_entries.c.id)).scalars())
        per_entry = dict(
            c.execute(
                select(tables.diary_entries.c.id, func.count(tables.pain_scores.c.region))
                .outerjoin(
                    tables.pain_scores, tables.pain_scores.c.entry_id == tables.diary_entries.c.id
                )
                .group_by(tables.diary_entries.c.id)
            ).all()
        )
    assert len(acknowledged) >= KILLS  # the test really wrote under fire
    assert interrupted >= KILLS // 3, "kills should often land inside a write"
    assert acknowledged <= stored, "an acknowledged entry was lost"
    # No half entries: each has all three scores, never fewer (and never doubled).
    assert set(per_entry.values()) == {len(PAIN_REGIONS)}
