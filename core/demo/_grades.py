"""Locked grades 成绩 of every past term of every cohort, with resits 补考 for some failures.

A student's score follows their ability, the course's difficulty and the luck of the day,
so the same students rank high across courses, as real transcripts do; about 5 % of the
normal attempts fail. Exam courses 考试 get a score with its components, assessed courses
考查 a five-level grade 五级制. Most failures are followed by a resit in the same term.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from core.demo._builder import Builder
from core.demo._curriculum import Curriculum, PlanRow
from core.demo._org import Calendar, MajorInfo

Row = dict[str, Any]
RESIT_SHARE = 0.85  # of failures that sit the resit
ABSENT_SHARE = 0.003  # 缺考: absent from the exam, scored 0
_MEAN, _ABILITY, _DIFFICULTY, _LUCK = 76.5, 6.5, 4.0, 6.5  # about 5 % below 60
_TENTHS = tuple(Decimal(n).scaleb(-1) for n in range(1001))  # 0.0 … 100.0, made once


def level(score: float) -> str:
    """The five-level grade 五级制 of a percentage score."""
    if score >= 90:
        return "优"
    if score >= 80:
        return "良"
    if score >= 70:
        return "中"
    return "及格" if score >= 60 else "不及格"


def build_grades(b: Builder, cal: Calendar, majors: list[MajorInfo], cur: Curriculum,
                 students: dict[str, list[Row]]) -> int:
    """Add the grade rows; returns how many."""
    rng = b.rng("grades")
    ability = {s["id"]: rng.gauss(0.0, 1.0) for rows in students.values() for s in rows}
    difficulty = {c.row["id"]: rng.gauss(0.0, 1.0) for c in cur.courses}
    count = 0
    for cohort in cal.cohorts:
        for semester in range(1, cal.semester(cohort)):
            term = cal.term_of_semester(cohort, semester)
            stamps = _stamps(term)
            for major in majors:
                roster = [s for cls in major.classes[cohort] for s in students[cls.row["id"]]]
                for plan_row in cur.plans[major.row["id"]].get(semester, []):
                    count += _course_grades(b, rng, term["id"], plan_row, roster, ability,
                                            difficulty[plan_row.course.row["id"]], stamps)
    return count


def _stamps(term: Row) -> tuple[datetime, datetime, datetime]:
    """When grades were submitted and locked (end of term) and when resits were locked."""
    end = datetime.combine(term["start_date"] + timedelta(weeks=term["weeks"]), time(2), UTC)
    return end - timedelta(days=5), end + timedelta(days=2), end + timedelta(weeks=4)


def _course_grades(b: Builder, rng: random.Random, term_id: str, plan_row: PlanRow,
                   roster: list[Row], ability: dict[str, float], difficulty: float,
                   stamps: tuple[datetime, datetime, datetime]) -> int:
    course_id = plan_row.course.row["id"]
    exam = plan_row.row["assessment"] == "exam"
    submitted, locked, resit_locked = stamps
    base = {"task_id": None, "course_id": course_id, "term_id": term_id, "state": "locked",
            "entered_by": None, "locked_by": None}
    add, gauss, random_ = b.add, rng.gauss, rng.random
    count = 0
    for student in roster:
        raw = _MEAN + _ABILITY * ability[student["id"]] - _DIFFICULTY * difficulty + gauss(0.0, _LUCK)
        absent = exam and random_() < ABSENT_SHARE
        score = 0.0 if absent else min(100.0, max(20.0, raw))
        values, kept = _result(score, exam, rng)
        values.update(base, student_id=student["id"], attempt="normal", remark="缺考" if absent else "",
                      submitted_at=submitted, locked_at=locked)
        add("grade", values)
        count += 1
        if kept < 60 and random_() < RESIT_SHARE:
            retry = min(95.0, max(35.0, gauss(70.0, 9.0) + 3.0 * ability[student["id"]]))
            values, _ = _result(retry, exam, rng, final_only=True)
            values.update(base, student_id=student["id"], attempt="resit", remark="",
                          submitted_at=resit_locked - timedelta(days=2), locked_at=resit_locked)
            add("grade", values)
            count += 1
    return count


def _result(score: float, exam: bool, rng: random.Random, *,
            final_only: bool = False) -> tuple[dict[str, Any], float]:
    """Score, level and components of one attempt, and the score as recorded."""
    if not exam:
        return {"score": None, "grade_level": level(score), "components": "{}"}, score
    if final_only or score == 0:
        final = round(score)
        return {"score": _TENTHS[final * 10], "grade_level": None,
                "components": f'{{"final": {final}}}'}, final
    # Usual performance 平时 counts 30 %, the final exam 期末 70 %.
    usual = min(100, max(40, round(score + rng.gauss(4.0, 6.0))))
    final = min(100, max(0, round((score - 0.3 * usual) / 0.7)))
    total = round((3 * usual + 7 * final) / 10, 1)
    return {"score": _TENTHS[round(total * 10)], "grade_level": None,
            "components": f'{{"usual": {usual}, "final": {final}}}'}, total
