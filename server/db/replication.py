"""Keeps ``row_version`` and ``server_seq`` right on every write through the ORM (DESIGN §5).

Installed on the server's session factory: before each flush, every new replicated row gets
version 1 and every changed one version + 1, and all of them take fresh ``server_seq``
numbers from the ``sync_counter`` row. Taking the numbers updates that row, so its lock is
held until the transaction ends: on PostgreSQL a transaction that took a lower number has
committed before anyone can take a higher one, so a pull never skips a change that commits
late. (SQLite serialises writers anyway.) Writes that bypass the ORM (bulk imports, the demo
seed) take their numbers with :func:`take_seq_range` in the same transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, select, update
from sqlalchemy.orm import Session, sessionmaker

from core.models import Replicated, SyncCounter, utcnow

SEQ = "server_seq"


def take_seq_range(connection: Connection, count: int) -> int:
    """Reserve ``count`` consecutive sequence numbers; returns the first one.

    The caller's transaction holds the counter's row lock from here until it ends.
    """
    if count <= 0:
        raise ValueError("count must be positive")
    table = SyncCounter.__table__
    result = connection.execute(
        update(table).where(table.c.name == SEQ).values(value=table.c.value + count).returning(table.c.value)
    ).scalar_one_or_none()
    if result is None:
        connection.execute(table.insert().values(name=SEQ, value=count))
        return 1
    return int(result) - count + 1


def current_seq(connection: Connection) -> int:
    table = SyncCounter.__table__
    return int(connection.execute(select(table.c.value).where(table.c.name == SEQ)).scalar() or 0)


def raise_seq_to(connection: Connection, value: int) -> None:
    """After a bulk load that numbered its own rows, move the counter past them."""
    table = SyncCounter.__table__
    if connection.execute(select(table.c.name).where(table.c.name == SEQ)).first() is None:
        connection.execute(table.insert().values(name=SEQ, value=value))
    else:
        connection.execute(update(table).where(table.c.name == SEQ, table.c.value < value).values(value=value))


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    created = [obj for obj in session.new if isinstance(obj, Replicated)]
    changed = [
        obj for obj in session.dirty
        if isinstance(obj, Replicated) and obj not in session.new and session.is_modified(obj)
    ]
    if not created and not changed:
        return
    first = take_seq_range(session.connection(), len(created) + len(changed))
    now = utcnow()
    for offset, obj in enumerate([*created, *changed]):
        if obj in session.new:
            obj.row_version = 1
        else:
            obj.row_version = (obj.row_version or 0) + 1
        obj.server_seq = first + offset
        obj.updated_at = now
        if obj.deleted and obj.deleted_at is None:
            obj.deleted_at = now


def install(sessions: sessionmaker[Session]) -> None:
    """Attach the bookkeeping to a session factory (idempotent)."""
    if not event.contains(sessions, "before_flush", _before_flush):
        event.listen(sessions, "before_flush", _before_flush)
