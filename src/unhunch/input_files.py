"""Reading a file the person names (answers, profile, routine, import): capped and timed.

One reader for every such file, so none of them can hang unhunch (a FIFO with no writer, a
slow pipe, /dev/zero), fill its memory (a 50 MB "profile"), or turn a hostile JSON document
(nested a million deep, a number of 5,000 digits) into a traceback. A problem is an input error
naming the option and the file, never echoing the file's contents.
"""

from __future__ import annotations

import errno
import os
import re
import select
import stat
import time
from pathlib import Path

from unhunch.core.errors import InputError

LIMIT = 1 << 20  # 1 MiB: an export of years of daily entries is a fraction of this
TIMEOUT = 5.0  # seconds to wait for the whole file
MAX_DEPTH = 32  # our documents nest 4 deep
MAX_DIGITS = 18  # any number we store fits in 18 digits
CHUNK = 1 << 16

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")


def read_input_file(path: Path, field: str, *, limit: int = LIMIT, timeout: float = TIMEOUT) -> str:
    """The file's text (UTF-8, a leading BOM dropped). JSON text is also checked for depth and
    for numbers too long to be ours, before anyone parses it."""
    data = _read_bytes(path, field, limit, timeout)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            field, str(path), "a UTF-8 text file", f"Byte {exc.start} is not UTF-8."
        ) from None
    if text.lstrip(" \r\n\t").startswith(("{", "[")):
        check_json_shape(text, field, str(path))
    return text


def _read_bytes(path: Path, field: str, limit: int, timeout: float) -> bytes:
    def refuse(allowed: str, hint: str = "") -> InputError:
        return InputError(field, str(path), allowed, hint)

    try:
        # Non-blocking: opening a FIFO nobody writes to must not wait forever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return _raise(refuse("an existing file", f"There is no file at {path}."))
    except IsADirectoryError:
        return _raise(refuse("a file", f"{path} is a folder."))
    except OSError as exc:
        return _raise(refuse("a file you can read", f"({exc.strerror})"))
    try:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise refuse("a file", f"{path} is a folder.")
        chunks: list[bytes] = []
        size = 0
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise refuse(
                    "a file that can be read at once", f"Nothing more came in {timeout:g} s."
                )
            try:
                chunk = os.read(fd, CHUNK)
            except BlockingIOError:
                continue
            except OSError as exc:
                if exc.errno == errno.EISDIR:
                    raise refuse("a file", f"{path} is a folder.") from None
                raise refuse("a file you can read", f"({exc.strerror})") from None
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > limit:
                raise refuse(f"a file of at most {limit // 1024} KiB", "This one is larger.")
            chunks.append(chunk)
    finally:
        os.close(fd)


def _raise(error: InputError) -> bytes:
    raise error


def check_json_shape(text: str, field: str, source: str) -> None:
    """Refuse JSON nested deeper than we ever write, or with a number longer than any we store
    (Python's parser would recurse until it fails, or refuse a 5,000-digit number with a
    ValueError of its own). Strings are left out of the check: a note may hold any digits."""
    bare = _STRINGS.sub('""', text)
    depth = 0
    for bracket in _BRACKETS.finditer(bare):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > MAX_DEPTH:
            raise InputError(
                field, source, f"JSON nested at most {MAX_DEPTH} levels deep", "This is deeper."
            )
    long_number = _LONG_NUMBER.search(bare)
    if long_number:
        raise InputError(
            field,
            source,
            f"numbers of at most {MAX_DIGITS} digits",
            f"It has a number of {len(long_number.group())} digits.",
        )
