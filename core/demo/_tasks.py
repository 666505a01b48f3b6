"""Teaching tasks 教学任务 of the current term, their classes and their teachers.

Tasks come from each cohort's current semester of its major's plan. General foundation and
public courses are taught to all classes of a major and cohort together (合班, 2–4 classes),
and so are some professional foundation courses; everything else is taught per class.
Teachers are drawn from the course's department, each carrying at most
``MAX_TEACHER_LOAD`` periods a week; a department gets as many teachers as its load needs.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from core.demo._builder import Builder
from core.demo._curriculum import CourseInfo, Curriculum, PlanRow
from core.demo._org import Calendar, ClassInfo, Dept, MajorInfo
from core.demo._people import chinese_name, mobile

Row = dict[str, Any]
MAX_TEACHER_LOAD = 16  # periods a week
_TARGET_LOAD = 10  # what a department's headcount is sized for
_ROOM_LIMITS = {"classroom": 80, "multimedia": 120, "lecture_hall": 200, "lab": 50, "computer_lab": 60}
_TITLES = (("教授", 14), ("副教授", 31), ("讲师", 42), ("助教", 13))
_WEEKS = {"full": (1, 16, "all"), "first": (1, 8, "all"), "second": (9, 16, "all"), "odd": (1, 16, "odd")}


@dataclass
class TaskInfo:
    row: Row
    course: CourseInfo
    classes: list[ClassInfo]
    teachers: list[Row] = field(default_factory=list)
    wanted_teachers: int = 1  # laboratory tasks sometimes have an assisting teacher

    @property
    def periods(self) -> int:
        return int(self.row["weekly_periods"])


def build_tasks(b: Builder, cal: Calendar, majors: list[MajorInfo], cur: Curriculum) -> list[TaskInfo]:
    rng = b.rng("tasks")
    term = cal.current_row
    numbers: dict[str, int] = defaultdict(int)
    tasks: list[TaskInfo] = []
    for cohort in cal.cohorts:
        semester = cal.semester(cohort)
        for major in majors:
            classes = major.classes[cohort]
            for plan_row in cur.plans[major.row["id"]].get(semester, []):
                if plan_row.course.weekly == 0:
                    continue  # concentrated practice is scheduled in weeks, not periods
                for group in _groups(rng, plan_row.course, classes):
                    tasks.append(_task(b, rng, term, plan_row, group, numbers))
    return tasks


def _groups(rng: random.Random, course: CourseInfo, classes: list[ClassInfo]) -> list[list[ClassInfo]]:
    # Professional foundation courses are only sometimes shared by a major's classes.
    shared = course.row["category"] != "professional_foundation" or rng.random() < 0.25
    if len(classes) > 1 and course.merge and shared:
        return [classes]
    return [[c] for c in classes]


def _task(b: Builder, rng: random.Random, term: Row, plan_row: PlanRow, group: list[ClassInfo],
          numbers: dict[str, int]) -> TaskInfo:
    course = plan_row.course
    code = course.row["code"]
    numbers[code] += 1
    students = sum(c.size for c in group)
    room = course.room
    if students > _ROOM_LIMITS[room]:
        room = "lecture_hall"  # the registrar books a bigger room for a large 合班
    first, last, parity = _WEEKS[course.weeks]
    if parity == "odd" and numbers[code] % 2 == 0:
        parity = "even"  # alternate classes share the laboratory fortnightly
    row = b.add("teaching_task", {
        "code": f"({term['code']})-{code}-{numbers[code]:02d}", "term_id": term["id"],
        "course_id": course.row["id"], "plan_course_id": plan_row.row["id"],
        "department_id": course.row["department_id"], "weekly_periods": course.weekly,
        "block_length": 2, "start_week": first, "end_week": last, "week_parity": parity,
        "room_type": room, "student_count": students, "min_days": 2 if course.weekly >= 4 else 1,
        "notes": "合班" if len(group) > 1 else ""})
    for cls in group:
        b.add("teaching_task_class", {"task_id": row["id"], "class_id": cls.row["id"]})
    return TaskInfo(row, course, group)


def build_teachers(b: Builder, depts: list[Dept], tasks: list[TaskInfo]) -> list[Row]:
    """Create each department's teachers and assign its tasks to them."""
    rng = b.rng("teachers")
    by_dept: dict[str, list[TaskInfo]] = defaultdict(list)
    for task in tasks:
        by_dept[task.row["department_id"]].append(task)
    staff = _StaffNumbers()
    teachers: list[Row] = []
    for dept in depts:
        dept_tasks = by_dept.get(dept.row["id"], [])
        for task in dept_tasks:
            if task.course.room in ("lab", "computer_lab") and rng.random() < 0.3:
                task.wanted_teachers = 2
        load = sum(t.periods * t.wanted_teachers for t in dept_tasks)
        count = math.ceil(load / _TARGET_LOAD) + rng.randint(2, 4)  # some teach nothing this term
        people = [_teacher(b, rng, dept, staff) for _ in range(count)]
        _assign(b, rng, dept, dept_tasks, people, staff)
        teachers += people
    return teachers


class _StaffNumbers:
    """Staff numbers 工号: year of hiring and a running number, unique across the school."""

    def __init__(self) -> None:
        self._next: dict[int, int] = defaultdict(int)

    def make(self, year: int) -> str:
        self._next[year] += 1
        return f"{year}{self._next[year]:04d}"


def _teacher(b: Builder, rng: random.Random, dept: Dept, staff: _StaffNumbers) -> Row:
    gender = "M" if rng.random() < 0.58 else "F"
    title = rng.choices([t for t, _ in _TITLES], weights=[w for _, w in _TITLES])[0]
    # Senior titles come with longer service.
    earliest, latest = {"教授": (1990, 2012), "副教授": (1998, 2018), "讲师": (2008, 2022), "助教": (2019, 2025)}[title]
    number = staff.make(rng.randint(earliest, latest))
    return b.add("teacher", {
        "staff_number": number, "name": chinese_name(rng, gender), "gender": gender,
        "department_id": dept.row["id"], "title": title, "phone": mobile(rng),
        "email": f"{number}@jwu.edu.cn", "active": True})


def _assign(b: Builder, rng: random.Random, dept: Dept, tasks: list[TaskInfo], people: list[Row],
            staff: _StaffNumbers) -> None:
    """Greedy: a teacher keeps a course they already teach while light; else the lightest."""
    load = {p["id"]: 0 for p in people}
    teaches: dict[str, set[str]] = defaultdict(set)
    for task in sorted(tasks, key=lambda t: (t.course.row["code"], -t.periods, t.row["code"])):
        for n in range(task.wanted_teachers):
            chosen = _pick(task, people, load, teaches, exclude={t["id"] for t in task.teachers})
            if chosen is None:  # the department is full: hire one more
                chosen = _teacher(b, rng, dept, staff)
                people.append(chosen)
                load[chosen["id"]] = 0
            load[chosen["id"]] += task.periods
            teaches[chosen["id"]].add(task.course.row["id"])
            task.teachers.append(chosen)
            b.add("teaching_task_teacher", {"task_id": task.row["id"], "teacher_id": chosen["id"],
                                            "is_main": n == 0})


def _pick(task: TaskInfo, people: list[Row], load: dict[str, int], teaches: dict[str, set[str]],
          exclude: set[str]) -> Row | None:
    fits = [p for p in people if p["id"] not in exclude and load[p["id"]] + task.periods <= MAX_TEACHER_LOAD]
    if not fits:
        return None
    course_id = task.course.row["id"]
    same = [p for p in fits if course_id in teaches[p["id"]] and load[p["id"]] + task.periods <= 12]
    return min(same or fits, key=lambda p: load[p["id"]])
