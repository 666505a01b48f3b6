"""Scholarships, grants and loans over the API: apply, review, approve within the quota,
scope, bad input, export, and the same rules through the sync push."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from core.errors import InvalidInputError, PermissionDeniedError
from core.models import AidAward, AidQuota, AidType, AuditLog, Course, Grade, Student, Term
from core.rules.enums import Scope
from core.rules.permissions import BUILTIN_ROLES
from server.services import replica_writes
from server.services.principal import Principal

from ..conftest import Org

Headers = dict[str, str]
YEAR = "2026-2027"
NAT = {"no_failed_course": True, "gpa_rank_share": 0.1, "min_year": 2, "exclusive_group": "national_scholarship"}
ENC = {"no_failed_course": True, "gpa_rank_share": 0.5, "min_year": 2, "financial_need": True,
       "exclusive_group": "national_scholarship"}


@dataclass(frozen=True)
class World:
    top: str  # rank 1 of 10, no failure
    second: str  # rank 2
    failed: str  # a failed course
    nat: str
    enc: str
    loan: str


def _student(s: Session, org: Org, cls_id: str, major_id: str, n: int) -> Student:
    student = Student(number=f"2024010101{n:02d}", name=f"学生{n}", gender="M", id_number=f"1101052006010{n:04d}X"[:18],
                      birth_date=date(2006, 1, 1), class_id=cls_id, major_id=major_id, department_id=org.department_id,
                      cohort=2024, enrolled_on=date(2024, 9, 1))
    s.add(student)
    return student


@pytest.fixture
def world(sessions: sessionmaker[Session], org: Org) -> World:
    with sessions.begin() as s:
        first = s.get(Student, org.student_id)
        assert first is not None
        term = Term(code="2025-2026-1", name="2025-2026学年第一学期", start_date=date(2025, 9, 1))
        courses = [Course(code=f"C{n}", name=f"课程{n}", category="general_foundation", credits=Decimal(3),
                          total_hours=48, lecture_hours=48) for n in range(2)]
        s.add_all([term, *courses])
        students = [first] + [_student(s, org, first.class_id or "", first.major_id, n) for n in range(2, 11)]
        s.flush()
        for rank, student in enumerate(students):
            for n, course in enumerate(courses):
                score = 95 - 3 * rank if not (rank == 2 and n == 1) else 50
                s.add(Grade(student_id=student.id, course_id=course.id, term_id=term.id, score=Decimal(score),
                            state="locked"))
        types = [AidType(code=c, name=n, kind=k, amount=Decimal(a), rules=json.dumps(r)) for c, n, k, a, r in (
            ("NAT-SCH", "国家奖学金", "scholarship", 10000, NAT), ("NAT-ENC", "国家励志奖学金", "scholarship", 6000, ENC),
            ("LOAN", "国家助学贷款", "loan", 16000, {"financial_need": True, "max_amount_per_year": 16000}))]
        s.add_all(types)
        s.flush()
        for t in types:
            s.add(AidQuota(aid_type_id=t.id, academic_year=YEAR, department_id=org.department_id, quota=1))
        return World(students[0].id, students[1].id, students[2].id, types[0].id, types[1].id, types[2].id)


@pytest.fixture
def users(make_user: Callable[..., str], login: Callable[[str], Headers], org: Org) -> dict[str, Headers]:
    make_user("reg", "registrar")
    make_user("sec", "dept_staff")
    make_user("sec2", "dept_staff", department_id=org.other_department_id)
    make_user("teach", "teacher")
    return {name: login(name) for name in ("reg", "sec", "sec2", "teach")}


def _fields(response: object) -> set[str]:
    return {f["field"] for f in response.json()["details"]["fields"]}  # type: ignore[attr-defined]


def _awards(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(AidAward)) or 0


def _apply(api: TestClient, headers: Headers, aid_type: str, student: str, **extra: object) -> object:
    return api.post("/aid/awards", headers=headers,
                    json={"aid_type_id": aid_type, "academic_year": YEAR, "student_id": student, **extra})


def test_apply_review_approve_with_report(api: TestClient, users: dict[str, Headers], world: World,
                                          sessions: sessionmaker[Session]) -> None:
    created = _apply(api, users["sec"], world.nat, world.top, application_text="成绩优异")
    assert created.status_code == 201, created.text
    award = created.json()
    assert award["state"] == "submitted" and award["amount"] == "10000.00" and award["student_name"] == "李明"
    checks = {c["rule"]: c for c in award["eligibility"]["checks"]}
    assert award["eligibility"]["passed"] and award["eligibility"]["evaluation_year"] == "2025-2026"
    assert checks["gpa_rank_share"]["figures"]["rank"] == 1 and checks["gpa_rank_share"]["figures"]["ranked"] == 10
    assert api.post(f"/aid/awards/{award['id']}/approve", headers=users["sec"], json={}).status_code == 403
    early = api.post(f"/aid/awards/{award['id']}/approve", headers=users["reg"], json={})
    assert early.status_code == 409 and early.json()["code"] == "not_reviewed"
    reviewed = api.post(f"/aid/awards/{award['id']}/review", headers=users["sec"], json={"comment": "同意推荐"})
    assert reviewed.status_code == 200 and reviewed.json()["reviewed_by"] is not None
    assert reviewed.json()["eligibility"]["review"]["comment"] == "同意推荐"
    approved = api.post(f"/aid/awards/{award['id']}/approve", headers=users["reg"], json={"reason": "学校评审通过"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["state"] == "approved" and approved.json()["decided_at"]
    again = api.post(f"/aid/awards/{award['id']}/reject", headers=users["reg"], json={"reason": "x"})
    assert again.status_code == 409 and again.json()["code"] == "decided"
    with sessions() as s:
        actions = set(s.scalars(select(AuditLog.action).where(AuditLog.entity_id == award["id"])))
    assert {"aid_award.apply", "aid_award.review", "aid_award.approved"} <= actions


def test_ineligible_students_are_refused_naming_each_rule(api: TestClient, users: dict[str, Headers], world: World,
                                                          sessions: sessionmaker[Session]) -> None:
    before = _awards(sessions)
    second = _apply(api, users["sec"], world.nat, world.second)
    assert second.status_code == 422 and _fields(second) == {"eligibility.gpa_rank_share"}
    assert "2" in second.json()["details"]["fields"][0]["message"]
    failed = _apply(api, users["sec"], world.nat, world.failed)
    assert _fields(failed) == {"eligibility.no_failed_course", "eligibility.gpa_rank_share"}
    no_need = _apply(api, users["sec"], world.enc, world.second)
    assert no_need.status_code == 422 and _fields(no_need) == {"eligibility.financial_need"}
    preview = api.post("/aid/eligibility", headers=users["sec"], json={
        "aid_type_id": world.enc, "academic_year": YEAR, "student_id": world.second, "financial_need": "ordinary"})
    assert preview.status_code == 200 and preview.json()["passed"]
    assert _awards(sessions) == before


def test_quota_is_enforced_at_approval_and_groups_are_exclusive(api: TestClient, users: dict[str, Headers],
                                                                world: World) -> None:
    ids = []
    for student in (world.top, world.second):
        r = _apply(api, users["sec"], world.loan, student,
                   financial_need="general", amount="8000")
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
        assert api.post(f"/aid/awards/{ids[-1]}/review", headers=users["reg"], json={}).status_code == 200
    assert api.post(f"/aid/awards/{ids[0]}/approve", headers=users["reg"], json={}).status_code == 200
    full = api.post(f"/aid/awards/{ids[1]}/approve", headers=users["reg"], json={})
    assert full.status_code == 409 and full.json()["code"] == "quota_exhausted"
    assert full.json()["details"] == {"quota": 1, "used": 1}
    assert api.get(f"/aid/awards/{ids[1]}", headers=users["sec"]).json()["state"] == "submitted"
    raised = api.put("/aid/quotas", headers=users["reg"], json={
        "aid_type_id": world.loan, "academic_year": YEAR, "department_id": api.get(
            f"/aid/awards/{ids[0]}", headers=users["reg"]).json()["department_id"], "quota": 2})
    assert raised.status_code == 200 and raised.json()["used"] == 1 and raised.json()["pending"] == 1
    assert api.post(f"/aid/awards/{ids[1]}/approve", headers=users["reg"], json={}).status_code == 200
    # 国家奖学金 and 国家励志奖学金 share a group: the encouragement holder cannot take both.
    enc = _apply(api, users["sec"], world.enc, world.top, financial_need="special")
    assert enc.status_code == 201
    api.post(f"/aid/awards/{enc.json()['id']}/review", headers=users["sec"], json={})
    assert api.post(f"/aid/awards/{enc.json()['id']}/approve", headers=users["reg"], json={}).status_code == 200
    nat = _apply(api, users["sec"], world.nat, world.top)
    assert nat.status_code == 422 and _fields(nat) == {"eligibility.exclusive_group"}
    twice = _apply(api, users["sec"], world.enc, world.top, financial_need="special")
    assert twice.status_code == 409 and twice.json()["code"] == "duplicate"


def test_rejection_needs_a_reason(api: TestClient, users: dict[str, Headers], world: World) -> None:
    award = _apply(api, users["sec"], world.nat, world.top).json()
    bare = api.post(f"/aid/awards/{award['id']}/reject", headers=users["reg"], json={"reason": "  "})
    assert bare.status_code == 422 and _fields(bare) == {"decision_reason"}
    done = api.post(f"/aid/awards/{award['id']}/reject", headers=users["reg"], json={"reason": "材料不全"})
    assert done.status_code == 200 and done.json()["state"] == "rejected"


def test_scope_a_secretary_sees_and_touches_only_their_department(api: TestClient, users: dict[str, Headers],
                                                                  world: World, org: Org) -> None:
    award = _apply(api, users["sec"], world.nat, world.top).json()
    assert _apply(api, users["sec2"], world.nat, world.second).status_code == 404
    assert api.get(f"/aid/awards/{award['id']}", headers=users["sec2"]).status_code == 404
    assert api.post(f"/aid/awards/{award['id']}/review", headers=users["sec2"], json={}).status_code == 404
    assert api.get("/aid/awards", headers=users["sec2"]).json()["total"] == 0
    assert api.get("/aid/awards", headers=users["sec2"], params={"department_id": org.department_id}).status_code == 403
    assert api.get("/aid/awards", headers=users["sec"]).json()["total"] == 1
    assert api.get("/aid/awards", headers=users["reg"], params={"academic_year": YEAR}).json()["total"] == 1
    assert api.get("/aid/awards", headers=users["teach"]).status_code == 403
    assert api.put("/aid/quotas", headers=users["sec"], json={}).status_code == 403
    quotas = api.get("/aid/quotas", headers=users["sec2"]).json()
    assert quotas == []


def test_bad_input_names_the_field_and_changes_nothing(api: TestClient, users: dict[str, Headers], world: World,
                                                       sessions: sessionmaker[Session]) -> None:
    before = _awards(sessions)
    missing = api.post("/aid/awards", headers=users["sec"], json={"academic_year": "2026"})
    assert missing.status_code == 422 and {"aid_type_id", "student_id", "academic_year"} <= _fields(missing)
    need = _apply(api, users["sec"], world.enc, world.top, financial_need="rich")
    assert need.status_code == 422 and _fields(need) == {"financial_need"}
    fixed = _apply(api, users["sec"], world.nat, world.top, amount="9000")
    assert fixed.status_code == 422 and _fields(fixed) == {"amount"}
    loan = _apply(api, users["sec"], world.loan, world.top, financial_need="general", amount="20000")
    assert loan.status_code == 422 and "16000" in loan.json()["message"]
    unknown = _apply(api, users["sec"], "no-such-type", world.top)
    assert unknown.status_code == 422 and _fields(unknown) == {"aid_type_id"}
    assert _awards(sessions) == before
    bad_type = api.post("/aid/types", headers=users["reg"], json={
        "code": "X", "name": "测试", "kind": "scholarship", "amount": "100", "rules": {"colour": "red",
                                                                                     "gpa_rank_share": 3}})
    assert bad_type.status_code == 422 and _fields(bad_type) == {"rules.colour", "rules.gpa_rank_share"}
    assert len(api.get("/aid/types", headers=users["sec"]).json()) == 3


def test_types_crud_and_export_gives_a_valid_workbook(api: TestClient, users: dict[str, Headers],
                                                      world: World) -> None:
    made = api.post("/aid/types", headers=users["reg"], json={
        "code": "SCH-1", "name": "校级一等奖学金", "kind": "scholarship", "amount": "3000",
        "rules": {"no_failed_course": True, "gpa_rank_share": 0.03}})
    assert made.status_code == 201 and made.json()["rules"]["gpa_rank_share"] == 0.03
    dup = api.post("/aid/types", headers=users["reg"], json={"code": "SCH-1", "name": "x", "kind": "grant",
                                                               "amount": "1"})
    assert dup.status_code == 409
    assert api.patch(f"/aid/types/{made.json()['id']}", headers=users["reg"], json={"amount": "3500"}).json()[
        "amount"] == "3500.00"
    assert api.delete(f"/aid/types/{made.json()['id']}", headers=users["reg"]).status_code == 200
    assert api.delete(f"/aid/types/{world.nat}", headers=users["reg"]).status_code == 200  # no application yet
    award = _apply(api, users["sec"], world.enc, world.top, financial_need="special").json()
    assert api.delete(f"/aid/types/{world.enc}", headers=users["reg"]).status_code == 409
    response = api.get("/aid/export", headers=users["sec"], params={"academic_year": YEAR})
    assert response.status_code == 200 and response.headers["content-type"].startswith(
        "application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "学年 Year" and len(rows) == 2
    assert rows[1][4] == "202401010101" and rows[1][7] == 6000 and rows[1][8] == "已提交"
    summary = api.get("/aid/summary", headers=users["reg"], params={"academic_year": YEAR}).json()
    enc_row = next(r for r in summary if r["aid_type_id"] == world.enc)
    assert enc_row["quota"] == 1 and enc_row["submitted"] == 1 and award["id"]


def _secretary(org: Org, user_id: str) -> Principal:
    seed = next(r for r in BUILTIN_ROLES if r.code.value == "dept_staff")
    return Principal(user_id, "sec", "sec", ("dept_staff",), frozenset(seed.permissions), Scope.DEPARTMENT,
                     department_id=org.department_id)


def test_pushed_applications_obey_the_same_rules(api: TestClient, world: World, org: Org,
                                                 make_user: Callable[..., str],
                                                 sessions: sessionmaker[Session]) -> None:
    principal = _secretary(org, make_user("pushsec", "dept_staff"))
    base = {"aid_type_id": world.nat, "academic_year": YEAR, "amount": "10000.00"}
    with sessions() as s:
        with pytest.raises(InvalidInputError) as weak:
            replica_writes.create_row(s, principal, "aid_award", "a1", {**base, "student_id": world.second,
                                                                        "department_id": org.department_id})
        assert {f["field"] for f in weak.value.details["fields"]} == {"eligibility.gpa_rank_share"}
        with pytest.raises(InvalidInputError) as approved:
            replica_writes.create_row(s, principal, "aid_award", "a2", {**base, "student_id": world.top,
                                                                        "department_id": org.department_id,
                                                                        "state": "approved"})
        assert {f["field"] for f in approved.value.details["fields"]} == {"state"}
        replica_writes.create_row(s, principal, "aid_award", "a3", {**base, "student_id": world.top,
                                                                    "department_id": org.other_department_id,
                                                                    "eligibility_report": '{"passed": true}'})
        row = s.get(AidAward, "a3")
        assert row is not None and row.department_id == org.department_id  # the server's values
        assert json.loads(row.eligibility_report)["checks"]
        with pytest.raises(PermissionDeniedError) as decide:
            replica_writes.patch_row(s, principal, "aid_award", "a3", {"state": "approved"}, base_version=1,
                                     base={"state": "submitted"})
        assert "aid.approve" in str(decide.value)
        s.rollback()
