"""The one module that opens the database.

SQLite (the embedded default) runs in WAL mode with synchronous=FULL so an acknowledged write
survives a crash, and with foreign keys on. Alembic migrations run on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from unhunch.core.errors import InputError

_lock = threading.Lock()
_engines: dict[str, Engine] = {}

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


BACKENDS = ("sqlite", "postgresql")
ALLOWED_URLS = "a sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/NAME URL"
WHERE = "database URL (--db or UNHUNCH_DB)"


def _parse(url: str) -> URL:
    """A URL we can open, or an InputError naming it: a typo in --db is the person's input, not
    a failure of ours (exit 2, not 1)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError(WHERE, url, ALLOWED_URLS) from None
    if parsed.get_backend_name() not in BACKENDS:
        shown = parsed.render_as_string(hide_password=True)
        raise InputError(WHERE, shown, ALLOWED_URLS)
    return parsed


def _make_engine(url: str) -> Engine:
    parsed = _parse(url)
    if parsed.get_backend_name() == "sqlite":
        _prepare_sqlite_file(Path(parsed.database or ""))
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _prepare_sqlite_file(path: Path) -> None:
    """The data folder 0700 (tightened if it is the default one and wider), the file 0600."""
    from unhunch.config import get_settings
    from unhunch.private import private_database_file, private_folder

    folder = path.parent
    private_folder(folder, tighten=folder == get_settings().home)
    private_database_file(path)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (safe to call on every start)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def get_engine(url: str) -> Engine:
    """The engine for a URL, created and migrated once per process."""
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _make_engine(url)
            try:
                migrate(engine)
            except OperationalError as exc:
                if engine.dialect.name == "sqlite":
                    raise
                # A server that is not running or refuses us: say which, with the driver's words.
                shown = engine.url.render_as_string(hide_password=True)
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else ""
                raise InputError(
                    WHERE, shown, "a PostgreSQL server that is running", reason
                ) from None
            _engines[url] = engine
        return engine


def dispose_all() -> None:
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def transaction(url: str) -> Iterator[Connection]:
    """One unit of work: committed on success, rolled back on any error."""
    with get_engine(url).begin() as connection:
        yield connection
