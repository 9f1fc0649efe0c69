"""The one module that opens the database.

SQLite (the embedded default) runs in WAL mode with synchronous=FULL so an acknowledged write
survives a crash, and with foreign keys on. Alembic migrations run on first use.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from unhunch.core.errors import InputError
from unhunch.store import failures

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
        path = _sqlite_path(parsed)
        if path is None:
            raise InputError(WHERE, url, ALLOWED_URLS, IN_MEMORY)
        try:
            _prepare_sqlite_file(path)
        except OSError as exc:
            problem = failures.from_os_error(exc, path)
            if problem is None:
                raise
            raise problem from None
        if not failures.writable(path):
            # Read what is there without touching it: no -wal/-shm made, no journal mode set
            # (so `unhunch export` works from a read-only store); any write fails as read-only.
            url = f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true"
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if importlib.util.find_spec("psycopg") is None:
        shown = parsed.render_as_string(hide_password=True)
        raise InputError(
            WHERE,
            shown,
            "a PostgreSQL URL once the server extra is installed",
            "PostgreSQL support is not installed: pip install 'unhunch[server]'",
        )
    return create_engine(url, pool_pre_ping=True)


IN_MEMORY = "An in-memory database would forget everything at exit: give a file path."


def _sqlite_path(parsed: URL) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database. Only a plain absolute path is
    taken: a relative one means a different file depending on where unhunch is started from."""
    name = parsed.database or ""
    shown = parsed.render_as_string(hide_password=True)
    if name in ("", ":memory:") or name.startswith("file::memory:") or "mode=memory" in name:
        return None
    if parsed.query or name.startswith("file:"):
        raise InputError(WHERE, shown, ALLOWED_URLS, "Give the file's path without options.")
    path = Path(name)
    if not path.is_absolute():
        raise InputError(
            WHERE,
            shown,
            ALLOWED_URLS,
            "A relative path names a different file in each folder unhunch is started from;"
            f" give the full path, e.g. sqlite:///{Path(name).expanduser().absolute()}",
        )
    if path.is_dir():
        raise InputError(WHERE, shown, ALLOWED_URLS, f"{path} is a folder; name a file in it.")
    return path


def _prepare_sqlite_file(path: Path) -> None:
    """The data folder 0700 (tightened if it is the default one and wider), the file 0600."""
    from unhunch.config import get_settings
    from unhunch.private import private_database_file, private_folder

    folder = path.parent
    private_folder(folder, tighten=folder == get_settings().home.absolute())
    private_database_file(path)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (safe to call on every start).

    A store already at the newest revision is only read, so a read-only one still opens; one
    whose revision we do not know was written by a newer unhunch and is left untouched.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    known = {r.revision for r in script.walk_revisions()}
    newest = set(script.get_heads())

    def needs_upgrade(connection: Connection) -> bool:
        current = set(MigrationContext.configure(connection).get_current_heads())
        if current - known:
            raise failures.unusable(_where(engine), failures.NEWER)
        return current != newest

    with engine.connect() as connection:
        if not needs_upgrade(connection):
            return
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            # One migrator at a time, all or nothing: two first runs at once both created the
            # tables ("table profiles already exists"), and a kill in the middle left half a
            # schema. SQLite's DDL is transactional once a transaction is open.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:  # PostgreSQL: the same, with a lock held until this transaction ends
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7158)")
        if needs_upgrade(connection):  # again, now that we hold the lock
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        connection.commit()


def _where(engine: Engine) -> str:
    if engine.dialect.name == "sqlite":
        return str(engine.url.database or "").removeprefix("file:")
    return engine.url.render_as_string(hide_password=True)


def _explained(exc: DBAPIError, engine: Engine) -> Exception:
    problem = failures.from_database_error(exc.orig, _where(engine))
    return problem if problem is not None else exc


def get_engine(url: str) -> Engine:
    """The engine for a URL, created and migrated once per process."""
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _make_engine(url)
            try:
                migrate(engine)
            except DBAPIError as exc:
                engine.dispose()
                explained = _explained(exc, engine)
                if explained is not exc:
                    raise explained from None
                if engine.dialect.name == "sqlite" or not isinstance(exc, OperationalError):
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
    """One unit of work: committed on success, rolled back on any error. A store that cannot be
    used (damaged, read-only, full …) is reported as such, with nothing written."""
    engine = get_engine(url)
    try:
        with engine.begin() as connection:
            yield connection
    except DBAPIError as exc:
        explained = _explained(exc, engine)
        if explained is exc:
            raise
        raise explained from None
