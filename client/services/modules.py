"""The modules of the main window and the permissions that show them (DESIGN §2)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Module:
    key: str
    any_of: frozenset[str]  # shown when the user holds at least one of these
    built: bool  # False: a placeholder page until its issue lands


HOME = Module("home", frozenset(), True)  # the overview page, always first, for every user

MODULES: tuple[Module, ...] = (
    Module("students", frozenset({"students.read"}), True),
    Module("status_changes", frozenset({"status.submit", "status.approve"}), True),
    Module("aid", frozenset({"aid.read", "aid.write", "aid.approve"}), True),
    Module("dorms", frozenset({"dorms.read", "dorms.write"}), True),
    Module("grades", frozenset({"grades.read", "grades.write"}), False),
    Module("exams", frozenset({"exams.read", "exams.manage"}), False),
    Module("plans", frozenset({"plans.read"}), False),
    Module("tasks", frozenset({"tasks.read"}), False),
    Module("timetable", frozenset({"timetable.read"}), False),
    Module("users", frozenset({"users.manage"}), True),
    Module("roles", frozenset({"users.manage"}), True),
    Module("audit", frozenset({"audit.read"}), True),
    Module("sync", frozenset({"sync.use"}), True),
)


def visible_modules(permissions: Iterable[str]) -> list[Module]:
    held = set(permissions)
    return [m for m in MODULES if m.any_of & held]
