"""Login, logout, expiry, revocation, lockout and throttling (issue 2, item 6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from core.models import AuditLog, AuthToken, LoginAttempt

Login = Callable[..., dict[str, str]]
MakeUser = Callable[..., str]
PASSWORD = "Correct-Horse-7"  # the password the make_user fixture gives


def test_login_returns_token_user_roles_and_permissions(api: TestClient, make_user: MakeUser) -> None:
    make_user("liu", "registrar")
    response = api.post("/auth/login", json={"username": "liu", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert len(body["token"]) >= 40
    assert body["user"]["username"] == "liu"
    assert body["user"]["roles"] == ["registrar"]
    assert "status.approve" in body["user"]["permissions"]
    assert "users.manage" not in body["user"]["permissions"]
    assert body["user"]["scope"] == "all"
    expires = datetime.fromisoformat(body["expires_at"])
    assert timedelta(hours=11.9) < expires - datetime.now(expires.tzinfo) <= timedelta(hours=12)


def test_token_is_stored_hashed_only(api: TestClient, make_user: MakeUser, sessions: sessionmaker[Session]) -> None:
    make_user("liu", "registrar")
    token = api.post("/auth/login", json={"username": "liu", "password": PASSWORD}).json()["token"]
    with sessions() as s:
        hashes = s.scalars(select(AuthToken.token_hash)).all()
    assert token not in hashes and len(hashes) == 1


def test_wrong_username_and_wrong_password_get_the_same_answer(api: TestClient, make_user: MakeUser) -> None:
    make_user("liu", "registrar")
    a = api.post("/auth/login", json={"username": "liu", "password": "nope-nope"})
    b = api.post("/auth/login", json={"username": "nobody", "password": "nope-nope"})
    assert a.status_code == b.status_code == 401
    assert a.json() == b.json()
    assert a.json()["code"] == "not_authenticated"


def test_me_and_logout_revokes(api: TestClient, make_user: MakeUser, login: Login) -> None:
    make_user("liu", "registrar")
    headers = login("liu")
    assert api.get("/auth/me", headers=headers).json()["username"] == "liu"
    assert api.post("/auth/logout", headers=headers).status_code == 200
    after = api.get("/auth/me", headers=headers)
    assert after.status_code == 401
    assert after.json()["details"]["reason"] == "revoked"


def test_missing_and_garbage_tokens(api: TestClient) -> None:
    assert api.get("/auth/me").status_code == 401
    assert api.get("/auth/me", headers={"Authorization": "Bearer nonsense"}).status_code == 401
    assert api.get("/auth/me", headers={"Authorization": "Basic abc"}).status_code == 401


def test_token_expires_after_idle_hours(api: TestClient, make_user: MakeUser, login: Login,
                                        sessions: sessionmaker[Session]) -> None:
    make_user("liu", "registrar")
    headers = login("liu")
    with sessions.begin() as s:
        s.execute(update(AuthToken).values(last_used_at=datetime.now().astimezone() - timedelta(hours=11)))
    assert api.get("/auth/me", headers=headers).status_code == 200  # used: idle clock restarts
    with sessions.begin() as s:
        s.execute(update(AuthToken).values(last_used_at=datetime.now().astimezone() - timedelta(hours=12, minutes=1)))
    response = api.get("/auth/me", headers=headers)
    assert response.status_code == 401
    assert response.json()["details"]["reason"] == "expired"


def test_use_is_recorded_once_a_minute_per_token_and_a_busy_database_never_holds_a_request(
        api: TestClient, make_user: MakeUser, login: Login, sessions: sessionmaker[Session], db_url: str) -> None:
    import time

    from sqlalchemy import select

    make_user("liu", "registrar")
    headers = login("liu")

    def last_used() -> datetime:
        with sessions() as s:
            return s.scalars(select(AuthToken.last_used_at)).one()

    def set_last_used(minutes_ago: int) -> datetime:
        when = datetime.now().astimezone() - timedelta(minutes=minutes_ago)
        with sessions.begin() as s:
            s.execute(update(AuthToken).values(last_used_at=when))
        return last_used()

    old = set_last_used(2)
    assert api.get("/auth/me", headers=headers).status_code == 200
    assert last_used() > old  # recorded
    old = set_last_used(2)
    assert api.get("/auth/me", headers=headers).status_code == 200
    assert last_used() == old  # this process recorded it less than a minute ago: no second write
    if not db_url.startswith("sqlite"):
        return
    from server.services import auth

    auth._touched.clear()
    engine = sessions.kw["bind"]
    with engine.connect() as conn:  # another process holds SQLite's write lock
        blocker = conn.connection.driver_connection
        blocker.execute("BEGIN IMMEDIATE")
        started = time.perf_counter()
        assert api.get("/auth/me", headers=headers).status_code == 200
        assert time.perf_counter() - started < 5  # the touch gave up after 250 ms, not 30 s
        blocker.execute("ROLLBACK")
    assert last_used() == old
    assert api.get("/auth/me", headers=headers).status_code == 200
    assert last_used() > old  # not recorded then, so the next request did it


def test_password_change_revokes_other_sessions(api: TestClient, make_user: MakeUser, login: Login) -> None:
    make_user("liu", "registrar")
    first, second = login("liu"), login("liu")
    bad = api.post("/auth/password", headers=first, json={"current_password": "wrong-one", "new_password": "Another-Horse-8"})
    assert bad.status_code == 422 and bad.json()["details"]["fields"][0]["field"] == "current_password"
    weak = api.post("/auth/password", headers=first, json={"current_password": PASSWORD, "new_password": "123456"})
    assert weak.status_code == 422 and weak.json()["details"]["fields"][0]["field"] == "new_password"
    ok = api.post("/auth/password", headers=first, json={"current_password": PASSWORD, "new_password": "Another-Horse-8"})
    assert ok.status_code == 200
    assert api.get("/auth/me", headers=first).status_code == 200
    assert api.get("/auth/me", headers=second).status_code == 401
    assert login("liu", "Another-Horse-8")


def test_role_change_and_disable_revoke_tokens(api: TestClient, make_user: MakeUser, login: Login,
                                               admin_headers: dict[str, str]) -> None:
    uid = make_user("liu", "registrar")
    headers = login("liu")
    assert api.put(f"/users/{uid}/roles", headers=admin_headers, json={"roles": ["admin"]}).status_code == 200
    assert api.get("/auth/me", headers=headers).status_code == 401
    headers = login("liu")
    assert "users.manage" in api.get("/auth/me", headers=headers).json()["permissions"]
    assert api.post(f"/users/{uid}/disable", headers=admin_headers).status_code == 200
    assert api.get("/auth/me", headers=headers).status_code == 401
    refused = api.post("/auth/login", json={"username": "liu", "password": PASSWORD})
    assert refused.status_code == 403 and refused.json()["code"] == "account_disabled"


def test_lockout_after_five_failures_even_for_the_right_password(
    api: TestClient, make_user: MakeUser, sessions: sessionmaker[Session]
) -> None:
    make_user("liu", "registrar")
    for _ in range(5):
        assert api.post("/auth/login", json={"username": "liu", "password": "bad-password"}).status_code == 401
    locked = api.post("/auth/login", json={"username": "liu", "password": PASSWORD})
    assert locked.status_code == 423
    body = locked.json()
    assert body["code"] == "account_locked"
    until = datetime.fromisoformat(body["details"]["locked_until"])
    assert timedelta(minutes=14) < until - datetime.now(until.tzinfo) <= timedelta(minutes=15)
    assert "锁定" in body["message"] and "until" in body["message"]
    # Attempts during the lock do not extend it: move the failures 16 minutes back.
    with sessions.begin() as s:
        for attempt in s.scalars(select(LoginAttempt)):
            attempt.at = attempt.at - timedelta(minutes=16)
    assert api.post("/auth/login", json={"username": "liu", "password": PASSWORD}).status_code == 200
    with sessions() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.username == "liu")).all()
    assert actions.count("login.failure") == 5 and "login.locked" in actions and "login.success" in actions


def test_four_failures_do_not_lock_and_success_resets(api: TestClient, make_user: MakeUser) -> None:
    make_user("liu", "registrar")
    for _ in range(4):
        api.post("/auth/login", json={"username": "liu", "password": "bad-password"})
    assert api.post("/auth/login", json={"username": "liu", "password": PASSWORD}).status_code == 200
    for _ in range(4):
        api.post("/auth/login", json={"username": "liu", "password": "bad-password"})
    assert api.post("/auth/login", json={"username": "liu", "password": PASSWORD}).status_code == 200


def test_unknown_usernames_lock_too(api: TestClient) -> None:
    for _ in range(5):
        api.post("/auth/login", json={"username": "ghost", "password": "bad-password"})
    assert api.post("/auth/login", json={"username": "ghost", "password": "bad-password"}).status_code == 423


@pytest.fixture
def throttled_settings(settings: object) -> object:
    settings.address_failures = 8  # type: ignore[attr-defined]
    return settings


def test_throttling_per_client_address(throttled_settings: object, api: TestClient, make_user: MakeUser) -> None:
    make_user("liu", "registrar")
    for i in range(8):  # spread over usernames so no single account locks
        assert api.post("/auth/login", json={"username": f"user{i}", "password": "bad-password"}).status_code == 401
    response = api.post("/auth/login", json={"username": "liu", "password": PASSWORD})
    assert response.status_code == 429
    assert response.json()["code"] == "too_many_attempts"
    assert int(response.headers["Retry-After"]) > 0


def test_malformed_login_names_each_field(api: TestClient) -> None:
    response = api.post("/auth/login", json={"user": "x"})
    assert response.status_code == 422
    fields = {f["field"] for f in response.json()["details"]["fields"]}
    assert {"username", "password", "user"} <= fields
    garbage = api.post("/auth/login", content=b"{not json", headers={"Content-Type": "application/json"})
    assert garbage.status_code == 422 and garbage.json()["code"] == "invalid_input"
