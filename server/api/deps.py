"""Typed dependencies: settings, the request's session, and the permission each route declares.

Every route declares exactly one :class:`Requirement` (``public()``, ``authenticated()`` or
``require("perm.code")``) as a dependency; the RBAC matrix test walks the route table and
fails on a route without one. The check happens here, on the server, for every request.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from core.errors import AuthenticationError, PermissionDeniedError
from server.services import auth
from server.services.principal import Principal
from server.settings import Settings


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_sessions(request: Request) -> sessionmaker[Session]:
    return request.app.state.sessions  # type: ignore[no-any-return]


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request: committed when the route returns, rolled back on error."""
    sessions: sessionmaker[Session] = request.app.state.sessions
    with sessions.begin() as session:
        yield session


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

    def __call__(self, request: Request, session: SessionDep, settings: SettingsDep) -> Principal | None:
        if self.public:
            return None
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise AuthenticationError("请先登录 (not logged in)", {"reason": "missing"})
        principal = auth.authenticate(session, settings, token.strip(), client_address=client_address(request))
        if self.permission and not principal.can(self.permission):
            raise PermissionDeniedError(
                f"没有权限：{self.permission} (permission {self.permission} required)",
                {"permission": self.permission},
            )
        request.state.principal = principal
        return principal


def public() -> Requirement:
    return Requirement(None, public=True)


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
