"""Reading what the aid rules of :mod:`core.rules.aid` need from a database (SQLAlchemy only).

Separate from the rules so they stay pure; the server's services and push validators call
these, and so can the desktop client over its replica.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.models import AidAward, AidQuota, AidType, Course, Grade, Student, Term
from core.rules.aid import (
    DECIDED_STATES,
    Applicant,
    EligibilityReport,
    OtherAward,
    evaluate,
    evaluation_year,
    parse_rules,
)
from core.rules.gpa import GradeRecord

# Only final grades count for awards: a draft or submitted grade can still change.
COUNTED_GRADE_STATES = ("locked",)


def _records(session: Session, student_filter: object, year: str) -> list[GradeRecord]:
    stmt = (
        select(Grade.student_id, Grade.course_id, Course.credits, Grade.attempt, Grade.score, Grade.grade_level)
        .join(Course, Course.id == Grade.course_id)
        .join(Term, Term.id == Grade.term_id)
        .where(student_filter, Term.code.startswith(f"{year}-"), Grade.deleted.is_(False),
               Grade.state.in_(COUNTED_GRADE_STATES))
    )
    return [GradeRecord(*row) for row in session.execute(stmt)]


def class_year_records(session: Session, class_id: str | None, year: str) -> list[GradeRecord]:
    """Final grades of academic year ``year`` of every current student of a class."""
    if class_id is None:
        return []
    members = select(Student.id).where(Student.class_id == class_id, Student.deleted.is_(False))
    return _records(session, Grade.student_id.in_(members), year)


def other_awards(session: Session, student_id: str, academic_year: str, *,
                 exclude_award_id: str | None = None) -> list[OtherAward]:
    rows = session.execute(
        select(AidAward.id, AidType.code, AidType.rules, AidAward.state)
        .join(AidType, AidType.id == AidAward.aid_type_id)
        .where(AidAward.student_id == student_id, AidAward.academic_year == academic_year,
               AidAward.deleted.is_(False), AidAward.id != (exclude_award_id or ""))
    ).all()
    out = []
    for award_id, code, rules_text, state in rows:
        try:
            group = json.loads(rules_text or "{}").get("exclusive_group")
        except (json.JSONDecodeError, AttributeError):
            group = None
        out.append(OtherAward(award_id, code, group, state))
    return out


def evaluate_for(session: Session, aid_type: AidType, academic_year: str, student: Student, *,
                 financial_need: str | None, exclude_award_id: str | None = None) -> EligibilityReport:
    """The eligibility report of ``student`` for ``aid_type`` in ``academic_year``, from the database."""
    rules = parse_rules(aid_type.rules)
    year = evaluation_year(rules, academic_year)
    class_records = class_year_records(session, student.class_id, year) if rules.reads_grades else []
    own = [r for r in class_records if r.student_id == student.id]
    if rules.reads_grades and student.class_id is None:
        own = _records(session, Grade.student_id == student.id, year)
    applicant = Applicant(student.id, student.status, student.cohort, student.class_id, financial_need)
    return evaluate(rules, aid_type_code=aid_type.code, academic_year=academic_year, applicant=applicant,
                    own_records=own, class_records=class_records,
                    other_awards=other_awards(session, student.id, academic_year, exclude_award_id=exclude_award_id))


def quota_of(session: Session, aid_type_id: str, academic_year: str, department_id: str) -> int | None:
    return session.scalar(select(AidQuota.quota).where(
        AidQuota.aid_type_id == aid_type_id, AidQuota.academic_year == academic_year,
        AidQuota.department_id == department_id, AidQuota.deleted.is_(False)))


def used_quota(session: Session, aid_type_id: str, academic_year: str, department_id: str, *,
               states: Iterable[str] = DECIDED_STATES) -> int:
    """Approved (or applied) awards of one type, year and department."""
    return session.scalar(select(func.count()).select_from(AidAward).where(
        AidAward.aid_type_id == aid_type_id, AidAward.academic_year == academic_year,
        AidAward.department_id == department_id, AidAward.state.in_(tuple(states)),
        AidAward.deleted.is_(False))) or 0
