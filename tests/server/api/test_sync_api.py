"""/sync/pull, /sync/push and /sync/check over HTTP, against the server's real services."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from core.models import (
    Course,
    Grade,
    SchoolClass,
    Student,
    TeachingTask,
    TeachingTaskClass,
    TeachingTaskTeacher,
    Term,
)

MakeUser = Callable[..., str]
Login = Callable[..., dict[str, str]]


def _pull_all(api: TestClient, headers: dict[str, str], cursor: str = "", scope_key: str | None = None,
              limit: int = 3) -> tuple[dict[tuple[str, str], dict | None], str, str, list[dict]]:
    """Page through a pull; returns (table, id) → row (None for remove), cursor, scope key, pages."""
    rows: dict[tuple[str, str], dict | None] = {}
    pages = []
    while True:
        params = {"cursor": cursor, "limit": limit}
        if scope_key:
            params["scope_key"] = scope_key
        page = api.get("/sync/pull", headers=headers, params=params).json()
        pages.append(page)
        assert not page["resync_required"], page
        end = int(page["next_cursor"].rpartition(":")[2].lstrip("F"))
        for table, block in page["upserts"].items():
            for values in block["rows"]:
                row = dict(zip(block["columns"], values, strict=True))
                assert row["server_seq"] <= end  # the cursor never runs ahead of the data
                rows[(table, row["id"])] = row
        for table, ids in page["removes"].items():
            for row_id in ids:
                rows[(table, row_id)] = None
        cursor, scope_key = page["next_cursor"], page["scope_key"]
        if not page["has_more"]:
            return rows, cursor, scope_key, pages


def _op(table: str, row_id: str, kind: str, fields: dict, **extra: object) -> dict:
    return {"op_id": str(uuid.uuid4()), "table": table, "row_id": row_id, "kind": kind, "fields": fields, **extra}


def test_registrar_pulls_everything_in_pages_and_then_only_news(api: TestClient, make_user: MakeUser,
                                                                login: Login, org: object) -> None:
    make_user("reg", "registrar")
    headers = login("reg")
    rows, cursor, key, pages = _pull_all(api, headers)
    assert len(pages) >= 2 and key == "all"
    tables = {t for t, _ in rows}
    assert {"department", "major", "school_class", "teacher", "student"} <= tables
    assert "app_user" not in tables and "role" not in tables  # accounts never replicate
    again, cursor2, _, _ = _pull_all(api, headers, cursor, key)
    assert again == {} and cursor2 == cursor
    student_id = org.student_id  # type: ignore[attr-defined]
    student = rows[("student", student_id)]
    assert student is not None
    result = api.post("/sync/push", headers=headers, json={"client_id": str(uuid.uuid4()), "ops": [
        _op("student", student_id, "patch", {"phone": "13900001111"}, base={"phone": student["phone"]},
            base_version=student["row_version"])]}).json()["results"][0]
    assert result["status"] == "applied" and result["row_version"] == student["row_version"] + 1
    news, _, _, _ = _pull_all(api, headers, cursor, key)
    assert list(news) == [("student", student_id)] and news[("student", student_id)]["phone"] == "13900001111"  # type: ignore[index]


def test_incremental_changes_come_in_one_page_when_they_fit_and_in_pages_when_not(
        api: TestClient, make_user: MakeUser, login: Login, org: object, sessions: sessionmaker[Session]) -> None:
    make_user("reg", "registrar")
    headers = login("reg")
    _, cursor, key, _ = _pull_all(api, headers, limit=100)
    with sessions.begin() as s:
        template = s.get(Student, org.student_id)  # type: ignore[attr-defined]
        assert template is not None
        new = [Student(number=f"20240101019{i}", name=f"新生{i}", gender="F", id_number=f"11010520060102{i:03d}X",
                       birth_date=date(2006, 1, 1), class_id=template.class_id, major_id=template.major_id,
                       department_id=template.department_id, cohort=2024, enrolled_on=date(2024, 9, 1))
               for i in range(5)]
        s.add_all(new)
        s.flush()
        created = {st.id for st in new}
    one, _, _, pages = _pull_all(api, headers, cursor, key, limit=10)
    assert len(pages) == 1 and {i for _t, i in one} == created  # read once, no boundary needed
    paged, end, _, pages = _pull_all(api, headers, cursor, key, limit=2)
    assert len(pages) == 3 and {i for _t, i in paged} == created  # cut at sequence boundaries
    assert [len(p["upserts"].get("student", {}).get("rows", [])) for p in pages] == [2, 2, 1]
    again, _, _, _ = _pull_all(api, headers, end, key)
    assert again == {}


def test_push_is_idempotent_and_reports_conflicts_and_rejections(api: TestClient, make_user: MakeUser,
                                                                 login: Login, org: object) -> None:
    make_user("reg", "registrar")
    headers = login("reg")
    rows, _, _, _ = _pull_all(api, headers, limit=100)
    sid = org.student_id  # type: ignore[attr-defined]
    student = rows[("student", sid)]
    assert student is not None
    client = str(uuid.uuid4())
    op = _op("student", sid, "patch", {"name": "李明明"}, base={"name": student["name"]},
             base_version=student["row_version"])
    first = api.post("/sync/push", headers=headers, json={"client_id": client, "ops": [op]}).json()["results"][0]
    replay = api.post("/sync/push", headers=headers, json={"client_id": client, "ops": [op]}).json()["results"][0]
    assert first["status"] == "applied" and replay["replayed"] and replay["row_version"] == first["row_version"]
    # another client edited from the same base: same field → conflict, other field → merges
    stale = {"base_version": student["row_version"]}
    clash = _op("student", sid, "patch", {"name": "李小明"}, base={"name": student["name"]}, **stale)
    merge = _op("student", sid, "patch", {"email": "li@example.edu.cn"}, base={"email": student["email"]}, **stale)
    results = api.post("/sync/push", headers=headers, json={"client_id": str(uuid.uuid4()), "ops": [clash, merge]}).json()["results"]
    assert results[0]["status"] == "conflict" and results[0]["conflict_fields"] == ["name"]
    assert results[0]["server_row"]["name"] == "李明明"
    assert results[1]["status"] == "applied"
    bad = api.post("/sync/push", headers=headers, json={"client_id": client, "ops": [
        _op("student", sid, "patch", {"id_number": "110105194912310021"}, base={}, base_version=99),
        _op("nosuch", sid, "patch", {"x": 1}),
        _op("student", sid, "patch", {"favourite_colour": "red"}),
        _op("student", str(uuid.uuid4()), "create", {"name": "无学号"}),
    ]}).json()["results"]
    assert [r["status"] for r in bad] == ["rejected"] * 4
    assert "校验位" in bad[0]["message"] and bad[0]["conflict_fields"] == ["id_number"]
    assert bad[1]["code"] == "unknown_table"
    assert "favourite_colour" in bad[2]["message"]
    assert {"number", "id_number", "major_id"} <= set(bad[3]["conflict_fields"])


def test_malformed_or_oversized_push_changes_nothing(api: TestClient, make_user: MakeUser, login: Login) -> None:
    make_user("reg", "registrar")
    headers = login("reg")
    too_many = {"client_id": "c", "ops": [_op("department", str(uuid.uuid4()), "create", {}) for _ in range(501)]}
    assert api.post("/sync/push", headers=headers, json=too_many).status_code == 422
    huge = api.post("/sync/push", headers={**headers, "Content-Type": "application/json"},
                    content=b'{"client_id": "c", "ops": []' + b" " * (9 * 1024 * 1024) + b"}")
    assert huge.status_code == 413 and huge.json()["code"] == "push_too_large"
    assert api.post("/sync/push", headers=headers, json={"ops": "nope"}).status_code == 422
    assert api.get("/sync/pull", headers=headers, params={"cursor": "garbage"}).status_code == 422


def test_cursor_from_another_epoch_or_the_future_asks_for_resync(api: TestClient, make_user: MakeUser, login: Login) -> None:
    make_user("reg", "registrar")
    headers = login("reg")
    _, cursor, _, _ = _pull_all(api, headers, limit=1000)
    epoch, seq = cursor.split(":")
    other = api.get("/sync/pull", headers=headers, params={"cursor": f"other{epoch}:{seq}"}).json()
    assert other["resync_required"] and other["reason"] == "epoch"
    future = api.get("/sync/pull", headers=headers, params={"cursor": f"{epoch}:{int(seq) + 1000}"}).json()
    assert future["resync_required"] and future["reason"] == "restored"


@pytest.fixture
def teaching(sessions: sessionmaker[Session], org: object) -> dict[str, str]:
    """A task of the org's teacher, linked to the org's class, with a grade; and an unrelated class."""
    with sessions.begin() as s:
        cls = s.get(SchoolClass, s.get(Student, org.student_id).class_id)  # type: ignore[attr-defined,union-attr]
        term = Term(code="2026-2027-1", name="2026秋", start_date=date(2026, 9, 1), is_current=True)
        course = Course(code="CS101", name="程序设计", category="professional_foundation", credits=3,
                        total_hours=48, lecture_hours=48)
        s.add_all([term, course])
        s.flush()
        task = TeachingTask(code="T1", term_id=term.id, course_id=course.id, department_id=cls.department_id,  # type: ignore[union-attr]
                            weekly_periods=4)
        other_cls = SchoolClass(code="SE2402", name="软件2402班", major_id=cls.major_id, department_id=cls.department_id,  # type: ignore[union-attr]
                                cohort=2024)
        s.add_all([task, other_cls])
        s.flush()
        link = TeachingTaskClass(task_id=task.id, class_id=cls.id)  # type: ignore[union-attr]
        s.add_all([link, TeachingTaskTeacher(task_id=task.id, teacher_id=org.teacher_id)])  # type: ignore[attr-defined]
        grade = Grade(student_id=org.student_id, task_id=task.id, course_id=course.id, term_id=term.id)  # type: ignore[attr-defined]
        s.add(grade)
        s.flush()
        return {"task": task.id, "link": link.id, "grade": grade.id, "class": cls.id, "other_class": other_cls.id}  # type: ignore[union-attr]


def test_teacher_scope_and_removal_when_a_student_leaves(api: TestClient, make_user: MakeUser, login: Login,
                                                         org: object, teaching: dict[str, str],
                                                         sessions: sessionmaker[Session]) -> None:
    make_user("teach", "teacher")
    headers = login("teach")
    rows, cursor, key, _ = _pull_all(api, headers, limit=50)
    sid = org.student_id  # type: ignore[attr-defined]
    assert ("student", sid) in rows and ("grade", teaching["grade"]) in rows and ("teaching_task", teaching["task"]) in rows
    assert not any(t in {"status_change", "aid_award", "teaching_plan"} for t, _ in rows)
    assert key.startswith("tasks:")
    # A push outside the scope is rejected, never applied.
    outsider = api.post("/sync/push", headers=headers, json={"client_id": "t", "ops": [
        _op("school_class", teaching["other_class"], "patch", {"name": "改名"})]}).json()["results"][0]
    assert outsider["status"] == "rejected"
    # The student moves to a class the teacher does not teach: it arrives as remove.
    with sessions.begin() as s:
        s.get(Student, sid).class_id = teaching["other_class"]  # type: ignore[union-attr]
    news, cursor, key2, _ = _pull_all(api, headers, cursor, key)
    assert news[("student", sid)] is None and key2 == key
    # The teacher loses the task link: the scope key changes and the whole scope is re-sent.
    with sessions.begin() as s:
        s.get(TeachingTaskClass, teaching["link"]).deleted = True  # type: ignore[union-attr]
    _, _, _, pages = _pull_all(api, headers, cursor, key)
    assert pages[0]["scope_reset"] and pages[-1]["scope_key"] != key


def test_dept_staff_scope_and_check(api: TestClient, make_user: MakeUser, login: Login, org: object) -> None:
    make_user("dept", "dept_staff")
    headers = login("dept")
    rows, _, key, _ = _pull_all(api, headers, limit=100)
    assert key == f"dept:{org.department_id}"  # type: ignore[attr-defined]
    assert ("student", org.student_id) in rows  # type: ignore[attr-defined]
    check = api.get("/sync/check", headers=headers, params={"tables": "student,department"}).json()
    assert check["tables"]["student"]["count"] == 1 and check["tables"]["department"]["count"] == 2
    assert len(check["tables"]["student"]["digest"]) == 64


def test_a_batch_of_simple_patches_applies_as_one_and_falls_back_per_op_on_a_shared_unique_key(
        api: TestClient, make_user: MakeUser, login: Login, org: object, sessions: sessionmaker[Session]) -> None:
    """Grade entry and record edits arrive as batches of patches: applied in one flush with the
    same answers as one by one, and a batch two of whose ops claim one unique value is undone
    and applied op by op, so the second op is refused with its reason and nothing is lost."""
    make_user("reg", "registrar")
    headers = login("reg")
    with sessions.begin() as s:
        first = s.get(Student, org.student_id)  # type: ignore[attr-defined]
        assert first is not None
        others = [Student(number=f"20240101010{i}", name=f"学生{i}", gender="F", id_number=number,
                          birth_date=date(2006, 1, 1), class_id=first.class_id, major_id=first.major_id,
                          department_id=first.department_id, cohort=2024, enrolled_on=date(2024, 9, 1))
                  for i, number in ((2, "110105200601010028"), (3, "110105200601010044"))]
        s.add_all(others)
        s.flush()
        ids = [first.id, *(o.id for o in others)]
    rows, _, _, _ = _pull_all(api, headers, limit=100)
    before = {sid: rows[("student", sid)] for sid in ids}
    ops = [_op("student", sid, "patch", {"phone": f"1380013800{n}"}, base={"phone": before[sid]["phone"]},
               base_version=before[sid]["row_version"]) for n, sid in enumerate(ids)]
    ops.append(_op("student", ids[0], "patch", {"phone": "12345"}, base={"phone": ""},
                   base_version=before[ids[0]]["row_version"]))
    results = api.post("/sync/push", headers=headers, json={"client_id": str(uuid.uuid4()), "ops": ops}).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "applied", "rejected"]
    assert results[3]["conflict_fields"] == ["phone"]
    assert len({r["server_seq"] for r in results[:3]}) == 3
    assert all(r["row_version"] == before[sid]["row_version"] + 1 for r, sid in zip(results, ids, strict=False))
    after, _, _, _ = _pull_all(api, headers, limit=100)
    assert [after[("student", sid)]["phone"] for sid in ids] == ["13800138000", "13800138001", "13800138002"]
    # Two ops of one batch give two students the same number: the batch is undone and replayed
    # per op; the first applies, the second is refused naming the field.
    clash = [_op("student", sid, "patch", {"number": "202401019999"}, base={"number": before[sid]["number"]},
                 base_version=after[("student", sid)]["row_version"]) for sid in ids[1:]]
    results = api.post("/sync/push", headers=headers, json={"client_id": str(uuid.uuid4()), "ops": clash}).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert "number" in results[1]["conflict_fields"]
