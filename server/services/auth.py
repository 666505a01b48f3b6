"""Login, tokens, lockout and throttling, logout and password changes.

Tokens are opaque random strings; only their keyed hash (HMAC-SHA256 with the server
secret) is stored, so a copy of the database does not yield usable tokens. A token expires
after ``token_idle_hours`` without use and is revoked at logout and whenever the user's
password, roles or status change.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from core.errors import (
    AccountDisabledError,
    AccountLockedError,
    AuthenticationError,
    InvalidInputError,
    ThrottledError,
)
from core.models import AuthToken, LoginAttempt, User, utcnow
from core.rules.enums import UserStatus
from core.rules.passwords import check_password_policy
from server.db.engine import SQLITE_BUSY_TIMEOUT_MS, WRITE_INTENT
from server.services import audit
from server.services.passwords import hash_password, needs_rehash, verify_password
from server.services.principal import Principal
from server.settings import Settings

WRONG_CREDENTIALS = "用户名或密码错误 (wrong username or password)"
# Touch last_used_at at most this often: a write per request would serialise readers on SQLite.
_TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class LoginResult:
    token: str
    expires_at: datetime
    principal: Principal
    must_change_password: bool


def token_hash(secret: str, token: str) -> str:
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def login(
    sessions: sessionmaker[Session],
    settings: Settings,
    *,
    username: str,
    password: str,
    client_address: str,
    user_agent: str = "",
) -> LoginResult:
    """Check credentials and issue a token.

    Attempts are committed in their own transaction before any refusal is raised, so a
    refused login still counts towards lockout and throttling.

    Raises:
        ThrottledError: too many failures from this client address.
        AccountLockedError: too many recent failures for this username (says until when).
        AuthenticationError: wrong username or password (one message for both).
        AccountDisabledError: the password is right but the account is disabled.
    """
    username = username.strip()
    now = utcnow()
    with sessions.begin() as session:
        session.connection(execution_options=WRITE_INTENT)  # it records the attempt
        _check_address(session, settings, client_address, now)
        locked_until = _locked_until(session, settings, username, now)
        user = session.scalar(select(User).where(User.username == username, User.deleted.is_(False)))
        ok = verify_password(user.password_hash if user else None, password)
        if locked_until is not None:
            audit.record(session, None, "login.locked", entity="user", entity_id=user.id if user else "",
                         username=username, client_address=client_address,
                         summary=f"locked until {locked_until.isoformat()}")
            error: Exception = AccountLockedError(
                f"账户已锁定，请于 {locked_until.astimezone().strftime('%H:%M')} 后再试 "
                f"(account locked until {locked_until.isoformat(timespec='seconds')})",
                {"locked_until": locked_until.isoformat()},
            )
        elif not ok or user is None:
            session.add(LoginAttempt(username=username, client_address=client_address, at=now, success=False))
            audit.record(session, None, "login.failure", entity="user", entity_id=user.id if user else "",
                         username=username, client_address=client_address)
            error = AuthenticationError(WRONG_CREDENTIALS)
        elif user.status != UserStatus.ACTIVE:
            audit.record(session, None, "login.disabled", entity="user", entity_id=user.id,
                         username=username, client_address=client_address)
            error = AccountDisabledError("账户已停用，请联系管理员 (account disabled; contact the administrator)")
        else:
            return _issue_token(session, settings, user, password, client_address, user_agent, now)
    raise error


def _issue_token(
    session: Session, settings: Settings, user: User, password: str, client_address: str,
    user_agent: str, now: datetime,
) -> LoginResult:
    session.add(LoginAttempt(username=user.username, client_address=client_address, at=now, success=True))
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = now
    token = secrets.token_urlsafe(32)
    row = AuthToken(token_hash=token_hash(settings.effective_secret(), token), user_id=user.id,
                    created_at=now, last_used_at=now, client_address=client_address,
                    user_agent=user_agent[:200])
    session.add(row)
    session.flush()
    principal = Principal.of(user, token_id=row.id, client_address=client_address)
    audit.record(session, principal, "login.success", entity="user", entity_id=user.id)
    return LoginResult(token, now + timedelta(hours=settings.token_idle_hours), principal,
                       user.must_change_password)


def _check_address(session: Session, settings: Settings, address: str, now: datetime) -> None:
    since = now - timedelta(minutes=settings.address_window_minutes)
    failures = session.scalar(
        select(func.count()).select_from(LoginAttempt).where(
            LoginAttempt.client_address == address, LoginAttempt.success.is_(False), LoginAttempt.at >= since
        )
    ) or 0
    if failures >= settings.address_failures:
        retry = int(settings.address_window_minutes * 60)
        raise ThrottledError(
            f"登录尝试过于频繁，请稍后再试 (too many failed logins from this address; retry in {retry} s)",
            {"retry_after": retry},
        )


def _locked_until(session: Session, settings: Settings, username: str, now: datetime) -> datetime | None:
    """When the account's lock ends, or None if it is not locked.

    Failures are scanned in order since the last success; ``lockout_failures`` of them within
    ``lockout_window_minutes`` start a lock of ``lockout_minutes``. Attempts made during a lock
    are not recorded as failures, so they do not extend it.
    """
    horizon = now - timedelta(minutes=settings.lockout_window_minutes + settings.lockout_minutes)
    last_success = session.scalar(
        select(func.max(LoginAttempt.at)).where(LoginAttempt.username == username, LoginAttempt.success.is_(True))
    )
    since = max(horizon, last_success) if last_success else horizon
    times = session.scalars(
        select(LoginAttempt.at).where(
            LoginAttempt.username == username, LoginAttempt.success.is_(False), LoginAttempt.at > since
        ).order_by(LoginAttempt.at)
    ).all()
    window = timedelta(minutes=settings.lockout_window_minutes)
    lock_end: datetime | None = None
    run: list[datetime] = []
    for at in times:
        if lock_end is not None and at < lock_end:
            continue
        run = [t for t in run if at - t <= window] + [at]
        if len(run) >= settings.lockout_failures:
            lock_end, run = at + timedelta(minutes=settings.lockout_minutes), []
    return lock_end if lock_end is not None and now < lock_end else None


def authenticate(session: Session, settings: Settings, token: str, *, client_address: str = "",
                 defer_touch: Callable[[Callable[[], None]], None] | None = None) -> Principal:
    """The principal a bearer token stands for.

    ``defer_touch`` runs the recording of the token's use after the request (the web layer
    passes its background tasks): the request then never needs a second connection.

    Raises:
        AuthenticationError: unknown, revoked or idle-expired token, or a disabled user.
    """
    now = utcnow()
    row = session.scalar(select(AuthToken).where(AuthToken.token_hash == token_hash(settings.effective_secret(), token)))
    if row is None or row.revoked_at is not None:
        raise AuthenticationError("登录已失效，请重新登录 (session ended; please log in again)", {"reason": "revoked"})
    if now - row.last_used_at > timedelta(hours=settings.token_idle_hours):
        raise AuthenticationError("登录已过期，请重新登录 (session expired; please log in again)", {"reason": "expired"})
    user = session.get(User, row.user_id)
    if user is None or user.deleted or user.status != UserStatus.ACTIVE:
        raise AuthenticationError("账户已停用 (account disabled)", {"reason": "disabled"})
    if _touch_due(row.id, row.last_used_at, now):
        engine, token_id = session.get_bind(), row.id
        touch = lambda: _touch(engine, token_id, now)  # noqa: E731
        if defer_touch is not None:
            defer_touch(touch)
        else:
            touch()
    return Principal.of(user, token_id=row.id, client_address=client_address)


_touched: dict[str, datetime] = {}  # token id -> when this process last queued its touch
_touched_lock = threading.Lock()


def _touch_due(token_id: str, last_used_at: datetime, now: datetime) -> bool:
    """Whether this request should record the token's use: at most once a minute per token
    and process. Without the in-process note every request arriving before the first touch
    committed queued its own: 200 desktops sharing a few accounts made a storm of writes
    that queued on SQLite's write lock (and held pool connections) for up to 30 s."""
    if now - last_used_at <= _TOUCH_EVERY:
        return False
    with _touched_lock:
        queued = _touched.get(token_id)
        if queued is not None and now - queued <= _TOUCH_EVERY:
            return False
        if len(_touched) > 10_000:  # forget notes older than the interval
            for key in [k for k, when in _touched.items() if now - when > _TOUCH_EVERY]:
                del _touched[key]
        _touched[token_id] = now
        return True


def _touch(engine: Any, token_id: str, now: datetime) -> None:
    """Record use in its own short transaction: a read-only request stays read-only, and a
    busy database only delays the idle clock (at most a minute), never fails the request.
    On SQLite the touch waits at most a quarter second for the write lock, then gives up
    (the next request a minute later records it)."""
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as conn:
            driver = conn.connection.driver_connection  # outside SQLAlchemy's transaction
            if sqlite:
                driver.execute("PRAGMA busy_timeout=250")
            try:
                with conn.execution_options(sqlite_immediate=True).begin():
                    conn.execute(update(AuthToken).where(AuthToken.id == token_id).values(last_used_at=now))
            finally:
                if sqlite:
                    driver.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    except OperationalError:
        with _touched_lock:
            _touched.pop(token_id, None)  # not recorded: let the next request try


def token_expiry(session: Session, settings: Settings, token_id: str) -> datetime:
    row = session.get(AuthToken, token_id)
    last = row.last_used_at if row else utcnow()
    return last + timedelta(hours=settings.token_idle_hours)


def logout(session: Session, principal: Principal) -> None:
    if principal.token_id:
        session.execute(
            update(AuthToken).where(AuthToken.id == principal.token_id, AuthToken.revoked_at.is_(None))
            .values(revoked_at=utcnow(), revoked_reason="logout")
        )
    audit.record(session, principal, "logout", entity="user", entity_id=principal.user_id)


def revoke_all(session: Session, user_id: str, reason: str, *, except_token: str | None = None) -> int:
    """Revoke every live token of a user (password, roles or status changed)."""
    stmt = update(AuthToken).where(AuthToken.user_id == user_id, AuthToken.revoked_at.is_(None))
    if except_token:
        stmt = stmt.where(AuthToken.id != except_token)
    result = session.execute(stmt.values(revoked_at=utcnow(), revoked_reason=reason))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def change_own_password(session: Session, principal: Principal, *, current: str, new: str) -> None:
    """Change the caller's password; every other session of the user is revoked.

    Raises:
        InvalidInputError: the current password is wrong, or the new one breaks the policy.
    """
    user = session.get(User, principal.user_id)
    assert user is not None
    if not verify_password(user.password_hash, current):
        raise InvalidInputError.field("current_password", "当前密码不正确 (current password is wrong)")
    if current == new:
        raise InvalidInputError.field("new_password", "新密码不能与当前密码相同 (must differ from the current one)")
    check_password_policy(new, username=user.username, field="new_password")
    user.password_hash = hash_password(new)
    user.password_changed_at = utcnow()
    user.must_change_password = False
    revoke_all(session, user.id, "password_changed", except_token=principal.token_id)
    audit.record(session, principal, "user.password_change", entity="user", entity_id=user.id)
