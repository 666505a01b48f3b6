"""The official ITC-2007 Track 3 cost, computed exactly as the competition's validator does.

Semantics copied from the validator on purpose, including its corner cases:

- a solution entry naming an unknown course or room, a day or period out of range, or a second
  entry of the same course in the same period is skipped (it becomes a missing lecture);
- Lectures counts missing lectures and surplus lectures;
- Conflicts counts, per period, each pair of courses that share a teacher or a curriculum once,
  even when they share both;
- RoomOccupation counts every lecture beyond the first in a room and period;
- CurriculumCompactness counts the curriculum's lectures in a period with no lecture of the
  curriculum in the adjacent periods of the same day.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.timetabling.itc2007 import CttInstance, Entry

MIN_WORKING_DAYS_COST, CURRICULUM_COMPACTNESS_COST, ROOM_STABILITY_COST = 5, 2, 1


@dataclass(frozen=True)
class ItcCost:
    """The validator's eight figures (soft ones already weighted) and the skipped entries."""

    lectures: int
    conflicts: int
    availability: int
    room_occupation: int
    room_capacity: int
    min_working_days: int
    curriculum_compactness: int
    room_stability: int
    warnings: tuple[str, ...] = ()

    @property
    def hard(self) -> int:
        return self.lectures + self.conflicts + self.availability + self.room_occupation

    @property
    def soft(self) -> int:
        return (self.room_capacity + self.min_working_days + self.curriculum_compactness
                + self.room_stability)

    def format(self) -> str:
        """The validator's summary lines."""
        summary = f"Violations = {self.hard}, " if self.hard else ""
        return "\n".join([
            f"Violations of Lectures (hard) : {self.lectures}",
            f"Violations of Conflicts (hard) : {self.conflicts}",
            f"Violations of Availability (hard) : {self.availability}",
            f"Violations of RoomOccupation (hard) : {self.room_occupation}",
            f"Cost of RoomCapacity (soft) : {self.room_capacity}",
            f"Cost of MinWorkingDays (soft) : {self.min_working_days}",
            f"Cost of CurriculumCompactness (soft) : {self.curriculum_compactness}",
            f"Cost of RoomStability (soft) : {self.room_stability}",
            "",
            f"Summary: {summary}Total Cost = {self.soft}",
        ])


def timetable_matrix(inst: CttInstance, entries: list[Entry]) -> tuple[np.ndarray, list[str]]:
    """Course × period matrix of room numbers (1-based; 0 = no lecture) and the warnings."""
    course_index = {c.id: i for i, c in enumerate(inst.courses)}
    room_index = {r: i + 1 for i, (r, _) in enumerate(inst.rooms)}
    tt = np.zeros((len(inst.courses), inst.periods), np.int32)
    warnings: list[str] = []
    for e in entries:
        c, r = course_index.get(e.course), room_index.get(e.room)
        if c is None:
            warnings.append(f"Nonexisting course {e.course}")
        elif r is None:
            warnings.append(f"Nonexisting room {e.room}")
        elif e.day >= inst.days or e.period >= inst.periods_per_day:
            warnings.append(f"Nonexisting day/period {e.day} {e.period}")
        elif tt[c, e.day * inst.periods_per_day + e.period]:
            warnings.append(f"Repeated entry: {e.course} {e.room} {e.day} {e.period}")
        else:
            tt[c, e.day * inst.periods_per_day + e.period] = r
    return tt, warnings


def _conflict_matrix(inst: CttInstance) -> np.ndarray:
    n = len(inst.courses)
    index = {c.id: i for i, c in enumerate(inst.courses)}
    conflict = np.zeros((n, n), bool)
    teachers = np.array([c.teacher for c in inst.courses])
    conflict |= teachers[:, None] == teachers[None, :]
    for _, courses in inst.curricula:
        members = [index[c] for c in courses]
        conflict[np.ix_(members, members)] = True
    np.fill_diagonal(conflict, False)
    return conflict


def evaluate_itc(inst: CttInstance, entries: list[Entry]) -> ItcCost:
    """The official cost of a solution (a list of entries) for an instance."""
    tt, warnings = timetable_matrix(inst, entries)
    used = (tt > 0).astype(np.int64)
    lectures = np.array([c.lectures for c in inst.courses])
    students = np.array([c.students for c in inst.courses])
    capacity = np.array([0] + [cap for _, cap in inst.rooms])
    n_lect = used.sum(axis=1)
    pairs = np.triu(_conflict_matrix(inst), 1).astype(np.int64)
    conflicts = int(np.einsum("ij,ip,jp->", pairs, used, used))
    available = np.ones_like(used, dtype=bool)
    index = {c.id: i for i, c in enumerate(inst.courses)}
    for course, day, period in inst.unavailability:
        available[index[course], day * inst.periods_per_day + period] = False
    room_lect = np.zeros((len(inst.rooms) + 1, inst.periods), np.int64)
    np.add.at(room_lect, (tt, np.broadcast_to(np.arange(inst.periods), tt.shape)), used)
    over = np.maximum(students[:, None] - capacity[tt], 0) * used
    days = used.reshape(len(inst.courses), inst.days, inst.periods_per_day).any(axis=2).sum(axis=1)
    min_days = np.array([c.min_days for c in inst.courses])
    rooms_used = np.array([len(set(row[row > 0].tolist())) for row in tt])
    return ItcCost(
        lectures=int(np.abs(n_lect - lectures).sum()),
        conflicts=conflicts,
        availability=int((used.astype(bool) & ~available).sum()),
        room_occupation=int(np.maximum(room_lect[1:] - 1, 0).sum()),
        room_capacity=int(over.sum()),
        min_working_days=int(np.maximum(min_days - days, 0).sum()) * MIN_WORKING_DAYS_COST,
        curriculum_compactness=_compactness(inst, used) * CURRICULUM_COMPACTNESS_COST,
        room_stability=int(np.maximum(rooms_used - 1, 0).sum()) * ROOM_STABILITY_COST,
        warnings=tuple(warnings),
    )


def _compactness(inst: CttInstance, used: np.ndarray) -> int:
    index = {c.id: i for i, c in enumerate(inst.courses)}
    member = np.zeros((len(inst.curricula), len(inst.courses)), np.int64)
    for g, (_, courses) in enumerate(inst.curricula):
        member[g, [index[c] for c in courses]] = 1  # a course listed twice counts once
    per = (member @ used).reshape(len(inst.curricula), inst.days, inst.periods_per_day)
    busy = per > 0
    left = np.zeros_like(busy)
    left[:, :, 1:] = busy[:, :, :-1]
    right = np.zeros_like(busy)
    right[:, :, :-1] = busy[:, :, 1:]
    return int(per[busy & ~left & ~right].sum())
