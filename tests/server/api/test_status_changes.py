"""Status changes end to end over the API: workflow, effects, scope, bad input, batch promotion,
timeline, certificates; and the same rules for a status change pushed through /sync/push."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from core.models import AuditLog, Certificate, Major, SchoolClass, StatusChange, Student
from core.rules.certificates import parse_number

MakeUser = Callable[..., str]
Login = Callable[..., dict[str, str]]
Headers = dict[str, str]


@dataclass(frozen=True)
class World:
    dept: str
    other_dept: str
    major: str
    class_2024: str
    class_2025: str
    other_class: str  # 英语2401班 of the other department
    student: str  # 李明, class 2024
    peers: tuple[str, ...]  # three more students of the 2024 cohort
    outsider: str  # a student of the other department


@pytest.fixture
def world(sessions: sessionmaker[Session], org: object) -> World:
    with sessions.begin() as s:
        student = s.get(Student, org.student_id)  # type: ignore[attr-defined]
        assert student is not None
        student.expected_graduation = date(2028, 7, 1)
        cls24 = s.get(SchoolClass, student.class_id)
        assert cls24 is not None
        other_major = Major(code="0201", name="英语", department_id=org.other_department_id, degree="文学学士")  # type: ignore[attr-defined]
        s.get(Major, student.major_id).degree = "工学学士"  # type: ignore[union-attr]
        s.add(other_major)
        s.flush()
        cls25 = SchoolClass(code="SE2501", name="软件2501班", major_id=student.major_id, department_id=student.department_id,
                            cohort=2025)
        other = SchoolClass(code="EN2401", name="英语2401班", major_id=other_major.id,
                            department_id=org.other_department_id, cohort=2024)  # type: ignore[attr-defined]
        s.add_all([cls25, other])
        s.flush()
        ids = ["110105200601010028", "110105200601010036", "110105200601010044", "110105200601010052"]
        made = []
        for i, id_number in enumerate(ids):
            outsider = i == 3
            row = Student(number=f"20240101010{i + 2}", name=f"同学{i}", gender="F", id_number=_fix(id_number),
                          birth_date=date(2006, 1, 1), class_id=other.id if outsider else cls24.id,
                          major_id=other_major.id if outsider else student.major_id,
                          department_id=org.other_department_id if outsider else student.department_id,  # type: ignore[attr-defined]
                          cohort=2024, enrolled_on=date(2024, 9, 1))
            s.add(row)
            made.append(row)
        s.flush()
        return World(student.department_id, org.other_department_id, student.major_id, cls24.id, cls25.id,  # type: ignore[attr-defined]
                     other.id, student.id, tuple(m.id for m in made[:3]), made[3].id)


def _fix(first: str) -> str:
    from core.rules.values import id_check_char

    return first[:17] + id_check_char(first[:17])


@pytest.fixture
def heads(make_user: MakeUser, login: Login) -> dict[str, Headers]:
    make_user("reg", "registrar")
    make_user("sec", "dept_staff")
    make_user("teach", "teacher")
    return {"reg": login("reg"), "sec": login("sec"), "teach": login("teach")}


def _fields(response: object) -> dict[str, str]:
    return {f["field"]: f["message"] for f in response.json()["details"]["fields"]}  # type: ignore[attr-defined]


def _student(sessions: sessionmaker[Session], student_id: str) -> Student:
    with sessions() as s:
        row = s.get(Student, student_id)
        assert row is not None
        return row


def _count(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(StatusChange)) or 0


REPEAT = {"change_type": "repeat", "reason": "多门课程不及格 (failed several courses)", "document_number": "教学〔2025〕12号"}


def test_draft_submit_approve_applies_the_effects(api: TestClient, heads: dict[str, Headers], world: World,
                                                  sessions: sessionmaker[Session]) -> None:
    before = _student(sessions, world.student)
    planned = api.post("/status-changes/preview", headers=heads["sec"], json={
        "student_id": world.student, "change_type": "repeat"})
    assert [e["field"] for e in planned.json()] == ["class_id", "cohort", "expected_graduation"]
    created = api.post("/status-changes", headers=heads["sec"], json={"student_id": world.student, **REPEAT})
    assert created.status_code == 201, created.text
    change = created.json()
    assert change["state"] == "draft" and change["from_status"] == "enrolled" and change["department_id"] == world.dept
    assert change["to_class_id"] == world.class_2025  # the only class of the next cohort
    cid = change["id"]
    preview = api.get(f"/status-changes/{cid}/preview", headers=heads["sec"]).json()
    assert {e["field"]: (e["old"], e["new"]) for e in preview} == {
        "class_id": (world.class_2024, world.class_2025), "cohort": (2024, 2025),
        "expected_graduation": ("2028-07-01", "2029-07-01")}
    assert preview[0]["new_label"] == "软件2501班"
    assert api.post(f"/status-changes/{cid}/submit", headers=heads["sec"]).json()["state"] == "submitted"
    denied = api.post(f"/status-changes/{cid}/approve", headers=heads["sec"], json={})
    assert denied.status_code == 403 and "status.approve" in denied.json()["message"]
    approved = api.post(f"/status-changes/{cid}/approve", headers=heads["reg"], json={"note": "同意"})
    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert body["state"] == "applied" and body["applied_at"] and body["to_cohort"] == 2025
    after = _student(sessions, world.student)
    assert (after.class_id, after.cohort, after.expected_graduation) == (world.class_2025, 2025, date(2029, 7, 1))
    assert after.row_version == before.row_version + 1 and after.server_seq > before.server_seq
    again = api.post(f"/status-changes/{cid}/approve", headers=heads["reg"], json={})
    assert again.status_code == 422 and "final" in _fields(again)["state"]
    timeline = api.get(f"/students/{world.student}/status-changes", headers=heads["sec"]).json()
    assert [c["id"] for c in timeline] == [cid]
    with sessions() as s:
        actions = set(s.scalars(select(AuditLog.action).where(AuditLog.entity_id.in_([cid, world.student]))))
    assert {"status_change.draft", "status_change.submit", "status_change.approve", "student.status_change"} <= actions


def test_reject_needs_a_reason_and_changes_nothing_on_the_student(api: TestClient, heads: dict[str, Headers],
                                                                  world: World, sessions: sessionmaker[Session]) -> None:
    cid = api.post("/status-changes", headers=heads["sec"], json={
        "student_id": world.student, "change_type": "suspend", "reason": "因病", "document_number": "X-1",
        "submit": True}).json()["id"]
    before = _student(sessions, world.student)
    missing = api.post(f"/status-changes/{cid}/reject", headers=heads["reg"], json={})
    assert missing.status_code == 422 and "reason" in _fields(missing)
    rejected = api.post(f"/status-changes/{cid}/reject", headers=heads["reg"], json={"reason": "材料不全 (papers missing)"})
    assert rejected.json()["state"] == "rejected" and rejected.json()["decision_reason"].startswith("材料不全")
    after = _student(sessions, world.student)
    assert (after.status, after.row_version) == ("enrolled", before.row_version)
    # a new change may be filed once the old one is decided
    assert api.post("/status-changes", headers=heads["sec"], json={
        "student_id": world.student, "change_type": "suspend", "reason": "因病"}).status_code == 201


def test_a_secretary_sees_only_their_department(api: TestClient, heads: dict[str, Headers], world: World) -> None:
    outside = api.post("/status-changes", headers=heads["sec"], json={
        "student_id": world.outsider, "change_type": "suspend", "reason": "x"})
    assert outside.status_code == 404
    theirs = api.post("/status-changes", headers=heads["reg"], json={
        "student_id": world.outsider, "change_type": "suspend", "reason": "x"}).json()["id"]
    assert api.get(f"/status-changes/{theirs}", headers=heads["sec"]).status_code == 404
    assert api.post(f"/status-changes/{theirs}/submit", headers=heads["sec"]).status_code == 404
    assert api.get(f"/students/{world.outsider}/status-changes", headers=heads["sec"]).status_code == 404
    assert api.get("/status-changes", headers=heads["sec"]).json()["total"] == 0
    assert api.get("/status-changes", headers=heads["reg"]).json()["total"] == 1
    assert api.get("/status-changes", headers=heads["teach"]).json()["total"] == 0


def test_bad_input_names_the_field_and_changes_nothing(api: TestClient, heads: dict[str, Headers], world: World,
                                                       sessions: sessionmaker[Session]) -> None:
    before = _count(sessions)
    cases = [
        ({"student_id": world.student, "change_type": "repeat"}, "reason", "Field required"),
        ({"student_id": world.student, "change_type": "elope", "reason": "x"}, "change_type", "unknown change type"),
        ({"student_id": world.student, "change_type": "resume", "reason": "x"}, "change_type", "nothing to resume"),
        ({"student_id": world.student, "change_type": "suspend", "reason": "x", "submit": True}, "document_number",
         "document number"),
        ({"student_id": world.student, "change_type": "suspend", "reason": "x", "to_class_id": world.class_2025},
         "to_class_id", "no target class"),
        ({"student_id": world.student, "change_type": "repeat", "reason": "x", "to_class_id": world.class_2024},
         "to_class_id", "2025 cohort"),
        ({"student_id": world.student, "change_type": "promote", "reason": "x"}, "effective_date", "effective date"),
        ({"student_id": world.student, "change_type": "suspend", "reason": "x", "state": "applied"}, "state",
         "Extra inputs"),
    ]
    for body, field, why in cases:
        response = api.post("/status-changes", headers=heads["sec"], json=body)
        assert response.status_code == 422, (body, response.text)
        assert why in _fields(response)[field], (field, response.json())
    assert _count(sessions) == before
    cid = api.post("/status-changes", headers=heads["sec"], json={
        "student_id": world.student, "change_type": "suspend", "reason": "x"}).json()["id"]
    dup = api.post("/status-changes", headers=heads["sec"], json={
        "student_id": world.student, "change_type": "withdraw", "reason": "y"})
    assert dup.status_code == 409 and dup.json()["code"] == "open_change_exists"
    bad_edit = api.patch(f"/status-changes/{cid}", headers=heads["sec"], json={"change_type": "graduate",
                                                                               "to_class_id": world.class_2025})
    assert bad_edit.status_code == 422 and "to_class_id" in _fields(bad_edit)
    with sessions() as s:
        assert s.get(StatusChange, cid).change_type == "suspend"  # type: ignore[union-attr]
    assert api.delete(f"/status-changes/{cid}", headers=heads["sec"]).status_code == 200
    assert api.get(f"/status-changes/{cid}", headers=heads["sec"]).status_code == 404


def test_suspend_then_resume_into_a_class_chosen_at_approval(api: TestClient, heads: dict[str, Headers],
                                                             world: World, sessions: sessionmaker[Session]) -> None:
    sid = world.student
    cid = api.post("/status-changes", headers=heads["reg"], json={
        "student_id": sid, "change_type": "suspend", "reason": "因病休学", "document_number": "S-1", "submit": True}).json()["id"]
    assert api.post(f"/status-changes/{cid}/approve", headers=heads["reg"], json={}).json()["state"] == "applied"
    assert _student(sessions, sid).status == "suspended"
    rid = api.post("/status-changes", headers=heads["sec"], json={
        "student_id": sid, "change_type": "resume", "reason": "病愈复学", "document_number": "S-2", "submit": True}).json()["id"]
    pending = api.get(f"/status-changes/{rid}/preview", headers=heads["reg"]).json()
    assert pending[-1]["pending"] and pending[-1]["field"] == "class_id"
    chosen = api.get(f"/status-changes/{rid}/preview", headers=heads["reg"], params={"to_class_id": world.class_2025}).json()
    assert {e["field"] for e in chosen} == {"status", "class_id", "cohort", "expected_graduation"}
    unchosen = api.post(f"/status-changes/{rid}/approve", headers=heads["reg"], json={})
    assert unchosen.status_code == 422 and "to_class_id" in _fields(unchosen)
    wrong = api.post(f"/status-changes/{rid}/approve", headers=heads["reg"], json={"to_class_id": world.other_class})
    assert wrong.status_code == 422 and "own major" in _fields(wrong)["to_class_id"]
    ok = api.post(f"/status-changes/{rid}/approve", headers=heads["reg"], json={"to_class_id": world.class_2025})
    assert ok.status_code == 200 and ok.json()["to_class_id"] == world.class_2025
    after = _student(sessions, sid)
    assert (after.status, after.class_id, after.cohort) == ("enrolled", world.class_2025, 2025)
    timeline = api.get(f"/students/{sid}/status-changes", headers=heads["sec"]).json()
    assert [c["change_type"] for c in timeline] == ["suspend", "resume"]


def test_transfer_major_moves_the_student_out_of_the_department(api: TestClient, heads: dict[str, Headers],
                                                                world: World, sessions: sessionmaker[Session]) -> None:
    cid = api.post("/status-changes", headers=heads["sec"], json={
        "student_id": world.student, "change_type": "transfer_major", "reason": "兴趣", "document_number": "T-1",
        "to_class_id": world.other_class, "submit": True}).json()["id"]
    assert api.post(f"/status-changes/{cid}/approve", headers=heads["reg"], json={}).status_code == 200
    after = _student(sessions, world.student)
    assert (after.department_id, after.class_id) == (world.other_dept, world.other_class)
    assert api.get(f"/students/{world.student}/status-changes", headers=heads["sec"]).status_code == 404


def test_batch_promotion_preview_commit_and_approve(api: TestClient, heads: dict[str, Headers], world: World,
                                                    sessions: sessionmaker[Session]) -> None:
    repeater, skipped, suspended = world.peers
    with sessions.begin() as s:
        s.get(Student, suspended).status = "suspended"  # type: ignore[union-attr]
    body = {"cohort": 2024, "effective_date": "2025-07-01", "reason": "2024–2025学年升级", "document_number": "B-1",
            "exceptions": [{"student_id": repeater, "change_type": "repeat", "reason": "留级"},
                           {"student_id": skipped, "change_type": "skip", "reason": "待定"}]}
    preview = api.post("/status-changes/batch-promotion/preview", headers=heads["sec"], json=body).json()
    actions = {ln["student_id"]: ln["action"] for ln in preview["lines"]}
    assert actions == {world.student: "promote", repeater: "repeat", skipped: "skip", suspended: "skip"}  # outsider: not in scope
    assert preview["counts"] == {"promote": 1, "repeat": 1, "skip": 2, "error": 0}
    notes = {ln["student_id"]: ln["note"] for ln in preview["lines"]}
    assert "resume" in notes[suspended] and notes[skipped] == "待定"
    promote = next(ln for ln in preview["lines"] if ln["action"] == "promote")
    assert promote["effects"][0]["field"] == "year_level" and not promote["effects"][0]["stored"]
    stranger = api.post("/status-changes/batch-promotion/preview", headers=heads["sec"], json={
        **body, "exceptions": [{"student_id": world.outsider, "change_type": "skip"}]})
    assert stranger.status_code == 422 and "exceptions.0.student_id" in _fields(stranger)
    committed = api.post("/status-changes/batch-promotion", headers=heads["sec"], json=body)
    assert committed.status_code == 201, committed.text
    batch = committed.json()
    assert len(batch["changes"]) == 2 and {c["state"] for c in batch["changes"]} == {"submitted"}
    assert {c["batch_id"] for c in batch["changes"]} == {batch["batch_id"]}
    assert api.post(f"/status-changes/batches/{batch['batch_id']}/approve", headers=heads["sec"]).status_code == 403
    approved = api.post(f"/status-changes/batches/{batch['batch_id']}/approve", headers=heads["reg"])
    assert approved.status_code == 200 and {c["state"] for c in approved.json()["changes"]} == {"applied"}
    assert _student(sessions, repeater).cohort == 2025 and _student(sessions, world.student).cohort == 2024
    again = api.post("/status-changes/batch-promotion/preview", headers=heads["sec"], json={**body, "exceptions": []}).json()
    assert "already promoted" in {ln["student_id"]: ln["note"] for ln in again["lines"]}[world.student]
    listed = api.get("/status-changes", headers=heads["sec"], params={"batch_id": batch["batch_id"]}).json()
    assert listed["total"] == 2


def test_certificates_issue_void_and_reissue(api: TestClient, heads: dict[str, Headers], world: World,
                                             sessions: sessionmaker[Session]) -> None:
    first = api.post("/certificates", headers=heads["sec"], json={"student_id": world.student, "kind": "student_id_card",
                                                                  "issued_on": "2025-09-01"})
    assert first.status_code == 201, first.text
    number = first.json()["number"]
    parsed = parse_number(number)
    assert (parsed.kind.value, parsed.year, parsed.sequence) == ("student_id_card", 2025, 1)
    twice = api.post("/certificates", headers=heads["sec"], json={"student_id": world.student, "kind": "student_id_card"})
    assert twice.status_code == 422 and number in _fields(twice)["kind"]
    graduation = api.post("/certificates", headers=heads["sec"], json={"student_id": world.student, "kind": "graduation"})
    assert graduation.status_code == 422 and "kind" in _fields(graduation)
    assert api.post("/certificates", headers=heads["sec"], json={"student_id": world.outsider,
                                                                 "kind": "status_card"}).status_code == 404
    no_reason = api.post(f"/certificates/{first.json()['id']}/void", headers=heads["sec"], json={})
    assert no_reason.status_code == 422 and "reason" in _fields(no_reason)
    voided = api.post(f"/certificates/{first.json()['id']}/void", headers=heads["sec"], json={"reason": "遗失 (lost)"})
    assert voided.json()["void"] and voided.json()["void_reason"] == "遗失 (lost)"
    second = api.post("/certificates", headers=heads["sec"], json={"student_id": world.student, "kind": "student_id_card",
                                                                   "issued_on": "2025-10-01"}).json()
    assert parse_number(second["number"]).sequence == 2 and second["number"] != number
    listed = api.get("/certificates", headers=heads["sec"], params={"student_id": world.student}).json()
    assert [c["void"] for c in listed] == [True, False]
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 2


# --- the same rules through /sync/push ----------------------------------------------------------


def _push(api: TestClient, headers: Headers, *ops: dict) -> list[dict]:
    response = api.post("/sync/push", headers=headers, json={"client_id": str(uuid.uuid4()), "ops": list(ops)})
    assert response.status_code == 200, response.text
    return response.json()["results"]  # type: ignore[no-any-return]


def _op(table: str, row_id: str, kind: str, fields: dict, **extra: object) -> dict:
    return {"op_id": str(uuid.uuid4()), "table": table, "row_id": row_id, "kind": kind, "fields": fields, **extra}


def test_a_pushed_status_change_follows_the_same_rules(api: TestClient, heads: dict[str, Headers], world: World,
                                                       sessions: sessionmaker[Session]) -> None:
    cid = str(uuid.uuid4())
    bad = _push(api, heads["sec"], _op("status_change", str(uuid.uuid4()), "create", {
        "student_id": world.student, "change_type": "resume", "reason": "x", "from_status": "suspended"}))[0]
    assert bad["status"] == "rejected" and "nothing to resume" in bad["message"] and bad["conflict_fields"] == ["change_type"]
    skipped = _push(api, heads["sec"], _op("status_change", str(uuid.uuid4()), "create", {
        "student_id": world.student, "change_type": "suspend", "reason": "x", "state": "applied"}))[0]
    assert skipped["status"] == "rejected" and "set by the server" in skipped["message"]
    created = _push(api, heads["sec"], _op("status_change", cid, "create", {
        "student_id": world.student, "change_type": "repeat", "reason": "留级", "document_number": "P-1",
        "state": "submitted", "from_status": "graduated", "department_id": world.other_dept}))[0]
    assert created["status"] == "applied", created
    with sessions() as s:
        row = s.get(StatusChange, cid)
        assert row is not None
        # server-owned fields are the server's, whatever the client sent
        assert (row.from_status, row.department_id, row.to_class_id) == ("enrolled", world.dept, world.class_2025)
        assert row.submitted_at is not None and row.drafted_by is not None
        version = row.row_version
    approve = _op("status_change", cid, "patch", {"state": "approved"}, base={"state": "submitted"},
                  base_version=version)
    denied = _push(api, heads["sec"], approve)[0]
    assert denied["status"] == "rejected" and denied["code"] == "permission_denied" and "status.approve" in denied["message"]
    assert _student(sessions, world.student).cohort == 2024
    applied = _push(api, heads["reg"], {**approve, "op_id": str(uuid.uuid4())})[0]
    assert applied["status"] == "applied", applied
    with sessions() as s:
        row = s.get(StatusChange, cid)
        assert row is not None and row.state == "applied" and row.applied_at is not None
        student = s.get(Student, world.student)
        assert student is not None and (student.class_id, student.cohort) == (world.class_2025, 2025)
        actions = set(s.scalars(select(AuditLog.action).where(AuditLog.entity_id.in_([cid, world.student]))))
    assert {"status_change.submit", "status_change.approve", "student.status_change"} <= actions
    final = _push(api, heads["reg"], _op("status_change", cid, "patch", {"reason": "改"}, base={"reason": "留级"},
                                         base_version=applied["row_version"]))[0]
    assert final["status"] == "rejected" and "final" in final["message"]
    gone = _push(api, heads["reg"], _op("status_change", cid, "delete", {}, base_version=applied["row_version"]))[0]
    assert gone["status"] == "rejected" and "only a draft" in gone["message"]


def test_a_pushed_certificate_gets_its_number_from_the_server(api: TestClient, heads: dict[str, Headers],
                                                              world: World, sessions: sessionmaker[Session]) -> None:
    cert_id = str(uuid.uuid4())
    result = _push(api, heads["sec"], _op("certificate", cert_id, "create", {
        "student_id": world.student, "kind": "status_card", "number": "MADE-UP", "issued_on": "2025-09-01"}))[0]
    assert result["status"] == "applied", result
    with sessions() as s:
        cert = s.get(Certificate, cert_id)
        assert cert is not None and parse_number(cert.number).sequence == 1
        version = cert.row_version
    tamper = _push(api, heads["sec"], _op("certificate", cert_id, "patch", {"number": "XJ999992025000001X"},
                                          base={}, base_version=version))[0]
    assert tamper["status"] == "rejected" and tamper["conflict_fields"] == ["number"]
    no_reason = _push(api, heads["sec"], _op("certificate", cert_id, "patch", {"void": True}, base={}, base_version=version))[0]
    assert no_reason["status"] == "rejected" and no_reason["conflict_fields"] == ["void_reason"]
    voided = _push(api, heads["sec"], _op("certificate", cert_id, "patch", {"void": True, "void_reason": "损坏"},
                                          base={}, base_version=version))[0]
    assert voided["status"] == "applied"

