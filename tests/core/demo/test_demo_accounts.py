"""Demo accounts: every role, linked to existing rows, with passwords the policy accepts."""

from __future__ import annotations

from collections import Counter

from core.demo import DemoUniversity, accounts_table
from core.rules.enums import RoleCode

COMMON = {"123456", "12345678", "password", "admin123", "jiaowu123", "qwerty123", "abc12345"}


def test_one_or_more_accounts_per_role(university: DemoUniversity) -> None:
    roles = Counter(a.role for a in university.accounts)
    assert set(roles) == {r.value for r in RoleCode}
    assert roles["dept_staff"] == len(university.rows["department"])
    assert roles["teacher"] >= 3 and roles["student"] >= 3
    usernames = [a.username for a in university.accounts]
    assert len(usernames) == len(set(usernames))
    assert {"admin", "registrar", "dept01", "teacher01", "student01"} <= set(usernames)


def test_accounts_link_to_existing_rows_as_their_scope_needs(university: DemoUniversity) -> None:
    rows = university.rows
    departments = {d["id"] for d in rows["department"]}
    teachers = {t["id"]: t for t in rows["teacher"]}
    students = {s["id"]: s for s in rows["student"]}
    teaching = {link["teacher_id"] for link in rows["teaching_task_teacher"]}
    for account in university.accounts:
        if account.role in ("admin", "registrar"):
            assert (account.department_id, account.teacher_id, account.student_id) == (None, None, None)
        elif account.role == "dept_staff":
            assert account.department_id in departments and account.teacher_id is None
        elif account.role == "teacher":
            teacher = teachers[account.teacher_id or ""]
            assert account.teacher_id in teaching
            assert account.department_id == teacher["department_id"]
            assert account.display_name == teacher["name"]
        else:
            student = students[account.student_id or ""]
            assert student["status"] == "enrolled"
            assert account.display_name == student["name"]


def test_passwords_pass_the_policy(university: DemoUniversity) -> None:
    for account in university.accounts:
        password = account.password
        assert len(password) >= 8
        assert password.lower() != account.username.lower()
        assert password.lower() not in COMMON
    try:
        from core.rules.passwords import password_problems
    except ImportError:  # the server's policy module is not there yet
        return
    for account in university.accounts:
        assert password_problems(account.password, username=account.username) == []


def test_accounts_table_lists_every_login(university: DemoUniversity) -> None:
    table = accounts_table(university.accounts).splitlines()
    assert len(table) == len(university.accounts) + 1
    assert table[1].split()[:3] == ["admin", "Admin@2026", "admin"]
