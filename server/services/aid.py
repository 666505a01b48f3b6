"""Scholarships, grants and loans 奖助贷: award types and quotas (``aid.approve``),
applications and review (``aid.write``), approval with the quota (``aid.approve``), lists per
department and year, and the .xlsx export. Every write goes through the rules of
:mod:`server.services.aid_rules`, the same the sync push applies.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from core.models import AidAward, AidQuota, AidType, Department, SchoolClass, Student, utcnow
from core.rules.aid import NEED_LEVELS, validate_academic_year
from core.rules.aid_queries import evaluate_for
from core.rules.enums import ApprovalState, Scope
from server.services import aid_rules
from server.services.principal import Principal
from server.services.rule_writes import write_row

EXPORT_LIMIT = 50_000


# --- types and quotas -----------------------------------------------------------------------

def list_types(session: Session) -> list[AidType]:
    return list(session.scalars(select(AidType).where(AidType.deleted.is_(False)).order_by(AidType.code)))


def get_type(session: Session, type_id: str) -> AidType:
    aid_type = session.get(AidType, type_id)
    if aid_type is None or aid_type.deleted:
        raise NotFoundError(f"奖助类型不存在 (award type {type_id} not found)", {"id": type_id})
    return aid_type


def _rules_text(changes: dict[str, Any]) -> dict[str, Any]:
    if isinstance(changes.get("rules"), dict):
        return {**changes, "rules": json.dumps(changes["rules"], ensure_ascii=False, sort_keys=True)}
    return changes


def create_type(session: Session, actor: Principal, data: dict[str, Any]) -> AidType:
    return write_row(session, actor, AidType, None, _rules_text(data), aid_rules.aid_type_transition,
                     action="aid_type.create")


def update_type(session: Session, actor: Principal, type_id: str, changes: dict[str, Any]) -> AidType:
    return write_row(session, actor, AidType, get_type(session, type_id), _rules_text(changes),
                     aid_rules.aid_type_transition, action="aid_type.update")


def delete_type(session: Session, actor: Principal, type_id: str) -> None:
    write_row(session, actor, AidType, get_type(session, type_id), {"deleted": True},
              aid_rules.aid_type_transition, action="aid_type.delete")


def _department_filter(actor: Principal, department_id: str | None) -> str | None:
    """The department a list is limited to: a secretary's own, whatever they asked for."""
    if actor.scope == Scope.ALL:
        return department_id
    if actor.scope != Scope.DEPARTMENT or not actor.department_id:
        raise PermissionDeniedError("超出您的数据范围 (outside your scope)", code="out_of_scope")
    if department_id and department_id != actor.department_id:
        raise PermissionDeniedError("只能查看本院系 (only your own department)", {"field": "department_id"},
                                    code="out_of_scope")
    return actor.department_id


@dataclass(frozen=True)
class QuotaRow:
    quota: AidQuota
    used: int
    pending: int


def _award_counts(session: Session, year: str | None, department_id: str | None) -> dict[tuple[str, str, str, str], int]:
    stmt = (select(AidAward.aid_type_id, AidAward.academic_year, AidAward.department_id, AidAward.state, func.count())
            .where(AidAward.deleted.is_(False))
            .group_by(AidAward.aid_type_id, AidAward.academic_year, AidAward.department_id, AidAward.state))
    if year:
        stmt = stmt.where(AidAward.academic_year == year)
    if department_id:
        stmt = stmt.where(AidAward.department_id == department_id)
    return {(t, y, d, s): n for t, y, d, s, n in session.execute(stmt)}


def list_quotas(session: Session, actor: Principal, *, academic_year: str | None = None,
                department_id: str | None = None, aid_type_id: str | None = None) -> list[QuotaRow]:
    department_id = _department_filter(actor, department_id)
    stmt = select(AidQuota).where(AidQuota.deleted.is_(False))
    if academic_year:
        stmt = stmt.where(AidQuota.academic_year == academic_year)
    if department_id:
        stmt = stmt.where(AidQuota.department_id == department_id)
    if aid_type_id:
        stmt = stmt.where(AidQuota.aid_type_id == aid_type_id)
    counts = _award_counts(session, academic_year, department_id)
    out = []
    for q in session.scalars(stmt.order_by(AidQuota.academic_year, AidQuota.department_id, AidQuota.aid_type_id)):
        key = (q.aid_type_id, q.academic_year, q.department_id)
        used = counts.get((*key, "approved"), 0) + counts.get((*key, "applied"), 0)
        out.append(QuotaRow(q, used, counts.get((*key, "submitted"), 0)))
    return out


def set_quota(session: Session, actor: Principal, data: dict[str, Any]) -> QuotaRow:
    """Create or change the quota of one type, year and department."""
    existing = session.scalar(select(AidQuota).where(
        AidQuota.aid_type_id == data.get("aid_type_id"), AidQuota.academic_year == data.get("academic_year"),
        AidQuota.department_id == data.get("department_id")))
    if existing is None:
        quota = write_row(session, actor, AidQuota, None, data, aid_rules.aid_quota_transition, action="aid_quota.create")
    else:
        quota = write_row(session, actor, AidQuota, existing, {"quota": data.get("quota"), "deleted": False},
                          aid_rules.aid_quota_transition, action="aid_quota.update")
    row = list_quotas(session, actor, academic_year=quota.academic_year, department_id=quota.department_id,
                      aid_type_id=quota.aid_type_id)
    return row[0]


# --- applications ---------------------------------------------------------------------------

def _need(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in NEED_LEVELS:
        raise InvalidInputError.field("financial_need", f"困难认定等级须为 {', '.join(NEED_LEVELS)}，实为{value!r}")
    return value


def eligibility(session: Session, actor: Principal, *, aid_type_id: str, academic_year: str, student_id: str,
                financial_need: str | None) -> dict[str, Any]:
    """The eligibility report of a student for an award, without applying."""
    student = aid_rules.student_in_scope(session, actor, student_id)
    aid_type = aid_rules.live_type(session, aid_type_id)
    validate_academic_year(academic_year)
    report = evaluate_for(session, aid_type, academic_year, student, financial_need=_need(financial_need))
    return report.as_dict()


def get_award(session: Session, actor: Principal, award_id: str) -> AidAward:
    award = session.get(AidAward, award_id)
    if award is None or award.deleted or not aid_rules.visible(actor, award.department_id):
        raise NotFoundError("申请不存在或不在您的范围内 (no such application in your scope)", {"id": award_id})
    return award


def apply(session: Session, actor: Principal, data: dict[str, Any]) -> AidAward:
    """Submit an application for an eligible student; the report is computed here."""
    need = _need(data.pop("financial_need", None))
    changes = {**data, "eligibility_report": json.dumps({"financial_need": need})}
    return write_row(session, actor, AidAward, None, changes, aid_rules.aid_award_transition, action="aid_award.apply")


def review(session: Session, actor: Principal, award_id: str, *, comment: str,
           financial_need: str | None = None, amount: Decimal | None = None) -> AidAward:
    """The department's review 评审: re-checks eligibility and records who reviewed it."""
    award = get_award(session, actor, award_id)
    need = _need(financial_need) or aid_rules.financial_need_of(award.eligibility_report)
    note = {"by": actor.username, "at": utcnow().isoformat(), "comment": comment}
    changes: dict[str, Any] = {"reviewed_by": actor.user_id or None,
                               "eligibility_report": json.dumps({"financial_need": need, "review": note})}
    if amount is not None:
        changes["amount"] = amount
    return write_row(session, actor, AidAward, award, changes, aid_rules.aid_award_transition,
                     action="aid_award.review")


def decide(session: Session, actor: Principal, award_id: str, *, approve: bool, reason: str) -> AidAward:
    """Approve (within the quota, eligibility checked again) or reject with a reason."""
    award = get_award(session, actor, award_id)
    state = ApprovalState.APPROVED if approve else ApprovalState.REJECTED
    return write_row(session, actor, AidAward, award, {"state": state.value, "decision_reason": reason},
                     aid_rules.aid_award_transition, action=f"aid_award.{state.value}")


# --- lists and export -----------------------------------------------------------------------

@dataclass(frozen=True)
class AwardQuery:
    academic_year: str | None = None
    department_id: str | None = None
    aid_type_id: str | None = None
    state: str | None = None
    q: str = ""
    page: int = 1
    size: int = 50


@dataclass(frozen=True)
class AwardRow:
    award: AidAward
    student_number: str
    student_name: str
    class_name: str | None
    department_name: str
    aid_type_code: str
    aid_type_name: str


def _award_select(actor: Principal, query: AwardQuery) -> Select[Any]:
    department_id = _department_filter(actor, query.department_id)
    stmt = (select(AidAward, Student.number, Student.name, SchoolClass.name, Department.name, AidType.code,
                   AidType.name)
            .join(Student, Student.id == AidAward.student_id)
            .outerjoin(SchoolClass, SchoolClass.id == Student.class_id)
            .join(Department, Department.id == AidAward.department_id)
            .join(AidType, AidType.id == AidAward.aid_type_id)
            .where(AidAward.deleted.is_(False)))
    for column, value in ((AidAward.academic_year, query.academic_year), (AidAward.department_id, department_id),
                          (AidAward.aid_type_id, query.aid_type_id), (AidAward.state, query.state)):
        if value:
            stmt = stmt.where(column == value)
    if query.q.strip():
        like = f"%{query.q.strip()}%"
        stmt = stmt.where(or_(Student.number.like(like), Student.name.like(like)))
    return stmt


def search_awards(session: Session, actor: Principal, query: AwardQuery) -> tuple[list[AwardRow], int]:
    stmt = _award_select(actor, query)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(stmt.order_by(Department.code, AidType.code, Student.number, AidAward.id)
                           .offset((query.page - 1) * query.size).limit(query.size)).all()
    return [AwardRow(*row) for row in rows], total


_HEADERS = ("学年 Year", "院系 Department", "奖助 Award", "代码 Code", "学号 Number", "姓名 Name", "班级 Class",
            "金额 Amount", "状态 State", "绩点 GPA", "班级排名 Rank", "符合条件 Eligible", "审批理由 Reason")


def _figures(report_json: str) -> tuple[Any, Any, Any]:
    try:
        report = json.loads(report_json or "{}")
    except json.JSONDecodeError:
        return None, None, None
    rank = next((c["figures"] for c in report.get("checks", []) if c.get("rule") == "gpa_rank_share"), {})
    ranked = f"{rank['rank']}/{rank['ranked']}" if rank.get("rank") else None
    return rank.get("gpa"), ranked, ("是" if report.get("passed") else "否") if "passed" in report else None


def export_xlsx(session: Session, actor: Principal, query: AwardQuery) -> bytes:
    """The filtered awards as an .xlsx workbook (one sheet, a header row)."""
    stmt = _award_select(actor, query).order_by(Department.code, AidType.code, Student.number).limit(EXPORT_LIMIT)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("奖助贷")
    sheet.append(list(_HEADERS))
    for row in session.execute(stmt):
        r = AwardRow(*row)
        gpa, rank, eligible = _figures(r.award.eligibility_report)
        sheet.append([r.award.academic_year, r.department_name, r.aid_type_name, r.aid_type_code, r.student_number,
                      r.student_name, r.class_name or "", float(r.award.amount), ApprovalState(r.award.state).zh,
                      gpa, rank, eligible, r.award.decision_reason])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class SummaryRow:
    department_id: str
    aid_type_id: str
    quota: int | None
    submitted: int
    approved: int
    rejected: int
    approved_amount: Decimal


def summary(session: Session, actor: Principal, academic_year: str) -> list[SummaryRow]:
    """Per department and award type of a year: quota, applications by state, amount approved."""
    validate_academic_year(academic_year)
    department_id = _department_filter(actor, None)
    counts = _award_counts(session, academic_year, department_id)
    amounts_stmt = (select(AidAward.department_id, AidAward.aid_type_id, func.sum(AidAward.amount))
                    .where(AidAward.academic_year == academic_year, AidAward.deleted.is_(False),
                           AidAward.state.in_(("approved", "applied")))
                    .group_by(AidAward.department_id, AidAward.aid_type_id))
    amounts = {(d, t): Decimal(a or 0) for d, t, a in session.execute(amounts_stmt)}
    quotas = {(q.quota.department_id, q.quota.aid_type_id): q.quota.quota
              for q in list_quotas(session, actor, academic_year=academic_year, department_id=department_id)}
    keys = sorted(set(quotas) | {(d, t) for t, _y, d, _s in counts})
    return [SummaryRow(d, t, quotas.get((d, t)), counts.get((t, academic_year, d, "submitted"), 0),
                       counts.get((t, academic_year, d, "approved"), 0) + counts.get((t, academic_year, d, "applied"), 0),
                       counts.get((t, academic_year, d, "rejected"), 0), amounts.get((d, t), Decimal(0)))
            for d, t in keys]


def get_award_row(session: Session, actor: Principal, award_id: str) -> AwardRow:
    """One application with its student, class, department and type, for display."""
    get_award(session, actor, award_id)
    row = session.execute(_award_select(actor, AwardQuery()).where(AidAward.id == award_id)).one()
    return AwardRow(*row)
