"""Courses of all five categories and one teaching plan 教学计划 per major.

Each plan is the teaching progress table 教学进程表 of the newest cohort over eight
semesters. General foundation courses come from the department's track; professional
courses fill each semester up to a number of courses and a weekly load that keeps every
class's timetable feasible (at most ``MAX_CLASS_LOAD`` periods a week).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.demo._builder import Builder
from core.demo._catalog_courses import (
    DEPARTMENT_COURSES,
    DEPARTMENT_GENERIC,
    GENERAL,
    PROFESSIONAL_FOUNDATION_COUNT,
    PUBLIC_ELECTIVES,
    general_plan,
    parse_marked,
)
from core.demo._org import Dept, MajorInfo

Row = dict[str, Any]
MAX_CLASS_LOAD = 28  # periods a week per class (of 50: 5 days × 10 periods)
# Courses per semester a plan aims at (semester 8 is mostly the graduation project).
SEMESTER_COURSES = {1: 12, 2: 11, 3: 12, 4: 12, 5: 11, 6: 11, 7: 8, 8: 3}
_WEEKS = {"full": 16, "first": 8, "second": 8, "odd": 8}


@dataclass
class CourseInfo:
    row: Row
    weekly: int  # 0: concentrated practice, no teaching task
    weeks: str
    merge: bool  # taught to all classes of a major and cohort together

    @property
    def room(self) -> str:
        return str(self.row["room_type"])


@dataclass
class PlanRow:
    row: Row
    course: CourseInfo


@dataclass
class Curriculum:
    courses: list[CourseInfo]
    plans: dict[str, dict[int, list[PlanRow]]]  # major id -> semester -> rows


def _course(b: Builder, code: str, name: str, category: str, weekly: int, weeks: str, room: str,
            exam: bool, dept: Dept, *, name_en: str = "", merge: bool = False) -> CourseInfo:
    if weekly:
        total = weekly * _WEEKS[weeks]
        # Laboratory courses are all practice; courses taught in labs are half lectures.
        lab = total if "实验" in name else total // 2 if room in ("lab", "computer_lab") else 0
        credits = Decimal(round(total / 16 * 2)) / 2  # 16 hours a credit, in half credits
    else:  # concentrated practice: one credit a week, scheduled in weeks, not periods
        total = lab = 0
        credits = Decimal(int(weeks.rstrip("w")))
    row = b.add("course", {
        "code": code, "name": name, "name_en": name_en, "category": category,
        "credits": credits.quantize(Decimal("0.1")), "total_hours": total,
        "lecture_hours": total - lab, "lab_hours": lab,
        "assessment": "exam" if exam else "assessment", "room_type": room,
        "department_id": dept.row["id"]})
    return CourseInfo(row, weekly, weeks, merge and room not in ("lab", "computer_lab"))


class _Catalog:
    """Every course, by key: general ``g:<key>``, public ``p:<n>``, department and major."""

    def __init__(self, b: Builder, depts: list[Dept], majors: list[MajorInfo]) -> None:
        self.b = b
        self.by_dept = {d.spec.key: d for d in depts}
        self.general: dict[str, CourseInfo] = {}
        self.public: list[CourseInfo] = []
        self.dept_pool: dict[str, list[CourseInfo]] = {}
        self.dept_generic: dict[str, list[tuple[CourseInfo, int]]] = {}
        self.major_pool: dict[str, list[CourseInfo]] = {}
        self.all: list[CourseInfo] = []
        self._general()
        for dept in depts:
            self._department(dept)
        for major in majors:
            self._major(major)

    def _add(self, info: CourseInfo) -> CourseInfo:
        self.all.append(info)
        return info

    def _general(self) -> None:
        for n, g in enumerate(GENERAL, start=1):
            self.general[g.key] = self._add(_course(
                self.b, f"GB{n:03d}", g.name, "general_foundation", g.weekly, g.weeks, g.room,
                g.exam, self.by_dept[g.owner], name_en=g.name_en, merge=g.merge))
        for n, (marked, owner) in enumerate(PUBLIC_ELECTIVES, start=1):
            name, weekly, room = parse_marked(marked)
            self.public.append(self._add(_course(
                self.b, f"GX{n:03d}", name, "public_elective", 2, "full",
                "multimedia" if room == "classroom" else room, False, self.by_dept[owner], merge=True)))

    def _department(self, dept: Dept) -> None:
        rng = self.b.rng(f"courses:{dept.spec.key}")
        pool: list[CourseInfo] = []
        for n, marked in enumerate(DEPARTMENT_COURSES[dept.spec.key], start=1):
            name, weekly, room = parse_marked(marked)
            foundation = n <= PROFESSIONAL_FOUNDATION_COUNT
            category = "professional_foundation" if foundation else "professional_technical"
            exam = foundation or weekly == 4 or rng.random() < 0.6
            room = "multimedia" if foundation and room == "classroom" else room
            pool.append(self._add(_course(self.b, f"Z{dept.row['code']}{n:03d}", name, category,
                                          weekly, "full", room, exam, dept, merge=foundation)))
        generic: list[tuple[CourseInfo, int]] = []
        for n, (name, category, semester, weekly, weeks) in enumerate(DEPARTMENT_GENERIC, start=len(pool) + 1):
            info = _course(self.b, f"Z{dept.row['code']}{n:03d}", name, category, weekly, weeks,
                           "lab" if weekly == 0 else "multimedia", False, dept)
            generic.append((self._add(info), semester))
        self.dept_pool[dept.spec.key], self.dept_generic[dept.spec.key] = pool, generic

    def _major(self, major: MajorInfo) -> None:
        infos = []
        for n, marked in enumerate(major.spec.courses, start=1):
            name, weekly, room = parse_marked(marked)
            category = "professional_technical" if n <= 3 else "professional_elective"
            infos.append(self._add(_course(self.b, f"Z{major.row['code']}{n:02d}", name, category,
                                           weekly, "full", room, n <= 3, major.dept)))
        self.major_pool[major.row["id"]] = infos


def build_curriculum(b: Builder, depts: list[Dept], majors: list[MajorInfo], newest: int) -> Curriculum:
    catalog = _Catalog(b, depts, majors)
    plans = {m.row["id"]: _plan(b, catalog, m, majors, newest) for m in majors}
    return Curriculum(catalog.all, plans)


def _professional_sequence(catalog: _Catalog, major: MajorInfo, majors: list[MajorInfo],
                           rng_seed: str) -> Iterator[CourseInfo]:
    """Professional courses in teaching order: foundation, technical and the major's own,
    then electives from sibling majors and public electives as fillers."""
    key = major.dept.spec.key
    pool, own = catalog.dept_pool[key], catalog.major_pool[major.row["id"]]
    generic = {info.row["name"]: info for info, semester in catalog.dept_generic[key] if semester == 0}
    yield from pool[:PROFESSIONAL_FOUNDATION_COUNT]
    technical = pool[PROFESSIONAL_FOUNDATION_COUNT:]
    for n in range(max(len(technical), 3)):
        if n < len(technical):
            yield technical[n]
        if n < 3:
            yield own[n]
    yield generic["专业英语"]
    yield from own[3:]
    yield generic["文献检索与科技写作"]
    yield generic["学科前沿讲座"]
    siblings = [c for m in majors if m.dept is major.dept and m is not major
                for c in catalog.major_pool[m.row["id"]]]
    rng = catalog.b.rng(rng_seed)
    rng.shuffle(siblings)
    yield from siblings
    yield from rng.sample(catalog.public, len(catalog.public))


def _plan(b: Builder, catalog: _Catalog, major: MajorInfo, majors: list[MajorInfo],
          cohort: int) -> dict[int, list[PlanRow]]:
    dept = major.dept
    plan = b.add("teaching_plan", {
        "major_id": major.row["id"], "department_id": dept.row["id"], "cohort": cohort,
        "name": f"{major.spec.name}专业{cohort}级教学计划", "state": "approved",
        "copied_from_id": None, "notes": ""})
    with_cprog = dept.spec.track == "eng" and dept.spec.key not in ("cs", "ee", "ma")
    chosen: dict[int, list[CourseInfo]] = {
        s: [catalog.general[k] for k in keys]
        for s, keys in general_plan(dept.spec.track, with_cprog=with_cprog).items()}
    for info, semester in catalog.dept_generic[dept.spec.key]:
        if semester:
            chosen[semester].append(info)
    rng = b.rng(f"plan:{major.row['code']}")
    for semester, info in zip((3, 4, 5, 6), rng.sample(catalog.public, 4), strict=True):
        chosen[semester].append(info)
    used = {id(c) for cs in chosen.values() for c in cs}
    sequence = [c for c in _professional_sequence(catalog, major, majors, f"plan-seq:{major.row['code']}")
                if id(c) not in used]
    for semester in range(1, 9):
        _fill(chosen[semester], sequence, SEMESTER_COURSES[semester])
    return {s: [PlanRow(_plan_course(b, plan, s, c), c) for c in cs] for s, cs in chosen.items()}


def _fill(semester: list[CourseInfo], sequence: list[CourseInfo], target: int) -> None:
    """Take courses from the front of ``sequence`` while the semester has room for them."""
    load = sum(c.weekly for c in semester)
    index = 0
    while len(semester) < target and index < len(sequence):
        course = sequence[index]
        if load + course.weekly <= MAX_CLASS_LOAD:
            semester.append(sequence.pop(index))
            load += course.weekly
        else:
            index += 1


def _plan_course(b: Builder, plan: Row, semester: int, course: CourseInfo) -> Row:
    c = course.row
    return b.add("plan_course", {
        "plan_id": plan["id"], "course_id": c["id"], "semester": semester,
        "total_hours": c["total_hours"], "lecture_hours": c["lecture_hours"],
        "lab_hours": c["lab_hours"], "weekly_periods": course.weekly, "credits": c["credits"],
        "assessment": c["assessment"]})
