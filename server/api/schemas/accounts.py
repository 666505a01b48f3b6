from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from server.api.schemas.common import Strict


class LoginIn(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    username: str
    display_name: str
    email: str
    phone: str
    status: str
    roles: list[str]
    permissions: list[str] = []
    scope: str | None = None
    department_id: str | None
    teacher_id: str | None
    student_id: str | None
    must_change_password: bool
    last_login_at: datetime | None
    created_at: datetime
    row_version: int


class LoginOut(BaseModel):
    token: str
    expires_at: datetime
    user: UserPublic


class PasswordChangeIn(Strict):
    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


class UserCreate(Strict):
    # Only types here: the service checks the values and reports every bad field at once.
    username: str = Field(max_length=64)
    password: str = Field(max_length=256)
    display_name: str = Field(max_length=100)
    roles: list[str]
    email: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=20)
    department_id: str | None = None
    teacher_id: str | None = None
    student_id: str | None = None
    must_change_password: bool = False


class UserUpdate(Strict):
    username: str | None = Field(default=None, max_length=64)
    display_name: str | None = Field(default=None, max_length=100)
    email: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=20)
    roles: list[str] | None = None
    department_id: str | None = None
    teacher_id: str | None = None
    student_id: str | None = None
    must_change_password: bool | None = None


class RolesAssign(Strict):
    roles: list[str] = Field(min_length=1)
    department_id: str | None = None
    teacher_id: str | None = None
    student_id: str | None = None


class PasswordResetIn(Strict):
    password: str = Field(min_length=1, max_length=256)
    must_change_password: bool = True


class RolePublic(BaseModel):
    id: str
    code: str
    name: str
    name_en: str
    scope: str
    builtin: bool
    description: str
    permissions: list[str]
    user_count: int = 0
    row_version: int


class RoleCreate(Strict):
    code: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=50)
    name_en: str = Field(default="", max_length=100)
    scope: str
    description: str = ""
    permissions: list[str] = []


class RoleUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=50)
    name_en: str | None = Field(default=None, max_length=100)
    scope: str | None = None
    description: str | None = None
    permissions: list[str] | None = None


class PermissionPublic(BaseModel):
    code: str
    zh: str
    en: str
    module: str


class AuditPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    user_id: str | None
    username: str
    action: str
    entity: str
    entity_id: str
    old_values: str | None
    new_values: str | None
    client_address: str
    summary: str
