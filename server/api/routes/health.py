from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from sqlalchemy import text

from core.version import PROTOCOL_VERSION, SCHEMA_VERSION, __version__
from server.api.deps import SessionDep, SettingsDep, public

router = APIRouter(tags=["health"])


@router.get("/health")
def health(session: SessionDep, settings: SettingsDep, _: Annotated[None, Depends(public())]) -> dict[str, Any]:
    """Liveness and versions; the client's connectivity monitor polls this."""
    session.execute(text("SELECT 1"))
    return {
        "status": "ok",
        "version": __version__,
        "protocol_version": PROTOCOL_VERSION,
        "schema_version": SCHEMA_VERSION,
        "min_client_version": settings.min_client_version,
        "database": session.get_bind().dialect.name,
    }
