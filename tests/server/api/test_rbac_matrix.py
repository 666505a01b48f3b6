"""Every route × every built-in role: allowed or denied exactly as the route declares.

The matrix is generated from the application's route table, so a new route is covered the
moment it exists, and a route that declares no requirement fails ``test_every_route_declares``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from core.rules.permissions import BUILTIN_ROLES
from server.api.deps import Requirement

MakeUser = Callable[..., str]
ROLE_PERMISSIONS = {seed.code.value: set(seed.permissions) for seed in BUILTIN_ROLES}


def _requirements(dependant: Dependant) -> Iterator[Requirement]:
    for dep in dependant.dependencies:
        if isinstance(dep.call, Requirement):
            yield dep.call
        yield from _requirements(dep)


def api_routes(app: FastAPI) -> list[tuple[str, APIRoute]]:
    """(full path, route) of every API route, through included routers."""
    try:  # FastAPI >= 0.160 wraps included routers; this is its public iterator
        from fastapi.routing import iter_route_contexts
    except ImportError:  # pragma: no cover - older FastAPI flattens routes itself
        return [(r.path, r) for r in app.routes if isinstance(r, APIRoute)]
    return [(rc.path, rc.original_route) for rc in iter_route_contexts(app.routes)
            if isinstance(rc.original_route, APIRoute)]


def route_table(app: FastAPI) -> list[tuple[str, str, list[Requirement]]]:
    rows = []
    for path, route in api_routes(app):
        for method in sorted(route.methods):
            rows.append((method, path, list(_requirements(route.dependant))))
    return rows


def test_every_route_declares_exactly_one_requirement(app: FastAPI) -> None:
    table = route_table(app)
    assert len(table) >= 15
    undeclared = [f"{m} {p}" for m, p, reqs in table if len(reqs) != 1]
    assert undeclared == [], f"routes without exactly one declared permission: {undeclared}"


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda _m: str(uuid.uuid4()), path)


def test_rbac_matrix(app: FastAPI, api: TestClient, make_user: MakeUser,
                     login: Callable[[str], dict[str, str]]) -> None:
    headers = {}
    for role in ROLE_PERMISSIONS:
        make_user(f"u_{role}", role)
        headers[role] = login(f"u_{role}")
    failures: list[str] = []
    for method, path, (req,) in route_table(app):
        url = _concrete(path)
        for role, permissions in ROLE_PERMISSIONS.items():
            # Logging out ends the session: use a throwaway token for that route.
            h = login(f"u_{role}") if path == "/auth/logout" else headers[role]
            status = api.request(method, url, headers=h, json={}).status_code
            allowed = req.public or req.permission is None or req.permission in permissions
            if allowed and status in (401, 403):
                failures.append(f"{method} {path} as {role}: {status}, expected allowed ({req})")
            if not allowed and status != 403:
                failures.append(f"{method} {path} as {role}: {status}, expected 403 ({req})")
        anonymous = api.request(method, url, json={}).status_code
        if not req.public and anonymous != 401:
            failures.append(f"{method} {path} anonymous: {anonymous}, expected 401")
        if req.public and anonymous in (401, 403):
            failures.append(f"{method} {path} anonymous: {anonymous}, expected public")
    assert failures == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_matrix_sees_a_permission_change(app: FastAPI, api: TestClient, make_user: MakeUser,
                                         login: Callable[[str], dict[str, str]],
                                         admin_headers: dict[str, str]) -> None:
    """Roles are data: granting users.manage to teachers opens /users to them."""
    make_user("teacher1", "teacher")
    assert api.get("/users", headers=login("teacher1")).status_code == 403
    teacher = next(r for r in api.get("/roles", headers=admin_headers).json() if r["code"] == "teacher")
    patched = api.patch(f"/roles/{teacher['id']}", headers=admin_headers,
                        json={"permissions": [*teacher["permissions"], "users.manage"]})
    assert patched.status_code == 200
    assert api.get("/users", headers=login("teacher1")).status_code == 200
