"""The local store: migrations are versioned and idempotent; known users are per server."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from client.store import known_users
from client.store.db import create_store_engine, open_store, run_store_migrations, store_version


def test_migrations_are_versioned_and_idempotent(tmp_path: Path) -> None:
    engine = create_store_engine(tmp_path / "c.db")
    assert store_version(engine) == 0
    version = run_store_migrations(engine)
    assert version >= 1 and run_store_migrations(engine) == version == store_version(engine)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_known_users_are_keyed_by_server_and_case_insensitive_username(tmp_path: Path) -> None:
    sessions = open_store(tmp_path)
    with sessions.begin() as s:
        known_users.save_known_user(session=s, server="http://a/", username="Wang", user_id="1", verifier="v",
                                    user_json="{}", at=datetime(2026, 1, 1))
    with sessions.begin() as s:
        assert known_users.get_known_user(session=s, server="http://a", username="wang") is not None
        assert known_users.get_known_user(session=s, server="http://b", username="wang") is None
        known_users.save_known_user(session=s, server="http://a", username="WANG", user_id="1", verifier="v2",
                                    user_json="{}", at=datetime(2026, 1, 2))
    with sessions.begin() as s:
        row = known_users.get_known_user(session=s, server="http://a", username="wang")
        assert row is not None and row.verifier == "v2"
        known_users.forget_known_user(session=s, server="http://a", username="Wang")
        assert known_users.get_known_user(session=s, server="http://a", username="wang") is None
