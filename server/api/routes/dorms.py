"""Dormitories 学生公寓: /dorms/… (dorms.read, dorms.write)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from core.models import BedAssignment, DormBuilding, DormRoom
from core.rules.dorms import BuildingOccupancy, RoomInfo
from server.api.deps import SessionDep, require
from server.api.schemas.common import Message
from server.api.schemas.dorms import (
    AssignIn,
    AssignmentPublic,
    BedPublic,
    BuildingCreate,
    BuildingPublic,
    BuildingUpdate,
    BulkCommitIn,
    BulkIn,
    BulkPlacement,
    BulkPlanPublic,
    BulkUnplaced,
    FloorFigures,
    OccupancyPublic,
    RoomCreate,
    RoomPublic,
    RoomUpdate,
    VacateIn,
)
from server.services import dorms
from server.services.dorms import BedView, BulkPreview, BulkSpec
from server.services.principal import Principal

router = APIRouter(prefix="/dorms", tags=["dorms"])
ReaderDep = Annotated[Principal, Depends(require("dorms.read"))]
WriterDep = Annotated[Principal, Depends(require("dorms.write"))]


def _occupancy(o: BuildingOccupancy) -> OccupancyPublic:
    return OccupancyPublic(building_id=o.building_id, code=o.code, gender=o.gender, rooms=o.rooms, beds=o.beds,
                           occupied=o.occupied, free=o.free, rate=o.rate, full_rooms=o.full_rooms,
                           empty_rooms=o.empty_rooms, floors=[FloorFigures(**vars(f)) for f in o.floors])


def _building(b: DormBuilding, o: BuildingOccupancy | None = None) -> BuildingPublic:
    return BuildingPublic(id=b.id, code=b.code, name=b.name, gender=b.gender, floors=b.floors,
                          row_version=b.row_version, occupancy=_occupancy(o) if o else None)


def _room(r: DormRoom, beds: list[BedView] | None = None) -> RoomPublic:
    return RoomPublic(id=r.id, building_id=r.building_id, number=r.number, floor=r.floor, beds=r.beds,
                      gender=r.gender, row_version=r.row_version,
                      occupants=[BedPublic(**vars(v)) for v in beds or []])


def _assignment(a: BedAssignment, room: RoomInfo) -> AssignmentPublic:
    return AssignmentPublic(id=a.id, student_id=a.student_id, room_id=a.room_id, building_code=room.building_code,
                            room_number=room.number, bed_number=a.bed_number, start_date=a.start_date,
                            end_date=a.end_date, reason=a.reason, row_version=a.row_version)


def _plan(p: BulkPreview, *, committed: bool = False) -> BulkPlanPublic:
    placements = []
    for x in p.plan.placements:
        s, room = p.students[x.student_id], p.rooms[x.room_id]
        placements.append(BulkPlacement(student_id=s.id, student_number=s.number, student_name=s.name, gender=s.gender,
                                        class_id=s.class_id, room_id=room.room_id, building_code=room.building_code,
                                        room_number=room.number, bed_number=x.bed_number))
    unplaced = [BulkUnplaced(student_id=u.student_id, student_number=p.students[u.student_id].number,
                             student_name=p.students[u.student_id].name, reason=u.reason) for u in p.plan.unplaced]
    return BulkPlanPublic(plan_token=p.token, placed=len(placements), unplaced_count=len(unplaced),
                          placements=placements, unplaced=unplaced, committed=committed)


@router.get("/buildings", response_model=list[BuildingPublic])
def list_buildings(session: SessionDep, _actor: ReaderDep) -> list[BuildingPublic]:
    return [_building(b, o) for b, o in dorms.list_buildings(session)]


@router.post("/buildings", response_model=BuildingPublic, status_code=201)
def create_building(body: BuildingCreate, session: SessionDep, actor: WriterDep) -> BuildingPublic:
    return _building(dorms.create_building(session, actor, body.model_dump()))


@router.patch("/buildings/{building_id}", response_model=BuildingPublic)
def update_building(building_id: str, body: BuildingUpdate, session: SessionDep, actor: WriterDep) -> BuildingPublic:
    return _building(dorms.update_building(session, actor, building_id, body.model_dump(exclude_unset=True)))


@router.delete("/buildings/{building_id}", response_model=Message)
def delete_building(building_id: str, session: SessionDep, actor: WriterDep) -> Message:
    dorms.delete_building(session, actor, building_id)
    return Message(message="楼栋已删除 (building deleted)")


@router.get("/buildings/{building_id}/rooms", response_model=list[RoomPublic])
def list_rooms(building_id: str, session: SessionDep, actor: ReaderDep, floor: int | None = None) -> list[RoomPublic]:
    return [_room(r, beds) for r, beds in dorms.list_rooms(session, actor, building_id, floor)]


@router.post("/rooms", response_model=RoomPublic, status_code=201)
def create_room(body: RoomCreate, session: SessionDep, actor: WriterDep) -> RoomPublic:
    return _room(dorms.create_room(session, actor, body.model_dump()))


@router.patch("/rooms/{room_id}", response_model=RoomPublic)
def update_room(room_id: str, body: RoomUpdate, session: SessionDep, actor: WriterDep) -> RoomPublic:
    return _room(dorms.update_room(session, actor, room_id, body.model_dump(exclude_unset=True)))


@router.delete("/rooms/{room_id}", response_model=Message)
def delete_room(room_id: str, session: SessionDep, actor: WriterDep) -> Message:
    dorms.delete_room(session, actor, room_id)
    return Message(message="房间已删除 (room deleted)")


@router.get("/occupancy", response_model=list[OccupancyPublic])
def occupancy(session: SessionDep, _actor: ReaderDep) -> list[OccupancyPublic]:
    return [_occupancy(o) for o in dorms.occupancy_overview(session)]


@router.get("/students/{student_id}/history", response_model=list[AssignmentPublic])
def history(student_id: str, session: SessionDep, actor: ReaderDep) -> list[AssignmentPublic]:
    return [_assignment(a, room) for a, room in dorms.history(session, actor, student_id)]


@router.post("/assign", response_model=list[AssignmentPublic], status_code=201)
def assign(body: AssignIn, session: SessionDep, actor: WriterDep) -> list[AssignmentPublic]:
    dorms.assign(session, actor, student_id=body.student_id, room_id=body.room_id, bed_number=body.bed_number,
                 day=body.date, reason=body.reason)
    return [_assignment(a, room) for a, room in dorms.history(session, actor, body.student_id)]


@router.post("/move", response_model=list[AssignmentPublic])
def move(body: AssignIn, session: SessionDep, actor: WriterDep) -> list[AssignmentPublic]:
    dorms.move(session, actor, student_id=body.student_id, room_id=body.room_id, bed_number=body.bed_number,
               day=body.date, reason=body.reason)
    return [_assignment(a, room) for a, room in dorms.history(session, actor, body.student_id)]


@router.post("/vacate", response_model=list[AssignmentPublic])
def vacate(body: VacateIn, session: SessionDep, actor: WriterDep) -> list[AssignmentPublic]:
    dorms.vacate(session, actor, student_id=body.student_id, day=body.date, reason=body.reason)
    return [_assignment(a, room) for a, room in dorms.history(session, actor, body.student_id)]


def _spec(body: BulkIn) -> BulkSpec:
    return BulkSpec(body.cohort, body.start_date, body.department_id, tuple(body.class_ids),
                    tuple(body.building_ids), body.reason)


@router.post("/bulk/preview", response_model=BulkPlanPublic)
def bulk_preview(body: BulkIn, session: SessionDep, actor: WriterDep) -> BulkPlanPublic:
    return _plan(dorms.bulk_preview(session, actor, _spec(body)))


@router.post("/bulk/commit", response_model=BulkPlanPublic)
def bulk_commit(body: BulkCommitIn, session: SessionDep, actor: WriterDep) -> BulkPlanPublic:
    return _plan(dorms.bulk_commit(session, actor, _spec(body), token=body.plan_token), committed=True)
