"""Status changes 学籍异动 on the server: the one place their rules and effects run.

Both ways in pass through :func:`transition`: the REST API (``draft``, ``submit``,
``approve``, … below) and the sync push, where ``replica_writes`` calls it as the
``status_change`` table's hook. So a change pushed by an offline desktop obeys the same
workflow, permission, scope and state-machine rules, and approving it applies the same
effects, in the same transaction, with the same audit entries, as one made over the API.

Fields the server owns (the student's values before the change, the resulting status and
cohort, who drafted and decided, when) are computed here; values a client sends for them
are replaced, never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from core.errors import ConflictError, InvalidInputError, NotFoundError
from core.models import Department, Major, SchoolClass, StatusChange, Student, new_id, utcnow
from core.models.wire import SYSTEM_COLUMNS
from core.rules import student_status as rules
from core.rules.enums import ApprovalState, Scope, StatusChangeType
from core.rules.student_status import ClassFacts, Effect, Step, StudentFacts
from server.services import audit
from server.services.principal import Principal

T = StatusChangeType
CHANGE_FIELDS: tuple[str, ...] = tuple(c.name for c in StatusChange.__table__.c if c.name not in SYSTEM_COLUMNS)
SERVER_FIELDS = frozenset({"department_id", "from_status", "to_status", "from_class_id", "from_major_id",
                           "from_cohort", "to_cohort", "drafted_by", "submitted_at", "decided_by", "decided_at",
                           "applied_at", "batch_id"})
_DEFAULTS: dict[str, Any] = {**dict.fromkeys(CHANGE_FIELDS), "state": "draft", "reason": "", "document_number": "",
                             "decision_reason": ""}
OPEN_STATES = (ApprovalState.DRAFT.value, ApprovalState.SUBMITTED.value)


# --- scope ---------------------------------------------------------------------------------------


def visible(principal: Principal, department_id: str | None) -> bool:
    """Registrar-wide scope sees every department; a secretary only their own."""
    if principal.scope == Scope.ALL:
        return True
    return principal.scope == Scope.DEPARTMENT and department_id is not None and department_id == principal.department_id


def student_in_scope(session: Session, principal: Principal, student_id: str | None, *,
                     field: str = "student_id") -> Student:
    student = session.get(Student, student_id) if student_id else None
    if student is None or student.deleted or not visible(principal, student.department_id):
        raise NotFoundError("学生不存在或不在您的范围内 (no such student in your scope)",
                            {"field": field, "id": student_id})
    return student


def change_in_scope(session: Session, principal: Principal, change_id: str) -> StatusChange:
    change = session.get(StatusChange, change_id)
    if change is None or change.deleted or not visible(principal, change.department_id):
        raise NotFoundError("学籍异动不存在或不在您的范围内 (no such status change in your scope)", {"id": change_id})
    return change


# --- facts for the pure rules ------------------------------------------------------------------


def _label(obj: Major | Department | None) -> str:
    return obj.name if obj is not None else ""


def student_facts(session: Session, student: Student) -> StudentFacts:
    cls = session.get(SchoolClass, student.class_id) if student.class_id else None
    major = session.get(Major, student.major_id)
    return StudentFacts(
        status=student.status, class_id=student.class_id, class_label=cls.name if cls else "",
        major_id=student.major_id, major_label=_label(major), department_id=student.department_id,
        department_label=_label(session.get(Department, student.department_id)), cohort=student.cohort,
        expected_graduation=student.expected_graduation, duration_years=major.duration_years if major else 4)


def class_facts(cls: SchoolClass, session: Session) -> ClassFacts:
    return ClassFacts(cls.id, cls.name, cls.major_id, _label(session.get(Major, cls.major_id)), cls.department_id,
                      _label(session.get(Department, cls.department_id)), cls.cohort)


def _live_class(session: Session, class_id: str) -> SchoolClass:
    cls = session.get(SchoolClass, class_id)
    if cls is None or cls.deleted:
        raise InvalidInputError.field("to_class_id", f"班级不存在 (no class {class_id})")
    return cls


def next_cohort_classes(session: Session, student: Student) -> list[SchoolClass]:
    """Classes a repeat or demote may move the student into: same major, cohort + 1."""
    return list(session.scalars(select(SchoolClass).where(
        SchoolClass.major_id == student.major_id, SchoolClass.cohort == student.cohort + 1,
        SchoolClass.deleted.is_(False)).order_by(SchoolClass.code)))


def target_class(session: Session, student: Student, change_type: StatusChangeType, class_id: str | None, *,
                 choosing: bool) -> SchoolClass | None:
    """The class the change moves the student into. For a repeat or demote with none chosen,
    the only class of the next cohort of the major is taken; ``choosing`` (at approval)
    makes an ambiguous or missing choice an error naming ``to_class_id``."""
    if class_id:
        return _live_class(session, class_id)
    if change_type not in (T.REPEAT, T.DEMOTE):
        return None
    candidates = next_cohort_classes(session, student)
    if len(candidates) == 1:
        return candidates[0]
    if choosing:
        cohort = student.cohort + 1
        why = (f"本专业尚无{cohort}级班级，请先建班 (the major has no class of the {cohort} cohort yet)" if not candidates
               else f"本专业{cohort}级有{len(candidates)}个班，请指定目标班级 (choose one of {len(candidates)} classes)")
        raise InvalidInputError.field("to_class_id", why)
    return None


# --- the hook: one workflow step ---------------------------------------------------------------


def transition(session: Session, principal: Principal, old: dict[str, Any] | None,
               new: dict[str, Any]) -> dict[str, Any]:
    """Check one step of a change's workflow and carry it out; returns the values the server sets.

    ``old`` is the stored row (None for a new change), ``new`` the row as the caller wants
    it. Approval applies the effects to the student here, in the caller's transaction.

    Raises:
        InvalidInputError, PermissionDeniedError, NotFoundError, ConflictError: with the reason.
    """
    step = rules.workflow_step(old["state"] if old else None, new.get("state") or "draft", principal.permissions,
                               deleting=bool(new.get("deleted")))
    client_fields = [k for k in CHANGE_FIELDS if k not in SERVER_FIELDS and k != "state"]
    if old is None:
        changed = {k for k in client_fields if new.get(k) not in (None, "")}
    else:
        changed = {k for k in client_fields if new.get(k) != old.get(k)}
    rules.check_editable(step, changed)
    rules.require_texts(step, new)
    student = student_in_scope(session, principal, new.get("student_id"))
    out: dict[str, Any] = {k: (old or {}).get(k) for k in SERVER_FIELDS}
    now = utcnow()
    if step in (Step.DRAFT, Step.EDIT, Step.SUBMIT, Step.APPROVE):
        out.update(_check_and_plan(session, principal, step, student, old, new))
    if old is None:
        out["drafted_by"] = principal.user_id or None
    if step == Step.SUBMIT:
        out["submitted_at"] = now
    elif step == Step.RECALL:
        out["submitted_at"] = None
    elif step in (Step.APPROVE, Step.REJECT):
        out.update(decided_by=principal.user_id or None, decided_at=now)
    if step == Step.APPROVE:
        out.update(state=ApprovalState.APPLIED.value, applied_at=now)
    audit.record(session, principal, f"status_change.{step.value}", entity="status_change",
                 entity_id=str(new.get("id") or ""), summary=f"{new.get('change_type')} {student.number} {student.name}",
                 new={"state": out.get("state", new.get("state")), "change_type": new.get("change_type"),
                      "student_id": student.id, "reason": new.get("decision_reason") or new.get("reason")})
    return out


def _check_and_plan(session: Session, principal: Principal, step: Step, student: Student,
                    old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """State machine, targets and effects of the change against the student as they are now."""
    change_type = rules.require_change(student.status, new["change_type"])[1]
    approving = step == Step.APPROVE
    if old is None or step == Step.SUBMIT:
        no_other_open_change(session, student.id, new.get("id"))
    cls = target_class(session, student, change_type, new.get("to_class_id"), choosing=approving)
    to_major = _target_major(session, change_type, new.get("to_major_id"), cls)
    effects = rules.plan_effects(student_facts(session, student), change_type,
                                 target=class_facts(cls, session) if cls else None,
                                 effective_date=new.get("effective_date"), require_targets=approving)
    if change_type == T.PROMOTE:
        not_promoted_twice(session, student.id, new.get("id"), new["effective_date"])
    out: dict[str, Any] = {
        "department_id": student.department_id, "from_status": student.status,
        "to_status": rules.TARGET_STATUS[change_type].value, "from_class_id": student.class_id,
        "from_major_id": student.major_id, "from_cohort": student.cohort,
        "to_cohort": cls.cohort if cls else None, "to_class_id": cls.id if cls else None, "to_major_id": to_major,
    }
    if approving:
        apply_effects(session, principal, student, effects, change_id=str(new.get("id") or ""))
    return out


def _target_major(session: Session, change_type: StatusChangeType, major_id: str | None,
                  cls: SchoolClass | None) -> str | None:
    if change_type != T.TRANSFER_MAJOR:
        if major_id:
            raise InvalidInputError.field("to_major_id", f"{change_type.zh}不指定目标专业 "
                                                         f"(a {change_type.en.lower()} takes no target major)")
        return None
    if major_id and (session.get(Major, major_id) is None):
        raise InvalidInputError.field("to_major_id", f"专业不存在 (no major {major_id})")
    if cls is not None and major_id and cls.major_id != major_id:
        raise InvalidInputError.field("to_class_id", f"班级{cls.name}不属于所选的目标专业 "
                                                     "(the class is not of the chosen target major)")
    return cls.major_id if cls is not None else major_id


def no_other_open_change(session: Session, student_id: str, change_id: str | None) -> None:
    other = session.scalar(select(StatusChange).where(
        StatusChange.student_id == student_id, StatusChange.state.in_(OPEN_STATES),
        StatusChange.deleted.is_(False), StatusChange.id != (change_id or "")))
    if other is not None:
        raise ConflictError(f"该学生已有未完成的学籍异动（{T(other.change_type).zh}，{ApprovalState(other.state).zh}） "
                            "(the student already has an open status change)", {"id": other.id},
                            code="open_change_exists")


def not_promoted_twice(session: Session, student_id: str, change_id: str | None, effective: date) -> None:
    year = rules.academic_year(effective)
    for other in session.scalars(select(StatusChange).where(
            StatusChange.student_id == student_id, StatusChange.change_type == T.PROMOTE.value,
            StatusChange.state != ApprovalState.REJECTED.value, StatusChange.deleted.is_(False),
            StatusChange.id != (change_id or ""))):
        if other.effective_date is not None and rules.academic_year(other.effective_date) == year:
            raise ConflictError(f"该学生{year}学年已升级 (the student was already promoted in {year}–{year + 1})",
                                {"id": other.id}, code="already_promoted")


def apply_effects(session: Session, principal: Principal, student: Student, effects: list[Effect], *,
                  change_id: str) -> None:
    """Write the stored effects on the student (row_version and server_seq follow at flush)."""
    stored = [e for e in effects if e.stored]
    for effect in stored:
        setattr(student, effect.field, effect.new)
    student.updated_by = principal.username
    audit.record(session, principal, "student.status_change", entity="student", entity_id=student.id,
                 old={e.field: e.old for e in stored}, new={e.field: e.new for e in stored},
                 summary=f"status_change {change_id}")


# --- the REST operations -------------------------------------------------------------------------


def write(session: Session, principal: Principal, change: StatusChange | None, changes: dict[str, Any], *,
          server_values: dict[str, Any] | None = None) -> StatusChange:
    """One workflow step through :func:`transition`, then the row written through the ORM."""
    old = as_row(change) if change is not None else None
    new = {**(old if old is not None else {**_DEFAULTS, "id": new_id()}), **changes}
    values = {**changes, **transition(session, principal, old, new), **(server_values or {})}
    if change is None:
        change = StatusChange(**{**_DEFAULTS, **values, "id": new["id"]})
        session.add(change)
    elif changes.get("deleted"):
        change.deleted = True
    for name, value in values.items():
        if name != "deleted":
            setattr(change, name, value)
    change.updated_by = principal.username
    session.flush()
    return change


def as_row(change: StatusChange) -> dict[str, Any]:
    return {c.name: getattr(change, c.key) for c in StatusChange.__table__.c}


def draft(session: Session, principal: Principal, data: dict[str, Any], *, submit: bool = False) -> StatusChange:
    state = ApprovalState.SUBMITTED if submit else ApprovalState.DRAFT
    return write(session, principal, None, {**data, "state": state.value})


def edit(session: Session, principal: Principal, change_id: str, data: dict[str, Any]) -> StatusChange:
    return write(session, principal, change_in_scope(session, principal, change_id), data)


def set_state(session: Session, principal: Principal, change_id: str, state: ApprovalState,
              **data: Any) -> StatusChange:
    """Submit, recall, approve (optionally choosing the class) or reject (with a reason)."""
    change = change_in_scope(session, principal, change_id)
    given = {k: v for k, v in data.items() if v is not None}
    return write(session, principal, change, {**given, "state": state.value})


def delete_draft(session: Session, principal: Principal, change_id: str) -> None:
    write(session, principal, change_in_scope(session, principal, change_id), {"deleted": True})


def preview(session: Session, principal: Principal, data: dict[str, Any]) -> list[Effect]:
    """The effects a change would have now: a draft's values, or a stored change's with
    ``to_class_id`` as the approver would choose it. A decided change shows nothing to do."""
    student = student_in_scope(session, principal, data.get("student_id"))
    change_type = rules.require_change(student.status, data.get("change_type") or "")[1]
    cls = target_class(session, student, change_type, data.get("to_class_id"), choosing=False)
    return rules.plan_effects(student_facts(session, student), change_type,
                              target=class_facts(cls, session) if cls else None,
                              effective_date=data.get("effective_date"), require_targets=False)


def preview_change(session: Session, principal: Principal, change_id: str, to_class_id: str | None) -> list[Effect]:
    change = change_in_scope(session, principal, change_id)
    if change.state not in OPEN_STATES:
        raise ConflictError(f"该异动{ApprovalState(change.state).zh}，没有待生效的变化 (the change is already decided)",
                            {"state": change.state}, code="decided")
    return preview(session, principal, {**as_row(change), "to_class_id": to_class_id or change.to_class_id})


@dataclass(frozen=True)
class ChangeQuery:
    state: str | None = None
    student_id: str | None = None
    batch_id: str | None = None
    change_type: str | None = None
    page: int = 1
    size: int = 50


def _scoped(principal: Principal) -> Select[tuple[StatusChange]]:
    stmt = select(StatusChange).where(StatusChange.deleted.is_(False))
    if principal.scope != Scope.ALL:
        stmt = stmt.where(StatusChange.department_id == (principal.department_id
                                                         if principal.scope == Scope.DEPARTMENT else None))
    return stmt


def search(session: Session, principal: Principal, query: ChangeQuery) -> tuple[list[StatusChange], int]:
    stmt = _scoped(principal)
    for column, value in ((StatusChange.state, query.state), (StatusChange.student_id, query.student_id),
                          (StatusChange.batch_id, query.batch_id), (StatusChange.change_type, query.change_type)):
        if value:
            stmt = stmt.where(column == value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(StatusChange.updated_at.desc(), StatusChange.id)
                           .offset((query.page - 1) * query.size).limit(query.size))
    return list(rows), total


def timeline(session: Session, principal: Principal, student_id: str) -> list[StatusChange]:
    """Every change of one student, oldest first (by when it took effect, was decided or drafted).

    The student must be in scope; their history comes whole, also the changes filed while
    they belonged to another department."""
    student_in_scope(session, principal, student_id)
    rows = session.scalars(select(StatusChange).where(StatusChange.student_id == student_id,
                                                      StatusChange.deleted.is_(False)))
    return sorted(rows, key=lambda c: (c.applied_at or c.decided_at or c.submitted_at or c.updated_at, c.id))
