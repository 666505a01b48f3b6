"""User management API: create, search, update, reset, disable, delete, roles, last-admin rule."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from core.models import AuditLog, User

MakeUser = Callable[..., str]
Headers = dict[str, str]
NEW = {"username": "zhang.wei", "password": "Plum-Blossom-42", "display_name": "张伟", "roles": ["registrar"]}


def _fields(response: object) -> dict[str, str]:
    body = response.json()  # type: ignore[attr-defined]
    return {f["field"]: f["message"] for f in body["details"]["fields"]}


def _user_count(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(User)) or 0


def test_create_get_and_login(api: TestClient, admin_headers: Headers) -> None:
    created = api.post("/users", headers=admin_headers, json={**NEW, "phone": "13812345678"})
    assert created.status_code == 201, created.text
    user = created.json()
    assert user["roles"] == ["registrar"] and user["status"] == "active" and user["phone"] == "13812345678"
    assert "password" not in user and "password_hash" not in user
    assert api.get(f"/users/{user['id']}", headers=admin_headers).json()["username"] == "zhang.wei"
    assert api.post("/auth/login", json={"username": "zhang.wei", "password": "Plum-Blossom-42"}).status_code == 200


def test_bad_input_names_each_field_and_changes_nothing(api: TestClient, admin_headers: Headers,
                                                        sessions: sessionmaker[Session]) -> None:
    before = _user_count(sessions)
    response = api.post("/users", headers=admin_headers, json={
        "username": "a", "password": "short", "display_name": " ", "roles": ["registrar"],
        "phone": "12345", "email": "not-an-email"})
    assert response.status_code == 422
    fields = _fields(response)
    assert {"username", "password", "phone", "email"} <= set(fields)
    assert "8" in fields["password"]
    unknown = api.post("/users", headers=admin_headers, json={**NEW, "roles": ["wizard"]})
    assert unknown.status_code == 422 and "wizard" in _fields(unknown)["roles"]
    extra = api.post("/users", headers=admin_headers, json={**NEW, "is_superuser": True})
    assert extra.status_code == 422 and "is_superuser" in _fields(extra)
    scope = api.post("/users", headers=admin_headers, json={**NEW, "roles": ["dept_staff"]})
    assert scope.status_code == 422 and "department_id" in _fields(scope)
    assert _user_count(sessions) == before


def test_duplicate_username_is_409_case_insensitively(api: TestClient, admin_headers: Headers) -> None:
    assert api.post("/users", headers=admin_headers, json=NEW).status_code == 201
    again = api.post("/users", headers=admin_headers, json={**NEW, "username": "Zhang.Wei"})
    assert again.status_code == 409 and again.json()["code"] == "conflict"


def test_search_paging_and_sorting(api: TestClient, admin_headers: Headers, make_user: MakeUser) -> None:
    for i in range(12):
        make_user(f"teacher{i:02d}", "teacher")
    page1 = api.get("/users", headers=admin_headers, params={"q": "teacher", "page": 1, "size": 5}).json()
    page3 = api.get("/users", headers=admin_headers, params={"q": "teacher", "page": 3, "size": 5}).json()
    assert page1["total"] == 12 and len(page1["items"]) == 5 and len(page3["items"]) == 2
    assert [u["username"] for u in page1["items"]] == [f"teacher{i:02d}" for i in range(5)]
    desc = api.get("/users", headers=admin_headers, params={"q": "teacher", "sort": "username", "desc": True}).json()
    assert desc["items"][0]["username"] == "teacher11"
    by_role = api.get("/users", headers=admin_headers, params={"role": "admin"}).json()
    assert [u["username"] for u in by_role["items"]] == ["root"]
    assert api.get("/users", headers=admin_headers, params={"size": 0}).status_code == 422


def test_update_reset_disable_enable_delete_are_audited(api: TestClient, admin_headers: Headers,
                                                        sessions: sessionmaker[Session]) -> None:
    uid = api.post("/users", headers=admin_headers, json=NEW).json()["id"]
    patched = api.patch(f"/users/{uid}", headers=admin_headers, json={"display_name": "张伟（教务处）"})
    assert patched.status_code == 200 and patched.json()["display_name"] == "张伟（教务处）"
    assert api.post(f"/users/{uid}/password", headers=admin_headers, json={"password": "New-Plum-Blossom-1"}).status_code == 200
    assert api.post("/auth/login", json={"username": "zhang.wei", "password": "New-Plum-Blossom-1"}).json()["user"]["must_change_password"]
    assert api.post(f"/users/{uid}/disable", headers=admin_headers).json()["status"] == "disabled"
    assert api.post(f"/users/{uid}/enable", headers=admin_headers).json()["status"] == "active"
    assert api.delete(f"/users/{uid}", headers=admin_headers).status_code == 200
    assert api.get(f"/users/{uid}", headers=admin_headers).status_code == 404
    assert api.post("/auth/login", json={"username": "zhang.wei", "password": "New-Plum-Blossom-1"}).status_code == 401
    # The username is free again, and the old row is kept as a tombstone.
    assert api.post("/users", headers=admin_headers, json=NEW).status_code == 201
    with sessions() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.entity_id == uid, AuditLog.action.startswith("user.")).order_by(AuditLog.id)).all()
        update = s.scalar(select(AuditLog).where(AuditLog.entity_id == uid, AuditLog.action == "user.update"))
        assert s.get(User, uid).deleted  # type: ignore[union-attr]
    assert actions == ["user.create", "user.update", "user.password_reset", "user.disable", "user.enable", "user.delete"]
    assert update is not None and "张伟" in (update.old_values or "") and "教务处" in (update.new_values or "")
    log = api.get("/audit", headers=admin_headers, params={"action": "user.", "size": 100}).json()
    assert log["total"] >= 6 and all(item["action"].startswith("user.") for item in log["items"])


def test_assign_roles_and_scope(api: TestClient, admin_headers: Headers, org: object) -> None:
    uid = api.post("/users", headers=admin_headers, json=NEW).json()["id"]
    missing = api.put(f"/users/{uid}/roles", headers=admin_headers, json={"roles": ["dept_staff"]})
    assert missing.status_code == 422 and "department_id" in _fields(missing)
    bogus = api.put(f"/users/{uid}/roles", headers=admin_headers, json={"roles": ["dept_staff"], "department_id": "nope"})
    assert bogus.status_code == 422 and "department_id" in _fields(bogus)
    ok = api.put(f"/users/{uid}/roles", headers=admin_headers,
                 json={"roles": ["dept_staff"], "department_id": org.department_id})  # type: ignore[attr-defined]
    assert ok.status_code == 200
    assert ok.json()["roles"] == ["dept_staff"] and ok.json()["scope"] == "department"


def test_the_last_administrator_is_protected(api: TestClient, admin_headers: Headers, make_user: MakeUser,
                                             login: Callable[[str], Headers], sessions: sessionmaker[Session]) -> None:
    root = api.get("/auth/me", headers=admin_headers).json()["id"]
    other = make_user("second.admin", "admin")
    assert api.delete(f"/users/{root}", headers=admin_headers).status_code == 409  # not yourself
    assert api.post(f"/users/{other}/disable", headers=admin_headers).status_code == 200
    # root is now the only active administrator
    for response in (
        api.post(f"/users/{root}/disable", headers=admin_headers),
        api.put(f"/users/{root}/roles", headers=admin_headers, json={"roles": ["registrar"]}),
        api.patch(f"/users/{root}", headers=admin_headers, json={"roles": ["teacher"]}),
    ):
        assert response.status_code in (409, 422), response.text
    assert api.put(f"/users/{root}/roles", headers=admin_headers, json={"roles": ["registrar"]}).json()["details"]["rule"] == "last_admin"
    admin_role = next(r for r in api.get("/roles", headers=admin_headers).json() if r["code"] == "admin")
    stripped = [p for p in admin_role["permissions"] if p != "users.manage"]
    refused = api.patch(f"/roles/{admin_role['id']}", headers=admin_headers, json={"permissions": stripped})
    assert refused.status_code == 409
    me = api.get("/auth/me", headers=admin_headers).json()
    assert me["status"] == "active" and "users.manage" in me["permissions"]
    # With a second active administrator, the same operations are allowed.
    assert api.post(f"/users/{other}/enable", headers=admin_headers).status_code == 200
    assert api.post(f"/users/{root}/disable", headers=login("second.admin")).status_code == 200
