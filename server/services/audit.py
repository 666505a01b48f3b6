"""The audit log: every login, every admin action and every later data change."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.models import AuditLog
from server.services.principal import Principal


def _dump(values: dict[str, Any] | None) -> str | None:
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, default=str, sort_keys=True)


def record(
    session: Session,
    actor: Principal | None,
    action: str,
    *,
    entity: str = "",
    entity_id: str = "",
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    summary: str = "",
    username: str | None = None,
    client_address: str | None = None,
) -> AuditLog:
    entry = AuditLog(
        user_id=actor.user_id if actor and actor.user_id else None,
        username=username if username is not None else (actor.username if actor else ""),
        action=action,
        entity=entity,
        entity_id=entity_id,
        old_values=_dump(old),
        new_values=_dump(new),
        client_address=client_address if client_address is not None else (actor.client_address if actor else ""),
        summary=summary[:300],
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditQuery:
    user: str | None = None  # username (exact) or user id
    action: str | None = None  # exact code or a prefix ending in "." (e.g. "user.")
    entity: str | None = None
    entity_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    page: int = 1
    size: int = 50


def search(session: Session, query: AuditQuery) -> tuple[list[AuditLog], int]:
    stmt = select(AuditLog)
    if query.user:
        stmt = stmt.where((AuditLog.username == query.user) | (AuditLog.user_id == query.user))
    if query.action:
        if query.action.endswith("."):
            stmt = stmt.where(AuditLog.action.startswith(query.action))
        else:
            stmt = stmt.where(AuditLog.action == query.action)
    if query.entity:
        stmt = stmt.where(AuditLog.entity == query.entity)
    if query.entity_id:
        stmt = stmt.where(AuditLog.entity_id == query.entity_id)
    if query.since:
        stmt = stmt.where(AuditLog.at >= query.since)
    if query.until:
        stmt = stmt.where(AuditLog.at < query.until)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(AuditLog.at.desc(), AuditLog.id.desc())
        .offset((query.page - 1) * query.size)
        .limit(query.size)
    ).all()
    return list(rows), total


def row_values(obj: object, fields: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """The named attributes of a row, for an audit entry's old or new values."""
    return {name: getattr(obj, name) for name in fields}
