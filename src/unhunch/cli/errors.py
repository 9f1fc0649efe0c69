"""What a person sees when unhunch itself fails (exit 1): a short message and the log's path."""

from __future__ import annotations

import datetime as dt
import traceback

from unhunch.cli.render import err_console


def report_bug(exc: BaseException) -> None:
    from unhunch.config import get_settings

    path = None
    try:
        settings = get_settings()
        settings.home.mkdir(parents=True, exist_ok=True)
        path = settings.log_file
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now(dt.UTC).isoformat()} ---\n")
            log.write("".join(traceback.format_exception(exc)))
    except OSError:
        path = None
    where = f" Details are in {path}." if path else ""
    err_console().print(
        f"Sorry, something went wrong inside unhunch ({type(exc).__name__}).{where}"
        " Nothing you recorded before this was lost.",
        markup=False,
    )
