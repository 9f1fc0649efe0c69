"""`unhunch serve`: local mode only listens on this computer."""

from __future__ import annotations

import subprocess
import sys

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
    import socket

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
    import socket

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
