"""What a person sees when unhunch itself fails (exit 1): a short message and the log's path."""

from __future__ import annotations

import datetime as dt
import traceback

from unhunch.cli.render import err_console


def report_bug(exc: BaseException) -> None:
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
    err_console().print(
        f"Sorry, something went wrong inside unhunch ({type(exc).__name__}).{where}"
        " Nothing you recorded before this was lost.",
        markup=False,
    )
