"""Dormitories over the API: buildings and rooms, assign/move/vacate with history, capacity
and gender, occupancy, scope, the cohort bulk assignment, and the same rules through the push."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from core.errors import ConflictError, InvalidInputError
from core.models import BedAssignment, DormRoom, Major, SchoolClass, Student
from core.rules.enums import Scope
from server.services import replica_writes
from server.services.principal import Principal

from ..conftest import Org

Headers = dict[str, str]


@dataclass(frozen=True)
class Campus:
    men: str  # building ids
    women: str
    m_rooms: list[str]  # four rooms of 4 beds in the men's building
    f_room: str  # one room of 2 beds
    woman: str  # a student of the department, female
    stranger: str  # a student of the other department, male
    cohort: list[str]  # new students of 2026: class A (5 M, 2 F) then class B (3 M)


def _fields(response: object) -> set[str]:
    return {f["field"] for f in response.json()["details"]["fields"]}  # type: ignore[attr-defined]


def _add_student(s: Session, n: int, gender: str, cls: SchoolClass, cohort: int = 2026) -> str:
    student = Student(number=f"{cohort}0102{n:04d}", name=f"新生{n}", gender=gender, id_number=f"42010120080101{n:04d}",
                      birth_date=date(2008, 1, 1), class_id=cls.id, major_id=cls.major_id,
                      department_id=cls.department_id, cohort=cohort, enrolled_on=date(cohort, 9, 1))
    s.add(student)
    s.flush()
    return student.id


@pytest.fixture
def reg(make_user: Callable[..., str], login: Callable[[str], Headers]) -> Headers:
    make_user("reg", "registrar")
    return login("reg")


@pytest.fixture
def campus(api: TestClient, reg: Headers, sessions: sessionmaker[Session], org: Org) -> Campus:
    men = api.post("/dorms/buildings", headers=reg, json={"code": "D01", "name": "学生公寓1栋", "gender": "M",
                                                           "floors": 6}).json()
    women = api.post("/dorms/buildings", headers=reg, json={"code": "D02", "name": "学生公寓2栋", "gender": "F",
                                                             "floors": 6}).json()
    m_rooms = [api.post("/dorms/rooms", headers=reg, json={"building_id": men["id"], "number": f"10{n}", "floor": 1,
                                                           "beds": 4}).json()["id"] for n in range(1, 5)]
    f_room = api.post("/dorms/rooms", headers=reg, json={"building_id": women["id"], "number": "101", "floor": 1,
                                                         "beds": 2}).json()["id"]
    with sessions.begin() as s:
        first = s.get(Student, org.student_id)
        assert first is not None
        major = s.get(Major, first.major_id)
        assert major is not None
        a = SchoolClass(code="SE2601", name="软件2601班", major_id=major.id, department_id=org.department_id, cohort=2026)
        b = SchoolClass(code="SE2602", name="软件2602班", major_id=major.id, department_id=org.department_id, cohort=2026)
        other_major = Major(code="0201", name="英语", department_id=org.other_department_id)
        s.add_all([a, b, other_major])
        s.flush()
        other = SchoolClass(code="EN2401", name="英语2401班", major_id=other_major.id,
                            department_id=org.other_department_id, cohort=2024)
        s.add(other)
        s.flush()
        cohort = [_add_student(s, n, "M" if n < 5 else "F", a) for n in range(7)]
        cohort += [_add_student(s, n, "M", b) for n in range(7, 10)]
        woman = _add_student(s, 20, "F", s.get(SchoolClass, first.class_id), 2024)  # type: ignore[arg-type]
        stranger = _add_student(s, 21, "M", other, 2024)
    return Campus(men["id"], women["id"], m_rooms, f_room, woman, stranger, cohort)


def _assignments(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(BedAssignment)) or 0


def test_rooms_and_buildings_refuse_bad_values_naming_the_field(api: TestClient, reg: Headers, campus: Campus,
                                                                sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        rooms = s.scalar(select(func.count()).select_from(DormRoom))
    bad = api.post("/dorms/rooms", headers=reg, json={"building_id": campus.men, "number": "901", "floor": 9,
                                                      "beds": 4, "gender": "F"})
    assert bad.status_code == 422 and _fields(bad) == {"floor", "gender"}
    zero = api.post("/dorms/rooms", headers=reg, json={"building_id": campus.men, "number": "102", "floor": 1,
                                                       "beds": 0})
    assert zero.status_code == 422 and _fields(zero) == {"beds"}
    dup = api.post("/dorms/rooms", headers=reg, json={"building_id": campus.men, "number": "101", "floor": 1})
    assert dup.status_code == 409
    nowhere = api.post("/dorms/rooms", headers=reg, json={"building_id": "nope", "number": "1", "floor": 1})
    assert nowhere.status_code == 422 and _fields(nowhere) == {"building_id"}
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(DormRoom)) == rooms
    patched = api.patch(f"/dorms/rooms/{campus.m_rooms[3]}", headers=reg, json={"beds": 6})
    assert patched.status_code == 200 and patched.json()["beds"] == 6


def test_assign_move_vacate_keep_history_and_obey_capacity_and_gender(api: TestClient, reg: Headers, campus: Campus,
                                                                      org: Org) -> None:
    day = {"date": "2026-09-01"}
    first = api.post("/dorms/assign", headers=reg, json={"student_id": org.student_id, "room_id": campus.m_rooms[0],
                                                         "bed_number": 1, **day})
    assert first.status_code == 201, first.text
    assert [h["end_date"] for h in first.json()] == [None]
    twice = api.post("/dorms/assign", headers=reg, json={"student_id": org.student_id, "room_id": campus.m_rooms[1],
                                                         "bed_number": 1, **day})
    assert twice.status_code == 409 and twice.json()["code"] == "already_housed"
    taken = api.post("/dorms/assign", headers=reg, json={"student_id": campus.cohort[0],
                                                         "room_id": campus.m_rooms[0], "bed_number": 1, **day})
    assert taken.status_code == 409 and taken.json()["code"] == "bed_occupied"
    woman = api.post("/dorms/assign", headers=reg, json={"student_id": campus.woman, "room_id": campus.m_rooms[0],
                                                         "bed_number": 2, **day})
    assert woman.status_code == 422 and _fields(woman) == {"room_id"}
    no_bed = api.post("/dorms/assign", headers=reg, json={"student_id": campus.cohort[0],
                                                          "room_id": campus.m_rooms[0], "bed_number": 5, **day})
    assert no_bed.status_code == 422 and _fields(no_bed) == {"bed_number"}
    moved = api.post("/dorms/move", headers=reg, json={"student_id": org.student_id, "room_id": campus.m_rooms[1],
                                                       "bed_number": 3, "date": "2027-03-01", "reason": "调宿"})
    assert moved.status_code == 200, moved.text
    history = moved.json()
    assert [(h["room_number"], h["bed_number"], h["end_date"]) for h in history] == [
        ("102", 3, None), ("101", 1, "2027-03-01")]
    shrink = api.patch(f"/dorms/rooms/{campus.m_rooms[1]}", headers=reg, json={"beds": 2})
    assert shrink.status_code == 422 and _fields(shrink) == {"beds"}
    early = api.post("/dorms/vacate", headers=reg, json={"student_id": org.student_id, "date": "2027-02-01"})
    assert early.status_code == 422 and _fields(early) == {"end_date"}
    left = api.post("/dorms/vacate", headers=reg, json={"student_id": org.student_id, "date": "2027-07-01"})
    assert left.status_code == 200 and [h["end_date"] for h in left.json()] == ["2027-07-01", "2027-03-01"]
    again = api.post("/dorms/vacate", headers=reg, json={"student_id": org.student_id, "date": "2027-07-02"})
    assert again.status_code == 409 and again.json()["code"] == "not_housed"


def test_occupancy_and_scope(api: TestClient, reg: Headers, campus: Campus, org: Org,
                             make_user: Callable[..., str], login: Callable[[str], Headers]) -> None:
    for student, bed in ((org.student_id, 1), (campus.stranger, 2)):
        assert api.post("/dorms/assign", headers=reg, json={"student_id": student, "room_id": campus.m_rooms[0],
                                                            "bed_number": bed, "date": "2026-09-01"}).status_code == 201
    make_user("sec", "dept_staff")
    sec = login("sec")
    overview = {b["code"]: b for b in api.get("/dorms/occupancy", headers=sec).json()}
    assert overview["D01"]["beds"] == 16 and overview["D01"]["occupied"] == 2 and overview["D01"]["free"] == 14
    assert overview["D01"]["floors"] == [{"floor": 1, "rooms": 4, "beds": 16, "occupied": 2}]
    assert overview["D02"]["empty_rooms"] == 1
    rooms = api.get(f"/dorms/buildings/{campus.men}/rooms", headers=sec).json()
    beds = {b["bed_number"]: b for b in rooms[0]["occupants"]}
    assert beds[1]["student_name"] == "李明" and beds[2]["occupied"] and beds[2]["student_id"] is None
    assert api.get(f"/dorms/students/{campus.stranger}/history", headers=sec).status_code == 404
    assert api.get(f"/dorms/students/{org.student_id}/history", headers=sec).status_code == 200
    assert api.post("/dorms/vacate", headers=sec, json={"student_id": org.student_id,
                                                        "date": "2027-01-01"}).status_code == 403
    assert api.delete(f"/dorms/buildings/{campus.men}", headers=reg).status_code == 409
    assert api.delete(f"/dorms/buildings/{campus.women}", headers=reg).status_code == 200


def test_bulk_assignment_preview_then_commit(api: TestClient, reg: Headers, campus: Campus,
                                             sessions: sessionmaker[Session]) -> None:
    spec = {"cohort": 2026, "start_date": "2026-09-01"}
    preview = api.post("/dorms/bulk/preview", headers=reg, json=spec)
    assert preview.status_code == 200, preview.text
    plan = preview.json()
    assert plan["placed"] == 10 and plan["unplaced_count"] == 0 and not plan["committed"]
    by_room: dict[str, set[str | None]] = defaultdict(set)
    for p in plan["placements"]:
        by_room[p["room_number"] + p["building_code"]].add(p["class_id"])
    assert all(len(classes) == 1 for classes in by_room.values())  # roommates are classmates
    assert _assignments(sessions) == 0  # a preview writes nothing
    # A woman of another cohort takes a bed of the women's room: the preview is stale now.
    api.post("/dorms/assign", headers=reg, json={"student_id": campus.woman, "room_id": campus.f_room,
                                                 "bed_number": 1, "date": "2026-09-01"})
    stale = api.post("/dorms/bulk/commit", headers=reg, json={**spec, "plan_token": plan["plan_token"]})
    assert stale.status_code == 409 and stale.json()["code"] == "plan_changed"
    assert _assignments(sessions) == 1
    fresh = api.post("/dorms/bulk/preview", headers=reg, json=spec).json()
    assert fresh["unplaced_count"] == 1 and "no free bed for a F student" in fresh["unplaced"][0]["reason"]
    done = api.post("/dorms/bulk/commit", headers=reg, json={**spec, "plan_token": fresh["plan_token"]})
    assert done.status_code == 200 and done.json()["committed"] and done.json()["placed"] == 9
    assert _assignments(sessions) == 10
    repeat = api.post("/dorms/bulk/preview", headers=reg, json=spec).json()
    assert repeat["placed"] == 0 and sum("already has a bed" in u["reason"] for u in repeat["unplaced"]) == 9
    bad = api.post("/dorms/bulk/preview", headers=reg, json={"cohort": 26, "start_date": "tomorrow"})
    assert bad.status_code == 422 and _fields(bad) == {"cohort", "start_date"}


def test_pushed_bed_rows_obey_the_same_rules(api: TestClient, campus: Campus, org: Org,
                                             make_user: Callable[..., str], sessions: sessionmaker[Session]) -> None:
    user_id = make_user("pushreg", "registrar")
    principal = Principal(user_id, "pushreg", "pushreg", ("registrar",), frozenset({"dorms.write", "sync.use"}),
                          Scope.ALL)
    row = {"room_id": campus.m_rooms[0], "bed_number": 1, "student_id": org.student_id, "start_date": "2026-09-01"}
    with sessions() as s:
        replica_writes.create_row(s, principal, "bed_assignment", "b1", row)
        with pytest.raises(ConflictError) as taken:
            replica_writes.create_row(s, principal, "bed_assignment", "b2", {**row, "student_id": campus.cohort[0]})
        assert taken.value.code == "bed_occupied"
        with pytest.raises(InvalidInputError) as gender:
            replica_writes.create_row(s, principal, "bed_assignment", "b3",
                                      {**row, "bed_number": 2, "student_id": campus.woman})
        assert gender.value.details["fields"][0]["field"] == "room_id"
        with pytest.raises(InvalidInputError) as rewrite:
            replica_writes.patch_row(s, principal, "bed_assignment", "b1", {"bed_number": 2}, base_version=1,
                                     base={"bed_number": 1})
        assert rewrite.value.details["fields"][0]["field"] == "bed_number"
        with pytest.raises(InvalidInputError):
            replica_writes.delete_row(s, principal, "bed_assignment", "b1", base_version=1)
        replica_writes.patch_row(s, principal, "bed_assignment", "b1", {"end_date": "2027-01-01"}, base_version=1,
                                 base={"end_date": None})
        assert s.get(BedAssignment, "b1").end_date == date(2027, 1, 1)  # type: ignore[union-attr]
        s.rollback()
