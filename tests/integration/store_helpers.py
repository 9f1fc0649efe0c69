"""Run the real `unhunch` command in a child process, optionally as a user without root's power
to ignore file rights (so a read-only folder is read-only even when the tests run as root)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

NOW = "2026-03-02T09:00:00+01:00"
# Root keeps its uid (the Python install may sit in root's home) but loses the capabilities that
# bypass file rights: what a person without write permission gets.
PLAIN_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def can_drop_root_powers() -> bool:
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


def unhunch(
    home: Path, *args: str, plain_user: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "UNHUNCH_DB"}
    full_env |= {"UNHUNCH_HOME": str(home), "UNHUNCH_NOW": NOW, **(env or {})}
    prefix = PLAIN_USER if plain_user and os.geteuid() == 0 else []
    command = [*prefix, sys.executable, "-m", "unhunch", *args]
    return subprocess.run(command, env=full_env, capture_output=True, text=True, timeout=120)


def error_document(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    document = json.loads(result.stdout)
    assert set(document) == {"error"}, document
    error: dict[str, Any] = document["error"]
    return error


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder with a hash of its bytes: equal before and after = nothing
    changed."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and os.access(p, os.R_OK)
    }
