"""The local SQLite store: engine factory with the PRAGMAs, and versioned migrations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from client.store.models import Base

STORE_FILE = "client.db"
# Each entry upgrades the store from version i to i + 1; the sync engine (issue 4) appends.
_MIGRATIONS: list[Callable[[Engine], None]] = [
    lambda engine: Base.metadata.create_all(engine),
]


def create_store_engine(path: Path) -> Engine:
    """An engine on ``path`` with foreign keys on and WAL journaling on every connection."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    return engine


def store_version(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("PRAGMA user_version")).scalar_one())


def run_store_migrations(engine: Engine) -> int:
    """Bring the store to the newest version; returns that version."""
    version = store_version(engine)
    for step in range(version, len(_MIGRATIONS)):
        _MIGRATIONS[step](engine)
        with engine.begin() as connection:
            connection.execute(text(f"PRAGMA user_version = {step + 1}"))
    return len(_MIGRATIONS)


def open_store(data_dir: Path) -> sessionmaker[Session]:
    """Open (and migrate) the store in ``data_dir``; one sessionmaker per process."""
    engine = create_store_engine(data_dir / STORE_FILE)
    run_store_migrations(engine)
    return sessionmaker(engine, expire_on_commit=False)
