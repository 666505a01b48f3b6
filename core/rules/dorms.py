"""Dormitories 学生公寓: bed, capacity and gender rules, occupancy, and the cohort planner.

Pure functions over plain values (the server's services and push validators read the rows
and call these). The rules (see docs/students.md):

- A room has beds numbered 1..``beds``; a bed holds one student at a time and a student
  holds one current bed (an assignment with no ``end_date``). History is never rewritten:
  moving ends the current assignment on the day and starts the new one on the same day;
  vacating sets ``end_date``.
- A room's gender is its own, else its building's; a room may not contradict its
  building. In a mixed building (no gender) a room without a gender takes the gender of
  whoever lives in it: a room never houses men and women together.
- Only enrolled students 在读 get a bed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from core.errors import ConflictError, FieldError, InvalidInputError

GENDER_ZH = {"M": "男", "F": "女"}
MAX_BEDS = 12


@dataclass(frozen=True)
class RoomInfo:
    room_id: str
    building_id: str
    building_code: str
    number: str
    floor: int
    beds: int
    gender: str | None = None
    building_gender: str | None = None

    @property
    def effective_gender(self) -> str | None:
        return self.gender or self.building_gender

    @property
    def label(self) -> str:
        return f"{self.building_code}-{self.number}"


@dataclass(frozen=True)
class StudentInfo:
    student_id: str
    gender: str
    class_id: str | None = None
    status: str = "enrolled"
    number: str = ""


@dataclass(frozen=True)
class Occupant:
    student_id: str
    bed_number: int
    gender: str


def _zh(gender: str | None) -> str:
    return GENDER_ZH.get(gender or "", "混合")


def check_room(*, beds: int, floor: int, building_floors: int, gender: str | None, building_gender: str | None,
               occupants: Iterable[Occupant] = ()) -> None:
    """A room's own values against its building and its current occupants.

    Raises:
        InvalidInputError: each bad field named (``beds``, ``floor``, ``gender``).
    """
    errors: list[FieldError] = []
    occupants = list(occupants)
    if not 1 <= beds <= MAX_BEDS:
        errors.append(FieldError("beds", f"床位数须在1到{MAX_BEDS}之间，实为{beds} (beds must be 1–{MAX_BEDS})"))
    elif any(o.bed_number > beds for o in occupants):
        top = max(o.bed_number for o in occupants)
        errors.append(FieldError("beds", f"{top}号床有人入住，床位数不能少于{top} (bed {top} is occupied)"))
    if not 1 <= floor <= max(building_floors, 1):
        errors.append(FieldError("floor", f"楼层须在1到{building_floors}之间，实为{floor} (floor must be 1–{building_floors})"))
    if gender not in (None, "M", "F"):
        errors.append(FieldError("gender", f"性别须为M或F，实为{gender!r} (gender M or F, or empty)"))
    elif gender and building_gender and gender != building_gender:
        errors.append(FieldError("gender", f"楼栋为{_zh(building_gender)}生楼，房间不能为{_zh(gender)}"
                                 f" (the building is {building_gender}-only)"))
    elif (gender or building_gender) and any(o.gender != (gender or building_gender) for o in occupants):
        errors.append(FieldError("gender", "房间内已有另一性别的学生 (students of the other gender live here)"))
    if errors:
        raise InvalidInputError.of(*errors)


def check_building(*, floors: int, gender: str | None, occupant_genders: Iterable[str] = ()) -> None:
    errors: list[FieldError] = []
    if not 1 <= floors <= 40:
        errors.append(FieldError("floors", f"楼层数须在1到40之间，实为{floors} (floors must be 1–40)"))
    if gender not in (None, "M", "F"):
        errors.append(FieldError("gender", f"性别须为M或F，实为{gender!r} (gender M or F, or empty)"))
    elif gender and any(g != gender for g in occupant_genders):
        errors.append(FieldError("gender", "楼内已有另一性别的学生 (students of the other gender live here)"))
    if errors:
        raise InvalidInputError.of(*errors)


def check_dates(start: date, end: date | None) -> None:
    if end is not None and end < start:
        raise InvalidInputError.field("end_date", f"退宿日期{end}早于入住日期{start} (end before start)")


def check_assignment(room: RoomInfo, bed_number: int, student: StudentInfo, occupants: Iterable[Occupant], *,
                     current_room_bed: tuple[str, int] | None) -> None:
    """Whether ``student`` may take bed ``bed_number`` of ``room`` now.

    ``occupants`` are the room's current occupants (other than the student); the
    student's own current bed is ``current_room_bed``.

    Raises:
        InvalidInputError: bed number out of range, wrong gender, student not enrolled.
        ConflictError: the bed is taken (``bed_occupied``) or the student has a bed (``already_housed``).
    """
    occupants = list(occupants)
    if not 1 <= bed_number <= room.beds:
        raise InvalidInputError.field("bed_number", f"{room.label}只有1到{room.beds}号床，实为{bed_number}"
                                      f" (room {room.label} has beds 1–{room.beds})")
    if student.status != "enrolled":
        raise InvalidInputError.field("student_id", f"学生学籍状态为{student.status}，只有在读学生可以入住"
                                      f" (only enrolled students get a bed)")
    gender = room.effective_gender or next((o.gender for o in occupants), None)
    if gender is not None and student.gender != gender:
        raise InvalidInputError.field("room_id", f"{room.label}为{_zh(gender)}生宿舍，学生为{_zh(student.gender)}"
                                      f" (room {room.label} is for {gender} students, the student is {student.gender})")
    if current_room_bed is not None:
        raise ConflictError("该学生已有床位，请使用调宿 (the student already has a bed; move instead)",
                            {"room_id": current_room_bed[0], "bed_number": current_room_bed[1]}, code="already_housed")
    holder = next((o for o in occupants if o.bed_number == bed_number), None)
    if holder is not None:
        raise ConflictError(f"{room.label} {bed_number}号床已有人入住 (bed {bed_number} of {room.label} is taken)",
                            {"room_id": room.room_id, "bed_number": bed_number, "student_id": holder.student_id},
                            code="bed_occupied")


@dataclass(frozen=True)
class FloorOccupancy:
    floor: int
    rooms: int
    beds: int
    occupied: int


@dataclass(frozen=True)
class BuildingOccupancy:
    building_id: str
    code: str
    gender: str | None
    rooms: int
    beds: int
    occupied: int
    full_rooms: int
    empty_rooms: int
    floors: tuple[FloorOccupancy, ...] = field(default=())

    @property
    def free(self) -> int:
        return self.beds - self.occupied

    @property
    def rate(self) -> float:
        return round(self.occupied / self.beds, 4) if self.beds else 0.0


def occupancy(rooms: Iterable[RoomInfo], occupied_by_room: Mapping[str, int]) -> list[BuildingOccupancy]:
    """Beds, occupied beds, full and empty rooms per building and floor, buildings by code."""
    grouped: dict[str, list[RoomInfo]] = {}
    for room in rooms:
        grouped.setdefault(room.building_id, []).append(room)
    out = []
    for building_id, members in grouped.items():
        floors: dict[int, list[int]] = {}
        full = empty = 0
        for room in members:
            used = min(occupied_by_room.get(room.room_id, 0), room.beds)
            full += used == room.beds
            empty += used == 0
            cell = floors.setdefault(room.floor, [0, 0, 0])
            cell[0] += 1
            cell[1] += room.beds
            cell[2] += used
        out.append(BuildingOccupancy(
            building_id, members[0].building_code, members[0].building_gender, len(members),
            sum(f[1] for f in floors.values()), sum(f[2] for f in floors.values()), full, empty,
            tuple(FloorOccupancy(n, *floors[n]) for n in sorted(floors))))
    return sorted(out, key=lambda b: b.code)


@dataclass(frozen=True)
class Placement:
    student_id: str
    room_id: str
    bed_number: int


@dataclass(frozen=True)
class Unplaced:
    student_id: str
    reason: str


@dataclass(frozen=True)
class BulkPlan:
    placements: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]

    def fingerprint(self) -> str:
        """Identifies the plan, so a commit can insist on the plan its user previewed."""
        text = "|".join(f"{p.student_id}:{p.room_id}:{p.bed_number}" for p in self.placements)
        text += "#" + "|".join(u.student_id for u in self.unplaced)
        return hashlib.sha256(text.encode()).hexdigest()[:24]


class _Room:
    """A room while planning: its free beds and its gender so far."""

    def __init__(self, info: RoomInfo, occupants: Sequence[Occupant]) -> None:
        self.info = info
        taken = {o.bed_number for o in occupants}
        self.free = [n for n in range(1, info.beds + 1) if n not in taken]
        self.gender = info.effective_gender or next((o.gender for o in occupants), None)
        self.empty = not occupants

    def fits(self, gender: str) -> bool:
        return bool(self.free) and self.gender in (None, gender)

    def take(self, student: StudentInfo) -> Placement:
        self.gender = student.gender
        self.empty = False
        return Placement(student.student_id, self.info.room_id, self.free.pop(0))


def _refusal(student: StudentInfo, housed: set[str]) -> str | None:
    if student.student_id in housed:
        return "已有床位 (already has a bed)"
    if student.status != "enrolled":
        return f"学籍状态为{student.status}，不安排住宿 (not enrolled)"
    if student.gender not in GENDER_ZH:
        return f"性别未知：{student.gender!r} (unknown gender)"
    return None


def plan_bulk(students: Sequence[StudentInfo], rooms: Sequence[RoomInfo],
              occupants: Mapping[str, Sequence[Occupant]], housed: Iterable[str] = ()) -> BulkPlan:
    """Place a new cohort: class by class and gender by gender, classmates together.

    Students come in the caller's order (by class, then student number) and rooms in the
    caller's order (building, floor, number). Pass 1 gives each class and gender whole empty
    rooms, filled in order, so roommates are classmates. Pass 2 puts whoever is left into
    the remaining free beds of rooms of their gender, in order. Whoever is still left, and
    whoever may not get a bed, is returned with the reason.
    """
    housed_ids = set(housed)
    state = [_Room(r, occupants.get(r.room_id, ())) for r in rooms]
    groups: dict[tuple[str | None, str], list[StudentInfo]] = {}
    unplaced: list[Unplaced] = []
    for student in students:
        reason = _refusal(student, housed_ids)
        if reason:
            unplaced.append(Unplaced(student.student_id, reason))
        else:
            housed_ids.add(student.student_id)  # a student listed twice is placed once
            groups.setdefault((student.class_id, student.gender), []).append(student)
    placements: list[Placement] = []
    left: list[StudentInfo] = []
    # Rooms only ever stop being empty or fitting, so a cursor per gender never moves back.
    cursor = {"M": 0, "F": 0}
    for (_cls, gender), members in groups.items():
        queue = members[::-1]
        index = cursor[gender]
        while queue and index < len(state):
            room = state[index]
            if room.empty and room.fits(gender):
                while queue and room.free:
                    placements.append(room.take(queue.pop()))
            if queue or not (room.empty and room.fits(gender)):
                index += 1
        cursor[gender] = index
        left += queue[::-1]
    cursor = {"M": 0, "F": 0}
    for student in left:
        index = cursor[student.gender]
        while index < len(state) and not state[index].fits(student.gender):
            index += 1
        cursor[student.gender] = index
        if index == len(state):
            unplaced.append(Unplaced(student.student_id, f"没有可用的{_zh(student.gender)}生空床位"
                                                         f" (no free bed for a {student.gender} student)"))
        else:
            placements.append(state[index].take(student))
    return BulkPlan(tuple(placements), tuple(unplaced))
