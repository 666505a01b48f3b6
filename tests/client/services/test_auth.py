"""Auth without Qt: verifier kept after online login, offline login, re-validation outcomes."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from client.services.auth import AuthService
from client.services.errors import ClientError, ErrorKind
from client.services.tokens import SERVICE
from client.store.db import open_store

HEALTH = {"status": "ok", "version": "0.1.0", "protocol_version": 1, "schema_version": 1, "min_client_version": None}
USER = {"id": "u1", "username": "wang", "display_name": "王伟", "roles": ["teacher"],
        "permissions": ["grades.read", "sync.use"], "scope": "own_tasks"}


class FakeServer:
    def __init__(self) -> None:
        self.up = True
        self.password = "Right-Password-1"
        self.disabled = False
        self.tokens: set[str] = set()
        self.user = dict(USER)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if not self.up:
            raise httpx.ConnectError("down", request=request)
        path = request.url.path
        if path == "/health":
            return httpx.Response(200, json=HEALTH)
        if path == "/auth/login":
            body = json.loads(request.content)
            if self.disabled:
                return httpx.Response(403, json={"code": "account_disabled", "message": "m", "details": {}})
            if body["password"] != self.password:
                return httpx.Response(401, json={"code": "not_authenticated", "message": "m", "details": {}})
            token = f"t{len(self.tokens)}"
            self.tokens.add(token)
            return httpx.Response(200, json={"token": token, "expires_at": "2030-01-01T00:00:00Z", "user": self.user})
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if token not in self.tokens:
            return httpx.Response(401, json={"code": "not_authenticated", "message": "m", "details": {}})
        if path == "/auth/logout":
            self.tokens.discard(token)
            return httpx.Response(200, json={"message": "ok"})
        return httpx.Response(200, json=self.user)

    def revoke_all(self) -> None:
        self.tokens.clear()


@pytest.fixture
def fake() -> FakeServer:
    return FakeServer()


@pytest.fixture
def auth(tmp_path: Path, fake: FakeServer) -> AuthService:
    from client.services.api import ApiClient

    return AuthService(open_store(tmp_path), lambda s: ApiClient(s, transport=httpx.MockTransport(fake.handle)))


SERVER = "http://srv:8765"


def test_online_login_keeps_a_verifier_not_the_password_and_the_token_in_the_keyring(auth, memory_keyring, tmp_path) -> None:
    session = auth.login_online(SERVER, "wang", "Right-Password-1")
    assert session.online and session.user.display_name == "王伟"
    assert auth.knows(SERVER, "WANG")
    assert memory_keyring.store[(SERVICE, f"wang@{SERVER}")] == session.token
    assert b"Right-Password-1" not in (tmp_path / "client.db").read_bytes()


def test_offline_login_checks_the_verifier(auth, fake) -> None:
    auth.login_online(SERVER, "wang", "Right-Password-1")
    fake.up = False
    with pytest.raises(ClientError) as exc:
        auth.login_online(SERVER, "wang", "Right-Password-1")
    assert exc.value.kind is ErrorKind.UNREACHABLE
    with pytest.raises(ClientError) as exc:
        auth.login_offline(SERVER, "wang", "wrong")
    assert exc.value.kind is ErrorKind.WRONG_CREDENTIALS
    with pytest.raises(ClientError) as exc:
        auth.login_offline(SERVER, "li", "Right-Password-1")
    assert exc.value.kind is ErrorKind.OFFLINE_UNKNOWN
    session = auth.login_offline(SERVER, "wang", "Right-Password-1")
    assert not session.online and "grades.read" in session.user.permissions


def test_revalidation_keeps_a_valid_token_and_picks_up_new_roles(auth, fake) -> None:
    auth.login_online(SERVER, "wang", "Right-Password-1")
    offline = auth.login_offline(SERVER, "wang", "Right-Password-1")
    fake.user = {**USER, "roles": ["teacher", "dept_staff"], "permissions": ["grades.read", "plans.write", "sync.use"]}
    session = auth.revalidate(offline)
    assert session.online and "plans.write" in session.user.permissions
    again = auth.login_offline(SERVER, "wang", "Right-Password-1")
    assert "plans.write" in again.user.permissions  # the stored description was refreshed


def test_revalidation_after_a_password_change_ends_the_session_and_forgets_the_verifier(auth, fake) -> None:
    auth.login_online(SERVER, "wang", "Right-Password-1")
    offline = auth.login_offline(SERVER, "wang", "Right-Password-1")
    fake.password, _ = "Changed-Password-2", fake.revoke_all()
    with pytest.raises(ClientError) as exc:
        auth.revalidate(offline)
    assert exc.value.kind is ErrorKind.NOT_AUTHENTICATED and exc.value.details["password_changed"]
    assert not auth.knows(SERVER, "wang")


def test_revalidation_of_a_disabled_account(auth, fake) -> None:
    auth.login_online(SERVER, "wang", "Right-Password-1")
    offline = auth.login_offline(SERVER, "wang", "Right-Password-1")
    fake.disabled, _ = True, fake.revoke_all()
    with pytest.raises(ClientError) as exc:
        auth.revalidate(offline)
    assert exc.value.kind is ErrorKind.DISABLED and not auth.knows(SERVER, "wang")


def test_a_student_account_is_refused_and_its_token_revoked(auth, fake) -> None:
    fake.user = {**USER, "roles": ["student"], "permissions": ["portal.self"], "scope": "self"}
    with pytest.raises(ClientError) as exc:
        auth.login_online(SERVER, "wang", "Right-Password-1")
    assert exc.value.kind is ErrorKind.STUDENT_ACCOUNT and exc.value.details["portal"] == f"{SERVER}/portal/"
    assert not fake.tokens and not auth.knows(SERVER, "wang")


def test_logout_revokes_the_token_but_keeps_offline_login(auth, fake, memory_keyring) -> None:
    session = auth.login_online(SERVER, "wang", "Right-Password-1")
    auth.logout(session)
    assert not fake.tokens and not memory_keyring.store
    assert auth.login_offline(SERVER, "wang", "Right-Password-1").user.username == "wang"
