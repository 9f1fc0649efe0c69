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
