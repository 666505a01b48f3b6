"""Form validation, the module catalogue, the status object and the audit export (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from openpyxl import load_workbook

from client.services.audit import write_audit_xlsx
from client.services.dto import AuditRow
from client.services.modules import visible_modules
from client.services.status import ClientStatus
from client.services.users import UserForm, validate_user_form
from core.rules.permissions import BUILTIN_ROLES


def test_user_form_validation_names_every_bad_field() -> None:
    problems = validate_user_form(UserForm(username="x", display_name=" ", roles=(), password="123456",
                                           email="not-mail"))
    assert problems == {"username": ["username_format"], "display_name": ["required"],
                        "password": ["too_short", "too_common"], "email": ["email_format"], "roles": ["required"]}
    assert validate_user_form(UserForm(username="wang.wei", display_name="王伟", roles=("teacher",),
                                       password="Long-Enough-1")) == {}
    assert validate_user_form(UserForm("wang.wei", "王伟", ("teacher",), password="Wang.Wei")) == {
        "password": ["is_username"]}


def test_modules_follow_the_builtin_roles() -> None:
    perms = {seed.code.value: seed.permissions for seed in BUILTIN_ROLES}
    assert [m.key for m in visible_modules(perms["teacher"])] == ["students", "grades", "exams", "tasks", "timetable",
                                                                 "sync"]
    registrar = [m.key for m in visible_modules(perms["registrar"])]
    assert "users" not in registrar and "audit" not in registrar and "status_changes" in registrar
    assert [m.key for m in visible_modules(perms["admin"])][-4:] == ["users", "roles", "audit", "sync"]
    assert visible_modules(perms["student"]) == []


def test_status_notifies_listeners_and_takes_sync_counters() -> None:
    status, seen = ClientStatus(), []
    status.subscribe(seen.append)
    at = datetime(2026, 9, 1, tzinfo=UTC)
    status.set_sync_counters(unsent_changes=3, last_sync_at=at)
    assert seen[-1].unsent_changes == 3 and seen[-1].last_sync_at == at
    status.unsubscribe(seen.append)
    status.update(online=True)
    assert len(seen) == 1


def test_audit_export_writes_a_workbook(tmp_path: Path) -> None:
    rows = [AuditRow(i, datetime(2026, 9, 1, 8, i, tzinfo=UTC), "admin", "user.create", "user", f"id{i}",
                     f"创建用户 u{i}", "127.0.0.1", None, '{"username": "u"}') for i in range(3)]
    target = tmp_path / "out" / "audit.xlsx"
    write_audit_xlsx(rows, target, ["时间", "用户", "操作", "对象", "对象ID", "摘要", "地址", "旧值", "新值"])
    sheet = load_workbook(target).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "时间" and len(values) == 4 and values[1][5] == "创建用户 u0"


def test_local_narrowing_follows_the_server_search_rule() -> None:
    from client.services.dto import UserRow
    from client.services.users import matches

    user = UserRow(id="1", username="Wang.Wei", display_name="王伟", email="wang.wei@jiaowu.edu.cn")
    assert matches(user, "wang") and matches(user, "王") and matches(user, "JIAOWU") and matches(user, " ")
    assert not matches(user, "li")
