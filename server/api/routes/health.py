from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from sqlalchemy import text

from core.version import PROTOCOL_VERSION, SCHEMA_VERSION, __version__
from server.api.deps import SessionDep, public

router = APIRouter(tags=["health"])


@router.get("/health")
def health(request: Request, session: SessionDep, _: Annotated[None, Depends(public())]) -> dict[str, Any]:
    """Liveness and versions; the client's connectivity monitor polls this."""
    session.execute(text("SELECT 1"))
    return {
        "status": "ok",
        "version": __version__,
        "protocol_version": PROTOCOL_VERSION,
        "schema_version": SCHEMA_VERSION,
        "min_client_version": request.app.state.version_policy.minimum(),
        "database": session.get_bind().dialect.name,
    }
