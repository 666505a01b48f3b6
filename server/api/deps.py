"""Typed dependencies: settings, the request's session, and the permission each route declares.

Every route declares exactly one :class:`Requirement` (``public()``, ``authenticated()`` or
``require("perm.code")``) as a dependency; the RBAC matrix test walks the route table and
fails on a route without one. The check happens here, on the server, for every request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from core.errors import AuthenticationError, PermissionDeniedError
from server.services import auth
from server.services.principal import Principal
from server.settings import Settings


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_sessions(request: Request) -> sessionmaker[Session]:
    return request.app.state.sessions  # type: ignore[no-any-return]


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One transaction per request: committed when the route returns, rolled back on error.

    An async generator on purpose: a sync one would need a worker thread to run its cleanup,
    and under load every worker thread can be waiting for a pooled connection that only such
    a cleanup would give back (a deadlock). Nothing here waits for a connection: the session
    connects lazily in the route's thread, and commit or rollback are brief.

    Requests that change things (every method but GET and HEAD) declare it up front, so
    SQLite takes its write lock at the start (see server.db.engine).
    """
    sessions: sessionmaker[Session] = request.app.state.sessions
    writing = request.method not in ("GET", "HEAD")
    session = sessions(bind=request.app.state.write_engine) if writing else sessions()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
SessionsDep = Annotated[sessionmaker[Session], Depends(get_sessions)]
SessionDep = Annotated[Session, Depends(get_session)]
ClientAddressDep = Annotated[str, Depends(client_address)]


class Requirement:
    """What a route needs: nothing (public), a login, or a permission code."""

    def __init__(self, permission: str | None, *, public: bool = False) -> None:
        self.permission = permission
        self.public = public

    def __repr__(self) -> str:
        return "public" if self.public else f"require({self.permission or 'authenticated'})"

    def __call__(self, request: Request, sessions: SessionsDep, settings: SettingsDep,
                 background: BackgroundTasks) -> Principal | None:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise AuthenticationError("请先登录 (not logged in)", {"reason": "missing"})
        # Its own short read, released at once: a connection is then held only while a route
        # runs, never while a request waits for a worker thread (which can exhaust the pool).
        with sessions() as session:
            principal = auth.authenticate(session, settings, token.strip(),
                                          client_address=client_address(request), defer_touch=background.add_task)
        if self.permission and not principal.can(self.permission):
            raise PermissionDeniedError(
                f"没有权限：{self.permission} (permission {self.permission} required)",
                {"permission": self.permission},
            )
        request.state.principal = principal
        return principal


class PublicRequirement(Requirement):
    """Anyone may call the route; it opens no session (login manages its own transactions)."""

    def __call__(self, request: Request) -> None:  # type: ignore[override]
        return None


def public() -> Requirement:
    return PublicRequirement(None, public=True)


def authenticated() -> Requirement:
    return Requirement(None)


def require(permission: str) -> Requirement:
    from core.rules.permissions import PERMISSION_CODES

    if permission not in PERMISSION_CODES:
        raise ValueError(f"unknown permission code {permission!r}")
    return Requirement(permission)


UserDep = Annotated[Principal, Depends(authenticated())]
UsersManagerDep = Annotated[Principal, Depends(require("users.manage"))]
AuditReaderDep = Annotated[Principal, Depends(require("audit.read"))]
