from __future__ import annotations

from fastapi import APIRouter

from core.rules.permissions import PERMISSIONS
from server.api.convert import role_public
from server.api.deps import SessionDep, UserDep, UsersManagerDep
from server.api.schemas.accounts import PermissionPublic, RoleCreate, RolePublic, RoleUpdate
from server.api.schemas.common import Message
from server.services import roles
from server.services.roles import RoleInput

router = APIRouter(tags=["roles"])


@router.get("/permissions", response_model=list[PermissionPublic])
def list_permissions(_user: UserDep) -> list[PermissionPublic]:
    return [PermissionPublic(code=p.code, zh=p.zh, en=p.en, module=p.module) for p in PERMISSIONS]


@router.get("/roles", response_model=list[RolePublic])
def list_roles(session: SessionDep, _actor: UsersManagerDep) -> list[RolePublic]:
    return [role_public(role, count) for role, count in roles.list_roles(session)]


@router.post("/roles", response_model=RolePublic, status_code=201)
def create_role(body: RoleCreate, session: SessionDep, actor: UsersManagerDep) -> RolePublic:
    return role_public(roles.create_role(session, actor, RoleInput(**body.model_dump())))


@router.get("/roles/{role_id}", response_model=RolePublic)
def get_role(role_id: str, session: SessionDep, _actor: UsersManagerDep) -> RolePublic:
    return role_public(roles.get_role(session, role_id))


@router.patch("/roles/{role_id}", response_model=RolePublic)
def update_role(role_id: str, body: RoleUpdate, session: SessionDep, actor: UsersManagerDep) -> RolePublic:
    return role_public(roles.update_role(session, actor, role_id, RoleInput(**body.model_dump(exclude_unset=True))))


@router.delete("/roles/{role_id}", response_model=Message)
def delete_role(role_id: str, session: SessionDep, actor: UsersManagerDep) -> Message:
    roles.delete_role(session, actor, role_id)
    return Message(message="角色已删除 (role deleted)")
