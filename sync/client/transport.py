"""How the engine reaches the server: a Protocol, and its HTTP implementation on httpx.

Every foreign exception becomes a :class:`SyncError` here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import httpx
import orjson

from core.version import PROTOCOL_VERSION, SCHEMA_VERSION, __version__
from sync.client.errors import SyncError, SyncErrorKind
from sync.protocol import CheckResponse, PullResponse, PushRequest, PushResponse, TableRows


class Transport(Protocol):
    def pull(self, cursor: str | None, limit: int, scope_key: str | None) -> PullResponse: ...

    def push(self, request: PushRequest) -> PushResponse: ...

    def check(self, tables: list[str] | None) -> CheckResponse: ...


def error_from_response(status: int, body: Any) -> SyncError:
    message = body.get("message", f"HTTP {status}") if isinstance(body, dict) else f"HTTP {status}"
    if status == 401:
        return SyncError(SyncErrorKind.AUTH, message, status)
    if status == 426:
        return SyncError(SyncErrorKind.CLIENT_TOO_OLD, message, status)
    if status >= 500 or status in (408, 429, 503):
        return SyncError(SyncErrorKind.NETWORK, message, status)
    return SyncError(SyncErrorKind.REJECTED, message, status)


def parse_pull(body: Any) -> PullResponse:
    """A pull page from JSON. The envelope is validated; the row values, thousands of them,
    are taken as they are (they go straight into the replica), checked only for shape."""
    if not isinstance(body, dict) or not isinstance(body.get("upserts"), dict):
        raise SyncError(SyncErrorKind.REJECTED, "malformed pull response from the server")
    upserts = body.pop("upserts")
    page = PullResponse.model_validate({**body, "upserts": {}})
    for table, block in upserts.items():
        columns, rows = block.get("columns"), block.get("rows")
        if not isinstance(columns, list) or not isinstance(rows, list) or "id" not in columns:
            raise SyncError(SyncErrorKind.REJECTED, f"malformed rows of {table} in a pull response")
        if any(len(r) != len(columns) for r in rows):
            raise SyncError(SyncErrorKind.REJECTED, f"rows of {table} do not match their columns")
        page.upserts[table] = TableRows.model_construct(columns=columns, rows=rows)
    return page


class HttpTransport:
    """The sync endpoints over HTTP; ``token`` is asked for on every request."""

    # The engine may request the next pull page from another thread while it applies one
    # (never two requests at once): httpx's client and its connection pool allow it.
    prefetch = True

    def __init__(self, base_url: str, token: Callable[[], str | None], *, timeout: float = 30.0,
                 client: httpx.Client | None = None, client_version: str = __version__) -> None:
        self._client = client or httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)
        self._token = token
        self._version = client_version  # the installed version (the launcher's), for the server's gate

    def close(self) -> None:
        self._client.close()

    def _headers(self) -> dict[str, str]:
        headers = {"X-Client-Version": self._version, "X-Protocol-Version": str(PROTOCOL_VERSION),
                   "X-Schema-Version": str(SCHEMA_VERSION)}
        token = self._token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._client.request(method, path, headers=self._headers(), **kwargs)
        except httpx.HTTPError as exc:
            raise SyncError(SyncErrorKind.NETWORK, f"服务器无法连接 (server unreachable: {exc})") from exc
        try:
            body = orjson.loads(response.content)
        except orjson.JSONDecodeError:
            body = None
        if response.status_code >= 400:
            raise error_from_response(response.status_code, body)
        return body

    def pull(self, cursor: str | None, limit: int, scope_key: str | None) -> PullResponse:
        params: dict[str, Any] = {"cursor": cursor or "", "limit": limit}
        if scope_key:
            params["scope_key"] = scope_key
        return parse_pull(self._call("GET", "/sync/pull", params=params))

    def push(self, request: PushRequest) -> PushResponse:
        return PushResponse.model_validate(self._call("POST", "/sync/push", json=request.model_dump(mode="json")))

    def check(self, tables: list[str] | None) -> CheckResponse:
        params = {"tables": ",".join(tables)} if tables else {}
        return CheckResponse.model_validate(self._call("GET", "/sync/check", params=params))
