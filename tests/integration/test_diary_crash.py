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
import uuid
from pathlib import Path

import pytest
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


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post_entry(port: int, entry_id: str, n: int) -> bool:
    """POST one diary entry; True only when the server answered that it was stored."""
    import json
    import urllib.request

    body = json.dumps({"scores": {"neck": n % 11}, "when": "day", "id": entry_id}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/diary",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status == 200 and json.loads(answer.read())["id"] == entry_id
    except OSError:
        return False


def _wait_until_serving(port: int, server: subprocess.Popen[bytes]) -> None:
    import socket
    import time

    deadline = time.monotonic() + 60  # a liveness bound, not a timing check
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited on its own"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the server never started")


CLI_KILLS = 20
WEB_KILLS = 20


def _cli_writes_killed(env: dict[str, str], rng: random.Random) -> tuple[set[str], int]:
    """`unhunch log pain` two at a time, killed at random points of their run (start-up, the
    write, after the commit); the kill times follow how long an undisturbed run takes here."""
    import json
    import time

    cli = [sys.executable, "-m", "unhunch", "log", "pain", "--json"]

    def pair(first: int) -> list[subprocess.Popen[str]]:
        return [
            subprocess.Popen(
                [*cli, "--neck", str((first + k) % 11)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            for k in range(2)
        ]

    acknowledged: set[str] = set()
    started = time.monotonic()
    for calm in pair(0):  # an undisturbed pair, to time a run on this machine now
        out = calm.communicate()[0]
        acknowledged.add(json.loads(out)["id"])
    took = time.monotonic() - started
    kills = rounds = 0
    while kills < CLI_KILLS and rounds < 4 * CLI_KILLS:
        rounds += 1
        writers = pair(rounds)
        time.sleep(rng.uniform(0.4, 1.6) * took)
        for writer in writers:
            if writer.poll() is None:
                writer.send_signal(signal.SIGKILL)
                kills += 1
            out = writer.communicate()[0]
            if writer.returncode == 0:  # acknowledged: it said so, with the id
                acknowledged.add(json.loads(out)["id"])
    return acknowledged, kills


def _web_writes_killed(env: dict[str, str], rng: random.Random) -> tuple[set[str], int]:
    """`unhunch serve` under a stream of POST /api/diary, killed a moment after a random number
    of answered writes, so the kill often lands inside the next one."""
    import threading
    import time

    acknowledged: set[str] = set()
    for _ in range(WEB_KILLS):
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "unhunch", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_until_serving(port, server)
        enough = threading.Event()

        def client(
            port: int, server: subprocess.Popen[bytes], enough: threading.Event, wanted: int
        ) -> None:
            done = 0
            while server.poll() is None:
                entry_id = str(uuid.uuid4())
                if _post_entry(port, entry_id, done):
                    acknowledged.add(entry_id)
                    done += 1
                    if done >= wanted:
                        enough.set()
            enough.set()

        thread = threading.Thread(target=client, args=(port, server, enough, rng.randint(1, 4)))
        thread.start()
        enough.wait(timeout=120)
        time.sleep(rng.uniform(0.0, 0.05))
        server.send_signal(signal.SIGKILL)
        server.wait()
        thread.join(timeout=30)
    return acknowledged, WEB_KILLS


@pytest.mark.slow
def test_kill_9_over_cli_and_web_writes_keeps_every_acknowledged_entry_once(
    tmp_path: Path,
) -> None:
    """SIGKILL, again and again, lands on `unhunch log pain` runs (two at a time, racing) and on
    `unhunch serve` under a stream of POST /api/diary: every write that was acknowledged (exit 0
    with its id, or a 200 answer) is there afterwards, no write number is shared, and SQLite's
    integrity check passes."""
    home = tmp_path / "home"
    env = {**os.environ, "UNHUNCH_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    env.pop("UNHUNCH_DB", None)
    rng = random.Random(20261204)
    from_cli, cli_kills = _cli_writes_killed(env, rng)
    print(f"CLI: {cli_kills} kills, {len(from_cli)} acknowledged")
    from_web, web_kills = _web_writes_killed(env, rng)
    print(f"web: {web_kills} kills, {len(from_web)} acknowledged")
    acknowledged = from_cli | from_web

    url = f"sqlite:///{home / 'unhunch.db'}"
    with db.get_engine(url).connect() as c:
        assert c.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        stored = set(c.execute(select(tables.diary_entries.c.id)).scalars())
        seqs = list(c.execute(select(tables.diary_entries.c.seq)).scalars())
        scored = set(c.execute(select(tables.pain_scores.c.entry_id)).scalars())
    assert cli_kills + web_kills >= 40
    assert len(from_cli) >= 2 and len(from_web) >= WEB_KILLS, "writes were acknowledged"
    assert acknowledged <= stored, f"lost {len(acknowledged - stored)} acknowledged entries"
    assert len(seqs) == len(set(seqs)), "two entries share a write number"
    assert stored == scored, "an entry without its scores"
