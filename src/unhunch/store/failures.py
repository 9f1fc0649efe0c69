"""Why the data store cannot be used, told from the error the database or the system gave.

One place decides that a failure is the store's (exit 4: damaged, written by a newer version,
read-only, missing permissions, disk full) rather than a bug of ours (exit 1), and what the
person can do about it.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from unhunch.core.errors import StoreUnusable

BACKUP = (
    "Restore the backup that `unhunch export` made: move this file aside, then run "
    "`unhunch import BACKUP` to fill a new store."
)
DAMAGED = "it is damaged (not a database unhunch can read)"
NEWER = "it was written by a newer version of unhunch"
READ_ONLY = "it is read-only"
PERMISSION = "missing permissions"
FULL = "the disk is full"

ADVICE = {
    DAMAGED: BACKUP,
    NEWER: "Upgrade unhunch to the version that wrote it (pip install --upgrade unhunch).",
    READ_ONLY: "Reading still works (`unhunch export`); to record anything, give yourself "
    "write permission on the file and its folder (chmod u+w) or free the disk from read-only.",
    PERMISSION: "Check the owner and rights of the file and its folder (ls -l); they must "
    "be yours.",
    FULL: "Free some space on the disk, then try again.",
}

SQLITE = {
    "SQLITE_NOTADB": DAMAGED,
    "SQLITE_CORRUPT": DAMAGED,
    "SQLITE_FULL": FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_PERM": PERMISSION,
    "SQLITE_AUTH": PERMISSION,
}
POSTGRES = {"53100": FULL, "25006": READ_ONLY, "42501": PERMISSION, "XX001": DAMAGED}
OS = {errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EROFS: READ_ONLY, errno.EACCES: PERMISSION}


def unusable(where: str, kind: str) -> StoreUnusable:
    return StoreUnusable(where, kind, ADVICE[kind])


def from_database_error(orig: BaseException | None, where: str) -> StoreUnusable | None:
    """The store's problem behind a driver error, or None when it is not one of ours to explain."""
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    if name:
        for prefix, kind in SQLITE.items():
            if name == prefix or name.startswith(prefix + "_"):
                return unusable(where, kind)
        if name.startswith("SQLITE_CANTOPEN"):
            return unusable(where, _cannot_open(Path(where)))
        if name.startswith("SQLITE_IOERR") and _disk_nearly_full(Path(where)):
            return unusable(where, FULL)
        return None
    state = getattr(orig, "sqlstate", None)  # psycopg
    found = POSTGRES.get(str(state)) if state else None
    return unusable(where, found) if found else None


def from_os_error(exc: OSError, where: Path) -> StoreUnusable | None:
    kind = OS.get(exc.errno or 0)
    if kind == PERMISSION:
        kind = _cannot_open(where)
    return unusable(str(where), kind) if kind else None


def _cannot_open(path: Path) -> str:
    """A file SQLite could not open: ours to read but not to write is read-only; not ours to read
    (or a folder we may not enter) is missing permissions."""
    folder = path.parent
    if path.exists() and os.access(path, os.R_OK) and os.access(folder, os.X_OK):
        return READ_ONLY
    if not path.exists() and os.access(folder, os.X_OK) and not os.access(folder, os.W_OK):
        return READ_ONLY
    return PERMISSION


def _disk_nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 1 << 20
    except OSError:
        return False


def writable(path: Path) -> bool:
    """Can we change this SQLite file (and make its -wal/-shm files beside it)?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
