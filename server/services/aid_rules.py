"""The server's rules for the aid tables: one :data:`Transition` per table, called by the
REST services (:mod:`server.services.aid`) and by the sync push (``replica_writes`` hook),
so an offline client's pushed row obeys exactly what the API enforces.

A transition gets the stored row (``None`` for a new one) and the row as wanted, checks
the step, and returns the values the server sets (eligibility report, amount, decision).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import (
    ConflictError,
    FieldError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from core.models import AidAward, AidQuota, AidType, Department, Student, utcnow
from core.rules.aid import (
    NEED_LEVELS,
    award_amount,
    check_quota,
    parse_rules,
    validate_academic_year,
)
from core.rules.aid_queries import evaluate_for, used_quota
from core.rules.enums import AidKind, Scope
from server.services.principal import Principal

OPEN = "submitted"
DECIDABLE = ("approved", "rejected")


def visible(principal: Principal, department_id: str | None) -> bool:
    """Whether a department's aid rows are in the principal's scope."""
    if principal.scope == Scope.ALL:
        return True
    return principal.scope == Scope.DEPARTMENT and department_id is not None and principal.department_id == department_id


def _user(principal: Principal) -> str | None:
    return principal.user_id or None


def student_in_scope(session: Session, principal: Principal, student_id: str | None) -> Student:
    student = session.get(Student, student_id) if student_id else None
    if student is None or student.deleted or not visible(principal, student.department_id):
        raise NotFoundError("学生不存在或不在您的范围内 (no such student in your scope)",
                            {"field": "student_id", "id": student_id})
    return student


def live_type(session: Session, aid_type_id: str | None, *, field: str = "aid_type_id") -> AidType:
    aid_type = session.get(AidType, aid_type_id) if aid_type_id else None
    if aid_type is None or aid_type.deleted:
        raise InvalidInputError.field(field, f"奖助类型不存在：{aid_type_id} (no such award type)")
    return aid_type


# --- aid_type -------------------------------------------------------------------------------

def aid_type_transition(session: Session, principal: Principal, old: dict[str, Any] | None,
                        new: dict[str, Any]) -> dict[str, Any]:
    """Award types are shared by all departments: only a university-wide user edits them."""
    if principal.scope != Scope.ALL:
        raise PermissionDeniedError("奖助类型由学校统一设置 (award types are set university-wide)", code="out_of_scope")
    if new.get("deleted"):
        used = session.scalar(select(AidAward.id).where(AidAward.aid_type_id == new["id"], AidAward.deleted.is_(False)))
        if used is not None:
            raise ConflictError("该奖助类型已有申请，不能删除 (the type has applications)", {"id": new["id"]},
                                code="in_use")
        return {}
    errors: list[FieldError] = []
    if new.get("kind") not in {k.value for k in AidKind}:
        errors.append(FieldError("kind", f"类别须为 {', '.join(k.value for k in AidKind)}，实为{new.get('kind')!r}"))
    amount = new.get("amount")
    if amount is None or Decimal(amount) <= 0:
        errors.append(FieldError("amount", f"金额须大于0，实为{amount} (amount must be above 0)"))
    if not (new.get("code") or "").strip():
        errors.append(FieldError("code", "必填 (required)"))
    if not (new.get("name") or "").strip():
        errors.append(FieldError("name", "必填 (required)"))
    try:
        parse_rules(new.get("rules") or "{}")
    except InvalidInputError as exc:
        errors += [FieldError(f["field"], f["message"]) for f in exc.details["fields"]]
    if errors:
        raise InvalidInputError.of(*errors)
    clash = session.scalar(select(AidType.id).where(AidType.code == new["code"], AidType.id != new["id"]))
    if clash is not None:
        raise ConflictError(f"奖助类型代码已存在：{new['code']} (code in use)", {"field": "code"}, code="duplicate")
    return {"code": new["code"].strip(), "name": new["name"].strip(), "amount": Decimal(amount).quantize(Decimal("0.01"))}


# --- aid_quota ------------------------------------------------------------------------------

def aid_quota_transition(session: Session, principal: Principal, old: dict[str, Any] | None,
                         new: dict[str, Any]) -> dict[str, Any]:
    """A quota of one type, year and department; never below the awards already approved."""
    if old is not None:
        fixed = [k for k in ("aid_type_id", "academic_year", "department_id") if new.get(k) != old.get(k)]
        if fixed:
            raise InvalidInputError.of(*(FieldError(k, "名额的类型、学年、院系不能修改 (fixed once set)") for k in fixed))
    department = session.get(Department, new.get("department_id")) if new.get("department_id") else None
    if department is None or not visible(principal, department.id):
        raise NotFoundError("院系不存在或不在您的范围内 (no such department in your scope)",
                            {"field": "department_id", "id": new.get("department_id")})
    aid_type = live_type(session, new.get("aid_type_id"))
    validate_academic_year(new.get("academic_year") or "")
    used = used_quota(session, aid_type.id, new["academic_year"], department.id)
    if new.get("deleted"):
        if used:
            raise ConflictError(f"已批准{used}人，不能删除名额 ({used} approved)", {"used": used}, code="in_use")
        return {}
    quota = new.get("quota")
    if not isinstance(quota, int) or quota < 0 or quota > 100_000:
        raise InvalidInputError.field("quota", f"名额须为0到100000的整数，实为{quota!r} (a whole number 0–100000)")
    if quota < used:
        raise InvalidInputError.field("quota", f"已批准{used}人，名额不能少于{used} ({used} already approved)")
    return {}


# --- aid_award ------------------------------------------------------------------------------

def financial_need_of(report_json: str | None) -> str | None:
    """The hardship level 家庭经济困难认定 the application declared (kept in its report)."""
    try:
        value = json.loads(report_json or "{}").get("financial_need")
    except (json.JSONDecodeError, AttributeError):
        return None
    return value if value in NEED_LEVELS else None


def _report(session: Session, aid_type: AidType, year: str, student: Student, need: str | None,
            award_id: str, extra: dict[str, Any] | None = None, *, must_pass: bool = True) -> str:
    report = evaluate_for(session, aid_type, year, student, financial_need=need, exclude_award_id=award_id)
    if must_pass and not report.passed:
        raise report.as_error()
    return json.dumps({**report.as_dict(), "financial_need": need, **(extra or {})}, ensure_ascii=False,
                      sort_keys=True, default=str)


def _application(session: Session, principal: Principal, new: dict[str, Any]) -> dict[str, Any]:
    """A new application: submitted, for an eligible student of the user's scope."""
    if (new.get("state") or OPEN) != OPEN:
        raise InvalidInputError.field("state", "新申请须为“已提交”，审批请使用审批功能 (a new application is submitted; "
                                               "decide it through approval)")
    student = student_in_scope(session, principal, new.get("student_id"))
    aid_type = live_type(session, new.get("aid_type_id"))
    year = new.get("academic_year") or ""
    validate_academic_year(year)
    clash = session.scalar(select(AidAward.id).where(
        AidAward.aid_type_id == aid_type.id, AidAward.academic_year == year, AidAward.student_id == student.id,
        AidAward.id != new["id"]))
    if clash is not None:
        raise ConflictError(f"该学生{year}学年已申请“{aid_type.name}” (already applied this year)",
                            {"id": clash}, code="duplicate")
    amount = award_amount(parse_rules(aid_type.rules), aid_type.amount, new.get("amount"))
    need = financial_need_of(new.get("eligibility_report"))
    report = _report(session, aid_type, year, student, need, new["id"])
    return {"state": OPEN, "department_id": student.department_id, "amount": amount,
            "eligibility_report": report, "reviewed_by": None, "decided_by": None, "decided_at": None,
            "decision_reason": ""}


def _decide(session: Session, principal: Principal, old: dict[str, Any], new: dict[str, Any],
            aid_type: AidType, student: Student) -> dict[str, Any]:
    if not principal.can("aid.approve"):
        raise PermissionDeniedError("没有权限：aid.approve (permission aid.approve required)",
                                    {"permission": "aid.approve"})
    reason = (new.get("decision_reason") or "").strip()
    stamp = {"state": new["state"], "decided_by": _user(principal), "decided_at": utcnow(), "decision_reason": reason}
    if new["state"] == "rejected":
        if not reason:
            raise InvalidInputError.field("decision_reason", "驳回须说明理由 (a rejection needs a reason)")
        return stamp
    if old.get("reviewed_by") is None:
        raise ConflictError("申请尚未经院系评审 (the department has not reviewed it yet)", code="not_reviewed")
    year = old["academic_year"]
    quota_row = session.scalar(select(AidQuota).where(
        AidQuota.aid_type_id == aid_type.id, AidQuota.academic_year == year,
        AidQuota.department_id == old["department_id"]).with_for_update())  # approvers of one quota take turns
    used = used_quota(session, aid_type.id, year, old["department_id"])
    quota = quota_row.quota if quota_row is not None and not quota_row.deleted else None
    check_quota(quota=quota, used=used, aid_type_name=aid_type.name, academic_year=year)
    need = financial_need_of(new.get("eligibility_report"))
    report = _report(session, aid_type, year, student, need, old["id"], _review_of(old))
    return {**stamp, "eligibility_report": report}


def _review_of(row: dict[str, Any]) -> dict[str, Any]:
    try:
        review = json.loads(row.get("eligibility_report") or "{}").get("review")
    except (json.JSONDecodeError, AttributeError):
        review = None
    return {"review": review} if review else {}


def aid_award_transition(session: Session, principal: Principal, old: dict[str, Any] | None,
                         new: dict[str, Any]) -> dict[str, Any]:
    """Apply (new row), edit or review while submitted, approve or reject (``aid.approve``).

    Raises:
        InvalidInputError: a bad field or an ineligible student (``eligibility.<rule>``).
        ConflictError: decided already, quota used up, not reviewed, applied twice.
        PermissionDeniedError: a decision without ``aid.approve``.
        NotFoundError: a student outside the user's scope.
    """
    if old is None:
        return _application(session, principal, new)
    if new.get("deleted"):
        raise InvalidInputError.field("deleted", "申请不能删除，请驳回 (an application is rejected, never deleted)")
    if old["state"] != OPEN:
        raise ConflictError("申请已审批，不能再修改 (the application is decided)", {"state": old["state"]},
                            code="decided")
    fixed = [k for k in ("aid_type_id", "academic_year", "student_id") if new.get(k) != old.get(k)]
    if fixed:
        raise InvalidInputError.of(*(FieldError(k, "申请提交后不能修改 (fixed once submitted)") for k in fixed))
    student = student_in_scope(session, principal, old["student_id"])
    aid_type = live_type(session, old["aid_type_id"])
    if new.get("state") in DECIDABLE:
        return _decide(session, principal, old, new, aid_type, student)
    if new.get("state") != OPEN:
        raise InvalidInputError.field("state", f"不能改为{new.get('state')!r} (state must stay submitted, or be "
                                               "approved or rejected)")
    amount = award_amount(parse_rules(aid_type.rules), aid_type.amount, new.get("amount"))
    reviewed = old.get("reviewed_by")
    review = _review_of(new)
    if new.get("reviewed_by") is not None and new.get("reviewed_by") != old.get("reviewed_by"):
        reviewed = _user(principal)  # a review is always the reviewing user's own
    need = financial_need_of(new.get("eligibility_report"))
    report = _report(session, aid_type, old["academic_year"], student, need, old["id"], review)
    return {"state": OPEN, "amount": amount, "reviewed_by": reviewed, "eligibility_report": report,
            "department_id": student.department_id, "decided_by": None, "decided_at": None, "decision_reason": ""}
