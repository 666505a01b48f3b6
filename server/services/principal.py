"""Who is asking: the authenticated user with their effective permissions and scope."""

from __future__ import annotations

from dataclasses import dataclass

from core.models import User
from core.rules.enums import Scope
from core.rules.permissions import widest_scope


@dataclass(frozen=True)
class Principal:
    user_id: str
    username: str
    display_name: str
    roles: tuple[str, ...]
    permissions: frozenset[str]
    scope: Scope
    department_id: str | None = None
    teacher_id: str | None = None
    student_id: str | None = None
    token_id: str | None = None
    client_address: str = ""

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    @classmethod
    def of(cls, user: User, *, token_id: str | None = None, client_address: str = "") -> Principal:
        permissions: set[str] = set()
        for role in user.roles:
            if not role.deleted:
                permissions |= role.permission_codes
        return cls(
            user_id=user.id,
            username=user.username,
            display_name=user.display_name,
            roles=tuple(r.code for r in user.roles if not r.deleted),
            permissions=frozenset(permissions),
            scope=widest_scope([Scope(r.scope) for r in user.roles if not r.deleted]),
            department_id=user.department_id,
            teacher_id=user.teacher_id,
            student_id=user.student_id,
            token_id=token_id,
            client_address=client_address,
        )


SYSTEM = Principal("", "system", "system", (), frozenset(), Scope.ALL)
