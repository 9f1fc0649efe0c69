from __future__ import annotations

import datetime as dt

import pytest

from unhunch import clock
from unhunch.core.errors import InputError


def test_fixed_now_is_returned_with_its_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNHUNCH_NOW", "2026-03-02T09:00:00+01:00")
    assert clock.now() == dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    assert clock.now().utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize("bad", ["yesterday", "2026-03-02T09:00:00", "2026-13-01T00:00:00Z"])
def test_malformed_or_naive_fixed_now_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    monkeypatch.setenv("UNHUNCH_NOW", bad)
    with pytest.raises(InputError, match="UNHUNCH_NOW"):
        clock.now()
