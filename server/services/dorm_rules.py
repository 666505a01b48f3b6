"""The server's rules for the dormitory tables: one :data:`Transition` per table, called by
the REST services (:mod:`server.services.dorms`) and by the sync push (``replica_writes``
hook), so a pushed row obeys exactly what the API enforces. The value rules themselves are
:mod:`core.rules.dorms`; this module reads the rows they need, locking the room and the
student so two writers cannot take one bed or give one student two beds.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.errors import (
    ConflictError,
    FieldError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from core.models import BedAssignment, DormBuilding, DormRoom, Student
from core.rules.dorms import (
    Occupant,
    RoomInfo,
    StudentInfo,
    check_assignment,
    check_building,
    check_dates,
    check_room,
)
from core.rules.enums import Scope
from server.services.principal import Principal


def _university_wide(principal: Principal) -> None:
    if principal.scope != Scope.ALL:
        raise PermissionDeniedError("公寓楼和房间由学校统一管理 (buildings and rooms are managed university-wide)",
                                    code="out_of_scope")


def student_in_scope(session: Session, principal: Principal, student_id: str | None, *, lock: bool = False) -> Student:
    stmt = select(Student).where(Student.id == (student_id or ""), Student.deleted.is_(False))
    student = session.scalar(stmt.with_for_update() if lock else stmt)
    in_scope = student is not None and (principal.scope == Scope.ALL or (
        principal.scope == Scope.DEPARTMENT and principal.department_id == student.department_id))
    if student is None or not in_scope:
        raise NotFoundError("学生不存在或不在您的范围内 (no such student in your scope)",
                            {"field": "student_id", "id": student_id})
    return student


def live_room(session: Session, room_id: str | None, *, lock: bool = False) -> DormRoom:
    stmt = select(DormRoom).where(DormRoom.id == (room_id or ""), DormRoom.deleted.is_(False))
    room = session.scalar(stmt.with_for_update() if lock else stmt)
    if room is None:
        raise InvalidInputError.field("room_id", f"房间不存在：{room_id} (no such room)")
    return room


def live_building(session: Session, building_id: str | None) -> DormBuilding:
    building = session.get(DormBuilding, building_id) if building_id else None
    if building is None or building.deleted:
        raise InvalidInputError.field("building_id", f"楼栋不存在：{building_id} (no such building)")
    return building


def room_info(room: DormRoom, building: DormBuilding) -> RoomInfo:
    return RoomInfo(room.id, building.id, building.code, room.number, room.floor, room.beds, room.gender,
                    building.gender)


def occupants(session: Session, room_id: str, *, exclude_id: str | None = None) -> list[Occupant]:
    rows = session.execute(
        select(BedAssignment.student_id, BedAssignment.bed_number, Student.gender)
        .join(Student, Student.id == BedAssignment.student_id)
        .where(BedAssignment.room_id == room_id, BedAssignment.end_date.is_(None), BedAssignment.deleted.is_(False),
               BedAssignment.id != (exclude_id or ""))
    ).all()
    return [Occupant(*row) for row in rows]


def current_assignment(session: Session, student_id: str, *, exclude_id: str | None = None) -> BedAssignment | None:
    return session.scalar(select(BedAssignment).where(
        BedAssignment.student_id == student_id, BedAssignment.end_date.is_(None), BedAssignment.deleted.is_(False),
        BedAssignment.id != (exclude_id or "")))


# --- bed_assignment -------------------------------------------------------------------------

def _check_current(session: Session, row: dict[str, Any], student: Student) -> None:
    room = live_room(session, row.get("room_id"), lock=True)
    info = room_info(room, live_building(session, room.building_id))
    held = current_assignment(session, student.id, exclude_id=row.get("id"))
    check_assignment(info, row.get("bed_number") or 0,
                     StudentInfo(student.id, student.gender, student.class_id, student.status, student.number),
                     occupants(session, room.id, exclude_id=row.get("id")),
                     current_room_bed=(held.room_id, held.bed_number) if held else None)


def bed_assignment_transition(session: Session, principal: Principal, old: dict[str, Any] | None,
                              new: dict[str, Any]) -> dict[str, Any]:
    """Assign (a new current row), vacate (set ``end_date``) or correct a reason; history is fixed.

    Raises:
        InvalidInputError: bad bed, gender, dates or a change of the history's fields.
        ConflictError: the bed is taken or the student already has one.
        NotFoundError: a student outside the user's scope.
    """
    if new.get("deleted"):
        raise InvalidInputError.field("deleted", "住宿记录不能删除，请办理退宿 (an assignment is vacated, never deleted)")
    student = student_in_scope(session, principal, new.get("student_id"), lock=True)
    start, end = new.get("start_date"), new.get("end_date")
    if not isinstance(start, date):
        raise InvalidInputError.field("start_date", "必填 (required)")
    check_dates(start, end)
    if old is not None:
        fixed = [k for k in ("room_id", "bed_number", "student_id", "start_date") if new.get(k) != old.get(k)]
        if fixed:
            raise InvalidInputError.of(*(FieldError(k, "住宿记录不能改写，请办理调宿 (history is kept: move instead)")
                                         for k in fixed))
    if end is None and (old is None or old.get("end_date") is not None):
        _check_current(session, new, student)
    elif old is None:  # a past stay recorded afterwards: the bed must exist
        room = live_room(session, new.get("room_id"))
        if not 1 <= (new.get("bed_number") or 0) <= room.beds:
            raise InvalidInputError.field("bed_number", f"该房间只有1到{room.beds}号床 (beds 1–{room.beds})")
    return {"reason": (new.get("reason") or "").strip()}


# --- dorm_room ------------------------------------------------------------------------------

def dorm_room_transition(session: Session, principal: Principal, old: dict[str, Any] | None,
                         new: dict[str, Any]) -> dict[str, Any]:
    _university_wide(principal)
    here = occupants(session, new["id"]) if old is not None else []
    if new.get("deleted"):
        if here:
            raise ConflictError(f"房间有{len(here)}人入住，不能删除 ({len(here)} living there)", code="in_use")
        return {}
    if old is not None and new.get("building_id") != old.get("building_id"):
        raise InvalidInputError.field("building_id", "房间不能换楼栋 (a room stays in its building)")
    building = live_building(session, new.get("building_id"))
    number = (new.get("number") or "").strip()
    if not number:
        raise InvalidInputError.field("number", "必填 (required)")
    check_room(beds=new.get("beds") or 0, floor=new.get("floor") or 0, building_floors=building.floors,
               gender=new.get("gender") or None, building_gender=building.gender, occupants=here)
    clash = session.scalar(select(DormRoom.id).where(DormRoom.building_id == building.id, DormRoom.number == number,
                                                     DormRoom.id != new["id"]))
    if clash is not None:
        raise ConflictError(f"{building.code}已有{number}房间 (room number in use)", {"field": "number"},
                            code="duplicate")
    return {"number": number, "gender": new.get("gender") or None}


# --- dorm_building --------------------------------------------------------------------------

def dorm_building_transition(session: Session, principal: Principal, old: dict[str, Any] | None,
                             new: dict[str, Any]) -> dict[str, Any]:
    _university_wide(principal)
    rooms = select(DormRoom.id).where(DormRoom.building_id == new["id"], DormRoom.deleted.is_(False))
    if new.get("deleted"):
        if session.scalar(rooms.limit(1)) is not None:
            raise ConflictError("楼栋内还有房间，请先删除房间 (delete its rooms first)", code="in_use")
        return {}
    code, name = (new.get("code") or "").strip(), (new.get("name") or "").strip()
    errors = [FieldError(k, "必填 (required)") for k, v in (("code", code), ("name", name)) if not v]
    if errors:
        raise InvalidInputError.of(*errors)
    genders = session.scalars(
        select(Student.gender).distinct().join(BedAssignment, BedAssignment.student_id == Student.id)
        .where(BedAssignment.room_id.in_(rooms), BedAssignment.end_date.is_(None), BedAssignment.deleted.is_(False))
    ).all() if old is not None else []
    check_building(floors=new.get("floors") or 0, gender=new.get("gender") or None, occupant_genders=genders)
    top = session.scalar(select(func.max(DormRoom.floor)).where(DormRoom.id.in_(rooms))) if old is not None else None
    if top is not None and new["floors"] < top:
        raise InvalidInputError.field("floors", f"{top}楼有房间，楼层数不能少于{top} (rooms on floor {top})")
    clash = session.scalar(select(DormBuilding.id).where(DormBuilding.code == code, DormBuilding.id != new["id"]))
    if clash is not None:
        raise ConflictError(f"楼栋代码已存在：{code} (code in use)", {"field": "code"}, code="duplicate")
    return {"code": code, "name": name, "gender": new.get("gender") or None}
