"""Dormitories 学生公寓: buildings and rooms (university-wide), assign, move and vacate with
history, the occupancy overview, and the bulk assignment of a new cohort (preview, then
commit in one transaction). Every write goes through :mod:`server.services.dorm_rules`, the
same rules the sync push applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.errors import ConflictError, InvalidInputError, NotFoundError
from core.models import BedAssignment, DormBuilding, DormRoom, SchoolClass, Student, new_id
from core.rules.dorms import (
    BuildingOccupancy,
    BulkPlan,
    Occupant,
    RoomInfo,
    StudentInfo,
    occupancy,
    plan_bulk,
)
from core.rules.enums import Scope
from server.services import audit, dorm_rules
from server.services.principal import Principal
from server.services.rule_writes import write_row

# --- buildings and rooms --------------------------------------------------------------------


def _rooms_with_buildings(session: Session, building_ids: list[str] | None = None) -> list[RoomInfo]:
    stmt = (select(DormRoom, DormBuilding).join(DormBuilding, DormBuilding.id == DormRoom.building_id)
            .where(DormRoom.deleted.is_(False), DormBuilding.deleted.is_(False)))
    if building_ids:
        stmt = stmt.where(DormBuilding.id.in_(building_ids))
    rows = session.execute(stmt.order_by(DormBuilding.code, DormRoom.floor, DormRoom.number)).all()
    return [dorm_rules.room_info(room, building) for room, building in rows]


def _occupied_by_room(session: Session) -> dict[str, int]:
    return dict(session.execute(
        select(BedAssignment.room_id, func.count()).where(BedAssignment.end_date.is_(None),
                                                          BedAssignment.deleted.is_(False))
        .group_by(BedAssignment.room_id)).all())


def occupancy_overview(session: Session) -> list[BuildingOccupancy]:
    """Beds, occupied and free beds, full and empty rooms per building and floor."""
    return occupancy(_rooms_with_buildings(session), _occupied_by_room(session))


def list_buildings(session: Session) -> list[tuple[DormBuilding, BuildingOccupancy | None]]:
    figures = {b.building_id: b for b in occupancy_overview(session)}
    buildings = session.scalars(select(DormBuilding).where(DormBuilding.deleted.is_(False)).order_by(DormBuilding.code))
    return [(b, figures.get(b.id)) for b in buildings]


def get_building(session: Session, building_id: str) -> DormBuilding:
    building = session.get(DormBuilding, building_id)
    if building is None or building.deleted:
        raise NotFoundError(f"楼栋不存在 (building {building_id} not found)", {"id": building_id})
    return building


def create_building(session: Session, actor: Principal, data: dict[str, Any]) -> DormBuilding:
    return write_row(session, actor, DormBuilding, None, data, dorm_rules.dorm_building_transition,
                     action="dorm_building.create")


def update_building(session: Session, actor: Principal, building_id: str, changes: dict[str, Any]) -> DormBuilding:
    return write_row(session, actor, DormBuilding, get_building(session, building_id), changes,
                     dorm_rules.dorm_building_transition, action="dorm_building.update")


def delete_building(session: Session, actor: Principal, building_id: str) -> None:
    """Delete an empty building with its rooms (refused while anyone lives there)."""
    building = get_building(session, building_id)
    for room in session.scalars(select(DormRoom).where(DormRoom.building_id == building.id,
                                                       DormRoom.deleted.is_(False))):
        write_row(session, actor, DormRoom, room, {"deleted": True}, dorm_rules.dorm_room_transition,
                  action="dorm_room.delete")
    write_row(session, actor, DormBuilding, building, {"deleted": True}, dorm_rules.dorm_building_transition,
              action="dorm_building.delete")


def get_room(session: Session, room_id: str) -> DormRoom:
    room = session.get(DormRoom, room_id)
    if room is None or room.deleted:
        raise NotFoundError(f"房间不存在 (room {room_id} not found)", {"id": room_id})
    return room


def create_room(session: Session, actor: Principal, data: dict[str, Any]) -> DormRoom:
    return write_row(session, actor, DormRoom, None, data, dorm_rules.dorm_room_transition, action="dorm_room.create")


def update_room(session: Session, actor: Principal, room_id: str, changes: dict[str, Any]) -> DormRoom:
    return write_row(session, actor, DormRoom, get_room(session, room_id), changes, dorm_rules.dorm_room_transition,
                     action="dorm_room.update")


def delete_room(session: Session, actor: Principal, room_id: str) -> None:
    write_row(session, actor, DormRoom, get_room(session, room_id), {"deleted": True},
              dorm_rules.dorm_room_transition, action="dorm_room.delete")


@dataclass(frozen=True)
class BedView:
    bed_number: int
    student_id: str | None  # None: free, or a student outside the user's scope
    student_number: str | None
    student_name: str | None
    occupied: bool


def _visible(actor: Principal, department_id: str) -> bool:
    return actor.scope == Scope.ALL or (actor.scope == Scope.DEPARTMENT and actor.department_id == department_id)


def list_rooms(session: Session, actor: Principal, building_id: str,
               floor: int | None = None) -> list[tuple[DormRoom, list[BedView]]]:
    """Rooms of a building with every bed; occupants outside the user's scope show as occupied only."""
    get_building(session, building_id)
    stmt = select(DormRoom).where(DormRoom.building_id == building_id, DormRoom.deleted.is_(False))
    if floor is not None:
        stmt = stmt.where(DormRoom.floor == floor)
    rooms = list(session.scalars(stmt.order_by(DormRoom.floor, DormRoom.number)))
    beds: dict[tuple[str, int], tuple[str, str, str, str]] = {
        (r, b): (s, n, name, d) for r, b, s, n, name, d in session.execute(
            select(BedAssignment.room_id, BedAssignment.bed_number, Student.id, Student.number, Student.name,
                   Student.department_id)
            .join(Student, Student.id == BedAssignment.student_id)
            .where(BedAssignment.room_id.in_([r.id for r in rooms]), BedAssignment.end_date.is_(None),
                   BedAssignment.deleted.is_(False)))}
    out = []
    for room in rooms:
        views = []
        for n in range(1, room.beds + 1):
            held = beds.get((room.id, n))
            shown = held is not None and _visible(actor, held[3])
            views.append(BedView(n, held[0] if shown else None, held[1] if shown else None,
                                 held[2] if shown else None, held is not None))
        out.append((room, views))
    return out


# --- assign, move, vacate -------------------------------------------------------------------

def _assign(session: Session, actor: Principal, student_id: str, room_id: str, bed_number: int, day: date,
            reason: str, action: str) -> BedAssignment:
    return write_row(session, actor, BedAssignment, None,
                     {"student_id": student_id, "room_id": room_id, "bed_number": bed_number, "start_date": day,
                      "end_date": None, "reason": reason}, dorm_rules.bed_assignment_transition, action=action)


def assign(session: Session, actor: Principal, *, student_id: str, room_id: str, bed_number: int, day: date,
           reason: str = "") -> BedAssignment:
    """Give a student without a bed the bed ``bed_number`` of ``room_id`` from ``day``."""
    return _assign(session, actor, student_id, room_id, bed_number, day, reason, "bed.assign")


def _current(session: Session, actor: Principal, student_id: str) -> BedAssignment:
    dorm_rules.student_in_scope(session, actor, student_id, lock=True)
    held = dorm_rules.current_assignment(session, student_id)
    if held is None:
        raise ConflictError("该学生当前没有床位 (the student has no bed)", {"student_id": student_id}, code="not_housed")
    return held


def vacate(session: Session, actor: Principal, *, student_id: str, day: date, reason: str = "") -> BedAssignment:
    """End the student's current stay on ``day`` (退宿); the row stays as history."""
    held = _current(session, actor, student_id)
    return write_row(session, actor, BedAssignment, held, {"end_date": day, "reason": reason or held.reason},
                     dorm_rules.bed_assignment_transition, action="bed.vacate")


def move(session: Session, actor: Principal, *, student_id: str, room_id: str, bed_number: int, day: date,
         reason: str = "") -> BedAssignment:
    """调宿: end the current stay on ``day`` and start the new one on the same day."""
    held = _current(session, actor, student_id)
    if (held.room_id, held.bed_number) == (room_id, bed_number):
        raise InvalidInputError.field("bed_number", "新床位与当前床位相同 (that is the current bed)")
    write_row(session, actor, BedAssignment, held, {"end_date": day}, dorm_rules.bed_assignment_transition,
              action="bed.move_out")
    return _assign(session, actor, student_id, room_id, bed_number, day, reason, "bed.move_in")


def history(session: Session, actor: Principal, student_id: str) -> list[tuple[BedAssignment, RoomInfo]]:
    """Every stay of a student, newest first, with its room."""
    dorm_rules.student_in_scope(session, actor, student_id)
    rows = session.execute(
        select(BedAssignment, DormRoom, DormBuilding).join(DormRoom, DormRoom.id == BedAssignment.room_id)
        .join(DormBuilding, DormBuilding.id == DormRoom.building_id)
        .where(BedAssignment.student_id == student_id, BedAssignment.deleted.is_(False))
        .order_by(BedAssignment.start_date.desc(), BedAssignment.end_date.is_(None).desc())).all()
    return [(a, dorm_rules.room_info(room, building)) for a, room, building in rows]


# --- bulk assignment of a cohort ------------------------------------------------------------

@dataclass(frozen=True)
class BulkSpec:
    cohort: int
    start_date: date
    department_id: str | None = None
    class_ids: tuple[str, ...] = ()
    building_ids: tuple[str, ...] = ()
    reason: str = "新生入住"


@dataclass(frozen=True)
class BulkPreview:
    plan: BulkPlan
    students: dict[str, Student]
    rooms: dict[str, RoomInfo]
    token: str


def _cohort(session: Session, actor: Principal, spec: BulkSpec) -> list[Student]:
    department_id = spec.department_id
    if actor.scope != Scope.ALL:
        if spec.department_id not in (None, actor.department_id):
            raise NotFoundError("院系不在您的范围内 (department outside your scope)", {"field": "department_id"})
        department_id = actor.department_id or "-"
    stmt = (select(Student).outerjoin(SchoolClass, SchoolClass.id == Student.class_id)
            .where(Student.cohort == spec.cohort, Student.deleted.is_(False)))
    if department_id:
        stmt = stmt.where(Student.department_id == department_id)
    if spec.class_ids:
        stmt = stmt.where(Student.class_id.in_(spec.class_ids))
    return list(session.scalars(stmt.order_by(SchoolClass.code, Student.number)))


def bulk_preview(session: Session, actor: Principal, spec: BulkSpec) -> BulkPreview:
    """The plan for a cohort (by class and gender, classmates together), without writing."""
    for building_id in spec.building_ids:
        dorm_rules.live_building(session, building_id)
    students = _cohort(session, actor, spec)
    rooms = _rooms_with_buildings(session, list(spec.building_ids) or None)
    occupants: dict[str, list[Occupant]] = {}
    for student_id, room_id, bed, gender in session.execute(
            select(BedAssignment.student_id, BedAssignment.room_id, BedAssignment.bed_number, Student.gender)
            .join(Student, Student.id == BedAssignment.student_id)
            .where(BedAssignment.end_date.is_(None), BedAssignment.deleted.is_(False))):
        occupants.setdefault(room_id, []).append(Occupant(student_id, bed, gender))
    housed = set(session.scalars(select(BedAssignment.student_id).where(
        BedAssignment.end_date.is_(None), BedAssignment.deleted.is_(False),
        BedAssignment.student_id.in_([s.id for s in students]))))
    plan = plan_bulk([StudentInfo(s.id, s.gender, s.class_id, s.status, s.number) for s in students], rooms,
                     occupants, housed)
    return BulkPreview(plan, {s.id: s for s in students}, {r.room_id: r for r in rooms}, plan.fingerprint())


def bulk_commit(session: Session, actor: Principal, spec: BulkSpec, *, token: str | None) -> BulkPreview:
    """Apply the plan in this one transaction; with ``token``, only if it is still the previewed plan.

    Raises:
        ConflictError: ``plan_changed`` when beds or students changed since the preview.
    """
    preview = bulk_preview(session, actor, spec)
    if token and token != preview.token:
        raise ConflictError("预览后住宿情况已变化，请重新预览 (occupancy changed since the preview)",
                            {"expected": token, "now": preview.token}, code="plan_changed")
    for p in preview.plan.placements:
        obj = BedAssignment(id=new_id(), student_id=p.student_id, room_id=p.room_id, bed_number=p.bed_number,
                            start_date=spec.start_date, end_date=None, reason=spec.reason, updated_by=actor.username)
        # The planner applied core.rules.dorms to every bed; the transition re-checks against the rows.
        dorm_rules.bed_assignment_transition(session, actor, None, {**_plain(obj), "id": obj.id})
        session.add(obj)
    session.flush()
    audit.record(session, actor, "bed.bulk_assign", entity="bed_assignment",
                 new={"cohort": spec.cohort, "placed": len(preview.plan.placements),
                      "unplaced": len(preview.plan.unplaced), "plan": preview.token},
                 summary=f"{spec.cohort}级 {len(preview.plan.placements)}人入住")
    return preview


def _plain(obj: BedAssignment) -> dict[str, Any]:
    return {"student_id": obj.student_id, "room_id": obj.room_id, "bed_number": obj.bed_number,
            "start_date": obj.start_date, "end_date": None, "reason": obj.reason}
