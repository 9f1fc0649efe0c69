"""Files and folders only their owner may read: a diary is health data.

Every file unhunch writes (the database, logs, exports, PDFs, calendars, charts, figures) and
every folder it makes goes through here, so the rights are set in one place and do not depend
on the umask. Files are written beside the target and renamed, so a crash never leaves half a
file, and they are 0600 from the moment they exist (never readable by others, even briefly).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from unhunch.core.errors import InputError

FILE_MODE = 0o600
FOLDER_MODE = 0o700
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_folder(path: Path, *, tighten: bool = False) -> None:
    """Make `path` (and missing parents) 0700. An existing folder is tightened only when asked
    (the data folder): a folder the person chose for an export is theirs to share."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:  # made by a parallel run meanwhile
            continue
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is filtered by the umask
    if tighten and path not in missing:
        _tighten(path, FOLDER_MODE, note=True)


def _tighten(path: Path, mode: int, *, note: bool = False) -> None:
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077 == 0:
            return
        os.chmod(path, current & ~0o077 | (mode & 0o700))
    except OSError:  # not ours to change (another owner, read-only): leave it as it is
        return
    if note:
        sys.stderr.write(
            f"unhunch: {path} was readable by others ({current:o}); it is now private "
            f"({mode:o}: only you).\n"
        )


def private_database_file(path: Path) -> None:
    """Create the SQLite file 0600 before SQLite opens it (SQLite would make it 0644), and tighten
    an existing one. SQLite gives its -wal and -shm files the database file's rights."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        for name in (path, *(path.with_name(path.name + s) for s in SQLITE_COMPANIONS)):
            if name.exists():
                _tighten(name, FILE_MODE)
        return
    os.fchmod(fd, FILE_MODE)
    os.close(fd)


def append_private(path: Path, text: str) -> None:
    """Append to a private file (the log), creating it 0600."""
    private_folder(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), FILE_MODE)
        handle.write(text)


def write_private(path: Path, data: bytes | str, option: str) -> None:
    """Write a whole file atomically, 0600; a path that cannot be written is the person's input
    to fix (exit 2 naming `option`), and the old file, if any, stays as it was."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".partial")
        try:
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), FILE_MODE)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            option, str(path), "a file path in a folder you can write to", f"({reason})"
        ) from None
