"""A store that cannot be used ends with exit 4: the file named, which problem it is, what to do,
and nothing changed. With --json the error document is on stdout."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.integration.store_helpers import (
    can_drop_root_powers,
    error_document,
    fingerprint,
    unhunch,
)
from unhunch.services.context import Context
from unhunch.services.diary import log_pain as log_pain_now
from unhunch.store.db import dispose_all


def log_pain(home: Path, neck: int = 3, **kw: bool) -> subprocess.CompletedProcess[str]:
    return unhunch(home, "log", "pain", "--neck", str(neck), "--json", **kw)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A data folder with a few diary entries in it."""
    home = tmp_path / "home"
    for n in range(3):
        assert log_pain(home, n).returncode == 0
    return home


def flat(text_: str) -> str:
    return " ".join(text_.split())


def assert_store_failure(
    result: subprocess.CompletedProcess[str], db: Path, *words: str, as_json: bool = True
) -> None:
    assert result.returncode == 4, (result.stdout, result.stderr)
    said = [flat(result.stderr)]
    if as_json:
        error = error_document(result)
        assert error["code"] == 4
        said.append(error["message"])
    for text_ in said:
        # Rich may break the path across lines on stderr; the JSON message has it whole.
        assert str(db) in text_.replace(" ", "") or str(db) in text_, text_
        for word in (*words, "Nothing was changed"):
            assert word in text_, (word, text_)
    assert "Traceback" not in result.stderr


def test_garbage_bytes_are_a_damaged_store_with_the_backup_named(store: Path) -> None:
    db = store / "unhunch.db"
    db.write_bytes(os.urandom(8192))
    before = fingerprint(store)
    result = log_pain(store)
    assert_store_failure(result, db, "damaged", "unhunch export", "unhunch import")
    assert fingerprint(store) == before


def test_a_truncated_store_is_damaged_and_left_as_it_was(store: Path) -> None:
    db = store / "unhunch.db"
    ctx = Context(database_url=f"sqlite:///{db}")
    for _ in range(40):  # enough rows for the file to span many pages
        log_pain_now(ctx, {"neck": 2}, "day", "x" * 900, [], dt.datetime.now(dt.UTC))
    dispose_all()
    os.truncate(db, db.stat().st_size // 2)
    before = fingerprint(store)
    result = unhunch(store, "export", "--format", "json")
    assert_store_failure(result, db, "damaged", as_json=False)
    assert result.stdout == ""
    assert fingerprint(store) == before


def test_a_store_from_a_newer_version_asks_for_an_upgrade_and_is_not_touched(store: Path) -> None:
    db = store / "unhunch.db"
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    before = fingerprint(store)
    result = log_pain(store)
    assert_store_failure(result, db, "newer version", "Upgrade")
    assert fingerprint(store) == before


@pytest.fixture
def read_only(store: Path) -> Iterator[Path]:
    if not can_drop_root_powers():
        pytest.skip("needs setpriv to test file rights as root")
    os.chmod(store / "unhunch.db", 0o400)
    os.chmod(store, 0o500)
    yield store
    os.chmod(store, 0o700)


def test_a_read_only_store_refuses_writes_and_still_exports(read_only: Path) -> None:
    db = read_only / "unhunch.db"
    before = fingerprint(read_only)
    result = log_pain(read_only, plain_user=True)
    assert_store_failure(result, db, "read-only", "export")
    exported = unhunch(read_only, "export", "--format", "json", plain_user=True)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.count('"region": "neck"') == 3  # the three entries, all there
    assert fingerprint(read_only) == before
    assert sorted(p.name for p in read_only.iterdir()) == ["unhunch.db"]  # no -wal/-shm made


def test_a_read_only_folder_without_a_store_yet_is_named(tmp_path: Path) -> None:
    if not can_drop_root_powers():
        pytest.skip("needs setpriv to test file rights as root")
    home = tmp_path / "home"
    home.mkdir(mode=0o500)
    result = log_pain(home, plain_user=True)
    assert_store_failure(result, home / "unhunch.db", "read-only")
    assert list(home.iterdir()) == []


def test_a_store_we_may_not_read_is_missing_permissions(store: Path) -> None:
    if not can_drop_root_powers():
        pytest.skip("needs setpriv to test file rights as root")
    db = store / "unhunch.db"
    os.chmod(db, 0)
    try:
        result = log_pain(store, plain_user=True)
    finally:
        os.chmod(db, 0o600)
    assert_store_failure(result, db, "missing permissions", "ls -l")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, small file system (tmpfs) that can be filled up."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_full_disk_is_named_and_loses_nothing_recorded(tiny_disk: Path) -> None:
    home = tiny_disk / "home"
    assert log_pain(home, 5).returncode == 0
    filler = tiny_disk / "filler"
    try:
        with filler.open("wb") as f:  # fill every last block
            while True:
                f.write(b"\0" * 4096)
                f.flush()
    except OSError:
        pass
    result = unhunch(home, "log", "pain", "--neck", "7", "--note", "y" * 1900, "--json")
    db = home / "unhunch.db"
    assert_store_failure(result, db, "disk is full", "Free some space")
    filler.unlink()
    exported = unhunch(home, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    assert '"pain": 5' in exported.stdout
    assert '"pain": 7' not in exported.stdout and "yyy" not in exported.stdout
