"""Year-end batch promotion 批量升级 of a cohort, with exceptions, as one reviewed operation.

``preview_batch`` lists every student of the cohort in scope and what happens to each:
promoted, repeating a year (an exception, into a class of the next cohort), or skipped with
the reason (suspended or otherwise not enrolled, an open change pending, already promoted
that year, final year, or excepted by hand). ``commit_batch`` recomputes the same list and,
in one transaction, files one status change per promoted or repeating student, sharing a
``batch_id``, each through the same workflow step as a single change (submitted, and with
``approve`` and ``status.approve`` also approved and applied). ``decide_batch`` approves or
rejects a submitted batch as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import DomainError, FieldError, InvalidInputError, NotFoundError
from core.models import Major, StatusChange, Student, new_id
from core.rules import student_status as rules
from core.rules.enums import ApprovalState, Scope, StatusChangeType, StudentStatus
from core.rules.student_status import Effect
from server.services import status_changes as changes
from server.services.principal import Principal

T = StatusChangeType
Action = Literal["promote", "repeat", "skip", "error"]


@dataclass(frozen=True)
class BatchException:
    student_id: str
    change_type: Literal["repeat", "skip"]
    to_class_id: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class BatchRequest:
    cohort: int
    effective_date: date
    reason: str
    document_number: str
    major_id: str | None = None
    department_id: str | None = None
    exceptions: list[BatchException] = field(default_factory=list)
    approve: bool = False


@dataclass(frozen=True)
class BatchLine:
    student_id: str
    number: str
    name: str
    class_label: str
    status: str
    action: Action
    note: str = ""
    to_class_id: str | None = None
    effects: list[Effect] = field(default_factory=list)
    exception_index: int | None = None


def _students(session: Session, principal: Principal, request: BatchRequest) -> list[Student]:
    stmt = select(Student).where(Student.cohort == request.cohort, Student.deleted.is_(False))
    if principal.scope != Scope.ALL:
        stmt = stmt.where(Student.department_id == (principal.department_id
                                                    if principal.scope == Scope.DEPARTMENT else None))
    if request.department_id:
        stmt = stmt.where(Student.department_id == request.department_id)
    if request.major_id:
        stmt = stmt.where(Student.major_id == request.major_id)
    return list(session.scalars(stmt.order_by(Student.number)))


def _check_request(session: Session, request: BatchRequest, students: list[Student]) -> dict[str, int]:
    errors: list[FieldError] = []
    if not request.reason.strip():
        errors.append(FieldError("reason", "请填写异动原因 (a reason is required)"))
    if not request.document_number.strip():
        errors.append(FieldError("document_number", "须填写文号 (a document number is required)"))
    if request.major_id and session.get(Major, request.major_id) is None:
        errors.append(FieldError("major_id", f"专业不存在 (no major {request.major_id})"))
    ids = {s.id for s in students}
    index: dict[str, int] = {}
    for i, exc in enumerate(request.exceptions):
        if exc.student_id not in ids:
            errors.append(FieldError(f"exceptions.{i}.student_id",
                                     f"该学生不在本次升级的{request.cohort}级名单中 (not a student of this batch)"))
        elif exc.student_id in index:
            errors.append(FieldError(f"exceptions.{i}.student_id", "重复的例外 (listed twice)"))
        index[exc.student_id] = i
    if not students:
        errors.append(FieldError("cohort", f"您的范围内没有{request.cohort}级学生 (no student of this cohort in your scope)"))
    if errors:
        raise InvalidInputError.of(*errors)
    return index


def preview_batch(session: Session, principal: Principal, request: BatchRequest) -> list[BatchLine]:
    students = _students(session, principal, request)
    index = _check_request(session, request, students)
    return [_line(session, s, request, index.get(s.id)) for s in students]


def _line(session: Session, student: Student, request: BatchRequest, exception_index: int | None) -> BatchLine:
    facts = changes.student_facts(session, student)

    def line(action: Action, note: str = "", effects: list[Effect] | None = None, to_class: str | None = None) -> BatchLine:
        return BatchLine(student.id, student.number, student.name, facts.class_label, student.status, action, note,
                         to_class, effects or [], exception_index)

    exc = request.exceptions[exception_index] if exception_index is not None else None
    if exc is not None and exc.change_type == "skip":
        return line("skip", exc.reason or "按例外不升级 (excepted from the batch)")
    if student.status != StudentStatus.ENROLLED:
        return line("skip", rules.check_change(StudentStatus(student.status), T.PROMOTE).reason)
    try:
        changes.no_other_open_change(session, student.id, None)
        if exc is None:
            changes.not_promoted_twice(session, student.id, None, request.effective_date)
            return line("promote", effects=rules.plan_effects(facts, T.PROMOTE, effective_date=request.effective_date))
        cls = changes.target_class(session, student, T.REPEAT, exc.to_class_id, choosing=True)
        assert cls is not None
        effects = rules.plan_effects(facts, T.REPEAT, target=changes.class_facts(cls, session))
        return line("repeat", exc.reason, effects, cls.id)
    except InvalidInputError as error:
        if exc is None and error.details["fields"][0]["field"] == "change_type":  # final year: not promoted
            return line("skip", error.message.partition(": ")[2] or error.message)
        return line("error", error.message.partition(": ")[2] or error.message)
    except DomainError as error:  # an open change, already promoted
        return line("skip", error.message)


def commit_batch(session: Session, principal: Principal, request: BatchRequest) -> tuple[str, list[StatusChange]]:
    """File the batch in one transaction; returns the batch id and its changes.

    Raises:
        InvalidInputError: a line has an error (naming the exception's field), or nothing to file.
    """
    lines = preview_batch(session, principal, request)
    bad = [ln for ln in lines if ln.action == "error"]
    if bad:
        raise InvalidInputError.of(*(FieldError(
            f"exceptions.{ln.exception_index}.to_class_id" if ln.exception_index is not None else ln.number,
            f"{ln.number} {ln.name}: {ln.note}") for ln in bad))
    todo = [ln for ln in lines if ln.action in ("promote", "repeat")]
    if not todo:
        raise InvalidInputError.field("cohort", "没有可升级或留级的学生 (no student to promote or hold back)")
    batch_id = new_id()
    filed: list[StatusChange] = []
    for ln in todo:
        exc = request.exceptions[ln.exception_index] if ln.exception_index is not None else None
        data = {"student_id": ln.student_id, "change_type": ln.action, "reason": (exc.reason if exc else "") or request.reason,
                "document_number": request.document_number, "effective_date": request.effective_date,
                "to_class_id": ln.to_class_id}
        filed.append(changes.write(session, principal, None, {**data, "state": ApprovalState.SUBMITTED.value},
                                   server_values={"batch_id": batch_id}))
    if request.approve:
        for change in filed:
            changes.write(session, principal, change, {"state": ApprovalState.APPROVED.value})
    return batch_id, filed


def decide_batch(session: Session, principal: Principal, batch_id: str, *, approve: bool,
                 reason: str = "") -> list[StatusChange]:
    """Approve (apply) or reject every submitted change of a batch, all or none."""
    rows = [c for c in session.scalars(select(StatusChange).where(
        StatusChange.batch_id == batch_id, StatusChange.deleted.is_(False),
        StatusChange.state == ApprovalState.SUBMITTED.value).order_by(StatusChange.id))
        if changes.visible(principal, c.department_id)]
    if not rows:
        raise NotFoundError("没有待审批的批次 (no submitted batch with this id in your scope)", {"id": batch_id})
    target = ApprovalState.APPROVED if approve else ApprovalState.REJECTED
    extra = {} if approve else {"decision_reason": reason}
    for change in rows:
        try:
            changes.write(session, principal, change, {"state": target.value, **extra})
        except DomainError as error:
            student = session.get(Student, change.student_id)
            label = f"{student.number} {student.name}" if student else change.student_id
            error.message = f"{label}: {error.message}"
            raise
    return rows

