"""One settings object, built in a factory (no work at import time)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_home() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("unhunch", appauthor=False))


class Settings(BaseSettings):
    """Where the data lives and which database to use.

    `UNHUNCH_HOME` is the data directory (database, logs, settings);
    `UNHUNCH_DB` a SQLAlchemy URL that overrides the default SQLite file there;
    `UNHUNCH_ALLOWED_HOSTS` extra `Host` values the web app answers (comma-separated, each
    `name:port` as the browser sends it), besides 127.0.0.1, localhost and [::1] on its port
    (checked by the web app when it starts, so a typo there never stops the CLI).
    """

    model_config = SettingsConfigDict(env_prefix="UNHUNCH_", extra="ignore")

    home: Path = Field(default_factory=default_home)
    db: str | None = None
    now: str | None = None  # read only by unhunch.clock
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = ()

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(h.strip().lower() for h in value.split(",") if h.strip())
        return value

    @field_validator("home")
    @classmethod
    def _absolute(cls, home: Path) -> Path:
        # UNHUNCH_HOME=data or ~/x means the same folder wherever unhunch is started from later.
        return home.expanduser().absolute()

    @property
    def database_url(self) -> str:
        if self.db:
            return self.db
        return f"sqlite:///{self.home / 'unhunch.db'}"

    @property
    def log_file(self) -> Path:
        return self.home / "unhunch.log"


def get_settings() -> Settings:
    """Build the settings from the environment (UNHUNCH_HOME, UNHUNCH_DB)."""
    return Settings()
