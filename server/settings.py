"""Server settings from the environment (pydantic-settings).

Zero configuration for a development start: the database is a SQLite file under the data
directory and a random secret is generated there on first start. A production start
(``JIAOWU_ENV=production``) refuses a missing or placeholder secret.
"""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset({"", "change-me", "changeme", "secret", "placeholder", "dev"})


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JIAOWU_", extra="ignore")

    env: Literal["development", "production"] = "development"
    data_dir: Path = Field(default_factory=lambda: Path(platformdirs.user_data_dir("jiaowu-server", "Jiaowu")))
    database_url: str | None = Field(default=None, validation_alias=AliasChoices("DATABASE_URL", "JIAOWU_DATABASE_URL"))
    secret_key: str = ""
    auto_migrate: bool = True
    token_idle_hours: float = 12.0
    lockout_failures: int = 5
    lockout_window_minutes: float = 15.0
    lockout_minutes: float = 15.0
    address_failures: int = 30
    address_window_minutes: float = 15.0
    min_client_version: str | None = None
    updates_dir: Path | None = None
    # The online timestamp key (and optionally the snapshot key) for the re-sign job.
    timestamp_key: Path | None = None
    snapshot_key: Path | None = None
    resign_interval_minutes: float = 60.0
    # The trust root that update metadata is verified against (default: the one shipped in assets/updater).
    update_trusted_root: Path | None = None
    sql_echo: bool = False

    @model_validator(mode="after")
    def _check_secret(self) -> Settings:
        if self.env == "production":
            if self.secret_key.strip().lower() in PLACEHOLDER_SECRETS or len(self.secret_key) < 32:
                raise ValueError(
                    "JIAOWU_SECRET_KEY must be set to a random value of at least 32 characters in "
                    "production (generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
                )
            if not self.database_url:
                raise ValueError("DATABASE_URL must be set in production")
        return self

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return normalise_database_url(self.database_url)
        return f"sqlite:///{self.data_dir / 'jiaowu.db'}"

    def effective_secret(self) -> str:
        """The configured secret; in development, one generated once and kept in the data dir."""
        if self.secret_key.strip().lower() not in PLACEHOLDER_SECRETS:
            return self.secret_key
        path = self.data_dir / "secret.key"
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(48)
        path.write_text(value)
        path.chmod(0o600)
        return value

    @property
    def effective_updates_dir(self) -> Path:
        return self.updates_dir or self.data_dir / "updates"


def normalise_database_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` use psycopg 3, the driver we ship."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


@lru_cache
def get_settings() -> Settings:
    return Settings()
