"""Dormitories 学生公寓 on the desktop, over the local replica (offline too).

The occupancy overview per building and floor, the rooms of a building with their free
beds and gender, a room's occupants and history, assign / move / vacate with the bed,
capacity and gender rules checked locally first, and the bulk assignment of a cohort
(preview, then every placement written in one local transaction). The rules are
:mod:`core.rules.dorms`, the functions the server runs; the server re-applies them when the
ops are pushed and its answer is final (a refusal lands on the Sync page).

Completeness: a replica holds every bed only for a university-wide user (``scope all``). A
department's secretary receives their own students' beds only, so their overview counts
those (:attr:`DormService.complete` is False) and the client lets only university-wide
users with ``dorms.write`` change beds — the built-in roles that hold ``dorms.write``.

Plain Python, no Qt: the screens call it on the local worker thread.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, or_, select

from client.services.aid import write_xlsx
from client.services.dto import UserRow
from client.services.errors import CancelledError
from client.services.sync import SyncService
from core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from core.rules.dorms import (
    BuildingOccupancy,
    BulkPlan,
    Occupant,
    RoomInfo,
    StudentInfo,
    check_assignment,
    check_dates,
    occupancy,
    plan_bulk,
)
from sync.client.schema import REPLICA

Progress = Callable[[int, int], None]
T_BUILDING, T_ROOM, T_BED = REPLICA["dorm_building"], REPLICA["dorm_room"], REPLICA["bed_assignment"]
T_STUDENT, T_CLASS, T_DEPT = REPLICA["student"], REPLICA["school_class"], REPLICA["department"]
DEFAULT_BULK_REASON = "新生入住"


def _noop(_done: int, _total: int) -> None:
    return None


def _live(table: Any) -> Any:
    return or_(table.c.deleted.is_(None), table.c.deleted.is_(False))


def _current() -> Any:
    return (T_BED.c.end_date.is_(None), _live(T_BED))


# --- rows -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BuildingRow:
    id: str
    code: str
    name: str
    gender: str | None
    floors: int
    figures: BuildingOccupancy | None  # None: a building without rooms

    @property
    def beds(self) -> int:
        return self.figures.beds if self.figures else 0

    @property
    def occupied(self) -> int:
        return self.figures.occupied if self.figures else 0

    @property
    def free(self) -> int:
        return self.figures.free if self.figures else 0

    @property
    def rate(self) -> float:
        return self.figures.rate if self.figures else 0.0


@dataclass(frozen=True)
class RoomRow:
    info: RoomInfo
    occupied: int
    gender: str | None  # the room's own, its building's, or its occupants'

    @property
    def id(self) -> str:
        return self.info.room_id

    @property
    def free(self) -> int:
        return max(self.info.beds - self.occupied, 0)


@dataclass(frozen=True)
class BedRow:
    bed_number: int
    assignment_id: str | None
    student_id: str | None
    student_number: str
    student_name: str
    class_name: str
    gender: str
    start_date: str


@dataclass(frozen=True)
class StayRow:
    assignment_id: str
    student_id: str
    student_number: str
    student_name: str
    room_id: str
    room_label: str
    bed_number: int
    start_date: str
    end_date: str | None
    reason: str
    synced: bool


@dataclass(frozen=True)
class RoomDetail:
    room: RoomRow
    beds: tuple[BedRow, ...]
    history: tuple[StayRow, ...]  # every stay of the room, newest first


@dataclass(frozen=True)
class StudentHit:
    id: str
    number: str
    name: str
    gender: str
    status: str
    cohort: int
    class_id: str | None
    class_name: str
    department_id: str
    bed: str | None  # "D01-101 / 3" when housed

    def info(self) -> StudentInfo:
        return StudentInfo(self.id, self.gender, self.class_id, self.status, self.number)


@dataclass(frozen=True)
class ClassRow:
    id: str
    code: str
    name: str
    cohort: int
    department_id: str


@dataclass(frozen=True)
class BulkSpec:
    cohort: int
    department_id: str | None = None
    class_ids: tuple[str, ...] = ()
    building_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlacementRow:
    student_id: str
    student_number: str
    student_name: str
    gender: str
    class_name: str
    room_id: str
    room_label: str
    bed_number: int


@dataclass(frozen=True)
class UnplacedRow:
    student_id: str
    student_number: str
    student_name: str
    gender: str
    class_name: str
    reason: str


@dataclass(frozen=True)
class BulkPreview:
    spec: BulkSpec
    placements: tuple[PlacementRow, ...]
    unplaced: tuple[UnplacedRow, ...]
    token: str  # the plan's fingerprint: confirm insists on the plan that was previewed


# --- the service ------------------------------------------------------------------------------

class DormService:
    def __init__(self, sync: SyncService, user: UserRow) -> None:
        self.sync = sync
        self.user = user

    @property
    def _engine(self) -> Any:
        return self.sync.store.engine

    @property
    def complete(self) -> bool:
        """Whether the replica holds every bed (a university-wide user)."""
        return self.user.scope == "all"

    @property
    def can_write(self) -> bool:
        return "dorms.write" in self.user.permissions and self.complete

    def _require_write(self) -> None:
        if "dorms.write" not in self.user.permissions:
            raise PermissionDeniedError("没有权限：dorms.write (permission dorms.write required)",
                                        {"permission": "dorms.write"})
        if not self.complete:
            raise PermissionDeniedError("本机数据只含本院系学生的床位，请由学校公寓管理员办理"
                                        " (this computer holds your department's beds only; a university-wide "
                                        "account assigns beds)", code="out_of_scope")

    # -- overview ------------------------------------------------------------------------------
    def _rooms(self, conn: Connection, building_ids: Sequence[str] | None = None) -> list[RoomInfo]:
        stmt = (select(T_ROOM.c.id, T_ROOM.c.building_id, T_BUILDING.c.code, T_ROOM.c.number, T_ROOM.c.floor,
                       T_ROOM.c.beds, T_ROOM.c.gender, T_BUILDING.c.gender)
                .join(T_BUILDING, T_BUILDING.c.id == T_ROOM.c.building_id)
                .where(_live(T_ROOM), _live(T_BUILDING))
                .order_by(T_BUILDING.c.code, T_ROOM.c.floor, T_ROOM.c.number))
        if building_ids:
            stmt = stmt.where(T_ROOM.c.building_id.in_(list(building_ids)))
        return [RoomInfo(rid, bid, code, number, int(floor), int(beds or 0), rg or None, bg or None)
                for rid, bid, code, number, floor, beds, rg, bg in conn.execute(stmt)]

    @staticmethod
    def _occupied(conn: Connection) -> dict[str, int]:
        return {r: int(n) for r, n in conn.execute(
            select(T_BED.c.room_id, func.count()).where(*_current()).group_by(T_BED.c.room_id))}

    @staticmethod
    def _occupants(conn: Connection, room_ids: Sequence[str] | None = None) -> dict[str, list[Occupant]]:
        stmt = (select(T_BED.c.student_id, T_BED.c.bed_number, T_STUDENT.c.gender, T_BED.c.room_id)
                .outerjoin(T_STUDENT, T_STUDENT.c.id == T_BED.c.student_id).where(*_current()))
        if room_ids is not None:
            stmt = stmt.where(T_BED.c.room_id.in_(list(room_ids)))
        out: dict[str, list[Occupant]] = {}
        for student_id, bed, gender, room_id in conn.execute(stmt):
            out.setdefault(room_id, []).append(Occupant(student_id, int(bed), gender or "?"))
        return out

    def overview(self) -> list[BuildingRow]:
        """Every building with its occupancy per floor (:func:`core.rules.dorms.occupancy`)."""
        with self._engine.connect() as conn:
            figures = {b.building_id: b for b in occupancy(self._rooms(conn), self._occupied(conn))}
            buildings = conn.execute(select(T_BUILDING).where(_live(T_BUILDING))
                                     .order_by(T_BUILDING.c.code)).mappings().all()
        return [BuildingRow(b["id"], b["code"], b["name"], b["gender"] or None, int(b["floors"] or 0),
                            figures.get(b["id"])) for b in buildings]

    def rooms(self, building_id: str, floor: int | None = None) -> list[RoomRow]:
        with self._engine.connect() as conn:
            infos = [r for r in self._rooms(conn, [building_id]) if floor is None or r.floor == floor]
            occupants = self._occupants(conn, [r.room_id for r in infos]) if len(infos) < 900 else self._occupants(conn)
        return [_room_row(info, occupants.get(info.room_id, [])) for info in infos]

    def room_detail(self, room_id: str) -> RoomDetail:
        with self._engine.connect() as conn:
            info = self._room_info(conn, room_id)
            occupants = self._occupants(conn, [room_id]).get(room_id, [])
            stays = self._stays(conn, T_BED.c.room_id == room_id)
        by_bed = {s.bed_number: s for s in stays if s.end_date is None}
        students = self._students_by_id(list({s.student_id for s in by_bed.values()}))
        beds = []
        for n in range(1, info.beds + 1):
            stay = by_bed.get(n)
            hit = students.get(stay.student_id) if stay else None
            beds.append(BedRow(n, stay.assignment_id if stay else None, stay.student_id if stay else None,
                               stay.student_number if stay else "", stay.student_name if stay else "",
                               hit.class_name if hit else "", hit.gender if hit else "",
                               stay.start_date if stay else ""))
        return RoomDetail(_room_row(info, occupants), tuple(beds), tuple(stays))

    def student_history(self, student_id: str) -> list[StayRow]:
        with self._engine.connect() as conn:
            return self._stays(conn, T_BED.c.student_id == student_id)

    def _stays(self, conn: Connection, where: Any) -> list[StayRow]:
        rows = conn.execute(
            select(T_BED, T_STUDENT.c.number, T_STUDENT.c.name, T_ROOM.c.number.label("room_number"),
                   T_BUILDING.c.code.label("building_code"))
            .outerjoin(T_STUDENT, T_STUDENT.c.id == T_BED.c.student_id)
            .outerjoin(T_ROOM, T_ROOM.c.id == T_BED.c.room_id)
            .outerjoin(T_BUILDING, T_BUILDING.c.id == T_ROOM.c.building_id)
            .where(where, _live(T_BED))
            .order_by(T_BED.c.start_date.desc(), T_BED.c.end_date.is_(None).desc())).mappings().all()
        return [StayRow(r["id"], r["student_id"], r["number"] or "", r["name"] or "", r["room_id"],
                        f"{r['building_code']}-{r['room_number']}", int(r["bed_number"]), r["start_date"] or "",
                        r["end_date"], r["reason"] or "", int(r["row_version"] or 0) > 0) for r in rows]

    def _room_info(self, conn: Connection, room_id: str) -> RoomInfo:
        row = conn.execute(
            select(T_ROOM.c.id, T_ROOM.c.building_id, T_BUILDING.c.code, T_ROOM.c.number, T_ROOM.c.floor,
                   T_ROOM.c.beds, T_ROOM.c.gender, T_BUILDING.c.gender)
            .join(T_BUILDING, T_BUILDING.c.id == T_ROOM.c.building_id)
            .where(T_ROOM.c.id == room_id, _live(T_ROOM))).first()
        if row is None:
            raise InvalidInputError.field("room_id", f"房间不存在：{room_id} (no such room)")
        rid, bid, code, number, floor, beds, rg, bg = row
        return RoomInfo(rid, bid, code, number, int(floor), int(beds or 0), rg or None, bg or None)

    def room_by_label(self, building_code: str, number: str) -> RoomRow:
        with self._engine.connect() as conn:
            room_id = conn.execute(select(T_ROOM.c.id).join(T_BUILDING, T_BUILDING.c.id == T_ROOM.c.building_id)
                                   .where(T_BUILDING.c.code == building_code, T_ROOM.c.number == number)).scalar()
            if room_id is None:
                raise InvalidInputError.field("room_id", f"房间不存在：{building_code}-{number} (no such room)")
            info = self._room_info(conn, room_id)
            return _room_row(info, self._occupants(conn, [room_id]).get(room_id, []))

    # -- students ------------------------------------------------------------------------------
    def search_students(self, text: str, limit: int = 30, *, housed: bool | None = None) -> list[StudentHit]:
        """Students by number prefix or part of the name; ``housed`` limits to those with (True)
        or without (False) a current bed."""
        text = text.strip()
        current = select(T_BED.c.student_id).where(*_current())
        stmt = select(T_STUDENT.c.id).where(_live(T_STUDENT)).order_by(T_STUDENT.c.number).limit(limit)
        if text:
            stmt = stmt.where(or_(T_STUDENT.c.number.like(f"{text}%"), T_STUDENT.c.name.like(f"%{text}%")))
        if housed is True:
            stmt = stmt.where(T_STUDENT.c.id.in_(current))
        elif housed is False:
            stmt = stmt.where(T_STUDENT.c.id.not_in(current))
        with self._engine.connect() as conn:
            ids = list(conn.execute(stmt).scalars())
        found = self._students_by_id(ids)
        return [found[i] for i in ids if i in found]

    def student(self, student_id: str) -> StudentHit:
        found = self._students_by_id([student_id])
        if student_id not in found:
            raise NotFoundError("学生不存在或不在您的范围内 (no such student in your scope)",
                                {"field": "student_id", "id": student_id})
        return found[student_id]

    def _students_by_id(self, ids: Sequence[str]) -> dict[str, StudentHit]:
        if not ids:
            return {}
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(T_STUDENT.c.id, T_STUDENT.c.number, T_STUDENT.c.name, T_STUDENT.c.gender, T_STUDENT.c.status,
                       T_STUDENT.c.cohort, T_STUDENT.c.class_id, T_CLASS.c.name, T_STUDENT.c.department_id)
                .outerjoin(T_CLASS, T_CLASS.c.id == T_STUDENT.c.class_id)
                .where(T_STUDENT.c.id.in_(list(ids)), _live(T_STUDENT))).all()
            beds = {s: f"{code}-{number} / {bed}" for s, code, number, bed in conn.execute(
                select(T_BED.c.student_id, T_BUILDING.c.code, T_ROOM.c.number, T_BED.c.bed_number)
                .join(T_ROOM, T_ROOM.c.id == T_BED.c.room_id).join(T_BUILDING, T_BUILDING.c.id == T_ROOM.c.building_id)
                .where(T_BED.c.student_id.in_(list(ids)), *_current()))}
        return {r[0]: StudentHit(r[0], r[1], r[2], r[3], r[4], int(r[5] or 0), r[6], r[7] or "", r[8], beds.get(r[0]))
                for r in rows}

    def _held(self, conn: Connection, student_id: str) -> Any:
        return conn.execute(select(T_BED).where(T_BED.c.student_id == student_id, *_current())).mappings().first()

    # -- assign, move, vacate ------------------------------------------------------------------
    def check_assign(self, student_id: str, room_id: str, bed_number: int, *, moving: bool = False) -> None:
        """The rules of :func:`core.rules.dorms.check_assignment` against the replica.

        ``moving``: the student's current bed is about to be left, so it does not count.
        """
        with self._engine.connect() as conn:
            self._check(conn, student_id, room_id, bed_number, moving=moving)

    def _check(self, conn: Connection, student_id: str, room_id: str, bed_number: int, *, moving: bool) -> Any:
        student = self.student(student_id)
        info = self._room_info(conn, room_id)
        held = self._held(conn, student_id)
        if moving:
            if held is None:
                raise ConflictError("该学生当前没有床位 (the student has no bed)", {"student_id": student_id},
                                    code="not_housed")
            if (held["room_id"], int(held["bed_number"])) == (room_id, bed_number):
                raise InvalidInputError.field("bed_number", "新床位与当前床位相同 (that is the current bed)")
        occupants = [o for o in self._occupants(conn, [room_id]).get(room_id, []) if o.student_id != student_id]
        check_assignment(info, bed_number, student.info(), occupants,
                         current_room_bed=None if moving or held is None else (held["room_id"], int(held["bed_number"])))
        return held

    def assign(self, student_id: str, room_id: str, bed_number: int, day: date, reason: str = "") -> str:
        """Give a student without a bed this bed from ``day`` (入住); returns the assignment id."""
        self._require_write()
        with self._engine.connect() as conn:
            self._check(conn, student_id, room_id, bed_number, moving=False)
        row_id = str(uuid.uuid4())
        self.sync.write("bed_assignment", row_id, "create", {
            "student_id": student_id, "room_id": room_id, "bed_number": bed_number, "start_date": day,
            "end_date": None, "reason": reason.strip()})
        return row_id

    def move(self, student_id: str, room_id: str, bed_number: int, day: date, reason: str = "") -> str:
        """调宿: the current stay ends on ``day`` and the new one starts that day, both written in
        one local transaction (pushed in that order); the old row stays as history."""
        self._require_write()
        with self._engine.connect() as conn:
            held = self._check(conn, student_id, room_id, bed_number, moving=True)
        check_dates(date.fromisoformat(held["start_date"]), day)
        row_id = str(uuid.uuid4())
        self._write_many([
            ("bed_assignment", held["id"], "patch", {"end_date": day}),
            ("bed_assignment", row_id, "create", {"student_id": student_id, "room_id": room_id,
                                                  "bed_number": bed_number, "start_date": day, "end_date": None,
                                                  "reason": reason.strip()}),
        ])
        return row_id

    def vacate(self, student_id: str, day: date, reason: str = "") -> str:
        """退宿: the current stay ends on ``day``; returns the (kept) assignment's id."""
        self._require_write()
        with self._engine.connect() as conn:
            held = self._held(conn, student_id)
        if held is None:
            raise ConflictError("该学生当前没有床位 (the student has no bed)", {"student_id": student_id},
                                code="not_housed")
        check_dates(date.fromisoformat(held["start_date"]), day)
        fields: dict[str, Any] = {"end_date": day}
        if reason.strip():
            fields["reason"] = reason.strip()
        self.sync.write("bed_assignment", held["id"], "patch", fields)
        return str(held["id"])

    def _write_many(self, edits: list[tuple[str, str, str, dict[str, Any] | None]]) -> list[str]:
        write_many = getattr(self.sync, "write_many", None)
        if callable(write_many):
            return list(write_many(edits))
        return [self.sync.write(*edit) for edit in edits]  # pragma: no cover - an older SyncService

    # -- bulk assignment of a cohort -----------------------------------------------------------
    def cohorts(self) -> list[int]:
        with self._engine.connect() as conn:
            return sorted((int(c) for c in conn.execute(select(T_CLASS.c.cohort).distinct()).scalars() if c),
                          reverse=True)

    def classes(self, cohort: int, department_id: str | None = None) -> list[ClassRow]:
        stmt = select(T_CLASS).where(_live(T_CLASS), T_CLASS.c.cohort == cohort).order_by(T_CLASS.c.code)
        if department_id:
            stmt = stmt.where(T_CLASS.c.department_id == department_id)
        with self._engine.connect() as conn:
            return [ClassRow(r["id"], r["code"], r["name"], int(r["cohort"]), r["department_id"])
                    for r in conn.execute(stmt).mappings()]

    def departments(self) -> list[tuple[str, str, str, str]]:
        """(id, code, name, English name) of the departments in the replica."""
        with self._engine.connect() as conn:
            return [(r["id"], r["code"], r["name"], r["name_en"] or "")
                    for r in conn.execute(select(T_DEPT).where(_live(T_DEPT)).order_by(T_DEPT.c.code)).mappings()]

    def bulk_preview(self, spec: BulkSpec, *, on_progress: Progress = _noop,
                     cancel: threading.Event | None = None) -> BulkPreview:
        """The plan for a cohort (:func:`core.rules.dorms.plan_bulk`), without writing."""
        with self._engine.connect() as conn:
            plan, students, rooms = self._plan(conn, spec, on_progress, cancel)
        return _preview(spec, plan, students, rooms)

    def _plan(self, conn: Connection, spec: BulkSpec, on_progress: Progress,
              cancel: threading.Event | None) -> tuple[BulkPlan, dict[str, StudentHit], dict[str, RoomInfo]]:
        def step(n: int) -> None:
            if cancel is not None and cancel.is_set():
                raise CancelledError()
            on_progress(n, 4)

        step(0)
        stmt = (select(T_STUDENT.c.id).outerjoin(T_CLASS, T_CLASS.c.id == T_STUDENT.c.class_id)
                .where(_live(T_STUDENT), T_STUDENT.c.cohort == spec.cohort)
                .order_by(T_CLASS.c.code, T_STUDENT.c.number))
        if spec.department_id:
            stmt = stmt.where(T_STUDENT.c.department_id == spec.department_id)
        if spec.class_ids:
            stmt = stmt.where(T_STUDENT.c.class_id.in_(list(spec.class_ids)))
        ids = list(conn.execute(stmt).scalars())
        students = self._students_by_id(ids)
        step(1)
        rooms = self._rooms(conn, list(spec.building_ids) or None)
        occupants = self._occupants(conn)
        housed = set(conn.execute(select(T_BED.c.student_id).where(*_current())).scalars())
        step(2)
        plan = plan_bulk([students[i].info() for i in ids if i in students], rooms, occupants, housed & set(ids))
        step(3)
        return plan, students, {r.room_id: r for r in rooms}

    def bulk_commit(self, preview: BulkPreview, start_date: date, reason: str = DEFAULT_BULK_REASON, *,
                    on_progress: Progress = _noop, cancel: threading.Event | None = None) -> int:
        """Write every placement of the previewed plan in one local transaction; returns how many.

        Raises:
            ConflictError: ``plan_changed`` when beds or students changed since the preview.
        """
        self._require_write()
        with self._engine.connect() as conn:
            plan, _students, _rooms = self._plan(conn, preview.spec, on_progress, cancel)
        if plan.fingerprint() != preview.token:
            raise ConflictError("预览后住宿情况已变化，请重新预览 (occupancy changed since the preview)",
                                {"expected": preview.token, "now": plan.fingerprint()}, code="plan_changed")
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        edits: list[tuple[str, str, str, dict[str, Any] | None]] = [
            ("bed_assignment", str(uuid.uuid4()), "create",
             {"student_id": p.student_id, "room_id": p.room_id, "bed_number": p.bed_number, "start_date": start_date,
              "end_date": None, "reason": (reason or DEFAULT_BULK_REASON).strip()})
            for p in plan.placements]
        if edits:
            self._write_many(edits)
        on_progress(4, 4)
        return len(edits)

    # -- export --------------------------------------------------------------------------------
    def export_overview(self, path: Path, headers: Sequence[str], *, on_progress: Progress = _noop,
                        cancel: threading.Event | None = None) -> int:
        """Per building and floor: rooms, beds, occupied, free, rate, full and empty rooms."""
        rows: list[list[Any]] = []
        for b in self.overview():
            if b.figures is None:
                continue
            rows.append([b.code, b.name, b.gender or "", "", b.figures.rooms, b.beds, b.occupied, b.free, b.rate,
                         b.figures.full_rooms, b.figures.empty_rooms])
            for f in b.figures.floors:
                rows.append([b.code, b.name, b.gender or "", f.floor, f.rooms, f.beds, f.occupied, f.beds - f.occupied,
                             round(f.occupied / f.beds, 4) if f.beds else 0.0, None, None])
        write_xlsx(path, "occupancy", headers, rows, cancel=cancel)
        on_progress(1, 1)
        return len(rows)

    def export_residents(self, path: Path, headers: Sequence[str], building_id: str | None = None, *,
                         on_progress: Progress = _noop, cancel: threading.Event | None = None) -> int:
        """Every current stay (of one building, or all): building, room, bed, student, class, since."""
        stmt = (select(T_BUILDING.c.code, T_ROOM.c.number, T_BED.c.bed_number, T_STUDENT.c.number, T_STUDENT.c.name,
                       T_STUDENT.c.gender, T_CLASS.c.name, T_BED.c.start_date, T_BED.c.reason)
                .join(T_ROOM, T_ROOM.c.id == T_BED.c.room_id).join(T_BUILDING, T_BUILDING.c.id == T_ROOM.c.building_id)
                .outerjoin(T_STUDENT, T_STUDENT.c.id == T_BED.c.student_id)
                .outerjoin(T_CLASS, T_CLASS.c.id == T_STUDENT.c.class_id)
                .where(*_current()).order_by(T_BUILDING.c.code, T_ROOM.c.floor, T_ROOM.c.number, T_BED.c.bed_number))
        if building_id:
            stmt = stmt.where(T_ROOM.c.building_id == building_id)
        with self._engine.connect() as conn:
            rows = [list(r) for r in conn.execute(stmt)]
        on_progress(len(rows) // 2, max(len(rows), 1))
        write_xlsx(path, "residents", headers, rows, cancel=cancel)
        on_progress(len(rows), max(len(rows), 1))
        return len(rows)

    def export_preview(self, preview: BulkPreview, path: Path, headers: Sequence[str], *,
                       on_progress: Progress = _noop, cancel: threading.Event | None = None) -> int:
        rows = [[p.student_number, p.student_name, p.gender, p.class_name, p.room_label, p.bed_number, ""]
                for p in preview.placements]
        rows += [[u.student_number, u.student_name, u.gender, u.class_name, "", None, u.reason]
                 for u in preview.unplaced]
        write_xlsx(path, "bulk", headers, rows, cancel=cancel)
        on_progress(1, 1)
        return len(rows)


def _room_row(info: RoomInfo, occupants: Sequence[Occupant]) -> RoomRow:
    gender = info.effective_gender or next((o.gender for o in occupants), None)
    return RoomRow(info, len(occupants), gender)


def _preview(spec: BulkSpec, plan: BulkPlan, students: dict[str, StudentHit], rooms: dict[str, RoomInfo]) -> BulkPreview:
    def who(student_id: str) -> StudentHit | None:
        return students.get(student_id)

    placements = []
    for p in plan.placements:
        s = who(p.student_id)
        room = rooms[p.room_id]
        placements.append(PlacementRow(p.student_id, s.number if s else "", s.name if s else "", s.gender if s else "",
                                       s.class_name if s else "", p.room_id, room.label, p.bed_number))
    unplaced = []
    for u in plan.unplaced:
        s = who(u.student_id)
        unplaced.append(UnplacedRow(u.student_id, s.number if s else "", s.name if s else "", s.gender if s else "",
                                    s.class_name if s else "", u.reason))
    return BulkPreview(spec, tuple(placements), tuple(unplaced), plan.fingerprint())
