"""The API client maps every server answer and network failure to a ClientError kind."""

from __future__ import annotations

import threading

import httpx
import pytest

from client.services.api import ApiClient, normalise_server
from client.services.errors import ClientError, ErrorKind
from core.version import __version__


def _api(status: int, body: object, headers: dict[str, str] | None = None) -> tuple[ApiClient, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=body, headers=headers)

    return ApiClient("127.0.0.1:1", transport=httpx.MockTransport(handler)), seen


@pytest.mark.parametrize(("status", "code", "path", "kind"), [
    (401, "not_authenticated", "/auth/login", ErrorKind.WRONG_CREDENTIALS),
    (401, "not_authenticated", "/users", ErrorKind.NOT_AUTHENTICATED),
    (423, "account_locked", "/auth/login", ErrorKind.LOCKED),
    (403, "account_disabled", "/auth/login", ErrorKind.DISABLED),
    (403, "permission_denied", "/users", ErrorKind.PERMISSION_DENIED),
    (404, "not_found", "/users/x", ErrorKind.NOT_FOUND),
    (409, "conflict", "/users", ErrorKind.CONFLICT),
    (422, "invalid_input", "/users", ErrorKind.VALIDATION),
    (426, "client_too_old", "/users", ErrorKind.CLIENT_TOO_OLD),
    (429, "too_many_attempts", "/auth/login", ErrorKind.THROTTLED),
    (500, "boom", "/users", ErrorKind.SERVER),
])
def test_status_codes_map_to_kinds(status: int, code: str, path: str, kind: ErrorKind) -> None:
    api, _seen = _api(status, {"code": code, "message": "中文 (English)", "details": {}})
    with pytest.raises(ClientError) as exc:
        api.post(path, json={})
    assert exc.value.kind is kind and exc.value.status_code == status and exc.value.message == "中文 (English)"


def test_every_request_sends_the_client_version_and_the_token() -> None:
    api, seen = _api(200, {"ok": True})
    api.set_token("tok")
    assert api.get("/auth/me", params={"q": "", "page": 1, "role": None}) == {"ok": True}
    request = seen[0]
    assert request.headers["X-Client-Version"] == __version__
    assert request.headers["Authorization"] == "Bearer tok"
    assert str(request.url) == "http://127.0.0.1:1/auth/me?page=1"  # empty filters are not sent


def test_field_errors_and_lock_time_are_exposed() -> None:
    api, _ = _api(422, {"code": "invalid_input", "message": "m", "details": {"fields": [
        {"field": "username", "message": "bad"}, {"field": "username", "message": "taken"}]}})
    with pytest.raises(ClientError) as exc:
        api.post("/users", json={})
    assert exc.value.field_errors == {"username": "bad; taken"}
    api, _ = _api(423, {"code": "account_locked", "message": "m", "details": {"locked_until": "2026-01-01T08:00:00+00:00"}})
    with pytest.raises(ClientError) as exc:
        api.post("/auth/login", json={})
    assert exc.value.locked_until is not None and exc.value.locked_until.hour == 8


def test_unreachable_and_cancelled() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    api = ApiClient("http://127.0.0.1:1", transport=httpx.MockTransport(refuse))
    with pytest.raises(ClientError) as exc:
        api.get("/health")
    assert exc.value.kind is ErrorKind.UNREACHABLE
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ClientError) as exc:
        api.get("/health", cancel=cancel)
    assert exc.value.kind is ErrorKind.CANCELLED


def test_an_older_server_protocol_is_reported_as_server_too_old() -> None:
    api, _ = _api(200, {"status": "ok", "version": "0.0.1", "protocol_version": 0, "schema_version": 0})
    with pytest.raises(ClientError) as exc:
        api.health()
    assert exc.value.kind is ErrorKind.SERVER_TOO_OLD


def test_normalise_server() -> None:
    assert normalise_server(" jiaowu.example.edu.cn:8765/ ") == "http://jiaowu.example.edu.cn:8765"
    assert normalise_server("https://x") == "https://x"
