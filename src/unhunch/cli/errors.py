"""How a failed command ends: its exit code, a plain message on stderr, and with `--json` one
error document on stdout: `{"error": {"code": N, "message": "...", "field": "..."}}`.

1 a bug of ours (short message, details in the log), 2 wrong input, 3 refused for safety,
4 the data store cannot be used.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback

from unhunch.cli.render import err_console
from unhunch.core.errors import (
    ExerciseRefused,
    InputError,
    InputErrors,
    SafetyRefusal,
    StoreUnusable,
)

BUG, INPUT, SAFETY, STORE = 1, 2, 3, 4


def report_bug(exc: BaseException) -> str:
    """Log the details (a private file) and say where they are; returns what was said."""
    from unhunch.config import get_settings

    path = None
    try:
        from unhunch.private import append_private

        path = get_settings().log_file
        stamp = f"--- {dt.datetime.now(dt.UTC).isoformat()} ---\n"
        append_private(path, stamp + "".join(traceback.format_exception(exc)))
    except OSError:
        path = None
    where = f" Details are in {path}." if path else ""
    message = (
        f"Sorry, something went wrong inside unhunch ({type(exc).__name__}).{where}"
        " Nothing you recorded before this was lost."
    )
    err_console().print(message, markup=False)
    return message


def fail(exc: Exception, as_json: bool) -> SystemExit:
    """Say what went wrong (stderr, and the JSON document when asked) and give the exit to raise."""
    field: str | None = None
    if isinstance(exc, InputError | InputErrors):
        code, message = INPUT, str(exc)
        problems = [exc] if isinstance(exc, InputError) else exc.problems
        field = problems[0].field if problems else None
        err_console().print("Input problem: " + message, markup=False, style="red")
    elif isinstance(exc, SafetyRefusal):
        code, message = SAFETY, str(exc)
        field = exc.field if isinstance(exc, ExerciseRefused) else None
        err_console().print(message, markup=False)
    elif isinstance(exc, StoreUnusable):
        code, message, field = STORE, str(exc), "database"
        err_console().print(message, markup=False, style="red")
    else:
        code, message = BUG, report_bug(exc)
    if as_json:
        print_error(code, message, field)
    return SystemExit(code)


def print_error(code: int, message: str, field: str | None = None) -> None:
    document = {"error": {"code": code, "message": message, "field": field}}
    sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
    sys.stdout.flush()
