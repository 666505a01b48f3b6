"""Bulk insertion of a demo university into an empty database (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert, literal, select

from core.demo.generate import DemoUniversity
from core.models import Base

ProgressCallback = Callable[[int, int], None]
CHUNK_ROWS = 5_000
_SQLITE_CACHE_KIB = 262_144  # 256 MiB page cache while loading
_DEFER_FROM_ROWS = 50_000  # tables this big get their secondary indexes built after the load


def insert_rows(connection: Connection, university: DemoUniversity, *,
                on_progress: ProgressCallback | None = None, chunk_rows: int = CHUNK_ROWS) -> dict[str, int]:
    """Insert every row of ``university`` with executemany, parents before children.

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
    sqlite = connection.dialect.name == "sqlite"
    with _large_sqlite_cache(connection, enabled=sqlite):
        for table in Base.metadata.sorted_tables:
            rows = university.rows.get(table.name)
            if not rows:
                continue
            execute = _SqliteInsert(connection, table) if sqlite else _CoreInsert(connection, table)
            with _deferred_indexes(connection, table, enabled=sqlite and len(rows) >= _DEFER_FROM_ROWS):
                for start in range(0, len(rows), chunk_rows):
                    chunk = rows[start:start + chunk_rows]
                    execute(chunk)
                    done += len(chunk)
                    if on_progress is not None:
                        on_progress(done, total)
            counts[table.name] = len(rows)
    return counts


class _CoreInsert:
    """Core ``insert(table)`` executemany: what every dialect gets."""

    def __init__(self, connection: Connection, table: Table) -> None:
        self._connection, self._statement = connection, insert(table)

    def __call__(self, rows: list[dict[str, Any]]) -> None:
        self._connection.execute(self._statement, rows)


class _Memo(dict[Any, Any]):
    """A bind processor with memory: the demo repeats few distinct timestamps and scores."""

    def __init__(self, process: Callable[[Any], Any]) -> None:
        super().__init__()
        self._process = process

    def __missing__(self, value: Any) -> Any:
        result = self[value] = self._process(value)
        return result


class _SqliteInsert:
    """The same ``insert(table)``, compiled once and fed tuples column-wise.

    SQLAlchemy's per-row parameter processing costs more than SQLite's own work for the
    400k grade rows; here every column's bind processor (the same ones Core would call)
    runs through a memo over the column, and the driver's executemany gets plain tuples.
    """

    def __init__(self, connection: Connection, table: Table) -> None:
        dialect = connection.dialect
        compiled = insert(table).compile(dialect=dialect)
        names = list(compiled.positiontup or ())
        self._connection, self._sql = connection, str(compiled)
        self._getter = itemgetter(*names)
        self._memos: list[tuple[int, _Memo]] = []
        for index, name in enumerate(names):
            process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                self._memos.append((index, _Memo(process)))

    def __call__(self, rows: list[dict[str, Any]]) -> None:
        values: list[Any] = list(map(self._getter, rows))
        if self._memos:
            columns: list[Any] = list(zip(*values, strict=True))
            for index, memo in self._memos:
                columns[index] = map(memo.__getitem__, columns[index])
            values = list(zip(*columns, strict=True))
        self._connection.exec_driver_sql(self._sql, values)


@contextmanager
def _large_sqlite_cache(connection: Connection, *, enabled: bool) -> Iterator[None]:
    """Raise SQLite's page cache during the load and restore it afterwards.

    With the default 2 MiB cache, inserting into the random-UUID indexes of 400k grades
    spills pages to the WAL again and again; a large cache roughly halves the load time.
    """
    if not enabled:
        yield
        return
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{_SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous or -2000)}")


@contextmanager
def _deferred_indexes(connection: Connection, table: Table, *, enabled: bool) -> Iterator[None]:
    """Build a big empty table's secondary indexes once after its load, not row by row.

    One sort per index is much cheaper than 400k random inserts into each B-tree (a quarter
    of the grades' load time). Only the table's own ``Index`` objects found in the database
    are dropped and created again, in the caller's transaction (SQLite's DDL is
    transactional); primary keys and unique constraints stay, so duplicates are still refused.
    """
    if not enabled or connection.execute(select(literal(1)).select_from(table).limit(1)).first():
        yield
        return
    present = {name for (name,) in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table.name,))}
    indexes = sorted((ix for ix in table.indexes if ix.name in present), key=lambda ix: str(ix.name))
    for index in indexes:
        index.drop(connection)
    try:
        yield
    finally:
        for index in indexes:
            index.create(connection)
