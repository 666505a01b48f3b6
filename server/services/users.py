"""User management for ``users.manage``: create, search, update, passwords, status, roles, delete."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from core.errors import ConflictError, FieldError, InvalidInputError, NotFoundError
from core.models import Department, Role, Student, Teacher, User, UserRole, utcnow
from core.rules.enums import Scope, UserStatus
from core.rules.passwords import password_problems
from core.rules.values import validate_phone
from server.services import audit
from server.services.auth import revoke_all
from server.services.passwords import hash_password
from server.services.principal import Principal
from server.services.roles import ensure_an_administrator_remains

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$")
_AUDITED = ("username", "display_name", "email", "phone", "status", "department_id", "teacher_id", "student_id")
_UNSET: object = object()


@dataclass
class UserInput:
    """Fields of a create or update; on update, only the fields in ``given`` change."""

    username: str | None = None
    password: str | None = None
    display_name: str | None = None
    email: str | None = None
    phone: str | None = None
    roles: list[str] | None = None
    department_id: str | None = None
    teacher_id: str | None = None
    student_id: str | None = None
    must_change_password: bool | None = None
    given: set[str] = field(default_factory=set)


def get_user(session: Session, user_id: str) -> User:
    user = session.get(User, user_id)
    if user is None or user.deleted:
        raise NotFoundError(f"用户不存在 (user {user_id} not found)", {"id": user_id})
    return user


def search_users(
    session: Session, *, q: str = "", role: str | None = None, status: str | None = None,
    page: int = 1, size: int = 50, sort: str = "username", descending: bool = False,
) -> tuple[list[User], int]:
    stmt = select(User).where(User.deleted.is_(False))
    if q.strip():
        like = f"%{q.strip()}%"
        stmt = stmt.where(or_(User.username.ilike(like), User.display_name.ilike(like), User.email.ilike(like)))
    if role:
        stmt = stmt.where(User.id.in_(select(UserRole.user_id).join(Role).where(Role.code == role)))
    if status:
        stmt = stmt.where(User.status == status)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    column = {"username": User.username, "display_name": User.display_name, "status": User.status,
              "last_login_at": User.last_login_at, "created_at": User.created_at}.get(sort, User.username)
    order = column.desc() if descending else column.asc()
    rows = session.scalars(stmt.order_by(order, User.id).offset((page - 1) * size).limit(size)).all()
    return list(rows), total


def _resolve_roles(session: Session, codes: list[str]) -> list[Role]:
    roles = session.scalars(select(Role).where(Role.code.in_(codes), Role.deleted.is_(False))).all()
    unknown = sorted(set(codes) - {r.code for r in roles})
    if unknown:
        raise InvalidInputError.field("roles", f"未知角色 (unknown role): {', '.join(unknown)}")
    return sorted(roles, key=lambda r: r.code)


_LINKS = (("department_id", Department), ("teacher_id", Teacher), ("student_id", Student))


def _check_links(session: Session, links: dict[str, str | None], roles: list[Role]) -> None:
    """Each scope needs its anchor (department, teacher or student record), and it must exist.

    Raises:
        InvalidInputError: naming every missing or unknown link.
    """
    errors: list[FieldError] = []
    with session.no_autoflush:
        for name, model in _LINKS:
            value = links.get(name)
            if value is not None and session.get(model, value) is None:
                errors.append(FieldError(name, f"不存在的记录 (no such record: {value})"))
    scopes = {r.scope for r in roles}
    if Scope.DEPARTMENT.value in scopes and links.get("department_id") is None:
        errors.append(FieldError("department_id", "院系范围的角色需要指定院系 (a department-scoped role needs a department)"))
    if Scope.OWN_TASKS.value in scopes and links.get("teacher_id") is None:
        errors.append(FieldError("teacher_id", "教师角色需要关联教师档案 (a teacher role needs a teacher record)"))
    if Scope.SELF.value in scopes and links.get("student_id") is None and links.get("teacher_id") is None:
        errors.append(FieldError("student_id", "学生角色需要关联学生档案 (a student role needs a student record)"))
    if errors:
        raise InvalidInputError.of(*errors)


def _validate_fields(data: UserInput, *, creating: bool) -> list[FieldError]:
    errors: list[FieldError] = []
    if (creating or "username" in data.given) and (not data.username or not USERNAME_RE.match(data.username)):
        errors.append(FieldError("username", "用户名须为3-64位字母、数字或 _ . @ - (3–64 letters, digits, _ . @ -)"))
    if (creating or "display_name" in data.given) and not (data.display_name or "").strip():
        errors.append(FieldError("display_name", "请填写姓名 (display name required)"))
    if creating:
        problems = password_problems(data.password or "", username=data.username or "")
        if problems:
            errors.append(FieldError("password", "；".join(problems)))
    if data.phone:
        try:
            data.phone = validate_phone(data.phone)
        except InvalidInputError as exc:
            errors.append(FieldError("phone", exc.details["fields"][0]["message"]))
    if data.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", data.email):
        errors.append(FieldError("email", "电子邮箱格式不正确 (invalid e-mail address)"))
    if creating and not data.roles:
        errors.append(FieldError("roles", "至少指定一个角色 (at least one role)"))
    return errors


def create_user(session: Session, actor: Principal, data: UserInput) -> User:
    errors = _validate_fields(data, creating=True)
    if errors:
        raise InvalidInputError.of(*errors)
    assert data.username and data.password and data.display_name and data.roles
    roles = _resolve_roles(session, data.roles)
    if session.scalar(select(User.id).where(func.lower(User.username) == data.username.lower())):
        raise ConflictError(f"用户名 {data.username} 已存在 (username already exists)", {"field": "username"})
    _check_links(session, {name: getattr(data, name) for name, _m in _LINKS}, roles)
    user = User(username=data.username, display_name=data.display_name.strip(), password_hash=hash_password(data.password),
                email=data.email or "", phone=data.phone or "", department_id=data.department_id,
                teacher_id=data.teacher_id, student_id=data.student_id, status=UserStatus.ACTIVE.value,
                must_change_password=bool(data.must_change_password), updated_by=actor.username)
    user.roles = roles
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", entity="user", entity_id=user.id,
                 new={**audit.row_values(user, _AUDITED), "roles": [r.code for r in roles]})
    return user


def update_user(session: Session, actor: Principal, user_id: str, data: UserInput) -> User:
    """Change profile fields, links (scope) and roles; a role or scope change revokes tokens."""
    user = get_user(session, user_id)
    errors = _validate_fields(data, creating=False)
    if errors:
        raise InvalidInputError.of(*errors)
    old = {**audit.row_values(user, _AUDITED), "roles": [r.code for r in user.roles]}
    if "username" in data.given and data.username != user.username:
        taken = session.scalar(select(User.id).where(func.lower(User.username) == (data.username or "").lower(), User.id != user.id))
        if taken:
            raise ConflictError(f"用户名 {data.username} 已存在 (username already exists)", {"field": "username"})
    if "roles" in data.given and not data.roles:
        raise InvalidInputError.field("roles", "至少指定一个角色 (at least one role)")
    roles = _resolve_roles(session, data.roles) if "roles" in data.given and data.roles else list(user.roles)
    links = {name: getattr(data if name in data.given else user, name) for name, _m in _LINKS}
    _check_links(session, links, roles)
    for name in ("username", "display_name", "email", "phone", "department_id", "teacher_id", "student_id", "must_change_password"):
        if name in data.given:
            value = getattr(data, name)
            setattr(user, name, value.strip() if isinstance(value, str) else value)
    user.roles = roles
    new = {**audit.row_values(user, _AUDITED), "roles": [r.code for r in roles]}
    if new == old:
        return user
    _bump(user, actor)
    ensure_an_administrator_remains(session)
    if any(old[k] != new[k] for k in ("roles", "department_id", "teacher_id", "student_id")):
        revoke_all(session, user.id, "roles_changed")
    audit.record(session, actor, "user.update", entity="user", entity_id=user.id,
                 old={k: v for k, v in old.items() if new[k] != v}, new={k: v for k, v in new.items() if old[k] != v})
    return user


def reset_password(session: Session, actor: Principal, user_id: str, password: str, *, must_change: bool = True) -> User:
    user = get_user(session, user_id)
    problems = password_problems(password, username=user.username)
    if problems:
        raise InvalidInputError.field("password", "；".join(problems))
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.must_change_password = must_change
    _bump(user, actor)
    revoke_all(session, user.id, "password_reset")
    audit.record(session, actor, "user.password_reset", entity="user", entity_id=user.id)
    return user


def set_status(session: Session, actor: Principal, user_id: str, status: UserStatus) -> User:
    user = get_user(session, user_id)
    if user.status == status.value:
        return user
    old = user.status
    user.status = status.value
    _bump(user, actor)
    ensure_an_administrator_remains(session)
    if status == UserStatus.DISABLED:
        revoke_all(session, user.id, "disabled")
    action = "user.disable" if status == UserStatus.DISABLED else "user.enable"
    audit.record(session, actor, action, entity="user", entity_id=user.id, old={"status": old}, new={"status": status.value})
    return user


def delete_user(session: Session, actor: Principal, user_id: str) -> None:
    """Soft delete: the row stays as a tombstone; the username is freed for reuse."""
    user = get_user(session, user_id)
    if user.id == actor.user_id:
        raise ConflictError("不能删除自己的账户 (you cannot delete your own account)")
    old = {**audit.row_values(user, _AUDITED), "roles": [r.code for r in user.roles]}
    user.deleted, user.deleted_at = True, utcnow()
    user.status = UserStatus.DISABLED.value
    user.username = f"{user.username}~{user.id[:8]}"
    _bump(user, actor)
    ensure_an_administrator_remains(session)
    revoke_all(session, user.id, "deleted")
    audit.record(session, actor, "user.delete", entity="user", entity_id=user.id, old=old)


def _bump(user: User, actor: Principal) -> None:
    # row_version, server_seq and updated_at are kept by server.db.replication on flush.
    user.updated_by = actor.username
