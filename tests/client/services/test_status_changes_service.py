"""Status changes and certificates over the replica, without Qt: the core rules refuse at once
(offline too), each accepted step is one local write with its outbox op, previews are the
core's plan_effects, and certificates print only with the server's number."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import httpx
import pytest

from client.services.certificates import CertificateService, NotPrintableError
from client.services.dto import UserRow
from client.services.errors import ClientError, ErrorKind
from client.services.status_batches import BatchException, BatchRequest
from client.services.status_changes import ChangeQuery, Draft, StatusChangeService
from client.services.sync import SyncService
from sync.client import schema as s
from sync.client.store import ReplicaStore
from sync.client.transport import HttpTransport
from sync.protocol import PullResponse, TableRows

SERVER = "http://jiaowu.test:8765"
SUBMIT = frozenset({"students.read", "status.submit", "certificates.issue"})
APPROVE = SUBMIT | {"status.approve"}
IDS = {k: str(uuid.uuid4()) for k in ("dept", "major", "major2", "c24", "c25a", "c25b", "c25x", "li", "wang", "zhao")}


def _rows(table: str, rows: list[dict]) -> TableRows:
    columns = ["id", "row_version", "server_seq", "deleted", *[k for k in rows[0] if k != "id"]]
    return TableRows(columns=columns, rows=[[r["id"], 1, 1, False, *[r[c] for c in columns[4:]]] for r in rows])


def _student(key: str, number: str, name: str, status: str = "enrolled", cls: str = "c24") -> dict:
    return {"id": IDS[key], "number": number, "name": name, "gender": "M", "id_number": number + "X",
            "birth_date": "2006-01-01", "class_id": IDS[cls], "major_id": IDS["major"], "department_id": IDS["dept"],
            "cohort": 2024, "status": status, "enrolled_on": "2024-09-01", "expected_graduation": "2028-07-01"}


def _class(key: str, code: str, name: str, cohort: int, major: str = "major") -> dict:
    return {"id": IDS[key], "code": code, "name": name, "major_id": IDS[major], "department_id": IDS["dept"],
            "cohort": cohort}


@pytest.fixture
def sync(tmp_path: Path) -> SyncService:
    store = ReplicaStore(tmp_path / "replica.db")
    transport = HttpTransport(SERVER, lambda: None, client=httpx.Client(
        base_url=SERVER, transport=httpx.MockTransport(lambda r: httpx.Response(503))))
    store.apply_page(PullResponse(upserts={
        "department": _rows("department", [{"id": IDS["dept"], "code": "01", "name": "计算机学院"}]),
        "major": _rows("major", [{"id": IDS["major"], "code": "0101", "name": "软件工程", "duration_years": 4,
                                  "degree": "工学学士", "department_id": IDS["dept"]},
                                 {"id": IDS["major2"], "code": "0102", "name": "网络工程", "duration_years": 4,
                                  "degree": "", "department_id": IDS["dept"]}]),
        "school_class": _rows("school_class", [_class("c24", "SE2401", "软件2401班", 2024),
                                               _class("c25a", "SE2501", "软件2501班", 2025),
                                               _class("c25b", "SE2502", "软件2502班", 2025),
                                               _class("c25x", "NE2501", "网络2501班", 2025, "major2")]),
        "student": _rows("student", [_student("li", "202401010101", "李明"),
                                     _student("wang", "202401010102", "王芳", "suspended"),
                                     _student("zhao", "202401010103", "赵磊")]),
    }, next_cursor="e1:1", has_more=False, scope_key="k"))
    return SyncService(store, transport)


def _service(sync: SyncService, permissions: frozenset[str] = SUBMIT) -> StatusChangeService:
    return StatusChangeService(sync, UserRow(id="u-1", username="dept01", display_name="陈静",
                                             permissions=permissions))


def _ops(sync: SyncService) -> list[dict]:
    return [{"kind": op.kind, **json.loads(json.dumps(op.fields))} for op in sync.unsent()]


def test_draft_with_preview_submit_and_the_outbox(sync: SyncService) -> None:
    service = _service(sync)
    draft = Draft(IDS["li"], "suspend", "因病休学", "", date(2026, 12, 1))
    effects = service.preview(draft)
    assert [(e.field, e.old, e.new) for e in effects] == [("status", "enrolled", "suspended")]
    change_id = service.draft(draft)
    row = service.get(change_id)
    assert (row.state, row.student_name, row.class_label, row.unsent) == ("draft", "李明", "软件2401班", True)
    assert service.list_changes(ChangeQuery(view="drafts", mine=True))[0].id == change_id
    with pytest.raises(ClientError) as missing:
        service.submit(change_id)  # no document number yet
    assert missing.value.kind is ErrorKind.VALIDATION and "document_number" in missing.value.field_errors
    service.update(change_id, Draft(IDS["li"], "suspend", "因病休学", "教学〔2026〕12号", date(2026, 12, 1)), submit=True)
    assert service.get(change_id).state == "submitted"
    ops = _ops(sync)
    assert [o["kind"] for o in ops] == ["create", "patch"]
    assert ops[0]["state"] == "draft" and ops[0]["from_status"] == "enrolled" and ops[0]["drafted_by"] == "u-1"
    assert ops[1] == {"kind": "patch", "document_number": "教学〔2026〕12号", "state": "submitted"}


def test_rules_refuse_at_once_with_the_reason(sync: SyncService) -> None:
    service = _service(sync)
    with pytest.raises(ClientError) as resume:
        service.preview(Draft(IDS["li"], "resume", "x"))
    assert "nothing to resume" in resume.value.field_errors["change_type"]
    with pytest.raises(ClientError) as reason:
        service.draft(Draft(IDS["li"], "suspend", " "))
    assert set(reason.value.field_errors) == {"reason"}
    change_id = service.draft(Draft(IDS["li"], "suspend", "因病", "文1"), submit=True)
    with pytest.raises(ClientError) as second:
        service.draft(Draft(IDS["li"], "withdraw", "退学"))
    assert second.value.kind is ErrorKind.CONFLICT and "open status change" in second.value.message
    with pytest.raises(ClientError) as denied:  # a secretary cannot approve, offline either
        service.approve(change_id)
    assert denied.value.kind is ErrorKind.PERMISSION_DENIED and "status.approve" in denied.value.message
    with pytest.raises(ClientError) as delete:
        service.delete(change_id)
    assert "only a draft" in delete.value.field_errors["state"]
    assert len(sync.unsent()) == 1  # nothing refused was written


def test_resume_needs_a_class_at_approval_and_repeat_takes_the_next_cohort(sync: SyncService) -> None:
    registrar = _service(sync, APPROVE)
    options = registrar.target_classes(IDS["wang"], "resume")
    assert [o.name for o in options] == ["软件2401班", "软件2501班", "软件2502班"]
    change_id = registrar.draft(Draft(IDS["wang"], "resume", "病愈复学", "文2"), submit=True)
    pending = registrar.preview(registrar.get(change_id).as_draft())
    assert [(e.field, e.pending) for e in pending] == [("status", False), ("class_id", True)]
    with pytest.raises(ClientError) as no_class:
        registrar.approve(change_id)
    assert "to_class_id" in no_class.value.field_errors
    registrar.approve(change_id, IDS["c25a"], "同意")
    assert registrar.get(change_id).state == "approved"
    assert _ops(sync)[-1] == {"kind": "patch", "state": "approved", "to_class_id": IDS["c25a"], "decision_reason": "同意"}
    assert [o.name for o in registrar.target_classes(IDS["zhao"], "repeat")] == ["软件2501班", "软件2502班"]
    with pytest.raises(ClientError) as wrong:
        registrar.preview(Draft(IDS["zhao"], "repeat", "x", to_class_id=IDS["c25x"]))
    assert "own major" in wrong.value.field_errors["to_class_id"]
    effects = registrar.preview(Draft(IDS["zhao"], "repeat", "x", to_class_id=IDS["c25b"]))
    assert [(e.field, e.new) for e in effects] == [("class_id", IDS["c25b"]), ("cohort", 2025),
                                                   ("expected_graduation", date(2029, 7, 1))]


def test_reject_needs_a_reason_and_the_timeline_is_in_order(sync: SyncService) -> None:
    registrar = _service(sync, APPROVE)
    first = registrar.draft(Draft(IDS["zhao"], "suspend", "休学", "文3"), submit=True)
    with pytest.raises(ClientError) as no_reason:
        registrar.reject(first, " ")
    assert "decision_reason" in no_reason.value.field_errors
    registrar.reject(first, "材料不全")
    second = registrar.draft(Draft(IDS["zhao"], "withdraw", "退学"))
    assert [r.id for r in registrar.timeline(IDS["zhao"])] == [first, second]
    registrar.delete(second)
    assert registrar.list_changes(ChangeQuery(text="赵")) == [registrar.get(first)]
    assert registrar.list_changes(ChangeQuery(view="decided"))[0].decision_reason == "材料不全"


def test_deciding_several_changes_goes_ahead_where_the_rules_allow_and_names_each_refusal(sync: SyncService) -> None:
    import threading

    registrar = _service(sync, APPROVE)
    li = registrar.draft(Draft(IDS["li"], "suspend", "因病休学", "文4"), submit=True)
    zhao = registrar.draft(Draft(IDS["zhao"], "suspend", "参军", "文5"), submit=True)
    wang = registrar.draft(Draft(IDS["wang"], "resume", "病愈复学", "文6"), submit=True)  # needs a class
    with pytest.raises(ClientError) as denied:  # a secretary: said once, nothing written
        _service(sync).decide_many([li, zhao], approve=True)
    assert denied.value.kind is ErrorKind.PERMISSION_DENIED
    no_reason = registrar.decide_many([li, zhao], approve=False, opinion=" ")
    assert no_reason.decided == [] and [cid for cid, _ in no_reason.refused] == [li, zhao]
    assert "reason" in no_reason.refused[0][1].lower() or "理由" in no_reason.refused[0][1]
    progress: list[tuple[int, int]] = []
    report = registrar.decide_many([li, wang, zhao], approve=True, opinion="同意",
                                   on_progress=lambda d, t: progress.append((d, t)))
    assert report.decided == [li, zhao] and not report.cancelled
    assert [cid for cid, _ in report.refused] == [wang] and "class" in report.refused[0][1].lower()
    assert progress == [(1, 3), (2, 3), (3, 3)]
    assert [registrar.get(c).state for c in (li, zhao, wang)] == ["approved", "approved", "submitted"]
    again = registrar.decide_many([li], approve=False, opinion="撤销")  # already decided
    assert again.decided == [] and again.refused[0][0] == li
    cancel = threading.Event()
    cancel.set()
    stopped = registrar.decide_many([wang], approve=False, opinion="材料不全", cancel=cancel)
    assert stopped.cancelled and stopped.decided == [] and registrar.get(wang).state == "submitted"


def test_certificates_issue_skip_and_print_only_with_the_servers_number(sync: SyncService) -> None:
    certificates = CertificateService(sync, "u-1")
    result = certificates.issue("student_id_card", [IDS["li"], IDS["wang"], IDS["zhao"]])
    assert len(result.issued) == 3 and not result.skipped
    again = certificates.issue("student_id_card", [IDS["li"]])
    assert not again.issued and "void" in again.skipped[0][1]
    graduation = certificates.issue("graduation", [IDS["li"]])
    assert "cannot be issued" in graduation.skipped[0][1]
    rows = certificates.list_certificates(kind="student_id_card")
    assert {r.student_name for r in rows} == {"李明", "王芳", "赵磊"} and not any(r.printable for r in rows)
    with pytest.raises(NotPrintableError):
        certificates.documents([r.id for r in rows])
    # The server's answer: the push applied, the pull brought the numbers.
    ops = sync.store.pending_ops(100)
    from sync.protocol import OpResult, OpStatus

    sync.store.record_results([op for _, op in ops], [OpResult(op_id=op.op_id, status=OpStatus.APPLIED, row_version=1,
                                                              server_seq=9) for _, op in ops])
    with sync.store.engine.begin() as conn:
        for n, row in enumerate(rows, 1):
            conn.execute(s.REPLICA["certificate"].update().where(s.REPLICA["certificate"].c.id == row.id)
                         .values(number=f"XS99999202600000{n}0"))
    kind, items = certificates.documents([r.id for r in certificates.list_certificates(kind="student_id_card")])
    assert kind == "student_id_card" and [i.name for i in items] == ["李明", "王芳", "赵磊"]
    assert items[0].birth_date == date(2006, 1, 1) and items[0].class_name == "软件2401班"
    assert items[0].certificate_number.startswith("XS99999")
    certificates.void(rows[0].id, "遗失")
    assert len(certificates.list_certificates(kind="student_id_card")) == 2


def test_batch_request_wire_form() -> None:
    request = BatchRequest(2025, date(2027, 7, 1), "学年升级", "教〔2027〕1号")
    request = request.with_exception(BatchException(IDS["li"], "repeat", IDS["c25a"]), IDS["li"])
    request = request.with_exception(BatchException(IDS["li"], "skip", reason="x"), IDS["li"])
    data = request.as_json()
    assert data["effective_date"] == "2027-07-01"
    assert data["exceptions"] == [{"student_id": IDS["li"], "change_type": "skip", "to_class_id": None, "reason": "x"}]
