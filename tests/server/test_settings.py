from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from server.settings import Settings, normalise_database_url


def test_development_needs_no_configuration(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'jiaowu.db'}"
    secret = settings.effective_secret()
    assert len(secret) >= 32
    assert Settings(data_dir=tmp_path).effective_secret() == secret  # kept in the data dir
    assert (tmp_path / "secret.key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("secret", ["", "change-me", "secret", "short-but-real"])
def test_production_refuses_placeholder_secrets(tmp_path: Path, secret: str) -> None:
    with pytest.raises(ValidationError, match="JIAOWU_SECRET_KEY"):
        Settings(env="production", data_dir=tmp_path, secret_key=secret, database_url="postgresql://x@h/db")


def test_production_with_real_secret(tmp_path: Path) -> None:
    settings = Settings(env="production", data_dir=tmp_path, secret_key="k" * 48, database_url="postgresql://x@h/db")
    assert settings.effective_secret() == "k" * 48


def test_environment_variables(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h:5432/db")
    monkeypatch.setenv("JIAOWU_TOKEN_IDLE_HOURS", "8")
    settings = Settings(data_dir=tmp_path)
    assert settings.effective_database_url == "postgresql+psycopg://u@h:5432/db"
    assert settings.token_idle_hours == 8


def test_normalise_keeps_explicit_drivers() -> None:
    assert normalise_database_url("postgresql+psycopg2://h/db") == "postgresql+psycopg2://h/db"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"
