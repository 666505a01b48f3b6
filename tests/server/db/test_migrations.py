"""Alembic takes an empty database to exactly the schema of the models, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from core.models import Base
from server.api.app import MigrationsPendingError, create_app
from server.db.engine import create_db_engine
from server.db.migrate import current_revision, head_revision, is_up_to_date, upgrade
from server.settings import Settings


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    return request.getfixturevalue("pg_empty_url")  # type: ignore[no-any-return]


def test_upgrade_from_empty_matches_the_models(empty_url: str) -> None:
    engine = create_db_engine(empty_url)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        upgrade(engine)  # idempotent at head
        assert is_up_to_date(engine)
    finally:
        engine.dispose()


def test_every_replicated_table_has_the_replication_columns() -> None:
    needed = {"id", "row_version", "server_seq", "deleted", "deleted_at", "updated_at", "updated_by"}
    local_only = {"auth_token", "login_attempt", "audit_log", "server_setting", "role_permission", "user_role",
                  "sync_counter", "applied_op"}
    for name, table in Base.metadata.tables.items():
        if name not in local_only:
            assert needed <= set(table.c.keys()), name
            assert any(ix.columns.keys() == ["server_seq"] for ix in table.indexes), f"{name}: server_seq index"


def test_server_refuses_pending_migrations_when_told_not_to_migrate(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, auto_migrate=False)
    with pytest.raises(MigrationsPendingError, match="jiaowu db upgrade"):
        create_app(settings)
