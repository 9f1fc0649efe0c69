"""Who is acting and against which store. The edges build one and pass it to services."""

from __future__ import annotations

from dataclasses import dataclass

LOCAL_PERSON = "me"


@dataclass(frozen=True)
class Context:
    database_url: str
    person: str = LOCAL_PERSON


def local_context() -> Context:
    """The embedded default: one person, the database from the settings."""
    from unhunch.config import get_settings

    return Context(database_url=get_settings().database_url)
