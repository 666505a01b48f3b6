from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from core.models import User
from server.api.convert import user_public
from server.api.deps import ClientAddressDep, SessionDep, SessionsDep, SettingsDep, UserDep, public
from server.api.schemas.accounts import LoginIn, LoginOut, PasswordChangeIn, UserPublic
from server.api.schemas.common import Message
from server.services import auth

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=LoginOut)
def login(body: LoginIn, request: Request, sessions: SessionsDep, settings: SettingsDep,
          address: ClientAddressDep, _: Annotated[None, Depends(public())]) -> LoginOut:
    result = auth.login(sessions, settings, username=body.username, password=body.password,
                        client_address=address, user_agent=request.headers.get("user-agent", ""))
    with sessions() as session:
        user = session.get(User, result.principal.user_id)
        assert user is not None
        return LoginOut(token=result.token, expires_at=result.expires_at, user=user_public(user, result.principal))


@router.post("/logout", response_model=Message)
def logout(session: SessionDep, principal: UserDep) -> Message:
    auth.logout(session, principal)
    return Message(message="已退出登录 (logged out)")


@router.get("/me", response_model=UserPublic)
def me(session: SessionDep, principal: UserDep) -> UserPublic:
    user = session.get(User, principal.user_id)
    assert user is not None
    return user_public(user, principal)


@router.post("/password", response_model=Message)
def change_password(body: PasswordChangeIn, session: SessionDep, principal: UserDep) -> Message:
    auth.change_own_password(session, principal, current=body.current_password, new=body.new_password)
    return Message(message="密码已修改 (password changed)")
