"""Pull: the rows a user may hold that changed after their cursor, in server_seq order.

A page is cut at a sequence boundary found from the per-table indexes on ``server_seq``, so
every row with a number at or below the new cursor is in this page or an earlier one: the
cursor never runs ahead of the data. Incremental pulls also say ``remove`` for rows that
changed and are now outside the scope (a student moved to another class); rows that never
changed since they were created (``row_version`` 1) cannot have left the scope and are not
mentioned, so bulk inserts elsewhere in the university cost a teacher nothing.
"""

from __future__ import annotations

import heapq
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Table, bindparam, exists, literal, not_, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import False_
from sqlalchemy.sql.util import ClauseAdapter

from core.errors import InvalidInputError
from core.models import Base, ServerSetting
from server.db.replication import current_seq
from server.services.principal import Principal
from server.services.sync_scope import SYNC_TABLES, scope_filter, scope_key
from sync.protocol import format_cursor, parse_cursor

EPOCH_KEY = "db_epoch"
HORIZON_KEY = "tombstone_horizon"


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(ServerSetting, key)
    return row.value if row else None


def database_epoch(session: Session) -> str:
    """The database's epoch; made on first use. ``jiaowu db new-epoch`` replaces it after a restore."""
    epoch = get_setting(session, EPOCH_KEY)
    if epoch is None:
        epoch = uuid.uuid4().hex[:16]
        session.add(ServerSetting(key=EPOCH_KEY, value=epoch))
        session.flush()
    return epoch


@dataclass(frozen=True)
class _Plan:
    after: int
    full_pass: bool
    resync_reason: str = ""
    top: int = 0  # the committed counter when the pull began: every number up to it is visible


def _plan(session: Session, cursor: str | None, client_key: str | None, key: str, epoch: str) -> _Plan:
    try:
        parsed = parse_cursor(cursor)
    except ValueError as exc:
        raise InvalidInputError.field("cursor", f"同步游标无效 (malformed cursor: {exc})") from exc
    if parsed is None:
        return _Plan(0, True)
    cursor_epoch, after, full_pass = parsed
    if cursor_epoch != epoch:
        return _Plan(after, False, "epoch")
    if after > current_seq(session.connection()):
        return _Plan(after, False, "restored")
    horizon = int(get_setting(session, HORIZON_KEY) or 0)
    if not full_pass and 0 < after < horizon:
        return _Plan(after, False, "tombstones_purged")
    if not full_pass and client_key is not None and client_key != key:
        return _Plan(0, True)  # the scope changed: re-send all of it, the client sweeps the rest
    return _Plan(after, full_pass)


def pull(session: Session, principal: Principal, *, cursor: str | None, limit: int,
         client_scope_key: str | None = None) -> dict[str, Any]:
    """One page, as the plain structure of :class:`sync.protocol.PullResponse` (serialised
    straight to JSON by the route: building a model per row would cost more than the query)."""
    epoch = database_epoch(session)
    top = current_seq(session.connection())  # read first: every row numbered up to here has committed
    key = scope_key(session, principal)
    plan = _plan(session, cursor, client_scope_key, key, epoch)
    plan = _Plan(plan.after, plan.full_pass, plan.resync_reason, top)
    if plan.resync_reason:
        return {"upserts": {}, "removes": {}, "next_cursor": "", "has_more": False, "scope_key": key,
                "scope_reset": False, "resync_required": True, "reason": plan.resync_reason}
    if not plan.full_pass and plan.after >= plan.top:
        # Nothing was written anywhere since the cursor: the common incremental case, two queries.
        return {"upserts": {}, "removes": {}, "next_cursor": format_cursor(epoch, plan.after), "has_more": False,
                "scope_key": key, "scope_reset": False, "resync_required": False, "reason": ""}
    tables = _tables_changed_since(session, plan.after)
    small = None if plan.full_pass else _changes(session, principal, plan, plan.top, tables, cap=limit)
    if small is not None:
        # An incremental pull whose changes fit in one page (the common case while clients
        # sync every few minutes): read once, no boundary to find.
        upserts, removes = small
        boundary, has_more = plan.top, False
    else:
        boundary, has_more = _boundary(session, principal, plan, limit, tables)
        changes = _changes(session, principal, plan, boundary, tables) if boundary > plan.after else None
        upserts, removes = changes if changes is not None else ({}, {})
    # A last page covers everything up to the counter, in scope or not, so the cursor can
    # move to it (and a check made right after compares like with like).
    end = max(boundary, plan.after) if has_more else max(plan.top, plan.after)
    return {"upserts": upserts, "removes": removes,
            "next_cursor": format_cursor(epoch, end, full_pass=plan.full_pass and has_more),
            "has_more": has_more, "scope_key": key, "scope_reset": plan.full_pass,
            "resync_required": False, "reason": ""}


def _window(session: Session, table: Table, after: int, upto: int, condition: Any, *,
            removed: bool = False) -> tuple[Any, Any]:
    """(selectable, its columns) of the rows numbered in (after, upto] that meet the scope
    condition (or, for ``removed``, changed rows that no longer do).

    On SQLite the sequence range is read first, in a subquery the planner may not flatten
    (it has a LIMIT): otherwise it prefers the index of a scope subquery (a department's
    36,000 grades) to the short range of new numbers, a hundredfold slower.
    """
    window = (table.c.server_seq > after, table.c.server_seq <= upto)
    if removed:
        window = (*window, table.c.row_version > 1)
    if session.get_bind().dialect.name != "sqlite":
        stmt = select(table).where(*window)
        if condition is not None:
            stmt = stmt.where(not_(condition) if removed else condition)
        return stmt, table.c
    inner = select(table).where(*window).order_by(table.c.server_seq).limit(-1).subquery()
    stmt = select(inner)
    if condition is not None:
        adapted = ClauseAdapter(inner).traverse(condition)
        stmt = stmt.where(not_(adapted) if removed else adapted)
    return stmt, inner.c


def _never(condition: object) -> bool:
    return isinstance(condition, False_)


def _removals_apply(plan: _Plan, condition: object) -> bool:
    return not plan.full_pass and condition is not None and not _never(condition)


def _changed_tables_query() -> Any:
    """One statement probing every table's ``server_seq`` index for a number after ``:after``."""
    after = bindparam("after", type_=Integer)
    return union_all(*(
        select(literal(i).label("i")).where(exists().where(Base.metadata.tables[name].c.server_seq > after))
        for i, name in enumerate(SYNC_TABLES)
    ))


_CHANGED_TABLES = _changed_tables_query()


def _tables_changed_since(session: Session, after: int) -> list[str]:
    """Tables with any row numbered after the cursor: one index probe each, all in one
    statement, so a pull after a few edits elsewhere runs the scoped queries on one or two
    tables, not on all of them."""
    found = sorted(i for (i,) in session.execute(_CHANGED_TABLES, {"after": after}))
    return [SYNC_TABLES[i] for i in found]


def _boundary(session: Session, principal: Principal, plan: _Plan, limit: int, tables: list[str]) -> tuple[int, bool]:
    """The highest sequence number of this page, and whether more remain after it."""
    lists: list[list[int]] = []
    full = False
    for name in tables:
        table = Base.metadata.tables[name]
        condition = scope_filter(principal, name)
        queries = []
        if not _never(condition):
            queries.append(_window(session, table, plan.after, plan.top, condition))
        if _removals_apply(plan, condition):
            queries.append(_window(session, table, plan.after, plan.top, condition, removed=True))
        for stmt, cols in queries:
            q = stmt.with_only_columns(cols.server_seq).order_by(cols.server_seq).limit(limit)
            seqs = list(session.scalars(q))
            full = full or len(seqs) == limit
            if seqs:
                lists.append(seqs)
    merged = list(heapq.merge(*lists))
    if not merged:
        return plan.after, False
    if len(merged) > limit:
        return merged[limit - 1], True
    return merged[-1], full


def _changes(session: Session, principal: Principal, plan: _Plan, boundary: int, tables: list[str], *,
             cap: int | None = None) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]] | None:
    """The rows (and removals) numbered in (after, boundary]. With ``cap``: None as soon as
    they come to more than ``cap`` in all (the caller then cuts a page at a boundary)."""
    upserts: dict[str, dict[str, Any]] = {}
    removes: dict[str, list[str]] = {}
    budget = cap
    for name in tables:
        table = Base.metadata.tables[name]
        condition = scope_filter(principal, name)
        if not _never(condition):
            stmt, _cols = _window(session, table, plan.after, boundary, condition)
            if budget is not None:
                stmt = stmt.limit(budget + 1)
            rows = [list(r) for r in session.execute(stmt)]
            if budget is not None:
                budget -= len(rows)
                if budget < 0:
                    return None
            if rows:
                upserts[str(name)] = {"columns": [str(c.name) for c in table.c], "rows": rows}
        if _removals_apply(plan, condition):
            stmt, cols = _window(session, table, plan.after, boundary, condition, removed=True)
            stmt = stmt.with_only_columns(cols.id)
            if budget is not None:
                stmt = stmt.limit(budget + 1)
            gone = list(session.scalars(stmt))
            if budget is not None:
                budget -= len(gone)
                if budget < 0:
                    return None
            if gone:
                removes[str(name)] = gone
    return upserts, removes
