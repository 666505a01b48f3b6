"""Frozen rows the services hand to the UI (never ORM objects, never raw JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def _dt(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    display_name: str
    email: str = ""
    phone: str = ""
    status: str = "active"
    roles: tuple[str, ...] = ()
    permissions: frozenset[str] = frozenset()
    scope: str | None = None
    department_id: str | None = None
    teacher_id: str | None = None
    student_id: str | None = None
    must_change_password: bool = False
    last_login_at: datetime | None = None
    created_at: datetime | None = None
    row_version: int = 0

    @classmethod
    def of(cls, data: dict[str, Any]) -> UserRow:
        return cls(
            id=str(data["id"]), username=data["username"], display_name=data.get("display_name", ""),
            email=data.get("email", "") or "", phone=data.get("phone", "") or "",
            status=data.get("status", "active"), roles=tuple(data.get("roles", [])),
            permissions=frozenset(data.get("permissions", [])), scope=data.get("scope"),
            department_id=data.get("department_id"), teacher_id=data.get("teacher_id"),
            student_id=data.get("student_id"), must_change_password=bool(data.get("must_change_password")),
            last_login_at=_dt(data.get("last_login_at")), created_at=_dt(data.get("created_at")),
            row_version=int(data.get("row_version", 0)),
        )


@dataclass(frozen=True)
class RoleRow:
    id: str
    code: str
    name: str
    name_en: str
    scope: str
    builtin: bool
    description: str
    permissions: frozenset[str]
    user_count: int = 0

    @classmethod
    def of(cls, data: dict[str, Any]) -> RoleRow:
        return cls(id=str(data["id"]), code=data["code"], name=data["name"], name_en=data.get("name_en", ""),
                   scope=data["scope"], builtin=bool(data.get("builtin")), description=data.get("description", ""),
                   permissions=frozenset(data.get("permissions", [])), user_count=int(data.get("user_count", 0)))


@dataclass(frozen=True)
class PermissionRow:
    code: str
    zh: str
    en: str
    module: str


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    summary: str
    client_address: str
    old_values: str | None
    new_values: str | None

    @classmethod
    def of(cls, data: dict[str, Any]) -> AuditRow:
        at = _dt(data["at"])
        assert at is not None
        return cls(id=int(data["id"]), at=at, username=data.get("username", ""), action=data["action"],
                   entity=data.get("entity", ""), entity_id=data.get("entity_id", ""),
                   summary=data.get("summary", ""), client_address=data.get("client_address", ""),
                   old_values=data.get("old_values"), new_values=data.get("new_values"))


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int
    page: int
    size: int


@dataclass(frozen=True)
class UserQuery:
    q: str = ""
    role: str | None = None
    status: str | None = None
    sort: str = "username"
    desc: bool = False


@dataclass(frozen=True)
class AuditQuery:
    user: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class ServerInfo:
    version: str
    protocol_version: int
    schema_version: int
    min_client_version: str | None
    database: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
