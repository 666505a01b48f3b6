"""Aid 奖助贷 on the desktop without Qt: eligibility computed from the replica's grades with the
rules the server runs (and serialised as the server does), apply / review / approve / reject
with the quota checked locally, every write queued for the server, and the .xlsx export."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, insert
from sqlalchemy.orm import Session

from client.services.aid import AidService, AwardQuery, academic_year_of
from client.services.dto import UserRow
from client.services.sync import SyncService
from core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from core.models import AidType, Base, Student
from core.models.wire import from_wire
from core.rules.aid_queries import evaluate_for
from sync.client.store import ReplicaStore
from sync.client.transport import HttpTransport
from sync.protocol import PullResponse, TableRows

SERVER = "http://jiaowu.test:8765"
YEAR = "2026-2027"
NAT_SCH = {"no_failed_course": True, "gpa_rank_share": 0.1, "min_year": 2, "exclusive_group": "national_scholarship"}


def _id() -> str:
    return str(uuid.uuid4())


class World:
    """One department, one class of 20 (cohort 2024) with locked grades of 2025-2026, three
    award types and a national-scholarship quota of 1."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.dept = self.add("department", code="01", name="计算机学院", name_en="School of Computing")
        self.major = self.add("major", code="0101", name="软件工程", department_id=self.dept, duration_years=4)
        self.cls = self.add("school_class", code="SE2401", name="软件2401班", major_id=self.major,
                            department_id=self.dept, cohort=2024, size_limit=50)
        self.term = self.add("term", code="2025-2026-1", name="2025-2026学年第一学期", start_date="2025-09-01")
        self.courses = [self.add("course", code=f"C{n}", name=f"课程{n}", category="基础课", credits=c,
                                 total_hours=48, lecture_hours=48) for n, c in enumerate(("3.0", "2.0", "4.0"))]
        self.students = []
        for i in range(20):
            sid = self.add("student", number=f"2024010101{i:02d}", name=f"学生{i:02d}", gender="MF"[i % 2],
                           id_number=f"11010520060101{i:03d}X", birth_date="2006-01-01", class_id=self.cls,
                           major_id=self.major, department_id=self.dept, cohort=2024, status="enrolled",
                           enrolled_on="2024-09-01")
            self.students.append(sid)
            for course in self.courses:
                score = "55.0" if (i == 19 and course == self.courses[0]) else f"{95 - i}.0"
                self.add("grade", student_id=sid, course_id=course, term_id=self.term, attempt="normal",
                         score=score, state="locked")
            if i == 19:
                self.add("grade", student_id=sid, course_id=self.courses[0], term_id=self.term, attempt="resit",
                         score="70.0", state="locked")
        self.nat = self.add("aid_type", code="NAT-SCH", name="国家奖学金", name_en="National Scholarship",
                            kind="scholarship", amount="10000.00", rules=json.dumps(NAT_SCH, sort_keys=True))
        self.grant = self.add("aid_type", code="NAT-GRANT-3", name="国家助学金（三等）", name_en="National Grant",
                              kind="grant", amount="2200.00",
                              rules=json.dumps({"financial_need": "general", "exclusive_group": "national_grant"}))
        self.loan = self.add("aid_type", code="LOAN", name="国家助学贷款", name_en="National Student Loan",
                             kind="loan", amount="16000.00",
                             rules=json.dumps({"financial_need": True, "max_amount_per_year": 16000}))
        self.quota = self.add("aid_quota", aid_type_id=self.nat, academic_year=YEAR, department_id=self.dept, quota=1)

    def add(self, table: str, **values: Any) -> str:
        row_id = _id()
        self.rows.setdefault(table, []).append({"id": row_id, "row_version": 1, "server_seq": 1, "deleted": False,
                                                **values})
        return row_id

    def page(self) -> PullResponse:
        upserts = {}
        for table, rows in self.rows.items():
            columns = sorted({k for r in rows for k in r})
            upserts[table] = TableRows(columns=columns, rows=[[r.get(c) for c in columns] for r in rows])
        return PullResponse(upserts=upserts, next_cursor="e1:1", has_more=False, scope_key="k")

    def server_session(self) -> Session:
        """The same rows in a server-side database (ORM models), for comparing with the server's queries."""
        engine = create_engine("sqlite://")
        Base.metadata.create_all(engine)
        with engine.begin() as conn:
            for table, rows in self.rows.items():
                conn.execute(insert(Base.metadata.tables[table]),
                             [{**from_wire(table, {k: v for k, v in r.items() if k not in ("id",)}), "id": r["id"]}
                              for r in rows])
        return Session(engine)


def _unreachable(_request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("offline")


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def sync(tmp_path: Path, world: World) -> SyncService:
    store = ReplicaStore(tmp_path / "replica.db")
    store.apply_page(world.page())
    transport = HttpTransport(SERVER, lambda: None, client=httpx.Client(base_url=SERVER,
                                                                        transport=httpx.MockTransport(_unreachable)))
    service = SyncService(store, transport)
    yield service
    service.close()


def _user(world: World, *permissions: str, scope: str = "department") -> UserRow:
    return UserRow(id=_id(), username="dept01", display_name="陈静", permissions=frozenset(permissions), scope=scope,
                   department_id=world.dept)


@pytest.fixture
def secretary(sync: SyncService, world: World) -> AidService:
    return AidService(sync, _user(world, "aid.read", "aid.write"))


@pytest.fixture
def approver(sync: SyncService, world: World) -> AidService:
    return AidService(sync, _user(world, "aid.read", "aid.write", "aid.approve", scope="all"))


def test_the_report_reads_the_replicas_grades_as_the_server_does(secretary: AidService, world: World) -> None:
    report = secretary.eligibility(world.nat, YEAR, world.students[0])
    assert report.passed and report.evaluation_year == "2025-2026"
    checks = {c.rule: c for c in report.checks}
    assert set(checks) == {"enrolled", "min_year", "no_failed_course", "gpa_rank_share", "exclusive_group"}
    assert checks["gpa_rank_share"].figures | {"class_id": None} == {
        "gpa": 4.5, "rank": 1, "ranked": 20, "share": 0.1, "limit": 2, "class_id": None}
    assert checks["min_year"].figures == {"year_of_study": 3, "min_year": 2}
    # The server's own queries over the same rows give the same report, byte for byte.
    with world.server_session() as session:
        server = evaluate_for(session, session.get(AidType, world.nat), YEAR, session.get(Student, world.students[0]),
                              financial_need=None)
    assert server.to_json() == report.to_json()


def test_an_ineligible_student_is_refused_naming_the_failed_rule(secretary: AidService, world: World) -> None:
    third = secretary.eligibility(world.nat, YEAR, world.students[2])
    assert not third.passed
    failed = [c for c in third.checks if not c.passed]
    assert [c.rule for c in failed] == ["gpa_rank_share"] and failed[0].figures["rank"] == 3
    with pytest.raises(InvalidInputError) as caught:
        secretary.apply(world.nat, YEAR, world.students[2])
    assert [f["field"] for f in caught.value.details["fields"]] == ["eligibility.gpa_rank_share"]
    assert "GPA rank 3 of 20" in caught.value.message
    # A failure passed at the resit still counts (无不及格科目).
    resit = secretary.eligibility(world.nat, YEAR, world.students[19])
    assert {c.rule for c in resit.checks if not c.passed} >= {"no_failed_course"}
    assert secretary.sync.unsent() == []  # nothing was written


def test_apply_queues_the_application_with_its_report(secretary: AidService, world: World) -> None:
    award_id = secretary.apply(world.nat, YEAR, world.students[0], application_text="成绩优异")
    [op] = secretary.sync.unsent()
    assert (op.table, op.row_id, op.kind) == ("aid_award", award_id, "create")
    assert op.fields["department_id"] == world.dept and op.fields["amount"] == "10000.00"
    assert json.loads(op.fields["eligibility_report"])["passed"] is True
    [row] = secretary.awards(AwardQuery(academic_year=YEAR))
    assert (row.student_name, row.state, row.reviewed, row.synced) == ("学生00", "submitted", False, False)
    assert row.figure("gpa_rank_share", "rank") == 1
    with pytest.raises(ConflictError) as caught:
        secretary.apply(world.nat, YEAR, world.students[0])
    assert caught.value.code == "duplicate"


def test_financial_need_and_loan_amounts(secretary: AidService, world: World) -> None:
    with pytest.raises(InvalidInputError) as caught:
        secretary.apply(world.grant, YEAR, world.students[5])
    assert [f["field"] for f in caught.value.details["fields"]] == ["eligibility.financial_need"]
    secretary.apply(world.grant, YEAR, world.students[5], financial_need="ordinary")
    with pytest.raises(InvalidInputError) as caught:
        secretary.apply(world.grant, YEAR, world.students[6], financial_need="general", amount=Decimal("3000"))
    assert caught.value.details["fields"][0]["field"] == "amount"
    loan = secretary.apply(world.loan, YEAR, world.students[6], financial_need="special", amount=Decimal("8000"))
    assert secretary.award(loan).amount == Decimal("8000.00")
    # One grant per group and year, once approved: the other levels are refused.
    assert secretary.award(loan).financial_need == "special"


def test_review_then_approve_within_the_quota(secretary: AidService, approver: AidService, world: World) -> None:
    first = secretary.apply(world.nat, YEAR, world.students[0])
    second = secretary.apply(world.nat, YEAR, world.students[1])
    with pytest.raises(PermissionDeniedError):
        secretary.approve(first)
    with pytest.raises(ConflictError) as caught:
        approver.approve(first)
    assert caught.value.code == "not_reviewed"
    secretary.review(first, "评审通过")
    secretary.review(second, "评审通过")
    assert secretary.award(first).review_comment == "评审通过" and secretary.award(first).reviewed
    approver.approve(first, "同意")
    assert approver.award(first).state == "approved"
    with pytest.raises(ConflictError) as caught:
        approver.approve(second)
    assert caught.value.code == "quota_exhausted" and caught.value.details == {"quota": 1, "used": 1}
    [quota] = [q for q in approver.quotas(YEAR) if q.aid_type_id == world.nat]
    assert (quota.quota, quota.used, quota.pending) == (1, 1, 1)
    with pytest.raises(InvalidInputError):
        approver.reject(second, "  ")
    approver.reject(second, "名额已满")
    with pytest.raises(ConflictError) as caught:
        approver.approve(second)
    assert caught.value.code == "decided"
    kinds = [(op.row_id, op.kind, sorted(op.fields)) for op in approver.sync.unsent()]
    assert kinds[-2] == (first, "patch", ["decided_at", "decided_by", "decision_reason", "state"])
    # Raising the quota lets the next one through; it can never go below the approved.
    with pytest.raises(InvalidInputError):
        approver.set_quota(world.nat, YEAR, world.dept, 0)
    approver.set_quota(world.nat, YEAR, world.dept, 3)
    assert [q.quota for q in approver.quotas(YEAR) if q.aid_type_id == world.nat] == [3]


def test_export_writes_a_readable_workbook(secretary: AidService, world: World, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    secretary.apply(world.nat, YEAR, world.students[0])
    secretary.apply(world.grant, YEAR, world.students[3], financial_need="special")
    path = tmp_path / "out" / "aid.xlsx"
    headers = ["Year", "Department", "Award", "Number", "Name", "Class", "Amount", "State", "GPA", "Rank", "Need",
               "Review", "Reason"]
    count = secretary.export_awards(AwardQuery(academic_year=YEAR), path, headers,
                                    {"type": {world.nat: "National Scholarship"}, "state": {"submitted": "Submitted"}})
    assert count == 2
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(headers)
    scholarship = next(r for r in rows[1:] if r[3] == "202401010100")  # rows come in the list's order
    assert scholarship[2] == "National Scholarship" and scholarship[6] == 10000
    assert scholarship[8] == 4.5 and scholarship[9] == "1/20"
    assert not list(path.parent.glob("*.part.xlsx"))
    quota_path = tmp_path / "quotas.xlsx"
    assert secretary.export_quotas(YEAR, quota_path, ["y", "d", "t", "q", "u", "p", "r", "left"], {}) == 2  # the grant has no quota row


def test_years_and_departments_follow_the_scope(secretary: AidService, world: World) -> None:
    assert academic_year_of(__import__("datetime").date(2026, 12, 3)) == "2026-2027"
    assert academic_year_of(__import__("datetime").date(2027, 3, 1)) == "2026-2027"
    assert YEAR in secretary.academic_years()
    assert [d.id for d in secretary.departments()] == [world.dept]
    assert [h.number for h in secretary.search_students("学生0", limit=3)] == [
        "202401010100", "202401010101", "202401010102"]
