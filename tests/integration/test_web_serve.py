"""`unhunch serve`: local mode only listens on this computer."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from unhunch.cli.serve import is_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.com"])
def test_serve_refuses_a_non_loopback_host_with_exit_2(host: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "unhunch", "serve", "--host", host],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--host" in result.stderr and "127.0.0.1" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_hosts_are_allowed(host: str) -> None:
    assert is_loopback(host)


def test_serve_on_a_busy_port_exits_2_naming_the_holder_before_saying_running() -> None:
    import os

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "unhunch", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert "running" not in result.stdout
    said = " ".join(result.stderr.split())
    assert f"Port {port} is already taken" in said
    assert f"(process {os.getpid()})" in said
    assert f"--port {port + 1}" in said
    assert "Traceback" not in result.stderr


def test_port_holder_finds_this_process_listening() -> None:
    import os

    from unhunch.cli.port_holder import port_holder

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        found = port_holder(port)
    assert found is not None and f"(process {os.getpid()})" in found
    assert port_holder(port) is None  # closed: nobody holds it


def test_serve_refuses_a_malformed_allowed_host_with_exit_2() -> None:
    import os

    result = subprocess.run(
        [sys.executable, "-m", "unhunch", "serve", "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "UNHUNCH_ALLOWED_HOSTS": "http://coach.example/"},
    )
    assert result.returncode == 2
    assert "UNHUNCH_ALLOWED_HOSTS" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def running_server(tmp_path: Path) -> Iterator[int]:
    import os

    from tests.browser.conftest import free_port

    port = free_port()
    env = {**os.environ, "UNHUNCH_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "unhunch", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):  # polls until it answers, up to ~30 s for a cold start
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def raw_request(port: int, head: bytes, body_chunks: Iterator[bytes]) -> tuple[bytes, int]:
    """Send `head`, then body chunks until the server answers; (answer, body bytes sent)."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(head)
        conn.setblocking(False)
        answer = b""
        for chunk in body_chunks:
            with contextlib.suppress(BlockingIOError):
                answer += conn.recv(65536)
            if answer:
                break
            try:
                conn.sendall(chunk)
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                time.sleep(0.01)
                continue
            sent += len(chunk)
        conn.setblocking(True)
        while b"\r\n\r\n" not in answer:
            more = conn.recv(65536)
            if not more:
                break
            answer += more
    return answer, sent


def test_a_12_mb_body_is_answered_413_without_being_read(running_server: int) -> None:
    head = (
        b"POST /api/diary HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
        b"Content-Length: 12582912\r\n\r\n" % running_server
    )
    answer, _ = raw_request(running_server, head, iter([]))  # not one byte of the body sent
    assert answer.startswith(b"HTTP/1.1 413")


def test_a_chunked_12_mb_body_is_refused_before_it_ends(running_server: int) -> None:
    head = (
        b"POST /api/diary HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" % running_server
    )
    chunk = b"%x\r\n%s\r\n" % (16384, b" " * 16384)
    answer, sent = raw_request(running_server, head, iter([chunk] * 768))  # 12 MB
    assert answer.startswith(b"HTTP/1.1 413")
    # Answered before the body was over (what was sent meanwhile sits in socket buffers).
    assert sent < 768 * 16384
