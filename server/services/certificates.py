"""Cards and certificates 证件证书: issuing numbers by the rule of ``core.rules.certificates``,
voiding with a reason, listing.

Numbers are assigned here only, online: a certificate row pushed by an offline client gets
its number from the server (a number the client made up is replaced), so two desktops can
never print the same one; print after the row has synced. Voided numbers are never reused.
The same :func:`transition` serves the API and the sync push (``replica_writes`` hook).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from core.errors import FieldError, InvalidInputError, NotFoundError
from core.models import Certificate, Major, ServerSetting, Student, new_id
from core.rules.certificates import PREFIX, check_eligible, make_number
from core.rules.enums import CertificateKind, Scope, StudentStatus
from server.services import audit
from server.services.principal import Principal

SCHOOL_CODE_KEY = "school_code"
DEFAULT_SCHOOL_CODE = "99999"  # not a real school's code: set server_setting.school_code in production


def school_code(session: Session) -> str:
    setting = session.get(ServerSetting, SCHOOL_CODE_KEY)
    return setting.value if setting is not None else DEFAULT_SCHOOL_CODE


def _visible(principal: Principal, department_id: str) -> bool:
    if principal.scope == Scope.ALL:
        return True
    return principal.scope == Scope.DEPARTMENT and principal.department_id == department_id


def _student(session: Session, principal: Principal, student_id: str | None) -> Student:
    student = session.get(Student, student_id) if student_id else None
    if student is None or student.deleted or not _visible(principal, student.department_id):
        raise NotFoundError("学生不存在或不在您的范围内 (no such student in your scope)",
                            {"field": "student_id", "id": student_id})
    return student


def _kind(value: str | None) -> CertificateKind:
    try:
        return CertificateKind(value)
    except ValueError:
        raise InvalidInputError.field("kind", f"未知的证件种类 {value!r}，应为 {', '.join(k.value for k in CertificateKind)} "
                                              "(unknown kind)") from None


def next_number(session: Session, kind: CertificateKind, year: int) -> str:
    """The next unused number of a kind and year (voided numbers count as used)."""
    school = school_code(session)
    prefix = f"{PREFIX[kind]}{school}{year:04d}"
    if session.get_bind().dialect.name == "postgresql":  # concurrent issuers take turns (SQLite serialises writers)
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"certificate:{prefix}"})
    last = session.scalar(select(func.max(Certificate.number)).where(Certificate.number.startswith(prefix)))
    sequence = int(last[len(prefix):len(prefix) + 6]) + 1 if last else 1
    return make_number(kind, school, year, sequence)


def transition(session: Session, principal: Principal, old: dict[str, Any] | None,
               new: dict[str, Any]) -> dict[str, Any]:
    """Issue (a new row), or void (the only change a certificate takes); returns the server's values.

    Raises:
        InvalidInputError, NotFoundError: with the reason, naming the field.
    """
    if old is None:
        return _issue(session, principal, new)
    if new.get("deleted"):
        raise InvalidInputError.field("deleted", "证书不能删除，请作废 (a certificate is voided, never deleted)")
    fixed = sorted(k for k in ("kind", "number", "student_id", "issued_on", "issued_by") if new.get(k) != old.get(k))
    errors = [FieldError(k, "证书发出后不能修改 (fixed once issued)") for k in fixed]
    if old["void"] and (not new.get("void") or new.get("void_reason") != old["void_reason"]):
        errors.append(FieldError("void", "证书已作废，不能恢复或修改 (a voided certificate stays void)"))
    elif new.get("void") and not (new.get("void_reason") or "").strip():
        errors.append(FieldError("void_reason", "作废须说明原因 (voiding needs a reason)"))
    if errors:
        raise InvalidInputError.of(*errors)
    student = _student(session, principal, old["student_id"])
    if new.get("void") and not old["void"]:
        audit.record(session, principal, "certificate.void", entity="certificate", entity_id=old["id"],
                     old={"number": old["number"]}, new={"void_reason": new["void_reason"]},
                     summary=f"{old['number']} {student.number}")
    return {k: old[k] for k in ("kind", "number", "student_id", "issued_on", "issued_by")}


def _issue(session: Session, principal: Principal, new: dict[str, Any]) -> dict[str, Any]:
    kind = _kind(new.get("kind"))
    student = _student(session, principal, new.get("student_id"))
    major = session.get(Major, student.major_id)
    check_eligible(kind, StudentStatus(student.status), major_confers_degree=bool(major and major.degree))
    live = session.scalar(select(Certificate).where(
        Certificate.student_id == student.id, Certificate.kind == kind.value, Certificate.void.is_(False),
        Certificate.deleted.is_(False)))
    if live is not None:
        raise InvalidInputError.field("kind", f"该学生已有有效的{kind.zh}（{live.number}），请先作废 "
                                              f"(the student holds a valid one: void {live.number} first)")
    issued_on: date = new.get("issued_on") or date.today()
    number = next_number(session, kind, issued_on.year)
    audit.record(session, principal, "certificate.issue", entity="certificate", entity_id=str(new.get("id") or ""),
                 new={"kind": kind.value, "number": number, "student_id": student.id},
                 summary=f"{number} {student.number} {student.name}")
    return {"kind": kind.value, "number": number, "issued_on": issued_on, "issued_by": principal.user_id or None,
            "void": False, "void_reason": ""}


def issue(session: Session, principal: Principal, student_id: str, kind: str,
          issued_on: date | None = None) -> Certificate:
    row_id = new_id()
    values = transition(session, principal, None, {"id": row_id, "student_id": student_id, "kind": kind,
                                                   "issued_on": issued_on})
    certificate = Certificate(id=row_id, student_id=student_id, updated_by=principal.username, **values)
    session.add(certificate)
    session.flush()
    return certificate


def void(session: Session, principal: Principal, certificate_id: str, reason: str) -> Certificate:
    certificate = session.get(Certificate, certificate_id)
    if certificate is None or certificate.deleted:
        raise NotFoundError("证书不存在 (no such certificate)", {"id": certificate_id})
    _student(session, principal, certificate.student_id)  # scope
    old = {c.name: getattr(certificate, c.key) for c in Certificate.__table__.c}
    transition(session, principal, old, {**old, "void": True, "void_reason": reason})
    certificate.void, certificate.void_reason = True, reason
    certificate.updated_by = principal.username
    session.flush()
    return certificate


def search(session: Session, principal: Principal, *, student_id: str | None = None, kind: str | None = None,
           include_void: bool = True) -> list[Certificate]:
    stmt = select(Certificate).join(Student, Student.id == Certificate.student_id).where(Certificate.deleted.is_(False))
    if principal.scope != Scope.ALL:
        stmt = stmt.where(Student.department_id == (principal.department_id
                                                    if principal.scope == Scope.DEPARTMENT else None))
    if student_id:
        stmt = stmt.where(Certificate.student_id == student_id)
    if kind:
        stmt = stmt.where(Certificate.kind == kind)
    if not include_void:
        stmt = stmt.where(Certificate.void.is_(False))
    return list(session.scalars(stmt.order_by(Certificate.issued_on, Certificate.number)))
