"""Login online and offline, re-validation at the next online contact, logout (DESIGN §5).

After every successful online login the store keeps an argon2 verifier of the password and
the server's description of the user; the token goes to the OS keyring. Offline login checks
the verifier and builds the same session from the stored description. When the server is
reachable again, :meth:`AuthService.revalidate` asks it: a revoked token, a changed password,
a disabled account or changed roles take effect then.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session, sessionmaker

from client.services import tokens
from client.services.api import ApiClient, normalise_server
from client.services.dto import UserRow
from client.services.errors import ClientError, ErrorKind
from client.services.session import AuthSession
from client.store import known_users

Progress = Callable[[int, int], None]
_HASHER = PasswordHasher()
DESKTOP_PERMISSION = "sync.use"
__all__ = ["AuthService", "AuthSession", "DESKTOP_PERMISSION"]


def _noop(_done: int, _total: int) -> None:
    return None


class AuthService:
    """Qt-free authentication; methods are called on worker threads, one at a time per session."""

    def __init__(self, sessions: sessionmaker[Session], api_factory: Callable[[str], ApiClient] = ApiClient) -> None:
        self._sessions = sessions
        self._api_factory = api_factory
        self._apis: dict[str, ApiClient] = {}
        self._lock = threading.Lock()
        self._offline_password: str | None = None  # kept only until the server re-validates
        self._remembering: threading.Thread | None = None

    def api(self, server: str) -> ApiClient:
        key = normalise_server(server)
        with self._lock:
            if key not in self._apis:
                self._apis[key] = self._api_factory(key)
            return self._apis[key]

    def close(self) -> None:
        self.wait_remembered()
        for api in self._apis.values():
            api.close()

    # -- online ---------------------------------------------------------------------------
    def login_online(self, server: str, username: str, password: str, *, on_progress: Progress = _noop,
                     cancel: threading.Event | None = None) -> AuthSession:
        """Log in against the server and remember what offline login needs.

        Raises:
            ClientError: WRONG_CREDENTIALS, LOCKED, DISABLED, UNREACHABLE, CLIENT_TOO_OLD,
                SERVER_TOO_OLD, STUDENT_ACCOUNT, THROTTLED, ...
        """
        api = self.api(server)
        on_progress(0, 3)
        api.health(cancel=cancel)
        on_progress(1, 3)
        data = api.post("/auth/login", json={"username": username.strip(), "password": password}, cancel=cancel)
        user = UserRow.of(data["user"])
        token = str(data["token"])
        self._refuse_non_desktop(api, token, user)
        on_progress(2, 3)
        api.set_token(token)
        self._remember(api.server, username, password, data["user"])
        tokens.save_token(api.server, username, token)
        self._offline_password = None
        on_progress(3, 3)
        return AuthSession(api.server, user, online=True, token=token, logged_in_at=datetime.now(UTC))

    def _refuse_non_desktop(self, api: ApiClient, token: str, user: UserRow) -> None:
        if DESKTOP_PERMISSION in user.permissions:
            return
        api.set_token(token)
        try:
            api.post("/auth/logout")
        except ClientError:
            pass  # the token expires by itself
        finally:
            api.set_token(None)
        if "student" in user.roles or user.scope == "self":
            raise ClientError(ErrorKind.STUDENT_ACCOUNT, details={"portal": f"{api.server}/portal/"})
        raise ClientError(ErrorKind.PERMISSION_DENIED, details={"permission": DESKTOP_PERMISSION})

    def _remember(self, server: str, username: str, password: str, user_json: dict[str, Any]) -> None:
        """Store the verifier on a background thread: argon2 costs ~0.1 s the user need not wait for.

        Not a daemon: the process waits for it at exit, so an online login always leaves its
        verifier behind. Readers of the store call :meth:`wait_remembered` first.
        """
        self.wait_remembered()
        self._remembering = threading.Thread(target=self._store_verifier, args=(server, username, password, user_json),
                                             name="jiaowu-remember-login")
        self._remembering.start()

    def wait_remembered(self, timeout: float | None = 30.0) -> None:
        """Block until the last online login's verifier is stored."""
        thread = self._remembering
        if thread is not None:
            thread.join(timeout)

    def _store_verifier(self, server: str, username: str, password: str, user_json: dict[str, Any]) -> None:
        verifier = _HASHER.hash(password)
        with self._sessions.begin() as s:
            known_users.save_known_user(session=s, server=server, username=username, user_id=str(user_json["id"]),
                                        verifier=verifier, user_json=json.dumps(user_json, default=str),
                                        at=datetime.now(UTC).replace(tzinfo=None))

    # -- offline --------------------------------------------------------------------------
    def knows(self, server: str, username: str) -> bool:
        """Has this user logged in online on this desktop against this server?"""
        self.wait_remembered()
        with self._sessions() as s:
            return known_users.get_known_user(session=s, server=normalise_server(server), username=username) is not None

    def login_offline(self, server: str, username: str, password: str, *, on_progress: Progress = _noop,
                      cancel: threading.Event | None = None) -> AuthSession:
        """Check the password against the stored verifier.

        Raises:
            ClientError: OFFLINE_UNKNOWN (never logged in here), WRONG_CREDENTIALS.
        """
        srv = normalise_server(server)
        self.wait_remembered()
        with self._sessions() as s:
            known = known_users.get_known_user(session=s, server=srv, username=username)
            if known is None:
                raise ClientError(ErrorKind.OFFLINE_UNKNOWN)
            verifier, user_json = known.verifier, known.user_json
        try:
            _HASHER.verify(verifier, password)
        except (VerificationError, InvalidHashError) as exc:
            raise ClientError(ErrorKind.WRONG_CREDENTIALS) from exc
        on_progress(1, 1)
        user = UserRow.of(json.loads(user_json))
        token = tokens.load_token(srv, username)
        self.api(srv).set_token(token)
        self._offline_password = password
        return AuthSession(srv, user, online=False, token=token, logged_in_at=datetime.now(UTC))

    # -- back online ----------------------------------------------------------------------
    def revalidate(self, current: AuthSession, *, on_progress: Progress = _noop,
                   cancel: threading.Event | None = None) -> AuthSession:
        """Confirm an offline session with the server; returns the refreshed session.

        Raises:
            ClientError: UNREACHABLE (still offline: keep working), NOT_AUTHENTICATED (the
                password changed or the session ended: log in again), DISABLED, LOCKED, ...
        """
        api = self.api(current.server)
        api.health(cancel=cancel)
        if api.token:
            try:
                data = api.get("/auth/me", cancel=cancel)
                return self._confirmed(current, data)
            except ClientError as exc:
                if exc.kind is not ErrorKind.NOT_AUTHENTICATED:
                    raise
        return self._login_again(current, cancel)

    def _login_again(self, current: AuthSession, cancel: threading.Event | None) -> AuthSession:
        password = self._offline_password
        if password is None:
            raise ClientError(ErrorKind.NOT_AUTHENTICATED)
        try:
            return self.login_online(current.server, current.user.username, password, cancel=cancel)
        except ClientError as exc:
            if exc.kind in (ErrorKind.WRONG_CREDENTIALS, ErrorKind.DISABLED, ErrorKind.STUDENT_ACCOUNT):
                self.forget(current.server, current.user.username)
                if exc.kind is ErrorKind.WRONG_CREDENTIALS:
                    raise ClientError(ErrorKind.NOT_AUTHENTICATED, exc.message, exc.status_code,
                                      {"password_changed": True}) from exc
            raise

    def _confirmed(self, current: AuthSession, data: dict[str, Any]) -> AuthSession:
        user = UserRow.of(data)
        if DESKTOP_PERMISSION not in user.permissions:
            self.forget(current.server, current.user.username)
            raise ClientError(ErrorKind.PERMISSION_DENIED, details={"permission": DESKTOP_PERMISSION})
        self.wait_remembered()
        with self._sessions.begin() as s:
            known_users.update_user_json(session=s, server=current.server, username=current.user.username,
                                         user_json=json.dumps(data, default=str))
        self._offline_password = None
        return replace(current, user=user, online=True)

    def forget(self, server: str, username: str) -> None:
        """Drop the verifier and the token: offline login is refused until the next online one."""
        self.wait_remembered()
        with self._sessions.begin() as s:
            known_users.forget_known_user(session=s, server=normalise_server(server), username=username)
        tokens.delete_token(normalise_server(server), username)

    def end_session(self, current: AuthSession) -> str | None:
        """Forget the session locally at once; returns the token to revoke on the server.

        The verifier stays, so the same user can still log in offline later.
        """
        api = self.api(current.server)
        token = api.token if current.online else None
        api.set_token(None)
        tokens.delete_token(current.server, current.user.username)
        self._offline_password = None
        return token

    def revoke_token(self, server: str, token: str | None, *, on_progress: Progress = _noop,
                     cancel: threading.Event | None = None) -> None:
        """``POST /auth/logout`` with ``token`` (not the client's current one: a new login may be running)."""
        if token:  # unreachable or already revoked: the server forgets the token by itself
            with contextlib.suppress(ClientError):
                self.api(server).post("/auth/logout", token=token, cancel=cancel)

    def logout(self, current: AuthSession, *, on_progress: Progress = _noop,
               cancel: threading.Event | None = None) -> None:
        """End the session locally and on the server when reachable."""
        self.revoke_token(current.server, self.end_session(current), cancel=cancel)

    def change_password(self, current: AuthSession, old: str, new: str, *, on_progress: Progress = _noop,
                        cancel: threading.Event | None = None) -> None:
        """Change one's own password online and refresh the verifier."""
        self.api(current.server).post("/auth/password", json={"current_password": old, "new_password": new},
                                      cancel=cancel)
        verifier = _HASHER.hash(new)
        self.wait_remembered()
        with self._sessions.begin() as s:
            row = known_users.get_known_user(session=s, server=current.server, username=current.user.username)
            if row is not None:
                row.verifier = verifier
