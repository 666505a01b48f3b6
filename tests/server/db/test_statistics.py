"""After a bulk load, PostgreSQL's planner gets statistics at once (not when autovacuum comes by)."""

from __future__ import annotations

from sqlalchemy import text

from server.db.engine import create_db_engine, refresh_statistics
from server.db.migrate import upgrade


def test_refresh_statistics_analyzes_freshly_loaded_tables(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO department (id, code, name, name_en, row_version, server_seq, deleted, "
                              "updated_at) SELECT 'd' || g, 'c' || g, 'n' || g, '', 1, g, false, "
                              "CURRENT_TIMESTAMP FROM generate_series(1, 500) AS g")
                         if engine.dialect.name == "postgresql" else text("SELECT 1"))
        refresh_statistics(engine)
        if engine.dialect.name == "postgresql":
            with engine.connect() as conn:
                analyzed = conn.execute(text("SELECT last_analyze IS NOT NULL, n_live_tup FROM pg_stat_user_tables "
                                             "WHERE relname = 'department'")).one()
                assert tuple(analyzed) == (True, 500)
        else:  # left alone: no sqlite_stat1 appears
            with engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")).scalar() == 0
    finally:
        engine.dispose()
