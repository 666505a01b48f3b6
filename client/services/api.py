"""HTTP access to the Jiaowu server: one place that sends the version header and maps errors.

Every failure becomes a :class:`ClientError` with a kind; nothing above this module sees an
httpx exception. Thread-safe: workers on the global pool share one instance.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import httpx

from client.services.dto import ServerInfo
from client.services.errors import CancelledError, ClientError, ErrorKind
from client.services.session import normalise_server
from core.version import PROTOCOL_VERSION, SCHEMA_VERSION, __version__

_STATUS_KINDS: dict[int, ErrorKind] = {
    401: ErrorKind.NOT_AUTHENTICATED, 404: ErrorKind.NOT_FOUND, 409: ErrorKind.CONFLICT,
    422: ErrorKind.VALIDATION, 423: ErrorKind.LOCKED, 426: ErrorKind.CLIENT_TOO_OLD,
    429: ErrorKind.THROTTLED,
}
__all__ = ["ApiClient", "DEFAULT_TIMEOUT", "normalise_server"]
DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=4.0)


class ApiClient:
    """A small synchronous client of the server's JSON API."""

    def __init__(self, server: str, *, timeout: httpx.Timeout = DEFAULT_TIMEOUT,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.server = normalise_server(server)
        self._token: str | None = None
        self._lock = threading.Lock()
        headers = {"X-Client-Version": __version__, "X-Protocol-Version": str(PROTOCOL_VERSION),
                   "X-Schema-Version": str(SCHEMA_VERSION), "Accept": "application/json"}
        self._http = httpx.Client(base_url=self.server, headers=headers, timeout=timeout, transport=transport)

    @property
    def token(self) -> str | None:
        return self._token

    def set_token(self, token: str | None) -> None:
        with self._lock:
            self._token = token

    def close(self) -> None:
        self._http.close()

    def request(self, method: str, path: str, *, json: Any = None, params: Mapping[str, Any] | None = None,
                cancel: threading.Event | None = None, token: str | None = None) -> Any:
        """Send one request; returns the decoded JSON body.

        Raises:
            ClientError: with the kind of failure (unreachable, validation, ...).
        """
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        bearer = token or self._token
        headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
        clean = {k: v for k, v in (params or {}).items() if v is not None and v != ""}
        try:
            response = self._http.request(method, path, json=json, params=clean, headers=headers)
        except httpx.HTTPError as exc:
            raise ClientError(ErrorKind.UNREACHABLE, str(exc) or type(exc).__name__) from exc
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        if response.status_code >= 400:
            raise _error_of(response, login=path == "/auth/login")
        try:
            return response.json()
        except ValueError as exc:
            raise ClientError(ErrorKind.SERVER, "not a Jiaowu server answer", response.status_code) from exc

    def get(self, path: str, **kw: Any) -> Any:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> Any:
        return self.request("POST", path, **kw)

    def health(self, *, cancel: threading.Event | None = None) -> ServerInfo:
        """``GET /health``; raises SERVER_TOO_OLD when the server speaks an older protocol."""
        data = self.get("/health", cancel=cancel)
        if not isinstance(data, dict) or "protocol_version" not in data:
            raise ClientError(ErrorKind.SERVER, "not a Jiaowu server")
        info = ServerInfo(version=str(data.get("version", "")), protocol_version=int(data["protocol_version"]),
                          schema_version=int(data.get("schema_version", 0)),
                          min_client_version=data.get("min_client_version"), database=str(data.get("database", "")))
        if info.protocol_version < PROTOCOL_VERSION or info.schema_version < SCHEMA_VERSION:
            raise ClientError(ErrorKind.SERVER_TOO_OLD, f"server {info.version}", details={"server_version": info.version})
        return info


def _error_of(response: httpx.Response, *, login: bool) -> ClientError:
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    code = str(body.get("code", ""))
    message = str(body.get("message", "")) or response.reason_phrase
    details = body.get("details") or {}
    status = response.status_code
    if status == 403:
        kind = ErrorKind.DISABLED if code == "account_disabled" else ErrorKind.PERMISSION_DENIED
    elif status == 401 and login:
        kind = ErrorKind.WRONG_CREDENTIALS
    else:
        kind = _STATUS_KINDS.get(status, ErrorKind.SERVER)
    if status == 429 and "retry-after" in response.headers:
        details = {**details, "retry_after": response.headers["retry-after"]}
    return ClientError(kind, message, status, details if isinstance(details, dict) else {})
