"""The deterministic demo university: :func:`generate` builds every row in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from core.demo._builder import Builder
from core.demo._curriculum import build_curriculum
from core.demo._extras import build_special_exams
from core.demo._grades import build_grades
from core.demo._org import ClassInfo, build_classes, build_departments, build_terms
from core.demo._rooms import build_rooms
from core.demo._students import assign_head_teachers, build_students
from core.demo._tasks import TaskInfo, build_tasks, build_teachers
from core.demo._welfare import build_aid, build_dormitories
from core.demo.accounts import DemoAccount, build_accounts

Row = dict[str, Any]


@dataclass(frozen=True)
class DemoUniversity:
    """Every row of the demo university, and the demo accounts to create on the server.

    Attributes:
        seed: the seed it was generated from.
        today: the day it was generated for; it fixes the current term and the cohorts.
        rows: table name -> rows, tables in foreign-key order (parents first); each row
            holds every column of its table, ``server_seq`` numbered from 1 across all rows.
        accounts: demo logins for every role; no ``app_user`` rows are generated.
    """

    seed: int
    today: date
    rows: dict[str, list[Row]]
    accounts: list[DemoAccount] = field(default_factory=list)

    @property
    def current_term(self) -> Row:
        """The row of the term that contains ``today``."""
        return next(t for t in self.rows["term"] if t["is_current"])

    def counts(self) -> dict[str, int]:
        """Number of rows per table."""
        return {name: len(rows) for name, rows in self.rows.items()}


def generate(seed: int = 1, *, today: date | None = None) -> DemoUniversity:
    """Build the demo university: the same ``seed`` and ``today`` give identical rows and ids.

    Pure Python and in memory (about 0.5 million rows); insert them with
    :func:`core.demo.insert_rows`.

    Args:
        seed: selects the names, numbers, sizes and scores; any integer.
        today: the generation day (default: today); the term containing it is the current
            term and the four cohorts in school are those of its academic year.

    Returns:
        The rows of every table in foreign-key order, and the demo accounts.
    """
    today = today or date.today()
    b = Builder(seed, datetime.combine(today, time(0), UTC))
    cal = build_terms(b, today)
    depts, majors = build_departments(b)
    classes = build_classes(b, majors, cal)
    curriculum = build_curriculum(b, depts, majors, cal.cohorts[-1])
    tasks = build_tasks(b, cal, majors, curriculum)
    teachers = build_teachers(b, depts, tasks)
    build_rooms(b, tasks, depts)
    students = build_students(b, classes, cal.cohorts[-1])
    assign_head_teachers(b, classes, teachers)
    build_grades(b, cal, majors, curriculum, students)
    build_special_exams(b, cal)
    build_dormitories(b, students)
    build_aid(b, cal, depts, students)
    accounts = build_accounts([d.row for d in depts], _account_teachers(tasks),
                              _account_students(classes, students))
    return DemoUniversity(seed, today, b.finish(), accounts)


def _account_teachers(tasks: list[TaskInfo]) -> list[Row]:
    """Main teachers of tasks, one per department in turn, so the demo shows several."""
    seen: set[str] = set()
    picked: list[Row] = []
    for task in sorted(tasks, key=lambda t: (-len(t.classes), t.row["code"])):
        teacher = task.teachers[0]
        if teacher["id"] not in seen and teacher["department_id"] not in {p["department_id"] for p in picked}:
            seen.add(teacher["id"])
            picked.append(teacher)
    return picked


def _account_students(classes: list[ClassInfo], students: dict[str, list[Row]]) -> list[Row]:
    """The first enrolled student of one class per department, cohorts taken in turn
    (newest first), so the accounts show transcripts of different lengths."""
    first_class: dict[tuple[int, str], ClassInfo] = {}
    for cls in classes:
        first_class.setdefault((cls.cohort, cls.row["department_id"]), cls)
    cohorts = sorted({c.cohort for c in classes}, reverse=True)
    depts = list(dict.fromkeys(c.row["department_id"] for c in classes))
    picked: list[Row] = []
    for n, dept_id in enumerate(depts):
        cls = first_class.get((cohorts[n % len(cohorts)], dept_id))
        enrolled = [s for s in students[cls.row["id"]] if s["status"] == "enrolled"] if cls else []
        picked += enrolled[:1]
    return picked
