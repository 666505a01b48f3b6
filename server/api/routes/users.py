from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from core.rules.enums import UserStatus
from server.api.convert import user_public
from server.api.deps import SessionDep, UsersManagerDep
from server.api.schemas.accounts import (
    PasswordResetIn,
    RolesAssign,
    UserCreate,
    UserPublic,
    UserUpdate,
)
from server.api.schemas.common import Message, Page
from server.services import users
from server.services.users import UserInput

router = APIRouter(prefix="/users", tags=["users"])


@router.post("", response_model=UserPublic, status_code=201)
def create_user(body: UserCreate, session: SessionDep, actor: UsersManagerDep) -> UserPublic:
    data = UserInput(**body.model_dump(), given=set(body.model_fields_set))
    return user_public(users.create_user(session, actor, data))


@router.get("", response_model=Page[UserPublic])
def list_users(
    session: SessionDep, _actor: UsersManagerDep,
    q: str = "", role: str | None = None, status: str | None = None,
    page: Annotated[int, Query(ge=1)] = 1, size: Annotated[int, Query(ge=1, le=500)] = 50,
    sort: str = "username", desc: bool = False,
) -> Page[UserPublic]:
    rows, total = users.search_users(session, q=q, role=role, status=status, page=page, size=size,
                                     sort=sort, descending=desc)
    return Page(items=[user_public(u) for u in rows], total=total, page=page, size=size)


@router.get("/{user_id}", response_model=UserPublic)
def get_user(user_id: str, session: SessionDep, _actor: UsersManagerDep) -> UserPublic:
    return user_public(users.get_user(session, user_id))


@router.patch("/{user_id}", response_model=UserPublic)
def update_user(user_id: str, body: UserUpdate, session: SessionDep, actor: UsersManagerDep) -> UserPublic:
    data = UserInput(**body.model_dump(exclude_unset=True), given=set(body.model_fields_set))
    return user_public(users.update_user(session, actor, user_id, data))


@router.put("/{user_id}/roles", response_model=UserPublic)
def assign_roles(user_id: str, body: RolesAssign, session: SessionDep, actor: UsersManagerDep) -> UserPublic:
    data = UserInput(**body.model_dump(), given={"roles", "department_id", "teacher_id", "student_id"})
    return user_public(users.update_user(session, actor, user_id, data))


@router.post("/{user_id}/password", response_model=Message)
def reset_password(user_id: str, body: PasswordResetIn, session: SessionDep, actor: UsersManagerDep) -> Message:
    users.reset_password(session, actor, user_id, body.password, must_change=body.must_change_password)
    return Message(message="密码已重置 (password reset)")


@router.post("/{user_id}/disable", response_model=UserPublic)
def disable_user(user_id: str, session: SessionDep, actor: UsersManagerDep) -> UserPublic:
    return user_public(users.set_status(session, actor, user_id, UserStatus.DISABLED))


@router.post("/{user_id}/enable", response_model=UserPublic)
def enable_user(user_id: str, session: SessionDep, actor: UsersManagerDep) -> UserPublic:
    return user_public(users.set_status(session, actor, user_id, UserStatus.ACTIVE))


@router.delete("/{user_id}", response_model=Message)
def delete_user(user_id: str, session: SessionDep, actor: UsersManagerDep) -> Message:
    users.delete_user(session, actor, user_id)
    return Message(message="用户已删除 (user deleted)")
