"""Wire schemas of dormitories 学生公寓 (separate from the ORM rows)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from server.api.schemas.common import Strict

Gender = Literal["M", "F"]


class BuildingCreate(Strict):
    code: str = Field(min_length=1, max_length=16)
    name: str = Field(min_length=1, max_length=50)
    gender: Gender | None = None
    floors: int = Field(ge=1, le=40)


class BuildingUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=50)
    gender: Gender | None = None
    floors: int | None = Field(default=None, ge=1, le=40)


class FloorFigures(BaseModel):
    floor: int
    rooms: int
    beds: int
    occupied: int


class OccupancyPublic(BaseModel):
    building_id: str
    code: str
    gender: str | None
    rooms: int
    beds: int
    occupied: int
    free: int
    rate: float
    full_rooms: int
    empty_rooms: int
    floors: list[FloorFigures]


class BuildingPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    code: str
    name: str
    gender: str | None
    floors: int
    row_version: int
    occupancy: OccupancyPublic | None = None


class RoomCreate(Strict):
    building_id: str = Field(min_length=1, max_length=36)
    number: str = Field(min_length=1, max_length=10)
    floor: int = Field(ge=1, le=40)
    beds: int = Field(default=4, ge=1, le=12)
    gender: Gender | None = None


class RoomUpdate(Strict):
    number: str | None = Field(default=None, min_length=1, max_length=10)
    floor: int | None = Field(default=None, ge=1, le=40)
    beds: int | None = Field(default=None, ge=1, le=12)
    gender: Gender | None = None


class BedPublic(BaseModel):
    bed_number: int
    occupied: bool
    student_id: str | None
    student_number: str | None
    student_name: str | None


class RoomPublic(BaseModel):
    id: str
    building_id: str
    number: str
    floor: int
    beds: int
    gender: str | None
    row_version: int
    occupants: list[BedPublic] = []


class AssignIn(Strict):
    student_id: str = Field(min_length=1, max_length=36)
    room_id: str = Field(min_length=1, max_length=36)
    bed_number: int = Field(ge=1, le=12)
    date: dt.date
    reason: str = Field(default="", max_length=200)


class VacateIn(Strict):
    student_id: str = Field(min_length=1, max_length=36)
    date: dt.date
    reason: str = Field(default="", max_length=200)


class AssignmentPublic(BaseModel):
    id: str
    student_id: str
    room_id: str
    building_code: str
    room_number: str
    bed_number: int
    start_date: dt.date
    end_date: dt.date | None
    reason: str
    row_version: int


class BulkIn(Strict):
    cohort: int = Field(ge=1950, le=2200)
    start_date: dt.date
    department_id: str | None = Field(default=None, max_length=36)
    class_ids: list[str] = Field(default_factory=list, max_length=500)
    building_ids: list[str] = Field(default_factory=list, max_length=200)
    reason: str = Field(default="新生入住", max_length=200)


class BulkCommitIn(BulkIn):
    plan_token: str | None = Field(default=None, max_length=64)


class BulkPlacement(BaseModel):
    student_id: str
    student_number: str
    student_name: str
    gender: str
    class_id: str | None
    room_id: str
    building_code: str
    room_number: str
    bed_number: int


class BulkUnplaced(BaseModel):
    student_id: str
    student_number: str
    student_name: str
    reason: str


class BulkPlanPublic(BaseModel):
    plan_token: str
    placed: int
    unplaced_count: int
    placements: list[BulkPlacement]
    unplaced: list[BulkUnplaced]
    committed: bool = False
