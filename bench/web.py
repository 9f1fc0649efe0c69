"""Web app throughput: requests per second and p99 latency of `/today` and `/api/exercises`,
as ratios against a bare Starlette endpoint served the same way in the same run.

Everything runs on loopback: the real app (`unhunch serve`, its own temporary data directory,
a fixed clock, seeded with an all-clear screen and a profile through the public API) and a bare
Starlette app under the same uvicorn. Each target gets a fixed number of requests from a bounded
pool of concurrent clients, so the run stops by itself.
Run: .venv/bin/python bench/web.py
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

REQUESTS = 1500
CONCURRENCY = 16
WARMUP = 50
FIXED_NOW = "2026-03-02T09:00:00+01:00"

BARE_APP = """
import sys, uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

async def hello(request):
    return PlainTextResponse("ok")

app = Starlette(routes=[Route("/", hello)])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit(f"server exited early: {url}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"server did not start: {url}")


@contextmanager
def serving(cmd: list[str], url: str, env: dict[str, str]) -> Iterator[None]:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(url, proc)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def seed(base: str) -> None:
    from unhunch.services.screening import screening_content

    answers = {
        "age": 40,
        "pain_weeks": 1,
        "improving": True,
        "new_pain": False,
        "long_term_steroids": False,
        "clinician_cleared": False,
        "answers": {i.id: False for i in screening_content().items},
    }
    httpx.post(base + "/api/screen", json=answers).raise_for_status()
    profile = {"pain": {"neck": 3, "upper_back": 5}, "minutes": 8, "setting": "desk"}
    httpx.put(base + "/api/profile", json=profile).raise_for_status()
    httpx.get(base + "/today").raise_for_status()


async def load(url: str) -> tuple[float, float]:
    """(requests per second, p99 latency in ms) for REQUESTS GETs, CONCURRENCY at a time."""
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        for _ in range(WARMUP):
            (await client.get(url)).raise_for_status()
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(REQUESTS):
            queue.put_nowait(i)

        async def worker() -> None:
            while True:
                try:
                    queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                start = time.perf_counter()
                response = await client.get(url)
                latencies.append(time.perf_counter() - start)
                response.raise_for_status()

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        elapsed = time.perf_counter() - began
    p99 = statistics.quantiles(latencies, n=100)[98] * 1000
    return REQUESTS / elapsed, p99


def main() -> None:
    home = tempfile.mkdtemp(prefix="unhunch-bench-")
    env = {**os.environ, "UNHUNCH_HOME": home, "UNHUNCH_NOW": FIXED_NOW}
    env.pop("UNHUNCH_DB", None)
    bare_port, app_port = free_port(), free_port()
    bare = f"http://127.0.0.1:{bare_port}"
    base = f"http://127.0.0.1:{app_port}"
    results: dict[str, tuple[float, float]] = {}
    with serving([sys.executable, "-c", BARE_APP, str(bare_port)], bare + "/", env):
        results["bare starlette /"] = asyncio.run(load(bare + "/"))
    app_cmd = [sys.executable, "-m", "unhunch", "serve", "--port", str(app_port)]
    with serving(app_cmd, base + "/", env):
        seed(base)
        results["/api/exercises"] = asyncio.run(load(base + "/api/exercises"))
        results["/today"] = asyncio.run(load(base + "/today"))
    base_rps, base_p99 = results["bare starlette /"]
    print(f"{REQUESTS} requests each, {CONCURRENCY} concurrent, loopback")
    print(f"{'target':<20}{'req/s':>10}{'p99 ms':>10}{'rps ratio':>12}{'p99 ratio':>12}")
    for name, (rps, p99) in results.items():
        print(f"{name:<20}{rps:>10.0f}{p99:>10.1f}{rps / base_rps:>12.3f}{p99 / base_p99:>12.1f}")


if __name__ == "__main__":
    main()
