"""Feasibility figures of a demo university's current term, for tests, benchmarks and docs.

They are necessary conditions for a timetable to exist (5 days × 10 periods): no class or
teacher needs more periods than allowed, and for every room type and every task size the
tasks needing rooms that large use at most a share of the periods such rooms offer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from core.demo.generate import DemoUniversity

WEEK_PERIODS = 50
MAX_CLASS_LOAD = 28
MAX_TEACHER_LOAD = 16
MAX_ROOM_SHARE = 0.65


@dataclass(frozen=True)
class RoomTypeFigures:
    room_type: str
    rooms: int
    supply: int  # room-periods a week
    demand: int  # task-periods a week
    tasks: int
    largest_task: int  # students
    largest_room: int  # seats
    worst_share: float  # max over task sizes s of demand(≥ s) / supply(rooms seating ≥ s)


@dataclass(frozen=True)
class TermFigures:
    tasks: int
    max_class_load: int
    mean_class_load: float
    max_teacher_load: int
    mean_teacher_load: float
    teachers_teaching: int
    room_types: dict[str, RoomTypeFigures]

    def problems(self) -> list[str]:
        """Each limit the term breaks, in words (empty when all hold)."""
        found = []
        if self.max_class_load > MAX_CLASS_LOAD:
            found.append(f"a class needs {self.max_class_load} periods a week (> {MAX_CLASS_LOAD})")
        if self.max_teacher_load > MAX_TEACHER_LOAD:
            found.append(f"a teacher needs {self.max_teacher_load} periods a week (> {MAX_TEACHER_LOAD})")
        for f in self.room_types.values():
            if f.worst_share > MAX_ROOM_SHARE:
                found.append(f"{f.room_type}: demand reaches {f.worst_share:.0%} of supply")
        return found


def term_figures(university: DemoUniversity) -> TermFigures:
    """Loads of classes and teachers and room demand of the current term's tasks.

    Returns:
        The figures; :meth:`TermFigures.problems` names every limit they break.
    """
    rows = university.rows
    term_id = university.current_term["id"]
    tasks = {t["id"]: t for t in rows["teaching_task"] if t["term_id"] == term_id}
    class_load: dict[str, int] = defaultdict(int)
    teacher_load: dict[str, int] = defaultdict(int)
    for link in rows["teaching_task_class"]:
        if link["task_id"] in tasks:
            class_load[link["class_id"]] += tasks[link["task_id"]]["weekly_periods"]
    for link in rows["teaching_task_teacher"]:
        if link["task_id"] in tasks:
            teacher_load[link["teacher_id"]] += tasks[link["task_id"]]["weekly_periods"]
    by_type = {rt: _room_type(rt, rows["room"], list(tasks.values()))
               for rt in sorted({r["room_type"] for r in rows["room"]})}
    return TermFigures(
        tasks=len(tasks), max_class_load=max(class_load.values()),
        mean_class_load=round(sum(class_load.values()) / len(class_load), 1),
        max_teacher_load=max(teacher_load.values()),
        mean_teacher_load=round(sum(teacher_load.values()) / len(teacher_load), 1),
        teachers_teaching=len(teacher_load), room_types=by_type)


def _room_type(room_type: str, rooms: list[dict[str, Any]], tasks: list[dict[str, Any]]) -> RoomTypeFigures:
    caps = [r["capacity"] for r in rooms if r["room_type"] == room_type and r["active"]]
    mine = [(t["student_count"], t["weekly_periods"]) for t in tasks if t["room_type"] == room_type]
    worst = 0.0
    for size in {s for s, _ in mine}:
        supply = WEEK_PERIODS * sum(1 for c in caps if c >= size)
        need = sum(p for s, p in mine if s >= size)
        worst = max(worst, need / supply if supply else float("inf"))
    return RoomTypeFigures(
        room_type=room_type, rooms=len(caps), supply=WEEK_PERIODS * len(caps),
        demand=sum(p for _, p in mine), tasks=len(mine),
        largest_task=max((s for s, _ in mine), default=0), largest_room=max(caps, default=0),
        worst_share=round(worst, 3))
