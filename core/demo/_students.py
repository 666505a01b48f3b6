"""Students 学生 of every class, and the head teacher 班主任 of every class."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date
from typing import Any

from core.demo import _people as people
from core.demo._builder import Builder
from core.demo._org import ClassInfo
from core.rules.values import make_student_number

Row = dict[str, Any]
SUSPENDED_SHARE = 0.008  # 休学: about one student in 125, never in the first term
# Share of men by the department's track: engineering classes are mostly male.
_MALE_SHARE = {"eng": 0.68, "econ": 0.42, "arts": 0.35, "lang": 0.22}
_SUSPEND_REASONS = ("因病休学", "参军入伍保留学籍", "创业休学", "家庭原因休学")


def build_students(b: Builder, classes: list[ClassInfo], newest: int) -> dict[str, list[Row]]:
    """Create the students of every class; returns them by class id."""
    rng = b.rng("students")
    used_ids: set[str] = set()
    by_class: dict[str, list[Row]] = defaultdict(list)
    for cls in classes:
        for seq in range(1, cls.size + 1):
            by_class[cls.row["id"]].append(_student(b, rng, cls, seq, newest, used_ids))
    return by_class


def _student(b: Builder, rng: random.Random, cls: ClassInfo, seq: int, newest: int,
             used_ids: set[str]) -> Row:
    major, dept = cls.major, cls.major.dept
    gender = "M" if rng.random() < _MALE_SHARE[dept.spec.track] else "F"
    born = people.birth_date(rng, cls.cohort)
    code, native, prefix, _ = people.region(rng)
    number_id = people.id_number(rng, code, born, gender)
    while number_id in used_ids:  # same place, day and sequence: draw another sequence
        number_id = people.id_number(rng, code, born, gender)
    used_ids.add(number_id)
    number = make_student_number(cls.cohort, dept.number, major.number, cls.number, seq)
    suspended = cls.cohort != newest and rng.random() < SUSPENDED_SHARE
    return b.add("student", {
        "number": number, "name": people.chinese_name(rng, gender), "gender": gender,
        "id_number": number_id, "birth_date": born, "ethnicity": people.ethnicity(rng),
        "political_status": _political(rng, cls.cohort, newest), "native_place": native,
        "phone": people.mobile(rng), "email": f"{number}@stu.jwu.edu.cn",
        "address": people.address(rng, prefix), "class_id": cls.row["id"],
        "major_id": major.row["id"], "department_id": dept.row["id"], "cohort": cls.cohort,
        "status": "suspended" if suspended else "enrolled", "enrolled_on": date(cls.cohort, 9, 1),
        "expected_graduation": date(cls.cohort + major.row["duration_years"], 6, 30),
        "notes": rng.choice(_SUSPEND_REASONS) if suspended else ""})


def _political(rng: random.Random, cohort: int, newest: int) -> str:
    draw = rng.random()
    years = newest - cohort  # students join the Party in their later years
    if draw < 0.015 * years:
        return "中共党员"
    if draw < 0.04 * years:
        return "中共预备党员"
    return "群众" if draw > 0.88 else "共青团员"


def assign_head_teachers(b: Builder, classes: list[ClassInfo], teachers: list[Row]) -> None:
    """Every class gets a head teacher 班主任 of its own department, lecturers first."""
    rng = b.rng("head-teachers")
    by_dept: dict[str, list[Row]] = defaultdict(list)
    for t in teachers:
        if t["title"] in ("讲师", "副教授"):
            by_dept[t["department_id"]].append(t)
    for cls in classes:
        cls.row["head_teacher_id"] = rng.choice(by_dept[cls.row["department_id"]])["id"]
