"""Scholarships, grants and loans 奖助贷 on the desktop, over the local replica (offline too).

Award types and quotas, the applications of a department and year, a new application with
its eligibility report, the department's review, approval (quota checked first) and
rejection, and the .xlsx export. The rules are :mod:`core.rules.aid` — the functions the
server runs — fed here from the replica's tables (SQLAlchemy Core over wire values: dates
and decimals are text). Every write is one :meth:`SyncService.write` (the row and its outbox
op in one transaction); the server re-applies the same rules when the op is pushed, and its
answer is final (a refusal lands on the Sync page).

Plain Python, no Qt: the screens call it on the local worker thread.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from client.services.dto import UserRow
from client.services.errors import CancelledError
from client.services.sync import SyncService
from core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from core.rules.aid import (
    DECIDED_STATES,
    NEED_LEVELS,
    AidRules,
    Applicant,
    EligibilityReport,
    OtherAward,
    award_amount,
    check_quota,
    evaluate,
    evaluation_year,
    parse_rules,
    validate_academic_year,
)
from core.rules.gpa import GradeRecord
from sync.client.schema import REPLICA

Progress = Callable[[int, int], None]
STATES = ("submitted", "approved", "rejected")
COUNTED_GRADE_STATES = ("locked",)  # as core.rules.aid_queries: only final grades count

T_TYPE, T_QUOTA, T_AWARD = REPLICA["aid_type"], REPLICA["aid_quota"], REPLICA["aid_award"]
T_STUDENT, T_CLASS, T_DEPT = REPLICA["student"], REPLICA["school_class"], REPLICA["department"]
T_GRADE, T_COURSE, T_TERM = REPLICA["grade"], REPLICA["course"], REPLICA["term"]


def _noop(_done: int, _total: int) -> None:
    return None


def _live(table: Any) -> Any:
    return or_(table.c.deleted.is_(None), table.c.deleted.is_(False))


def _decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value if value is not None else 0))
    except InvalidOperation:
        return Decimal(0)


def academic_year_of(day: date) -> str:
    """Academic years start on 1 September: 2026-12-03 → ``2026-2027``."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


# --- rows -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AidTypeRow:
    id: str
    code: str
    name: str
    name_en: str
    kind: str
    amount: Decimal
    rules: AidRules
    rules_text: str

    def label(self, language: str) -> str:
        return self.name_en if language.startswith("en") and self.name_en else self.name


@dataclass(frozen=True)
class DepartmentRow:
    id: str
    code: str
    name: str
    name_en: str

    def label(self, language: str) -> str:
        return self.name_en if language.startswith("en") and self.name_en else self.name


@dataclass(frozen=True)
class QuotaRow:
    id: str | None
    aid_type_id: str
    academic_year: str
    department_id: str
    quota: int | None
    used: int  # approved
    pending: int  # submitted
    rejected: int


@dataclass(frozen=True)
class StudentHit:
    id: str
    number: str
    name: str
    gender: str
    status: str
    cohort: int
    class_id: str | None
    class_name: str
    department_id: str


@dataclass(frozen=True)
class AwardRow:
    id: str
    academic_year: str
    aid_type_id: str
    student_id: str
    student_number: str
    student_name: str
    class_name: str
    department_id: str
    amount: Decimal
    state: str
    application_text: str
    report: dict[str, Any]
    reviewed: bool
    decision_reason: str
    row_version: int

    @property
    def financial_need(self) -> str | None:
        need = self.report.get("financial_need")
        return need if need in NEED_LEVELS else None

    @property
    def review_comment(self) -> str:
        review = self.report.get("review") or {}
        return str(review.get("comment", "")) if isinstance(review, dict) else ""

    @property
    def synced(self) -> bool:
        return self.row_version > 0

    def figure(self, rule: str, name: str) -> Any:
        check = next((c for c in self.report.get("checks", []) if c.get("rule") == rule), None)
        return None if check is None else (check.get("figures") or {}).get(name)


@dataclass(frozen=True)
class AwardQuery:
    academic_year: str | None = None
    department_id: str | None = None
    aid_type_id: str | None = None
    state: str | None = None
    q: str = ""


# --- the service ------------------------------------------------------------------------------

class AidService:
    """Aid over one user's replica; ``user`` decides what may be written (the server checks too)."""

    def __init__(self, sync: SyncService, user: UserRow) -> None:
        self.sync = sync
        self.user = user

    @property
    def _engine(self) -> Any:
        return self.sync.store.engine

    def can(self, permission: str) -> bool:
        return permission in self.user.permissions

    def _require(self, permission: str) -> None:
        if not self.can(permission):
            raise PermissionDeniedError(f"没有权限：{permission} (permission {permission} required)",
                                        {"permission": permission})

    # -- reference data ------------------------------------------------------------------------
    def types(self) -> list[AidTypeRow]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(T_TYPE).where(_live(T_TYPE)).order_by(T_TYPE.c.code)).mappings().all()
        out = []
        for r in rows:
            try:
                rules = parse_rules(r["rules"] or "{}")
            except InvalidInputError:
                rules = AidRules()
            out.append(AidTypeRow(r["id"], r["code"], r["name"], r["name_en"] or "", r["kind"],
                                  _decimal(r["amount"]), rules, r["rules"] or "{}"))
        return out

    def departments(self) -> list[DepartmentRow]:
        """The departments the user works for: their own, or all with a university-wide scope."""
        stmt = select(T_DEPT).where(_live(T_DEPT)).order_by(T_DEPT.c.code)
        if self.user.scope != "all" and self.user.department_id:
            stmt = stmt.where(T_DEPT.c.id == self.user.department_id)
        with self._engine.connect() as conn:
            return [DepartmentRow(r["id"], r["code"], r["name"], r["name_en"] or "")
                    for r in conn.execute(stmt).mappings()]

    def academic_years(self, today: date | None = None) -> list[str]:
        """Years with quotas or applications, and the current one; newest first."""
        with self._engine.connect() as conn:
            years = set(conn.execute(select(T_QUOTA.c.academic_year).distinct()).scalars())
            years |= set(conn.execute(select(T_AWARD.c.academic_year).distinct()).scalars())
        years.add(academic_year_of(today or date.today()))
        return sorted((y for y in years if y), reverse=True)

    # -- quotas --------------------------------------------------------------------------------
    def quotas(self, academic_year: str, department_id: str | None = None) -> list[QuotaRow]:
        """Per department and type of a year: the quota, approved, submitted and rejected."""
        with self._engine.connect() as conn:
            stmt = select(T_QUOTA).where(_live(T_QUOTA), T_QUOTA.c.academic_year == academic_year)
            if department_id:
                stmt = stmt.where(T_QUOTA.c.department_id == department_id)
            quotas = {(r["department_id"], r["aid_type_id"]): r for r in conn.execute(stmt).mappings()}
            counts_stmt = (select(T_AWARD.c.department_id, T_AWARD.c.aid_type_id, T_AWARD.c.state, func.count())
                           .where(_live(T_AWARD), T_AWARD.c.academic_year == academic_year)
                           .group_by(T_AWARD.c.department_id, T_AWARD.c.aid_type_id, T_AWARD.c.state))
            if department_id:
                counts_stmt = counts_stmt.where(T_AWARD.c.department_id == department_id)
            counts: dict[tuple[str, str, str], int] = {(d, t, s): n for d, t, s, n in conn.execute(counts_stmt)}
        keys = sorted(set(quotas) | {(d, t) for d, t, _s in counts})
        out = []
        for d, t in keys:
            q = quotas.get((d, t))
            used = sum(counts.get((d, t, s), 0) for s in DECIDED_STATES)
            out.append(QuotaRow(q["id"] if q else None, t, academic_year, d, int(q["quota"]) if q else None, used,
                                counts.get((d, t, "submitted"), 0), counts.get((d, t, "rejected"), 0)))
        return out

    def set_quota(self, aid_type_id: str, academic_year: str, department_id: str, quota: int) -> str:
        """Create or change one quota (``aid.approve``); never below the awards approved."""
        self._require("aid.approve")
        validate_academic_year(academic_year)
        if not isinstance(quota, int) or not 0 <= quota <= 100_000:
            raise InvalidInputError.field("quota", f"名额须为0到100000的整数，实为{quota!r} (a whole number 0–100000)")
        with self._engine.connect() as conn:
            used = self._used(conn, aid_type_id, academic_year, department_id)
            existing = conn.execute(select(T_QUOTA.c.id).where(
                T_QUOTA.c.aid_type_id == aid_type_id, T_QUOTA.c.academic_year == academic_year,
                T_QUOTA.c.department_id == department_id)).scalar()
        if quota < used:
            raise InvalidInputError.field("quota", f"已批准{used}人，名额不能少于{used} ({used} already approved)")
        if existing is None:
            row_id = str(uuid.uuid4())
            self.sync.write("aid_quota", row_id, "create", {"aid_type_id": aid_type_id, "academic_year": academic_year,
                                                            "department_id": department_id, "quota": quota})
            return row_id
        self.sync.write("aid_quota", existing, "patch", {"quota": quota})
        return str(existing)

    @staticmethod
    def _used(conn: Connection, aid_type_id: str, academic_year: str, department_id: str) -> int:
        return int(conn.execute(select(func.count()).select_from(T_AWARD).where(
            _live(T_AWARD), T_AWARD.c.aid_type_id == aid_type_id, T_AWARD.c.academic_year == academic_year,
            T_AWARD.c.department_id == department_id, T_AWARD.c.state.in_(tuple(DECIDED_STATES)))).scalar_one())

    # -- students ------------------------------------------------------------------------------
    def search_students(self, text: str, limit: int = 30) -> list[StudentHit]:
        """Students of the replica by number or name (prefix of the number, part of the name)."""
        text = text.strip()
        stmt = (select(T_STUDENT, T_CLASS.c.name.label("class_name"))
                .outerjoin(T_CLASS, T_CLASS.c.id == T_STUDENT.c.class_id)
                .where(_live(T_STUDENT)).order_by(T_STUDENT.c.number).limit(limit))
        if text:
            stmt = stmt.where(or_(T_STUDENT.c.number.like(f"{text}%"), T_STUDENT.c.name.like(f"%{text}%")))
        with self._engine.connect() as conn:
            return [_hit(r) for r in conn.execute(stmt).mappings()]

    def student(self, student_id: str) -> StudentHit:
        with self._engine.connect() as conn:
            return self._student(conn, student_id)

    @staticmethod
    def _student(conn: Connection, student_id: str) -> StudentHit:
        row = conn.execute(select(T_STUDENT, T_CLASS.c.name.label("class_name"))
                           .outerjoin(T_CLASS, T_CLASS.c.id == T_STUDENT.c.class_id)
                           .where(T_STUDENT.c.id == student_id, _live(T_STUDENT))).mappings().first()
        if row is None:
            raise NotFoundError("学生不存在或不在您的范围内 (no such student in your scope)",
                                {"field": "student_id", "id": student_id})
        return _hit(row)

    # -- eligibility ---------------------------------------------------------------------------
    def eligibility(self, aid_type_id: str, academic_year: str, student_id: str, *,
                    financial_need: str | None = None, exclude_award_id: str | None = None) -> EligibilityReport:
        """The eligibility report computed from the replica, with the rules the server runs."""
        validate_academic_year(academic_year)
        if financial_need not in (None, *NEED_LEVELS):
            raise InvalidInputError.field("financial_need", f"困难认定等级须为 {', '.join(NEED_LEVELS)}")
        aid_type = self._type(aid_type_id)
        with self._engine.connect() as conn:
            student = self._student(conn, student_id)
            return _evaluate(conn, aid_type, academic_year, student, financial_need, exclude_award_id)

    def _type(self, aid_type_id: str) -> AidTypeRow:
        found = next((t for t in self.types() if t.id == aid_type_id), None)
        if found is None:
            raise InvalidInputError.field("aid_type_id", f"奖助类型不存在：{aid_type_id} (no such award type)")
        return found

    # -- applications --------------------------------------------------------------------------
    def awards(self, query: AwardQuery, limit: int = 20_000) -> list[AwardRow]:
        stmt = (select(T_AWARD, T_STUDENT.c.number, T_STUDENT.c.name, T_CLASS.c.name.label("class_name"))
                .outerjoin(T_STUDENT, T_STUDENT.c.id == T_AWARD.c.student_id)
                .outerjoin(T_CLASS, T_CLASS.c.id == T_STUDENT.c.class_id)
                .where(_live(T_AWARD)))
        for column, value in ((T_AWARD.c.academic_year, query.academic_year),
                              (T_AWARD.c.department_id, query.department_id),
                              (T_AWARD.c.aid_type_id, query.aid_type_id), (T_AWARD.c.state, query.state)):
            if value:
                stmt = stmt.where(column == value)
        if query.q.strip():
            text = query.q.strip()
            stmt = stmt.where(or_(T_STUDENT.c.number.like(f"{text}%"), T_STUDENT.c.name.like(f"%{text}%")))
        stmt = stmt.order_by(T_AWARD.c.department_id, T_AWARD.c.aid_type_id, T_STUDENT.c.number).limit(limit)
        with self._engine.connect() as conn:
            return [_award(r) for r in conn.execute(stmt).mappings()]

    def award(self, award_id: str) -> AwardRow:
        with self._engine.connect() as conn:
            return self._award(conn, award_id)

    def _award(self, conn: Connection, award_id: str) -> AwardRow:
        row = conn.execute(select(T_AWARD, T_STUDENT.c.number, T_STUDENT.c.name, T_CLASS.c.name.label("class_name"))
                           .outerjoin(T_STUDENT, T_STUDENT.c.id == T_AWARD.c.student_id)
                           .outerjoin(T_CLASS, T_CLASS.c.id == T_STUDENT.c.class_id)
                           .where(T_AWARD.c.id == award_id, _live(T_AWARD))).mappings().first()
        if row is None:
            raise NotFoundError("申请不存在或不在您的范围内 (no such application in your scope)", {"id": award_id})
        return _award(row)

    def apply(self, aid_type_id: str, academic_year: str, student_id: str, *, financial_need: str | None = None,
              amount: Decimal | None = None, application_text: str = "") -> str:
        """Submit an application for an eligible student (``aid.write``); returns its id.

        Raises:
            InvalidInputError: one field per failed rule (``eligibility.<rule>``), or a bad amount.
            ConflictError: ``duplicate`` — the student applied for this award this year already.
        """
        self._require("aid.write")
        aid_type = self._type(aid_type_id)
        validate_academic_year(academic_year)
        value = award_amount(aid_type.rules, aid_type.amount, amount)
        with self._engine.connect() as conn:
            student = self._student(conn, student_id)
            clash = conn.execute(select(T_AWARD.c.id).where(
                T_AWARD.c.aid_type_id == aid_type_id, T_AWARD.c.academic_year == academic_year,
                T_AWARD.c.student_id == student_id)).scalar()
            if clash is not None:
                raise ConflictError(f"该学生{academic_year}学年已申请“{aid_type.name}” (already applied this year)",
                                    {"id": clash}, code="duplicate")
            award_id = str(uuid.uuid4())
            report = _evaluate(conn, aid_type, academic_year, student, financial_need, award_id)
        if not report.passed:
            raise report.as_error()
        self.sync.write("aid_award", award_id, "create", {
            "aid_type_id": aid_type_id, "academic_year": academic_year, "student_id": student_id,
            "department_id": student.department_id, "amount": value, "state": "submitted",
            "application_text": application_text.strip(), "eligibility_report": _report_json(report, financial_need),
            "decision_reason": ""})
        return award_id

    def _open_award(self, conn: Connection, award_id: str) -> tuple[AwardRow, AidTypeRow, StudentHit]:
        award = self._award(conn, award_id)
        if award.state != "submitted":
            raise ConflictError("申请已审批，不能再修改 (the application is decided)", {"state": award.state},
                                code="decided")
        return award, self._type(award.aid_type_id), self._student(conn, award.student_id)

    def review(self, award_id: str, comment: str, *, financial_need: str | None = None,
               amount: Decimal | None = None) -> EligibilityReport:
        """The department's review 评审 (``aid.write``): re-checks eligibility, records the reviewer."""
        self._require("aid.write")
        with self._engine.connect() as conn:
            award, aid_type, student = self._open_award(conn, award_id)
            need = financial_need or award.financial_need
            report = _evaluate(conn, aid_type, award.academic_year, student, need, award_id)
        if not report.passed:
            raise report.as_error()
        value = award_amount(aid_type.rules, aid_type.amount, amount if amount is not None else award.amount)
        note = {"by": self.user.username, "at": datetime.now(UTC).isoformat(), "comment": comment.strip()}
        fields: dict[str, Any] = {"reviewed_by": self.user.id,
                                  "eligibility_report": _report_json(report, need, {"review": note})}
        if value != award.amount:
            fields["amount"] = value
        self.sync.write("aid_award", award_id, "patch", fields)
        return report

    def approve(self, award_id: str, reason: str = "") -> None:
        """Approve (``aid.approve``): reviewed, still eligible, and within the department's quota."""
        self._require("aid.approve")
        with self._engine.connect() as conn:
            award, aid_type, student = self._open_award(conn, award_id)
            if not award.reviewed:
                raise ConflictError("申请尚未经院系评审 (the department has not reviewed it yet)", code="not_reviewed")
            quota = conn.execute(select(T_QUOTA.c.quota).where(
                _live(T_QUOTA), T_QUOTA.c.aid_type_id == aid_type.id, T_QUOTA.c.academic_year == award.academic_year,
                T_QUOTA.c.department_id == award.department_id)).scalar()
            used = self._used(conn, aid_type.id, award.academic_year, award.department_id)
            check_quota(quota=None if quota is None else int(quota), used=used, aid_type_name=aid_type.name,
                        academic_year=award.academic_year)
            report = _evaluate(conn, aid_type, award.academic_year, student, award.financial_need, award_id)
        if not report.passed:
            raise report.as_error()
        self.sync.write("aid_award", award_id, "patch", {
            "state": "approved", "decision_reason": reason.strip(), "decided_by": self.user.id,
            "decided_at": datetime.now(UTC)})

    def reject(self, award_id: str, reason: str) -> None:
        """Reject with a reason (``aid.approve``)."""
        self._require("aid.approve")
        if not reason.strip():
            raise InvalidInputError.field("decision_reason", "驳回须说明理由 (a rejection needs a reason)")
        with self._engine.connect() as conn:
            self._open_award(conn, award_id)
        self.sync.write("aid_award", award_id, "patch", {
            "state": "rejected", "decision_reason": reason.strip(), "decided_by": self.user.id,
            "decided_at": datetime.now(UTC)})

    # -- export --------------------------------------------------------------------------------
    def export_awards(self, query: AwardQuery, path: Path, headers: Sequence[str], labels: dict[str, dict[str, str]],
                      *, on_progress: Progress = _noop, cancel: threading.Event | None = None) -> int:
        """The filtered applications to ``path`` (.xlsx); ``labels`` name types, departments and
        states in the user's language. Nothing is written when cancelled."""
        rows = self.awards(query)
        out: list[list[Any]] = []
        for n, r in enumerate(rows, 1):
            if cancel is not None and cancel.is_set():
                raise CancelledError()
            rank, ranked = r.figure("gpa_rank_share", "rank"), r.figure("gpa_rank_share", "ranked")
            gpa = r.figure("gpa_rank_share", "gpa") or r.figure("min_gpa", "gpa")
            out.append([r.academic_year, labels.get("department", {}).get(r.department_id, r.department_id),
                        labels.get("type", {}).get(r.aid_type_id, r.aid_type_id), r.student_number, r.student_name,
                        r.class_name, float(r.amount), labels.get("state", {}).get(r.state, r.state), gpa,
                        f"{rank}/{ranked}" if rank else None, labels.get("need", {}).get(r.financial_need or "", ""),
                        r.review_comment, r.decision_reason])
            if n % 200 == 0:
                on_progress(n, len(rows))
        write_xlsx(path, "aid", headers, out, cancel=cancel)
        on_progress(len(rows), max(len(rows), 1))
        return len(rows)

    def export_quotas(self, academic_year: str, path: Path, headers: Sequence[str],
                      labels: dict[str, dict[str, str]], *, on_progress: Progress = _noop,
                      cancel: threading.Event | None = None) -> int:
        rows = [[q.academic_year, labels.get("department", {}).get(q.department_id, q.department_id),
                 labels.get("type", {}).get(q.aid_type_id, q.aid_type_id), q.quota, q.used, q.pending, q.rejected,
                 None if q.quota is None else q.quota - q.used]
                for q in self.quotas(academic_year, self._department_filter())]
        write_xlsx(path, "quotas", headers, rows, cancel=cancel)
        on_progress(1, 1)
        return len(rows)

    def _department_filter(self) -> str | None:
        return None if self.user.scope == "all" else self.user.department_id


# --- helpers ----------------------------------------------------------------------------------

def _hit(r: Any) -> StudentHit:
    return StudentHit(r["id"], r["number"], r["name"], r["gender"], r["status"], int(r["cohort"] or 0),
                      r["class_id"], r["class_name"] or "", r["department_id"])


def _award(r: Any) -> AwardRow:
    try:
        report = json.loads(r["eligibility_report"] or "{}")
    except json.JSONDecodeError:
        report = {}
    return AwardRow(r["id"], r["academic_year"], r["aid_type_id"], r["student_id"], r["number"] or "",
                    r["name"] or "", r["class_name"] or "", r["department_id"], _decimal(r["amount"]), r["state"],
                    r["application_text"] or "", report if isinstance(report, dict) else {},
                    r["reviewed_by"] is not None, r["decision_reason"] or "", int(r["row_version"] or 0))


def _records(conn: Connection, where: Any, year: str) -> list[GradeRecord]:
    stmt = (select(T_GRADE.c.student_id, T_GRADE.c.course_id, T_COURSE.c.credits, T_GRADE.c.attempt,
                   T_GRADE.c.score, T_GRADE.c.grade_level)
            .join(T_COURSE, T_COURSE.c.id == T_GRADE.c.course_id)
            .join(T_TERM, T_TERM.c.id == T_GRADE.c.term_id)
            .where(where, T_TERM.c.code.startswith(f"{year}-"), _live(T_GRADE),
                   T_GRADE.c.state.in_(COUNTED_GRADE_STATES)))
    return [GradeRecord(s, c, _decimal(credits), attempt or "normal", None if score is None else _decimal(score), level)
            for s, c, credits, attempt, score, level in conn.execute(stmt)]


def _other_awards(conn: Connection, student_id: str, academic_year: str, exclude: str | None) -> list[OtherAward]:
    rows = conn.execute(select(T_AWARD.c.id, T_TYPE.c.code, T_TYPE.c.rules, T_AWARD.c.state)
                        .join(T_TYPE, T_TYPE.c.id == T_AWARD.c.aid_type_id)
                        .where(T_AWARD.c.student_id == student_id, T_AWARD.c.academic_year == academic_year,
                               _live(T_AWARD), T_AWARD.c.id != (exclude or ""))).all()
    out = []
    for award_id, code, rules_text, state in rows:
        try:
            group = json.loads(rules_text or "{}").get("exclusive_group")
        except (json.JSONDecodeError, AttributeError):
            group = None
        out.append(OtherAward(award_id, code, group, state))
    return out


def _evaluate(conn: Connection, aid_type: AidTypeRow, academic_year: str, student: StudentHit,
              financial_need: str | None, exclude_award_id: str | None) -> EligibilityReport:
    """:func:`core.rules.aid_queries.evaluate_for`, with the replica's tables for the server's."""
    rules = aid_type.rules
    year = evaluation_year(rules, academic_year)
    class_records: list[GradeRecord] = []
    own: list[GradeRecord] = []
    if rules.reads_grades:
        if student.class_id is not None:
            members = select(T_STUDENT.c.id).where(T_STUDENT.c.class_id == student.class_id, _live(T_STUDENT))
            class_records = _records(conn, T_GRADE.c.student_id.in_(members), year)
            own = [r for r in class_records if r.student_id == student.id]
        else:
            own = _records(conn, and_(T_GRADE.c.student_id == student.id), year)
    applicant = Applicant(student.id, student.status, student.cohort, student.class_id, financial_need)
    return evaluate(rules, aid_type_code=aid_type.code, academic_year=academic_year, applicant=applicant,
                    own_records=own, class_records=class_records,
                    other_awards=_other_awards(conn, student.id, academic_year, exclude_award_id))


def _report_json(report: EligibilityReport, need: str | None, extra: dict[str, Any] | None = None) -> str:
    """Serialised exactly as the server does (``aid_rules._report``), so a later patch's base
    matches the server's value and merges instead of conflicting."""
    return json.dumps({**report.as_dict(), "financial_need": need, **(extra or {})}, ensure_ascii=False,
                      sort_keys=True, default=str)


def write_xlsx(path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], *,
               cancel: threading.Event | None = None) -> None:
    """One sheet with a bold, frozen header row; written to a temporary file and renamed, so a
    cancelled or failed export leaves no half file."""
    from openpyxl import Workbook  # imported on first export (it pulls in a lot)
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for n, row in enumerate(rows):
        if cancel is not None and n % 500 == 0 and cancel.is_set():
            raise CancelledError()
        sheet.append(list(row))
    for index, header in enumerate(headers):
        width = max([len(str(header)) * 2, *(len(str(r[index] or "")) * 1.3 for r in rows[:200])], default=10)
        sheet.column_dimensions[sheet.cell(1, index + 1).column_letter].width = min(max(width, 8), 50)
    sheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + ".part.xlsx")
    book.save(tmp)
    if cancel is not None and cancel.is_set():
        tmp.unlink(missing_ok=True)
        raise CancelledError()
    tmp.replace(path)
