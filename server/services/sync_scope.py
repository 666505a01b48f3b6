"""What each user may hold in their local replica (DESIGN §5, issue 4 item 2).

Registrar and admin (scope ``all``) hold everything academic; a department secretary holds
their department's students, classes, plans and tasks and the reference data; a teacher
holds the students of the classes in their teaching tasks, the grades and timetable entries
of those tasks, and the reference data. Accounts and roles are never replicated.

``scope_filter`` gives, per table, a SQL condition on that table (``None``: every row;
``false()``: none). ``scope_key`` fingerprints the facts the conditions depend on (the
department, the teacher's tasks and classes): when it changes, the next pull re-sends the
whole scope and the client drops what it no longer may hold.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache

from sqlalchemy import ColumnElement, Select, Table, false, select
from sqlalchemy.orm import Session

from core.models import Base, replicated_tables
from core.rules.enums import Scope
from server.services.principal import Principal

NOT_REPLICATED = frozenset({"app_user", "role"})
SYNC_TABLES: tuple[str, ...] = tuple(t for t in replicated_tables() if t not in NOT_REPLICATED)
REFERENCE_TABLES = frozenset({
    "department", "major", "school_class", "term", "room", "teacher", "course", "aid_type",
    "dorm_building", "dorm_room", "special_exam", "exam_session", "unavailability",
})

Filter = ColumnElement[bool] | None


def _t(name: str) -> Table:
    return Base.metadata.tables[name]


def _live(table: Table) -> ColumnElement[bool]:
    return table.c.deleted.is_(False)


def _ids(table: str, column: str, condition: ColumnElement[bool]) -> Select[tuple[str]]:
    t = _t(table)
    return select(t.c[column]).where(condition, _live(t))


def _department_filters(dept: str) -> dict[str, Callable[[Table], ColumnElement[bool]]]:
    student_ids = _ids("student", "id", _t("student").c.department_id == dept)
    task_ids = _ids("teaching_task", "id", _t("teaching_task").c.department_id == dept)
    plan_ids = _ids("teaching_plan", "id", _t("teaching_plan").c.department_id == dept)
    grade_ids = select(_t("grade").c.id).where(_t("grade").c.student_id.in_(student_ids))
    registration_ids = select(_t("registration").c.id).where(_t("registration").c.student_id.in_(student_ids))
    by_dept = ("student", "status_change", "aid_award", "aid_quota", "teaching_plan", "teaching_task")
    filters: dict[str, Callable[[Table], ColumnElement[bool]]] = {
        name: (lambda t: t.c.department_id == dept) for name in by_dept
    }
    filters.update({
        "certificate": lambda t: t.c.student_id.in_(student_ids),
        "bed_assignment": lambda t: t.c.student_id.in_(student_ids),
        "registration": lambda t: t.c.student_id.in_(student_ids),
        "grade": lambda t: t.c.student_id.in_(student_ids),
        "plan_course": lambda t: t.c.plan_id.in_(plan_ids),
        "teaching_task_class": lambda t: t.c.task_id.in_(task_ids),
        "teaching_task_teacher": lambda t: t.c.task_id.in_(task_ids),
        "timetable_entry": lambda t: t.c.task_id.in_(task_ids),
        "grade_change_request": lambda t: t.c.grade_id.in_(grade_ids),
        "seat_assignment": lambda t: t.c.registration_id.in_(registration_ids),
    })
    return filters


def _teacher_task_ids(teacher: str) -> Select[tuple[str]]:
    return _ids("teaching_task_teacher", "task_id", _t("teaching_task_teacher").c.teacher_id == teacher)


def _teacher_filters(teacher: str) -> dict[str, Callable[[Table], ColumnElement[bool]]]:
    task_ids = _teacher_task_ids(teacher)
    class_ids = _ids("teaching_task_class", "class_id", _t("teaching_task_class").c.task_id.in_(task_ids))
    grade_ids = select(_t("grade").c.id).where(_t("grade").c.task_id.in_(task_ids))
    return {
        "teaching_task": lambda t: t.c.id.in_(task_ids),
        "teaching_task_class": lambda t: t.c.task_id.in_(task_ids),
        "teaching_task_teacher": lambda t: t.c.task_id.in_(task_ids),
        "timetable_entry": lambda t: t.c.task_id.in_(task_ids),
        "student": lambda t: t.c.class_id.in_(class_ids),
        "grade": lambda t: t.c.task_id.in_(task_ids),
        "grade_change_request": lambda t: t.c.grade_id.in_(grade_ids),
    }


def scope_filter(principal: Principal, table_name: str) -> Filter:
    """The condition a row of ``table_name`` must meet to be in the principal's replica."""
    return _filter(principal.can("sync.use"), principal.scope, principal.department_id, principal.teacher_id,
                   table_name)


@lru_cache(maxsize=4096)
def _filter(may_sync: bool, scope: Scope, department_id: str | None, teacher_id: str | None,
            table_name: str) -> Filter:
    # Expressions are immutable, so one per (scope, anchor, table) serves every request.
    if table_name not in SYNC_TABLES or not may_sync:
        return false()
    if scope == Scope.ALL or table_name in REFERENCE_TABLES:
        return None
    table = _t(table_name)
    if scope == Scope.DEPARTMENT and department_id:
        make = _department_filters(department_id).get(table_name)
    elif scope == Scope.OWN_TASKS and teacher_id:
        make = _teacher_filters(teacher_id).get(table_name)
    else:
        make = None
    return make(table) if make is not None else false()


def scope_key(session: Session, principal: Principal) -> str:
    """A fingerprint of what the principal's scope depends on right now."""
    if not principal.can("sync.use"):
        return "none"
    if principal.scope == Scope.ALL:
        return "all"
    if principal.scope == Scope.DEPARTMENT:
        return f"dept:{principal.department_id}"
    if principal.scope == Scope.OWN_TASKS and principal.teacher_id:
        tasks = sorted(session.scalars(_teacher_task_ids(principal.teacher_id)).all())
        link = _t("teaching_task_class")
        classes = sorted(session.scalars(_ids("teaching_task_class", "class_id", link.c.task_id.in_(tasks))).all())
        digest = hashlib.sha256("|".join(tasks + ["#"] + classes).encode()).hexdigest()[:32]
        return f"tasks:{digest}"
    return "none"


def in_scope(session: Session, principal: Principal, table_name: str, row_id: str) -> bool:
    """Whether one row (as it is in the session's transaction) is in the principal's scope."""
    condition = scope_filter(principal, table_name)
    table = _t(table_name)
    stmt = select(table.c.id).where(table.c.id == row_id)
    if condition is not None:
        stmt = stmt.where(condition)
    return session.execute(stmt).first() is not None


def scoped_ids(session: Session, principal: Principal, table_name: str, row_ids: list[str]) -> set[str]:
    """Which of ``row_ids`` are in the principal's scope, in one query per 500 ids."""
    condition = scope_filter(principal, table_name)
    table = _t(table_name)
    found: set[str] = set()
    for start in range(0, len(row_ids), 500):
        stmt = select(table.c.id).where(table.c.id.in_(row_ids[start:start + 500]))
        if condition is not None:
            stmt = stmt.where(condition)
        found.update(session.scalars(stmt))
    return found


def whole_table_in_scope(principal: Principal, table_name: str) -> bool:
    """True when every row of the table is in scope (no query needed for a single row)."""
    return scope_filter(principal, table_name) is None
