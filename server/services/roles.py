"""Roles as data: CRUD of roles and their permission codes, and the last-administrator rule."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.errors import ConflictError, FieldError, InvalidInputError, NotFoundError
from core.models import Role, RolePermission, User, UserRole, utcnow
from core.rules.enums import Scope, UserStatus
from core.rules.permissions import BUILTIN_ROLES, PERMISSION_CODES
from server.services import audit
from server.services.auth import revoke_all
from server.services.principal import Principal

ADMIN_PERMISSION = "users.manage"
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]{1,31}$")


def ensure_builtin_roles(session: Session) -> int:
    """Create any missing built-in role; existing roles (maybe edited by an admin) are kept."""
    existing = set(session.scalars(select(Role.code)).all())
    created = 0
    for seed in BUILTIN_ROLES:
        if seed.code.value in existing:
            continue
        role = Role(code=seed.code.value, name=seed.code.zh, name_en=seed.code.en,
                    scope=seed.scope.value, builtin=True)
        role.permissions = [RolePermission(permission=p) for p in seed.permissions]
        session.add(role)
        created += 1
    session.flush()
    return created


def list_roles(session: Session) -> list[tuple[Role, int]]:
    counts = dict(
        session.execute(
            select(UserRole.role_id, func.count()).join(User, User.id == UserRole.user_id)
            .where(User.deleted.is_(False)).group_by(UserRole.role_id)
        ).all()
    )
    roles = session.scalars(select(Role).where(Role.deleted.is_(False)).order_by(Role.builtin.desc(), Role.code)).all()
    return [(r, int(counts.get(r.id, 0))) for r in roles]


def get_role(session: Session, role_id: str) -> Role:
    role = session.get(Role, role_id)
    if role is None or role.deleted:
        raise NotFoundError(f"角色不存在 (role {role_id} not found)", {"id": role_id})
    return role


@dataclass(frozen=True)
class RoleInput:
    code: str | None = None
    name: str | None = None
    name_en: str | None = None
    scope: str | None = None
    description: str | None = None
    permissions: list[str] | None = None


def _validate(data: RoleInput, *, creating: bool) -> None:
    errors: list[FieldError] = []
    if (creating or data.code is not None) and (not data.code or not _CODE_RE.match(data.code)):
        errors.append(FieldError("code", "角色代码须为2-32位小写字母、数字或下划线，以字母开头 (2–32 lowercase letters, digits, _)"))
    if (creating or data.name is not None) and not (data.name or "").strip():
        errors.append(FieldError("name", "请填写角色名称 (name required)"))
    if (creating or data.scope is not None) and data.scope not in {s.value for s in Scope}:
        errors.append(FieldError("scope", f"未知范围 {data.scope!r} (unknown scope; one of {', '.join(s.value for s in Scope)})"))
    unknown = sorted(set(data.permissions or ()) - PERMISSION_CODES)
    if unknown:
        errors.append(FieldError("permissions", f"未知权限 (unknown permission): {', '.join(unknown)}"))
    if errors:
        raise InvalidInputError.of(*errors)


def create_role(session: Session, actor: Principal, data: RoleInput) -> Role:
    _validate(data, creating=True)
    assert data.code and data.name and data.scope
    if session.scalar(select(Role.id).where(Role.code == data.code)):
        raise ConflictError(f"角色代码 {data.code} 已存在 (role code exists)", {"field": "code"})
    role = Role(code=data.code, name=data.name.strip(), name_en=(data.name_en or "").strip(),
                scope=data.scope, description=data.description or "", builtin=False, updated_by=actor.username)
    role.permissions = [RolePermission(permission=p) for p in sorted(set(data.permissions or ()))]
    session.add(role)
    session.flush()
    audit.record(session, actor, "role.create", entity="role", entity_id=role.id,
                 new={"code": role.code, "scope": role.scope, "permissions": sorted(role.permission_codes)})
    return role


def update_role(session: Session, actor: Principal, role_id: str, data: RoleInput) -> Role:
    _validate(data, creating=False)
    role = get_role(session, role_id)
    if data.code is not None and data.code != role.code:
        raise InvalidInputError.field("code", "角色代码创建后不能修改 (a role's code cannot change)")
    old = {"name": role.name, "name_en": role.name_en, "scope": role.scope, "permissions": sorted(role.permission_codes)}
    for name in ("name", "name_en", "scope", "description"):
        value = getattr(data, name)
        if value is not None:
            setattr(role, name, value.strip() if isinstance(value, str) else value)
    changed_access = data.scope is not None and data.scope != old["scope"]
    if data.permissions is not None and set(data.permissions) != set(old["permissions"]):
        role.permissions = [RolePermission(permission=p) for p in sorted(set(data.permissions))]
        changed_access = True
    role.updated_by = actor.username
    session.flush()
    ensure_an_administrator_remains(session)
    if changed_access:
        for user_id in session.scalars(select(UserRole.user_id).where(UserRole.role_id == role.id)):
            revoke_all(session, user_id, "roles_changed")
    audit.record(session, actor, "role.update", entity="role", entity_id=role.id, old=old,
                 new={"name": role.name, "name_en": role.name_en, "scope": role.scope,
                      "permissions": sorted(role.permission_codes)})
    return role


def delete_role(session: Session, actor: Principal, role_id: str) -> None:
    role = get_role(session, role_id)
    if role.builtin:
        raise ConflictError(f"内置角色 {role.code} 不能删除 (built-in roles cannot be deleted)")
    holders = session.scalar(
        select(func.count()).select_from(UserRole).join(User, User.id == UserRole.user_id)
        .where(UserRole.role_id == role.id, User.deleted.is_(False))
    )
    if holders:
        raise ConflictError(
            f"角色 {role.code} 仍有 {holders} 个用户，请先移除 (role still held by {holders} users)",
            {"users": holders},
        )
    role.deleted, role.deleted_at = True, utcnow()
    role.code = f"{role.code}~{role.id[:8]}"  # frees the code for reuse
    role.updated_by = actor.username
    session.flush()
    audit.record(session, actor, "role.delete", entity="role", entity_id=role.id, old={"code": role.code})


def count_administrators(session: Session) -> int:
    """Active, undeleted users holding ``users.manage`` through any undeleted role."""
    return session.scalar(
        select(func.count(func.distinct(User.id)))
        .join(UserRole, UserRole.user_id == User.id)
        .join(Role, Role.id == UserRole.role_id)
        .join(RolePermission, RolePermission.role_id == Role.id)
        .where(User.deleted.is_(False), User.status == UserStatus.ACTIVE.value, Role.deleted.is_(False),
               RolePermission.permission == ADMIN_PERMISSION)
    ) or 0


def ensure_an_administrator_remains(session: Session) -> None:
    """Called after a change is flushed: refuse it if no active administrator would remain."""
    session.flush()
    if count_administrators(session) == 0:
        raise ConflictError(
            "不能删除、停用最后一个管理员或取消其用户管理权限 "
            "(the last active administrator cannot be deleted, disabled or lose users.manage)",
            {"rule": "last_admin"},
        )
