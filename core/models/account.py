"""Users, roles, permissions, tokens, login attempts and the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, IdStr, Replicated, new_id, utcnow


class Role(Replicated, Base):
    """A named set of permission codes with a scope; roles are data (DESIGN §1)."""

    __tablename__ = "role"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    scope: Mapped[str] = mapped_column(String(12))  # Scope
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    permissions: Mapped[list[RolePermission]] = relationship(
        back_populates="role", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def permission_codes(self) -> set[str]:
        return {p.permission for p in self.permissions}


class RolePermission(Base):
    __tablename__ = "role_permission"
    role_id: Mapped[str] = mapped_column(IdStr, ForeignKey("role.id", ondelete="CASCADE"), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)
    role: Mapped[Role] = relationship(back_populates="permissions")


class User(Replicated, Base):
    """An account. Staff scope comes from ``department_id``/``teacher_id``; students' from ``student_id``."""

    __tablename__ = "app_user"
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="active")  # UserStatus
    email: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    department_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("department.id"), index=True)
    teacher_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("teacher.id"), index=True)
    student_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("student.id"), index=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    password_changed_at: Mapped[datetime | None] = mapped_column()
    last_login_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    roles: Mapped[list[Role]] = relationship(secondary="user_role", lazy="selectin", order_by="Role.code")


class UserRole(Base):
    __tablename__ = "user_role"
    user_id: Mapped[str] = mapped_column(IdStr, ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True)
    role_id: Mapped[str] = mapped_column(IdStr, ForeignKey("role.id", ondelete="CASCADE"), primary_key=True, index=True)


class AuthToken(Base):
    """An opaque bearer token, stored as a keyed hash only."""

    __tablename__ = "auth_token"
    id: Mapped[str] = mapped_column(IdStr, primary_key=True, default=new_id)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(IdStr, ForeignKey("app_user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column()
    revoked_reason: Mapped[str] = mapped_column(String(40), default="")
    client_address: Mapped[str] = mapped_column(String(64), default="")
    user_agent: Mapped[str] = mapped_column(String(200), default="")


class LoginAttempt(Base):
    """One login attempt; lockout and per-address throttling count these in a window."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_username_at", "username", "at"),
        Index("ix_login_attempt_address_at", "client_address", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64))
    client_address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    success: Mapped[bool] = mapped_column(Boolean)


class AuditLog(Base):
    """Who did what, when, with old and new values. Append-only."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_user_at", "user_id", "at"),
        Index("ix_audit_log_action_at", "action", "at"),
        Index("ix_audit_log_entity", "entity", "entity_id"),
    )
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[str | None] = mapped_column(IdStr)
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(40))  # e.g. login.success, user.create, row.update
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    old_values: Mapped[str | None] = mapped_column(Text)  # JSON
    new_values: Mapped[str | None] = mapped_column(Text)  # JSON
    client_address: Mapped[str] = mapped_column(String(64), default="")
    summary: Mapped[str] = mapped_column(String(300), default="")


class ServerSetting(Base):
    """Server-wide key/value settings (database epoch, minimum client version…)."""

    __tablename__ = "server_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
