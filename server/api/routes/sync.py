"""The sync endpoints: ``sync.server``'s router fed with the server's services."""

from __future__ import annotations

from typing import Any

from server.api.deps import get_session, require
from server.services import sync_check, sync_pull, sync_push
from sync.protocol import CheckResponse, PushRequest, PushResponse
from sync.server import make_sync_router


class ServerSyncBackend:
    def pull(self, session: Any, principal: Any, *, cursor: str | None, limit: int,
             scope_key: str | None) -> dict[str, Any]:
        return sync_pull.pull(session, principal, cursor=cursor, limit=limit, client_scope_key=scope_key)

    def push(self, session: Any, principal: Any, request: PushRequest) -> PushResponse:
        return sync_push.push(session, principal, request)

    def check(self, session: Any, principal: Any, tables: list[str] | None) -> CheckResponse:
        return sync_check.check(session, principal, tables)


router = make_sync_router(ServerSyncBackend(), session_dependency=get_session,
                          principal_dependency=require("sync.use"))
