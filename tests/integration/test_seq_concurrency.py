"""Parallel writers never share a write number (`seq`), on SQLite and on PostgreSQL.

`seq` says which of a person's records came last; two records with the same number make
"the latest" ambiguous (the screen gate and the diary's newest reading depend on it).
"""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from unhunch.store import db

WRITERS = 8
EACH = 6

WRITER = """
import datetime as dt, sys, time
from unhunch.services.context import Context
from unhunch.services.diary import log_pain
from unhunch.store.db import get_engine

url, person, start, each = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
get_engine(url)
time.sleep(max(0.0, start - time.time()))  # all writers begin together
ctx = Context(database_url=url, person=person)
moment = dt.datetime(2026, 3, 2, 8, tzinfo=dt.timezone.utc)
for n in range(each):
    log_pain(ctx, {"neck": n % 11}, "day", None, [], moment)
"""


def _write_in_parallel(url: str, person: str) -> None:
    start = time.time() + 3.0
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, url, person, str(start), str(EACH)])
        for _ in range(WRITERS)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0] * WRITERS


def _seqs(url: str, person: str) -> list[int]:
    with db.get_engine(url).connect() as c:
        return [
            int(s)
            for s in c.execute(
                text(
                    "SELECT seq FROM diary_entries WHERE person = :p "
                    "UNION ALL SELECT seq FROM screens WHERE person = :p "
                    "UNION ALL SELECT seq FROM sessions WHERE person = :p "
                    "UNION ALL SELECT seq FROM break_events WHERE person = :p"
                ),
                {"p": person},
            ).scalars()
        ]


@pytest.mark.parametrize("database", ["sqlite", "postgres"])
def test_parallel_diary_writers_get_distinct_write_numbers(
    tmp_path: Path, database: str, request: pytest.FixtureRequest
) -> None:
    url = (
        request.getfixturevalue("pg_url")
        if database == "postgres"
        else f"sqlite:///{tmp_path / 'race.db'}"
    )
    person = f"race-{uuid.uuid4()}"
    db.get_engine(url)
    _write_in_parallel(url, person)
    seqs = _seqs(url, person)
    assert len(seqs) == WRITERS * EACH
    assert len(set(seqs)) == len(seqs), f"duplicated seq: {sorted(seqs)}"
    assert min(seqs) >= 1


def test_write_numbers_continue_after_an_import_that_carried_its_own(tmp_path: Path) -> None:
    import datetime as dt

    from unhunch.services.context import Context
    from unhunch.services.diary import log_pain
    from unhunch.store import tables

    url = f"sqlite:///{tmp_path / 'restored.db'}"
    moment = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)
    with db.transaction(url) as c:  # a restore writes rows with their old numbers
        c.execute(
            tables.diary_entries.insert().values(
                id="old", person="me", recorded_at=moment, when="day", symptoms=[], seq=41
            )
        )
        c.execute(tables.pain_scores.insert().values(entry_id="old", region="neck", pain=2))
    entry = log_pain(Context(database_url=url), {"neck": 3}, "day", None, [], moment)
    with db.get_engine(url).connect() as c:
        seq = c.execute(
            text("SELECT seq FROM diary_entries WHERE id = :i"), {"i": entry.id}
        ).scalar_one()
    assert seq == 42
