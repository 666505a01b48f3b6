"""Teaching rooms, sized from the term's demand so that timetabling is feasible.

For every room type and every task size ``s``, the weekly periods of the tasks with at least
``s`` students stay within ``UTILISATION`` of the periods offered by rooms seating ``s`` or
more (a necessary condition for a timetable, checked again by the tests). A few spare rooms
of each type are added on top, as any campus has.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from core.demo._builder import Builder
from core.demo._org import Dept
from core.demo._tasks import TaskInfo

Row = dict[str, Any]
WEEK_PERIODS = 50  # 5 days × 10 periods
UTILISATION = 0.5  # at most half of a room type's periods are needed
CAPACITY = {"classroom": (40, 80), "multimedia": (60, 120), "lecture_hall": (120, 200),
            "lab": (30, 50), "computer_lab": (40, 60)}
# (code prefix, building name, floors, room types housed there)
_BUILDINGS = (
    ("J1", "第一教学楼", 5, ("classroom",)),
    ("J2", "第二教学楼", 5, ("classroom", "multimedia")),
    ("J3", "第三教学楼", 6, ("multimedia",)),
    ("J4", "第四教学楼", 4, ("lecture_hall", "multimedia")),
    ("SYA", "实验楼A", 6, ("lab",)),
    ("SYB", "实验楼B", 5, ("lab",)),
    ("XX", "信息中心", 5, ("computer_lab",)),
)
_SPARES = {"classroom": 8, "multimedia": 6, "lecture_hall": 2, "lab": 4, "computer_lab": 3}


def room_demand(tasks: list[TaskInfo]) -> dict[str, list[tuple[int, int]]]:
    """(students, weekly periods) of each task, by room type."""
    demand: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for task in tasks:
        demand[task.row["room_type"]].append((task.row["student_count"], task.periods))
    return demand


def build_rooms(b: Builder, tasks: list[TaskInfo], depts: list[Dept]) -> list[Row]:
    rng = b.rng("rooms")
    demand = room_demand(tasks)
    lab_owners = _lab_owners(tasks, depts)
    capacities: dict[str, list[int]] = {}
    for room_type, (low, high) in CAPACITY.items():
        caps = _size_rooms(rng, demand.get(room_type, []), low, high)
        caps += [_round5(rng.randint(low, high)) for _ in range(_SPARES[room_type])]
        capacities[room_type] = sorted(caps)
    return _place(b, rng, capacities, lab_owners)


def _round5(value: int) -> int:
    return (value + 4) // 5 * 5


def _size_rooms(rng: random.Random, tasks: list[tuple[int, int]], low: int, high: int) -> list[int]:
    per_room = WEEK_PERIODS * UTILISATION
    caps: list[int] = []
    for size in sorted({s for s, _ in tasks}, reverse=True):
        need = sum(p for s, p in tasks if s >= size)
        while per_room * sum(1 for c in caps if c >= size) < need:
            base = max(low, _round5(size))
            caps.append(min(high, base + rng.choice((0, 0, 5, 5, 10, 15, 20))))
    return caps


def _lab_owners(tasks: list[TaskInfo], depts: list[Dept]) -> list[Row]:
    """Departments weighted by their laboratory periods: laboratories belong to departments."""
    weights: dict[str, int] = defaultdict(int)
    for task in tasks:
        if task.row["room_type"] == "lab":
            weights[task.row["department_id"]] += task.periods
    return [d.row for d in depts for _ in range(max(1, weights[d.row["id"]] // 20))]


def _place(b: Builder, rng: random.Random, capacities: dict[str, list[int]], owners: list[Row]) -> list[Row]:
    """Spread the rooms of each type over its buildings, floor by floor, big rooms low."""
    slots: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for prefix, name, floors, types in _BUILDINGS:
        for room_type in types:
            slots[room_type].append((prefix, name, floors))
    rooms: list[Row] = []
    counters: dict[tuple[str, int], int] = defaultdict(int)
    for room_type, caps in capacities.items():
        buildings = slots[room_type]
        for n, cap in enumerate(sorted(caps, reverse=True)):
            prefix, building, floors = buildings[n % len(buildings)]
            # The k-th room of this type in a building goes on the floor k/per_building of
            # the way up, so rooms fill every floor and the biggest ones sit lowest.
            per_building = len(caps) // len(buildings) + 1
            floor = 1 + (n // len(buildings)) * floors // per_building
            counters[(prefix, floor)] += 1
            number = f"{floor}{counters[(prefix, floor)]:02d}"
            dept = rng.choice(owners) if room_type == "lab" else None
            rooms.append(b.add("room", {
                "code": f"{prefix}-{number}", "name": f"{building}{number}", "building": building,
                "floor": floor, "room_type": room_type, "capacity": cap,
                "exam_capacity": cap // 2, "department_id": dept["id"] if dept else None,
                "active": True}))
    return rooms
