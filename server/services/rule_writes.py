"""Writing one replicated row through its table's transition, for the REST services.

The sync push reaches the same transitions through ``replica_writes``; here a service
builds the wanted row, the transition checks it and adds the server's values, and the
ORM session writes it (so ``row_version``/``server_seq`` bookkeeping applies) and the
audit log records it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from core.models import Replicated, new_id, utcnow
from core.models.wire import SYSTEM_COLUMNS, to_wire
from server.services import audit
from server.services.principal import Principal

Transition = Callable[[Session, Principal, dict[str, Any] | None, dict[str, Any]], dict[str, Any]]
R = TypeVar("R", bound=Replicated)


def row_dict(obj: Replicated) -> dict[str, Any]:
    return {c.name: getattr(obj, c.key) for c in obj.__table__.c}  # type: ignore[attr-defined]


def _defaults(model: type[Replicated]) -> dict[str, Any]:
    table = model.__table__  # type: ignore[attr-defined]
    return {c.name: c.default.arg for c in table.c
            if c.default is not None and not callable(c.default.arg) and c.name not in SYSTEM_COLUMNS}


def write_row(session: Session, actor: Principal, model: type[R], obj: R | None, changes: dict[str, Any],
              transition: Transition, *, action: str) -> R:
    """Create (``obj`` None) or change a row through ``transition``; returns the row, flushed.

    Raises:
        DomainError: whatever the transition refuses; nothing is written then.
    """
    table = model.__tablename__  # type: ignore[attr-defined]
    stored = row_dict(obj) if obj is not None else None
    wanted = {**(stored or {**_defaults(model), "id": new_id()}), **changes}
    values = {**changes, **transition(session, actor, stored, wanted)}
    if obj is None:
        obj = model(id=wanted["id"], updated_by=actor.username, **{k: v for k, v in values.items() if k != "id"})
        session.add(obj)
        old = None
    else:
        old = {k: stored[k] for k in values if stored is not None and k in stored}
        for name, value in values.items():
            setattr(obj, name, value)
        if values.get("deleted"):
            obj.deleted_at = utcnow()
        obj.updated_by = actor.username
    session.flush()
    audit.record(session, actor, action, entity=table, entity_id=obj.id,
                 old=to_wire(table, old) if old else None, new=to_wire(table, values))
    return obj
