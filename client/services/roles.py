"""Roles and the permission catalogue through the server (``users.manage``)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from client.services.api import ApiClient
from client.services.dto import PermissionRow, RoleRow

Progress = Callable[[int, int], None]


def _noop(_done: int, _total: int) -> None:
    return None


@dataclass(frozen=True)
class RolesAndPermissions:
    roles: tuple[RoleRow, ...]
    permissions: tuple[PermissionRow, ...]


def load_roles(api: ApiClient, *, on_progress: Progress = _noop,
               cancel: threading.Event | None = None) -> RolesAndPermissions:
    on_progress(0, 2)
    permissions = tuple(PermissionRow(p["code"], p["zh"], p["en"], p["module"])
                        for p in api.get("/permissions", cancel=cancel))
    on_progress(1, 2)
    roles = tuple(RoleRow.of(r) for r in api.get("/roles", cancel=cancel))
    on_progress(2, 2)
    return RolesAndPermissions(roles, permissions)


def load_role_names(api: ApiClient, *, on_progress: Progress = _noop,
                    cancel: threading.Event | None = None) -> tuple[RoleRow, ...]:
    return tuple(RoleRow.of(r) for r in api.get("/roles", cancel=cancel))


def create_role(api: ApiClient, code: str, name: str, name_en: str, scope: str, permissions: list[str], *,
                on_progress: Progress = _noop, cancel: threading.Event | None = None) -> RoleRow:
    body = {"code": code.strip(), "name": name.strip(), "name_en": name_en.strip(), "scope": scope,
            "permissions": permissions}
    return RoleRow.of(api.post("/roles", json=body, cancel=cancel))


def save_permissions(api: ApiClient, changed: dict[str, frozenset[str]], *, on_progress: Progress = _noop,
                     cancel: threading.Event | None = None) -> tuple[RoleRow, ...]:
    """PATCH each changed role's permission set; returns the roles as the server saved them."""
    saved = []
    for done, (role_id, permissions) in enumerate(sorted(changed.items()), start=1):
        data = api.request("PATCH", f"/roles/{role_id}", json={"permissions": sorted(permissions)}, cancel=cancel)
        saved.append(RoleRow.of(data))
        on_progress(done, len(changed))
    return tuple(saved)


def delete_role(api: ApiClient, role_id: str, *, on_progress: Progress = _noop,
                cancel: threading.Event | None = None) -> str:
    api.request("DELETE", f"/roles/{role_id}", cancel=cancel)
    return role_id
