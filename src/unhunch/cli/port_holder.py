"""Which program listens on a TCP port (Linux: /proc/net/tcp* and /proc/*/fd), so that "the port
is taken" can say by what. Best effort: None when it cannot be told (another user's process,
another system)."""

from __future__ import annotations

import os
from pathlib import Path

LISTEN = "0A"


def listening_inodes(port: int, proc: Path = Path("/proc")) -> set[str]:
    inodes: set[str] = set()
    for table in ("tcp", "tcp6"):
        try:
            lines = (proc / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) < 10 or fields[3] != LISTEN:
                continue
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    return inodes


def port_holder(port: int, proc: Path = Path("/proc")) -> str | None:
    """'python -m unhunch serve (process 1234)' for the program listening on `port`, or None."""
    wanted = {f"socket:[{inode}]" for inode in listening_inodes(port, proc)}
    if not wanted:
        return None
    for pid_dir in proc.iterdir():
        if not pid_dir.name.isdigit():
            continue
        if not wanted.isdisjoint(fd_links(pid_dir)):
            try:
                raw = (pid_dir / "cmdline").read_bytes()
            except OSError:
                raw = b""
            command = " ".join(
                os.path.basename(a) if i == 0 else a
                for i, a in enumerate(
                    raw.decode(errors="replace").split("\0")[:-1] or ["an unknown program"]
                )
            )
            if len(command) > 80:
                command = command[:79] + "…"
            return f"{command} (process {pid_dir.name})"
    return None


def fd_links(pid_dir: Path) -> set[str]:
    """What each open file of a process points at; fds that close meanwhile are skipped."""
    links: set[str] = set()
    try:
        fds = list((pid_dir / "fd").iterdir())
    except OSError:
        return links
    for fd in fds:
        try:
            links.add(os.readlink(fd))
        except OSError:
            continue
    return links
