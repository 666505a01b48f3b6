"""Departments, majors, classes 班级 and terms of the demo university."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from core.demo._builder import Builder
from core.demo._catalog_org import DEPARTMENTS, DepartmentSpec, MajorSpec
from core.rules.values import TermCode, term_of

Row = dict[str, Any]
CLASS_SIZES = (34, 44)  # students per class, inclusive


@dataclass
class Dept:
    spec: DepartmentSpec
    number: int  # 1-based, the DD of student numbers
    row: Row


@dataclass
class MajorInfo:
    spec: MajorSpec
    dept: Dept
    number: int  # 1-based within the department, the MM of student numbers
    row: Row
    classes: dict[int, list[ClassInfo]] = field(default_factory=dict)  # by cohort


@dataclass
class ClassInfo:
    major: MajorInfo
    cohort: int
    number: int  # 1-based within major and cohort, the CC of student numbers
    size: int
    row: Row


@dataclass(frozen=True)
class Calendar:
    """The current term, the cohorts in school and every term since the oldest cohort entered."""

    today: date
    current: TermCode
    cohorts: tuple[int, ...]  # oldest first
    terms: dict[tuple[int, int], Row]  # (start year, 1|2) -> term row

    def semester(self, cohort: int, term: TermCode | None = None) -> int:
        """The 1-based semester a cohort is in during ``term`` (default: the current one)."""
        term = term or self.current
        return (term.start_year - cohort) * 2 + term.number

    def term_of_semester(self, cohort: int, semester: int) -> Row:
        return self.terms[(cohort + (semester - 1) // 2, (semester - 1) % 2 + 1)]

    @property
    def current_row(self) -> Row:
        return self.terms[(self.current.start_year, self.current.number)]


def term_start(start_year: int, number: int) -> date:
    """First Monday on or after 1 September (autumn) or 24 February (spring)."""
    day = date(start_year, 9, 1) if number == 1 else date(start_year + 1, 2, 24)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def build_terms(b: Builder, today: date) -> Calendar:
    current = term_of(today)
    cohorts = tuple(range(current.start_year - 3, current.start_year + 1))
    terms: dict[tuple[int, int], Row] = {}
    year, number = cohorts[0], 1
    while (year, number) <= (current.start_year, current.number):
        code = TermCode(year, number)
        terms[(year, number)] = b.add("term", {
            "code": code.code,
            "name": f"{code.academic_year}学年第{'一' if number == 1 else '二'}学期",
            "start_date": term_start(year, number),
            "weeks": 18, "teaching_weeks": 16, "days_per_week": 5, "periods_per_day": 10,
            "morning_periods": 4, "afternoon_periods": 4,
            "is_current": (year, number) == (current.start_year, current.number),
        })
        year, number = (year, 2) if number == 1 else (year + 1, 1)
    return Calendar(today, current, cohorts, terms)


def build_departments(b: Builder) -> tuple[list[Dept], list[MajorInfo]]:
    depts: list[Dept] = []
    majors: list[MajorInfo] = []
    for d_no, spec in enumerate(DEPARTMENTS, start=1):
        dept = Dept(spec, d_no, b.add("department", {
            "code": f"{d_no:02d}", "name": spec.name, "name_en": spec.name_en}))
        depts.append(dept)
        for m_no, mspec in enumerate(spec.majors, start=1):
            row = b.add("major", {
                "code": f"{d_no:02d}{m_no:02d}", "name": mspec.name, "name_en": mspec.name_en,
                "department_id": dept.row["id"], "duration_years": 4, "degree": mspec.degree})
            majors.append(MajorInfo(mspec, dept, m_no, row))
    return depts, majors


def build_classes(b: Builder, majors: list[MajorInfo], cal: Calendar) -> list[ClassInfo]:
    """Classes per major and cohort: the major's usual number, sometimes one more."""
    rng = b.rng("classes")
    classes: list[ClassInfo] = []
    for major in majors:
        for cohort in cal.cohorts:
            count = major.spec.classes + (1 if rng.random() < 0.12 else 0)
            count = min(count, 4)  # a 合班 joins at most four classes
            major.classes[cohort] = []
            for c_no in range(1, count + 1):
                info = _new_class(b, major, cohort, c_no, rng.randint(*CLASS_SIZES))
                major.classes[cohort].append(info)
                classes.append(info)
    return classes


def _new_class(b: Builder, major: MajorInfo, cohort: int, c_no: int, size: int) -> ClassInfo:
    dept = major.dept
    row = b.add("school_class", {
        "code": f"{cohort}{dept.number:02d}{major.number:02d}{c_no:02d}",
        "name": f"{major.spec.short}{cohort % 100:02d}{c_no:02d}班",
        "major_id": major.row["id"], "department_id": dept.row["id"], "cohort": cohort,
        "head_teacher_id": None, "size_limit": CLASS_SIZES[1]})
    return ClassInfo(major, cohort, c_no, size, row)
