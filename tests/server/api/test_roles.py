"""Role CRUD with permissions: roles are data."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

MakeUser = Callable[..., str]
Headers = dict[str, str]


def test_builtin_roles_are_seeded(api: TestClient, admin_headers: Headers) -> None:
    roles = {r["code"]: r for r in api.get("/roles", headers=admin_headers).json()}
    assert set(roles) == {"admin", "registrar", "dept_staff", "teacher", "student"}
    assert roles["dept_staff"]["scope"] == "department" and "status.approve" not in roles["dept_staff"]["permissions"]
    assert roles["registrar"]["permissions"].count("status.approve") == 1
    assert roles["teacher"]["scope"] == "own_tasks" and "grades.write" in roles["teacher"]["permissions"]
    assert roles["admin"]["user_count"] == 1
    catalogue = api.get("/permissions", headers=admin_headers).json()
    assert {"students.read", "grades.lock", "status.approve", "users.manage"} <= {p["code"] for p in catalogue}


def test_custom_role_lifecycle(api: TestClient, admin_headers: Headers, make_user: MakeUser,
                               login: Callable[[str], Headers]) -> None:
    created = api.post("/roles", headers=admin_headers, json={
        "code": "auditor", "name": "审计员", "name_en": "Auditor", "scope": "all",
        "permissions": ["audit.read", "students.read"]})
    assert created.status_code == 201, created.text
    role = created.json()
    uid = make_user("audit.li", "auditor")
    headers = login("audit.li")
    assert api.get("/audit", headers=headers).status_code == 200
    assert api.get("/users", headers=headers).status_code == 403
    assert api.delete(f"/roles/{role['id']}", headers=admin_headers).status_code == 409  # still held
    updated = api.patch(f"/roles/{role['id']}", headers=admin_headers, json={"permissions": ["students.read"]})
    assert updated.json()["permissions"] == ["students.read"]
    assert api.get("/auth/me", headers=headers).status_code == 401  # access changed: token revoked
    assert api.get("/audit", headers=login("audit.li")).status_code == 403
    assert api.delete(f"/users/{uid}", headers=admin_headers).status_code == 200
    assert api.delete(f"/roles/{role['id']}", headers=admin_headers).status_code == 200
    assert api.get(f"/roles/{role['id']}", headers=admin_headers).status_code == 404
    assert api.post("/roles", headers=admin_headers, json={"code": "auditor", "name": "审计员", "scope": "all"}).status_code == 201


def test_role_input_is_checked(api: TestClient, admin_headers: Headers) -> None:
    bad = api.post("/roles", headers=admin_headers, json={
        "code": "Bad Code", "name": "x", "scope": "galaxy", "permissions": ["students.read", "time.travel"]})
    assert bad.status_code == 422
    fields = {f["field"]: f["message"] for f in bad.json()["details"]["fields"]}
    assert set(fields) == {"code", "scope", "permissions"}
    assert "time.travel" in fields["permissions"]
    dup = api.post("/roles", headers=admin_headers, json={"code": "teacher", "name": "x", "scope": "all"})
    assert dup.status_code == 409
    builtin = next(r for r in api.get("/roles", headers=admin_headers).json() if r["code"] == "student")
    assert api.delete(f"/roles/{builtin['id']}", headers=admin_headers).status_code == 409
