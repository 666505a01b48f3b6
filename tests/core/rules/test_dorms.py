"""Dormitory rules: capacity, gender, double assignment, occupancy and the cohort planner."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from core.errors import ConflictError, InvalidInputError
from core.rules.dorms import (
    Occupant,
    RoomInfo,
    StudentInfo,
    check_assignment,
    check_building,
    check_dates,
    check_room,
    occupancy,
    plan_bulk,
)

MEN = RoomInfo("r1", "b1", "D01", "101", 1, 4, None, "M")
MIXED = RoomInfo("r9", "b9", "D09", "101", 1, 4, None, None)
LI = StudentInfo("s1", "M", "c1")
WANG = StudentInfo("s2", "F", "c1")


def _field(exc: pytest.ExceptionInfo[InvalidInputError]) -> set[str]:
    return {f["field"] for f in exc.value.details["fields"]}


def test_bed_number_must_exist() -> None:
    with pytest.raises(InvalidInputError) as exc:
        check_assignment(MEN, 5, LI, [], current_room_bed=None)
    assert _field(exc) == {"bed_number"} and "1–4" in exc.value.message
    with pytest.raises(InvalidInputError):
        check_assignment(MEN, 0, LI, [], current_room_bed=None)


def test_one_student_per_bed_and_one_bed_per_student() -> None:
    check_assignment(MEN, 2, LI, [Occupant("x", 1, "M")], current_room_bed=None)
    with pytest.raises(ConflictError) as taken:
        check_assignment(MEN, 1, LI, [Occupant("x", 1, "M")], current_room_bed=None)
    assert taken.value.code == "bed_occupied" and taken.value.details["student_id"] == "x"
    with pytest.raises(ConflictError) as housed:
        check_assignment(MEN, 2, LI, [], current_room_bed=("r7", 3))
    assert housed.value.code == "already_housed"


def test_gender_of_building_room_or_occupants() -> None:
    with pytest.raises(InvalidInputError) as exc:
        check_assignment(MEN, 1, WANG, [], current_room_bed=None)
    assert _field(exc) == {"room_id"} and "男" in exc.value.message
    women_room = RoomInfo("r2", "b9", "D09", "102", 1, 4, "F", None)
    check_assignment(women_room, 1, WANG, [], current_room_bed=None)
    check_assignment(MIXED, 1, WANG, [], current_room_bed=None)  # an empty mixed room takes either
    with pytest.raises(InvalidInputError):  # … and then the gender of whoever lives there
        check_assignment(MIXED, 2, LI, [Occupant("s2", 1, "F")], current_room_bed=None)


def test_only_enrolled_students_get_a_bed() -> None:
    with pytest.raises(InvalidInputError) as exc:
        check_assignment(MEN, 1, StudentInfo("s3", "M", status="suspended"), [], current_room_bed=None)
    assert _field(exc) == {"student_id"}


def test_room_and_building_definitions() -> None:
    check_room(beds=4, floor=2, building_floors=6, gender=None, building_gender="M")
    with pytest.raises(InvalidInputError) as exc:
        check_room(beds=0, floor=9, building_floors=6, gender="F", building_gender="M")
    assert _field(exc) == {"beds", "floor", "gender"}
    with pytest.raises(InvalidInputError) as shrink:
        check_room(beds=3, floor=1, building_floors=6, gender=None, building_gender=None,
                   occupants=[Occupant("x", 4, "M")])
    assert "4" in shrink.value.message
    with pytest.raises(InvalidInputError):
        check_building(floors=6, gender="F", occupant_genders=["M"])
    with pytest.raises(InvalidInputError) as dates:
        check_dates(date(2026, 9, 1), date(2026, 8, 31))
    assert _field(dates) == {"end_date"}


def test_occupancy_per_building_and_floor() -> None:
    rooms = [MEN, RoomInfo("r3", "b1", "D01", "201", 2, 4, None, "M"), MIXED]
    overview = occupancy(rooms, {"r1": 4, "r3": 1})
    assert [b.code for b in overview] == ["D01", "D09"]
    d01 = overview[0]
    assert (d01.rooms, d01.beds, d01.occupied, d01.free, d01.full_rooms, d01.empty_rooms) == (2, 8, 5, 3, 1, 0)
    assert [(f.floor, f.occupied) for f in d01.floors] == [(1, 4), (2, 1)]
    assert overview[1].empty_rooms == 1 and overview[1].rate == 0.0


def _rooms(building: str, gender: str | None, count: int, beds: int = 4) -> list[RoomInfo]:
    return [RoomInfo(f"{building}-{n}", building, building, f"1{n:02d}", 1, beds, None, gender)
            for n in range(1, count + 1)]


def test_planner_keeps_classmates_together_and_fills_in_order() -> None:
    students = ([StudentInfo(f"a{n}", "M", "A") for n in range(6)] + [StudentInfo(f"b{n}", "M", "B") for n in range(5)]
                + [StudentInfo(f"g{n}", "F", "A") for n in range(3)])
    rooms = _rooms("M1", "M", 4) + _rooms("F1", "F", 2)
    plan = plan_bulk(students, rooms, {})
    assert plan.unplaced == ()
    by_room: dict[str, set[str]] = defaultdict(set)
    for p in plan.placements:
        by_room[p.room_id].add(p.student_id[0])
    assert by_room["M1-1"] == {"a"} and by_room["M1-2"] == {"a"}  # class A: rooms 1 and 2
    assert by_room["M1-3"] == {"b"} and by_room["M1-4"] == {"b"}  # class B starts a room of its own
    assert by_room["F1-1"] == {"g"} and "F1-2" not in by_room
    beds = [(p.room_id, p.bed_number) for p in plan.placements]
    assert len(beds) == len(set(beds)) == 14
    assert [p.bed_number for p in plan.placements if p.room_id == "M1-1"] == [1, 2, 3, 4]


def test_planner_reports_who_it_cannot_place_and_why() -> None:
    students = [StudentInfo(f"m{n}", "M", "A") for n in range(6)] + [
        StudentInfo("old", "M", "A"), StudentInfo("sus", "M", "A", status="suspended"), StudentInfo("f1", "F", "A")]
    rooms = _rooms("M1", "M", 1)
    plan = plan_bulk(students, rooms, {"M1-1": [Occupant("z", 1, "M")]}, housed={"old"})
    reasons = {u.student_id: u.reason for u in plan.unplaced}
    assert "already has a bed" in reasons["old"] and "not enrolled" in reasons["sus"]
    assert "F student" in reasons["f1"]
    assert sum("no free bed" in r for r in reasons.values()) == 4  # 6 men, 3 free beds
    assert sorted(p.bed_number for p in plan.placements) == [2, 3, 4]  # bed 1 stays with its occupant


def test_planner_tops_up_partly_filled_rooms_only_when_whole_rooms_run_out() -> None:
    students = [StudentInfo(f"a{n}", "M", "A") for n in range(3)] + [StudentInfo(f"b{n}", "M", "B") for n in range(3)]
    plan = plan_bulk(students, _rooms("M1", "M", 1) + _rooms("X", None, 1), {})
    rooms = {p.student_id: p.room_id for p in plan.placements}
    assert {rooms[f"a{n}"] for n in range(3)} == {"M1-1"} and {rooms[f"b{n}"] for n in range(3)} == {"X-1"}
    again = plan_bulk(students, _rooms("M1", "M", 1), {})
    assert len(again.placements) == 4 and len(again.unplaced) == 2  # b0 fills A's room, b1 and b2 wait
    assert plan.fingerprint() == plan_bulk(students, _rooms("M1", "M", 1) + _rooms("X", None, 1), {}).fingerprint()
    assert plan.fingerprint() != again.fingerprint()
