"""Maintenance of the sync bookkeeping: tombstone purging and the database epoch."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.models import AppliedOp, Base, ServerSetting, utcnow
from server.services.sync_pull import EPOCH_KEY, HORIZON_KEY, get_setting
from server.services.sync_scope import SYNC_TABLES


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(ServerSetting, key)
    if row is None:
        session.add(ServerSetting(key=key, value=value))
    else:
        row.value = value


def new_epoch(session: Session) -> str:
    """Start a new database epoch: every client's next pull is told to resync (run after
    restoring a backup; clients push their unsent work first, so nothing is lost)."""
    epoch = uuid.uuid4().hex[:16]
    _put(session, EPOCH_KEY, epoch)
    return epoch


def purge_tombstones(session: Session, *, older_than: timedelta, now: datetime | None = None) -> tuple[int, int]:
    """Delete tombstones (and answers to client ops) older than ``older_than``.

    Clients whose cursor is older than the newest purged tombstone are told to resync, since
    they may still hold a row whose deletion they never saw. Returns (rows purged, horizon).
    """
    cutoff = (now or utcnow()) - older_than
    horizon = int(get_setting(session, HORIZON_KEY) or 0)
    purged = 0
    # Children first: a tombstone may still be referenced by another tombstone.
    for name in reversed(SYNC_TABLES):
        table = Base.metadata.tables[name]
        old = (table.c.deleted.is_(True), table.c.deleted_at < cutoff)
        top = session.scalar(select(func.max(table.c.server_seq)).where(*old))
        if top is None:
            continue
        try:
            with session.begin_nested():
                result = session.execute(delete(table).where(*old))
        except IntegrityError:
            continue  # some tombstone is still referenced by a live row: keep this table's for now
        purged += int(result.rowcount or 0)  # type: ignore[attr-defined]
        horizon = max(horizon, int(top))
    session.execute(delete(AppliedOp).where(AppliedOp.at < cutoff))
    _put(session, HORIZON_KEY, str(horizon))
    return purged, horizon
