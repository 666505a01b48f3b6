"""``/sync/pull``, ``/sync/push`` and ``/sync/check``, written against a :class:`SyncBackend`.

This package imports neither ``server`` nor ``client``: the server passes in its session and
permission dependencies and a backend built from its business services.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Protocol

import orjson
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    CheckResponse,
    PullResponse,
    PushRequest,
    PushResponse,
)

MAX_PUSH_BYTES = 8 * 1024 * 1024


class SyncBackend(Protocol):
    def pull(self, session: Any, principal: Any, *, cursor: str | None, limit: int,
             scope_key: str | None) -> dict[str, Any]:
        """A page with the structure of :class:`PullResponse`, as plain JSON-able data."""
        ...

    def push(self, session: Any, principal: Any, request: PushRequest) -> PushResponse: ...

    def check(self, session: Any, principal: Any, tables: list[str] | None) -> CheckResponse: ...


def make_sync_router(backend: SyncBackend, *, session_dependency: Any, principal_dependency: Any) -> APIRouter:
    """Build the router; ``principal_dependency`` is the server's permission check (``sync.use``)."""
    router = APIRouter(prefix="/sync", tags=["sync"])
    # Dependencies as defaults: annotations are strings here (postponed evaluation), and
    # FastAPI resolves them in module globals, where these closures' aliases do not exist.
    session_arg: Any = Depends(session_dependency)
    principal_arg: Any = Depends(principal_dependency)

    @router.get("/pull", response_model=PullResponse)
    def pull(cursor: str = "", limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
             scope_key: str | None = None, session: Any = session_arg, principal: Any = principal_arg) -> Response:
        page = backend.pull(session, principal, cursor=cursor or None, limit=limit, scope_key=scope_key)
        # Serialised directly: pages carry thousands of rows, and re-validating them through
        # the response model would cost more than the queries.
        return Response(orjson.dumps(page, default=_json_default), media_type="application/json")

    @router.post("/push", response_model=PushResponse)
    def push(body: PushRequest, session: Any = session_arg, principal: Any = principal_arg) -> PushResponse:
        return backend.push(session, principal, body)

    @router.get("/check", response_model=CheckResponse)
    def check(tables: str = "", session: Any = session_arg, principal: Any = principal_arg) -> CheckResponse:
        names = [t for t in tables.split(",") if t] or None
        return backend.check(session, principal, names)

    return router


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


async def refuse_oversized_push(request: Request, call_next: Any) -> Any:
    """Middleware: a push larger than MAX_PUSH_BYTES is refused whole before it is read."""
    if request.url.path == "/sync/push":
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > MAX_PUSH_BYTES:
            return JSONResponse(
                {"code": "push_too_large",
                 "message": f"同步数据过大，请分批上传 (push larger than {MAX_PUSH_BYTES} bytes; send fewer ops)",
                 "details": {"max_bytes": MAX_PUSH_BYTES}},
                status_code=413,
            )
    return await call_next(request)
