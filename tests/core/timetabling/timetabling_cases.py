"""Small hand-made problems shared by the timetabling tests."""

from __future__ import annotations

import numpy as np

from core.timetabling.compile import CompiledProblem, compile_problem
from core.timetabling.evaluate import CostBreakdown, evaluate
from core.timetabling.model import (
    Calendar,
    Problem,
    Room,
    SchoolClass,
    Task,
    Teacher,
    WeekPattern,
    Weights,
)

CAL = Calendar(days=5, periods_per_day=8, half_day_starts=(4,), weeks=16)


def problem(tasks: list[Task], rooms: list[Room] | None = None,
            teachers: list[Teacher] | None = None, classes: list[SchoolClass] | None = None,
            weights: Weights | None = None, cal: Calendar = CAL, **kw: object) -> Problem:
    """A problem with the referenced teachers and classes created on demand."""
    teacher_ids = {t for task in tasks for t in task.teachers}
    known = {t.id for t in teachers or []}
    teachers = list(teachers or []) + [Teacher(t) for t in sorted(teacher_ids - known)]
    class_ids = {c for task in tasks for c in task.classes}
    known = {c.id for c in classes or []}
    classes = list(classes or []) + [SchoolClass(c) for c in sorted(class_ids - known)]
    rooms = rooms or [Room("R1", 100, building="A"), Room("R2", 100, building="B")]
    return Problem(calendar=cal, rooms=tuple(rooms), teachers=tuple(teachers),
                   classes=tuple(classes), tasks=tuple(tasks), weights=weights or Weights(),
                   **kw)  # type: ignore[arg-type]


def place(cp: CompiledProblem, where: dict[tuple[str, int], tuple[int, int, str]],
          ) -> tuple[np.ndarray, np.ndarray]:
    """Kernel arrays from {(task id, session): (day, period, room id)}."""
    task_ids = [t.id for t in cp.problem.tasks]
    rooms = [r.id for r in cp.problem.rooms]
    ev_t = np.full(cp.n_events, -1, np.int32)
    ev_r = np.full(cp.n_events, -1, np.int32)
    for e in range(cp.n_events):
        key = (task_ids[cp.ev_task[e]], int(cp.ev_session[e]))
        if key in where:
            day, period, room = where[key]
            ev_t[e], ev_r[e] = day * cp.ppd + period, rooms.index(room)
    return ev_t, ev_r


def cost_of(p: Problem, where: dict[tuple[str, int], tuple[int, int, str]]) -> CostBreakdown:
    cp = compile_problem(p)
    return evaluate(cp, *place(cp, where))


def generic_problem(seed: int = 0) -> Problem:
    """A small realistic term: blocks, odd/even weeks, 合班, labs, buildings, preferences."""
    rng = np.random.default_rng(seed)
    rooms = [Room(f"C{i}", 60, "normal", "east" if i % 2 else "west") for i in range(5)]
    rooms += [Room("L1", 40, "lab", "lab"), Room("L2", 40, "lab", "lab", frozenset({(0, 0)}))]
    teachers = [Teacher(f"T{i}", unavailable=frozenset({(int(rng.integers(5)), 0)}),
                        avoid_periods=frozenset({0, 7}), max_consecutive=3) for i in range(8)]
    tasks = []
    for i in range(20):
        classes = tuple(sorted({f"K{rng.integers(6)}", f"K{rng.integers(6)}"}))
        lab = i % 6 == 0
        parity = ("all", "odd", "even")[i % 3] if lab else "all"
        tasks.append(Task(f"X{i}", sessions=(2, 2) if i % 4 else (2, 1), classes=classes,
                          teachers=(f"T{i % 8}",), students=35, room_type="lab" if lab else "normal",
                          weeks=WeekPattern(1, 16, parity)))  # type: ignore[arg-type]
    return problem(tasks, rooms=rooms, teachers=teachers)
