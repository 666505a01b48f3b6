"""ORM rows and service results to public schemas."""

from __future__ import annotations

from core.models import Role, User
from server.api.schemas.accounts import RolePublic, UserPublic
from server.services.principal import Principal


def user_public(user: User, principal: Principal | None = None) -> UserPublic:
    principal = principal or Principal.of(user)
    return UserPublic(
        id=user.id, username=user.username, display_name=user.display_name, email=user.email,
        phone=user.phone, status=user.status, roles=list(principal.roles),
        permissions=sorted(principal.permissions), scope=principal.scope.value,
        department_id=user.department_id, teacher_id=user.teacher_id, student_id=user.student_id,
        must_change_password=user.must_change_password, last_login_at=user.last_login_at,
        created_at=user.created_at, row_version=user.row_version,
    )


def role_public(role: Role, user_count: int = 0) -> RolePublic:
    return RolePublic(
        id=role.id, code=role.code, name=role.name, name_en=role.name_en, scope=role.scope,
        builtin=role.builtin, description=role.description, permissions=sorted(role.permission_codes),
        user_count=user_count, row_version=role.row_version,
    )
