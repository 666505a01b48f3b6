"""The demo university's current term as a timetabling problem.

Reads the rows of :func:`core.demo.generate` (teaching tasks, their classes and teachers,
rooms, the term's calendar) and builds a :class:`~core.timetabling.model.Problem`. The
generator has no timetabling preferences yet, so this module adds deterministic (per seed)
ones a registrar would enter: a few teachers unavailable for a half-day (meetings, a second
campus), evening periods avoided, at most four consecutive periods per teacher. It also works
on any rows shaped like the generator's, e.g. read back from the database.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from core.timetabling.model import (
    Calendar,
    Problem,
    Room,
    SchoolClass,
    Task,
    Teacher,
    WeekPattern,
)

Row = Mapping[str, Any]
UNAVAILABLE_SHARE = 0.1  # teachers with one unavailable half-day


def demo_problem(seed: int = 1, today: date | None = None) -> Problem:
    """Generate the demo university and return its current term's problem."""
    from core.demo import generate  # heavy: only imported when the demo is asked for

    university = generate(seed, today=today or date(2026, 9, 15))
    return problem_from_rows(university.rows, seed=seed)


def _calendar(term: Row) -> Calendar:
    morning, afternoon = int(term["morning_periods"]), int(term["afternoon_periods"])
    ppd = int(term["periods_per_day"])
    starts = tuple(s for s in (morning, morning + afternoon) if 0 < s < ppd)
    return Calendar(days=int(term["days_per_week"]), periods_per_day=ppd,
                    half_day_starts=starts, weeks=int(term["teaching_weeks"]))


def _sessions(task: Row) -> tuple[int, ...]:
    weekly, block = int(task["weekly_periods"]), max(1, int(task["block_length"] or 2))
    full, rest = divmod(weekly, block)
    return (block,) * full + ((rest,) if rest else ())


def _teachers(ids: Sequence[str], cal: Calendar, seed: int) -> tuple[Teacher, ...]:
    rng = random.Random(f"timetable-demo-{seed}")
    halves = [0, *cal.half_day_starts[:1]]  # morning or afternoon
    evening = frozenset(range(cal.half_day_starts[-1], cal.periods_per_day)) \
        if len(cal.half_day_starts) > 1 else frozenset()
    out = []
    for teacher_id in ids:
        blocked: frozenset[tuple[int, int]] = frozenset()
        if rng.random() < UNAVAILABLE_SHARE:
            day, start = rng.randrange(cal.days), rng.choice(halves)
            end = start + (cal.half_day_starts[0] if start == 0 else
                           cal.half_day_starts[1] - cal.half_day_starts[0])
            blocked = frozenset((day, p) for p in range(start, min(end, cal.periods_per_day)))
        out.append(Teacher(teacher_id, unavailable=blocked, avoid_periods=evening,
                           max_consecutive=4))
    return tuple(out)


def problem_from_rows(rows: Mapping[str, Sequence[Row]], seed: int = 1) -> Problem:
    """Build the current term's problem from generator-shaped rows (see module docstring)."""
    term = next(t for t in rows["term"] if t["is_current"])
    cal = _calendar(term)
    live = [t for t in rows["teaching_task"] if t["term_id"] == term["id"] and not t["deleted"]]
    task_ids = {t["id"] for t in live}
    classes_of: dict[str, list[str]] = defaultdict(list)
    for link in rows["teaching_task_class"]:
        if link["task_id"] in task_ids:
            classes_of[link["task_id"]].append(link["class_id"])
    teachers_of: dict[str, list[str]] = defaultdict(list)
    for link in rows["teaching_task_teacher"]:
        if link["task_id"] in task_ids:
            teachers_of[link["task_id"]].append(link["teacher_id"])
    tasks = tuple(
        Task(id=t["code"], sessions=_sessions(t), classes=tuple(classes_of[t["id"]]),
             teachers=tuple(dict.fromkeys(teachers_of[t["id"]])), students=int(t["student_count"]),
             room_type=t["room_type"], min_days=min(int(t["min_days"]), len(_sessions(t))),
             weeks=WeekPattern(int(t["start_week"]), int(t["end_week"]), t["week_parity"]))
        for t in live)
    used_classes = sorted({c for t in tasks for c in t.classes})
    used_teachers = sorted({p for t in tasks for p in t.teachers})
    rooms = tuple(Room(r["code"], int(r["capacity"]), r["room_type"], r["building"])
                  for r in rows["room"] if r["active"] and not r["deleted"])
    return Problem(calendar=cal, rooms=rooms, teachers=_teachers(used_teachers, cal, seed),
                   classes=tuple(SchoolClass(c) for c in used_classes), tasks=tasks)
