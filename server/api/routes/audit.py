from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from server.api.deps import AuditReaderDep, SessionDep
from server.api.schemas.accounts import AuditPublic
from server.api.schemas.common import Page
from server.services import audit

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("", response_model=Page[AuditPublic])
def search_audit(
    session: SessionDep, _actor: AuditReaderDep,
    user: str | None = None, action: str | None = None, entity: str | None = None,
    entity_id: str | None = None, since: datetime | None = None, until: datetime | None = None,
    page: Annotated[int, Query(ge=1)] = 1, size: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> Page[AuditPublic]:
    query = audit.AuditQuery(user=user, action=action, entity=entity, entity_id=entity_id,
                             since=since, until=until, page=page, size=size)
    rows, total = audit.search(session, query)
    return Page(items=[AuditPublic.model_validate(r) for r in rows], total=total, page=page, size=size)
