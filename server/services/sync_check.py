"""Check: per-table count and digest of the live rows in a user's scope (DESIGN §5)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import False_

from core.models import Base
from server.db.replication import current_seq
from server.services.principal import Principal
from server.services.sync_pull import database_epoch
from server.services.sync_scope import SYNC_TABLES, scope_filter
from sync.protocol import CheckResponse, TableCheck, format_cursor, table_digest


def check(session: Session, principal: Principal, tables: list[str] | None = None) -> CheckResponse:
    out: dict[str, TableCheck] = {}
    for name in tables or SYNC_TABLES:
        if name not in SYNC_TABLES:
            continue
        table = Base.metadata.tables[name]
        condition = scope_filter(principal, name)
        if isinstance(condition, False_):
            out[name] = TableCheck(count=0, digest=table_digest([]))
            continue
        stmt = select(table.c.id, table.c.row_version).where(table.c.deleted.is_(False))
        if condition is not None:
            stmt = stmt.where(condition)
        pairs = [(r[0], r[1]) for r in session.execute(stmt)]
        out[name] = TableCheck(count=len(pairs), digest=table_digest(pairs))
    cursor = format_cursor(database_epoch(session), current_seq(session.connection()))
    return CheckResponse(cursor=cursor, tables=out)
