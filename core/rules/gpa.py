"""Grade points 绩点 and credit-weighted GPA from course grades.

The common Chinese four-point-plus scale: a percentage score of 60 or more earns
``(score - 50) / 10`` points (60 → 1.0, 85 → 3.5, 100 → 5.0), a failed score earns 0. A
five-level grade 五级制 counts as the middle of its band (优 95, 良 85, 中 75, 及格 65,
不及格 0). Pass/fail grades 合格/不合格 carry credits but no points, so they stay out of the
GPA (a 不合格 is still a failed course).

Which attempt counts: for ranking (scholarships) the first attempt of a course — the
``normal`` one — is what counts, as most universities' 评奖 rules say 以第一次考试成绩为准;
a resit 补考 that passes does not lift the GPA or erase the failure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

PASS_SCORE = 60
LEVEL_SCORES: dict[str, float] = {"优": 95.0, "良": 85.0, "中": 75.0, "及格": 65.0, "不及格": 0.0}
PASS_FAIL: dict[str, bool] = {"合格": True, "不合格": False}
_ATTEMPT_ORDER = {"normal": 0, "resit": 1, "retake": 2}


@dataclass(frozen=True)
class GradeRecord:
    """One attempt of one student at one course, as the GPA rules need it."""

    student_id: str
    course_id: str
    credits: Decimal
    attempt: str = "normal"
    score: Decimal | float | None = None
    grade_level: str | None = None


def percentage(record: GradeRecord) -> float | None:
    """The attempt as a percentage; ``None`` for pass/fail grades and empty attempts."""
    if record.score is not None:
        return float(record.score)
    if record.grade_level in LEVEL_SCORES:
        return LEVEL_SCORES[record.grade_level]
    return None


def is_failed(record: GradeRecord) -> bool:
    """Whether the attempt failed: below 60, 不及格 or 不合格."""
    if record.grade_level in PASS_FAIL:
        return not PASS_FAIL[record.grade_level]
    value = percentage(record)
    return value is not None and value < PASS_SCORE


def grade_point(record: GradeRecord) -> float | None:
    """Points of one attempt on the 5-point scale; ``None`` when it carries none (pass/fail)."""
    value = percentage(record)
    if value is None:
        return None
    return 0.0 if value < PASS_SCORE else round((value - 50) / 10, 2)


@dataclass(frozen=True)
class GpaResult:
    gpa: float | None  # None: no graded credits
    credits: Decimal  # credits that carry points
    courses: int
    failed_course_ids: tuple[str, ...]  # every course with a failed attempt, resits included


def first_attempts(records: Iterable[GradeRecord]) -> dict[str, GradeRecord]:
    """The counting attempt of each course: ``normal`` if there is one, else the earliest kind."""
    chosen: dict[str, GradeRecord] = {}
    for record in records:
        held = chosen.get(record.course_id)
        if held is None or _ATTEMPT_ORDER.get(record.attempt, 9) < _ATTEMPT_ORDER.get(held.attempt, 9):
            chosen[record.course_id] = record
    return chosen


def gpa_of(records: Iterable[GradeRecord]) -> GpaResult:
    """Credit-weighted GPA of one student's attempts (one term, one year or a whole record)."""
    records = list(records)
    failed = sorted({r.course_id for r in records if is_failed(r)})
    counted = first_attempts(records)
    points = Decimal(0)
    credits = Decimal(0)
    for record in counted.values():
        point = grade_point(record)
        if point is None or record.credits <= 0:
            continue
        points += Decimal(str(point)) * record.credits
        credits += record.credits
    gpa = round(float(points / credits), 3) if credits else None
    return GpaResult(gpa, credits, len(counted), tuple(failed))


def gpas_by_student(records: Iterable[GradeRecord]) -> dict[str, GpaResult]:
    """:func:`gpa_of` for each student of a set of records (a class's year, say)."""
    by_student: dict[str, list[GradeRecord]] = {}
    for record in records:
        by_student.setdefault(record.student_id, []).append(record)
    return {student: gpa_of(rows) for student, rows in by_student.items()}


def competition_rank(value: float, others: Iterable[float]) -> int:
    """1 + how many of ``others`` (which include ``value``'s holder) are strictly higher."""
    return 1 + sum(1 for other in others if other > value)
