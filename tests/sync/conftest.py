"""Sync fixtures: an in-process server (real app, real SQLite or PostgreSQL) and real replica files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

# Helper modules sit next to this file; --import-mode=importlib does not put test folders on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sync_world import World, build_world  # noqa: E402

from server.api.app import create_app  # noqa: E402
from server.settings import Settings  # noqa: E402


@pytest.fixture(params=["sqlite", "postgresql"])
def server_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    return request.getfixturevalue("pg_url")  # type: ignore[no-any-return]


@pytest.fixture
def world(server_url: str, tmp_path: Path) -> Iterator[World]:
    app = create_app(Settings(data_dir=tmp_path, database_url=server_url, secret_key="s" * 40))
    sessions = app.state.sessions
    ids = build_world(sessions)
    with TestClient(app) as api:
        yield World(app, sessions, api, ids, tmp_path)
    app.state.engine.dispose()

