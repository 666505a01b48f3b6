"""Bulk insertion of a demo university into an empty database (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, insert

from core.demo.generate import DemoUniversity
from core.models import Base

ProgressCallback = Callable[[int, int], None]
CHUNK_ROWS = 5_000
_SQLITE_CACHE_KIB = 262_144  # 256 MiB page cache while loading


def insert_rows(connection: Connection, university: DemoUniversity, *,
                on_progress: ProgressCallback | None = None, chunk_rows: int = CHUNK_ROWS) -> dict[str, int]:
    """Insert every row of ``university`` with Core executemany, parents before children.

    Runs inside the caller's transaction (``with engine.begin() as connection``), so a
    failure leaves nothing behind. The tables must exist and hold none of these rows.

    Args:
        connection: an open connection to the target database.
        university: what :func:`core.demo.generate` returned.
        on_progress: called with (rows inserted, rows in all) after each chunk.
        chunk_rows: rows per executemany call; bounds the driver's memory per call.

    Returns:
        Rows inserted per table.

    Raises:
        sqlalchemy.exc.IntegrityError: a row already exists or a reference is missing.
    """
    total = sum(len(rows) for rows in university.rows.values())
    done = 0
    counts: dict[str, int] = {}
    with _large_sqlite_cache(connection):
        for table in Base.metadata.sorted_tables:
            rows = university.rows.get(table.name)
            if not rows:
                continue
            statement = insert(table)
            for start in range(0, len(rows), chunk_rows):
                chunk = rows[start:start + chunk_rows]
                connection.execute(statement, chunk)
                done += len(chunk)
                if on_progress is not None:
                    on_progress(done, total)
            counts[table.name] = len(rows)
    return counts


class _large_sqlite_cache:  # noqa: N801 - used like a function-style context manager
    """Raise SQLite's page cache during the load and restore it afterwards.

    With the default 2 MiB cache, inserting into the random-UUID indexes of 400k grades
    spills pages to the WAL again and again; a large cache roughly halves the load time.
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._previous: int | None = None

    def __enter__(self) -> None:
        if self._connection.dialect.name == "sqlite":
            self._previous = self._connection.exec_driver_sql("PRAGMA cache_size").scalar()
            self._connection.exec_driver_sql(f"PRAGMA cache_size = -{_SQLITE_CACHE_KIB}")

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            self._connection.exec_driver_sql(f"PRAGMA cache_size = {int(self._previous)}")
