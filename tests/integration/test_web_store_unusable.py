"""A store the web app cannot use is said plainly (503, the file named, nothing changed), as the
CLI says it with exit 4: never 'something went wrong on our side'."""

from __future__ import annotations

import os
from pathlib import Path

from tests.integration.store_helpers import fingerprint, unhunch
from tests.integration.web_helpers import client


def test_a_damaged_store_is_a_plain_503_on_pages_and_the_api(unhunch_home: Path) -> None:
    assert unhunch(unhunch_home, "log", "pain", "--neck", "3").returncode == 0
    db = unhunch_home / "unhunch.db"
    db.write_bytes(os.urandom(8192))
    before = fingerprint(unhunch_home)
    web = client()
    api = web.get("/api/progress")
    assert api.status_code == 503
    assert "damaged" in api.json()["detail"] and str(db) in api.json()["detail"]
    page = web.get("/diary")
    assert page.status_code == 503
    assert "Your data cannot be opened" in page.text and "damaged" in page.text
    assert "went wrong" not in page.text
    assert fingerprint(unhunch_home) == before
