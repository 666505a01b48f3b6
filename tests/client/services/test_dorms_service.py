"""Dormitories 学生公寓 on the desktop without Qt: occupancy from the replica, assign / move /
vacate checked with core.rules.dorms before anything is written, history kept, and the bulk
assignment of a cohort (preview, then all placements in one local transaction)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from client.services.dorms import BulkSpec, DormService
from client.services.dto import UserRow
from client.services.sync import SyncService
from core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from sync.client.store import ReplicaStore
from sync.client.transport import HttpTransport
from sync.protocol import PullResponse, TableRows

SERVER = "http://jiaowu.test:8765"
DAY = date(2026, 12, 3)


def _id() -> str:
    return str(uuid.uuid4())


class World:
    """Buildings D01 (men, rooms 101/102/201 of 4 beds), D02 (women, 101 of 4), D03 (mixed, 101
    of 2); class A of cohort 2026 (5 men, 3 women, one suspended man), class B (2 men); one man
    of class A already in D01-101 bed 1."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.dept = self.add("department", code="01", name="计算机学院", name_en="")
        self.d01 = self.add("dorm_building", code="D01", name="学生公寓1栋", gender="M", floors=2)
        self.d02 = self.add("dorm_building", code="D02", name="学生公寓2栋", gender="F", floors=1)
        self.d03 = self.add("dorm_building", code="D03", name="学生公寓3栋", gender=None, floors=1)
        self.rooms = {f"D01-{n}": self.add("dorm_room", building_id=self.d01, number=n, floor=int(n[0]), beds=4,
                                           gender=None) for n in ("101", "102", "201")}
        self.rooms["D02-101"] = self.add("dorm_room", building_id=self.d02, number="101", floor=1, beds=4, gender=None)
        self.rooms["D03-101"] = self.add("dorm_room", building_id=self.d03, number="101", floor=1, beds=2, gender=None)
        self.class_a = self.add("school_class", code="A2601", name="A班", major_id="m", department_id=self.dept,
                                cohort=2026)
        self.class_b = self.add("school_class", code="B2601", name="B班", major_id="m", department_id=self.dept,
                                cohort=2026)
        self.men = [self.student(f"26A{i}", "M", self.class_a) for i in range(5)]
        self.women = [self.student(f"26A{5 + i}", "F", self.class_a) for i in range(3)]
        self.suspended = self.student("26A9", "M", self.class_a, status="suspended")
        self.b_men = [self.student(f"26B{i}", "M", self.class_b) for i in range(2)]
        self.housed = self.men[0]
        self.add("bed_assignment", room_id=self.rooms["D01-101"], bed_number=1, student_id=self.housed,
                 start_date="2026-09-01", end_date=None, reason="新生入住")

    def student(self, number: str, gender: str, class_id: str, status: str = "enrolled") -> str:
        return self.add("student", number=number, name=f"学生{number}", gender=gender, class_id=class_id,
                        department_id=self.dept, cohort=2026, status=status)

    def add(self, table: str, **values: Any) -> str:
        row_id = _id()
        self.rows.setdefault(table, []).append({"id": row_id, "row_version": 1, "server_seq": 1, "deleted": False,
                                                **values})
        return row_id

    def page(self) -> PullResponse:
        upserts = {}
        for table, rows in self.rows.items():
            columns = sorted({k for r in rows for k in r})
            upserts[table] = TableRows(columns=columns, rows=[[r.get(c) for c in columns] for r in rows])
        return PullResponse(upserts=upserts, next_cursor="e1:1", has_more=False, scope_key="k")


def _unreachable(_request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("offline")


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def sync(tmp_path: Path, world: World) -> SyncService:
    store = ReplicaStore(tmp_path / "replica.db")
    store.apply_page(world.page())
    transport = HttpTransport(SERVER, lambda: None, client=httpx.Client(base_url=SERVER,
                                                                        transport=httpx.MockTransport(_unreachable)))
    service = SyncService(store, transport)
    yield service
    service.close()


def _user(*permissions: str, scope: str = "all", department_id: str | None = None) -> UserRow:
    return UserRow(id=_id(), username="registrar", display_name="周敏", permissions=frozenset(permissions),
                   scope=scope, department_id=department_id)


@pytest.fixture
def dorms(sync: SyncService) -> DormService:
    return DormService(sync, _user("dorms.read", "dorms.write"))


def test_overview_counts_beds_per_building_and_floor(dorms: DormService, world: World) -> None:
    rows = {b.code: b for b in dorms.overview()}
    assert (rows["D01"].beds, rows["D01"].occupied, rows["D01"].free) == (12, 1, 11)
    assert rows["D01"].figures is not None and [(f.floor, f.beds, f.occupied) for f in rows["D01"].figures.floors] == [
        (1, 8, 1), (2, 4, 0)]
    assert (rows["D02"].beds, rows["D03"].beds, rows["D03"].gender) == (4, 2, None)
    rooms = {r.info.number: r for r in dorms.rooms(world.d01)}
    assert (rooms["101"].occupied, rooms["101"].free, rooms["101"].gender) == (1, 3, "M")
    detail = dorms.room_detail(world.rooms["D01-101"])
    assert [b.student_number for b in detail.beds] == ["26A0", "", "", ""]
    assert [s.student_number for s in detail.history] == ["26A0"]


def test_assign_checks_gender_bed_and_status_before_writing(dorms: DormService, world: World) -> None:
    with pytest.raises(InvalidInputError) as caught:
        dorms.assign(world.women[0], world.rooms["D01-102"], 1, DAY)
    assert caught.value.details["fields"][0]["field"] == "room_id" and "D01-102" in caught.value.message
    with pytest.raises(ConflictError) as caught:
        dorms.assign(world.men[1], world.rooms["D01-101"], 1, DAY)
    assert caught.value.code == "bed_occupied"
    with pytest.raises(ConflictError) as caught:
        dorms.assign(world.housed, world.rooms["D01-102"], 1, DAY)
    assert caught.value.code == "already_housed"
    with pytest.raises(InvalidInputError):
        dorms.assign(world.suspended, world.rooms["D01-102"], 1, DAY)
    with pytest.raises(InvalidInputError):
        dorms.assign(world.men[1], world.rooms["D01-102"], 5, DAY)
    assert dorms.sync.unsent() == []
    # A mixed building's room takes its first occupant's gender.
    dorms.assign(world.women[0], world.rooms["D03-101"], 1, DAY, "入住")
    with pytest.raises(InvalidInputError):
        dorms.assign(world.men[1], world.rooms["D03-101"], 2, DAY)
    [op] = dorms.sync.unsent()
    assert (op.table, op.kind, op.fields["start_date"], op.fields["end_date"]) == ("bed_assignment", "create",
                                                                                   "2026-12-03", None)


def test_move_ends_the_stay_and_starts_another_keeping_history(dorms: DormService, world: World) -> None:
    with pytest.raises(InvalidInputError):
        dorms.move(world.housed, world.rooms["D01-101"], 1, DAY)  # the same bed
    new_id = dorms.move(world.housed, world.rooms["D01-201"], 2, DAY, "调宿")
    ops = dorms.sync.unsent()
    assert [(o.kind, o.fields.get("end_date")) for o in ops] == [("patch", "2026-12-03"), ("create", None)]
    assert ops[1].row_id == new_id
    history = dorms.student_history(world.housed)
    assert [(h.room_label, h.bed_number, h.end_date) for h in history] == [("D01-201", 2, None),
                                                                           ("D01-101", 1, "2026-12-03")]
    assert dorms.room_detail(world.rooms["D01-101"]).beds[0].student_id is None
    assert dorms.student(world.housed).bed == "D01-201 / 2"
    with pytest.raises(InvalidInputError):  # before the stay began
        dorms.move(world.housed, world.rooms["D01-102"], 1, date(2026, 11, 1))


def test_vacate_keeps_the_row_as_history(dorms: DormService, world: World) -> None:
    with pytest.raises(ConflictError) as caught:
        dorms.vacate(world.men[1], DAY)
    assert caught.value.code == "not_housed"
    with pytest.raises(InvalidInputError):
        dorms.vacate(world.housed, date(2026, 8, 1))
    dorms.vacate(world.housed, DAY, "走读")
    [stay] = dorms.student_history(world.housed)
    assert (stay.end_date, stay.reason) == ("2026-12-03", "走读")
    assert dorms.search_students("26A0", housed=False)[0].id == world.housed


def test_only_a_university_wide_account_with_dorms_write_changes_beds(sync: SyncService, world: World) -> None:
    reader = DormService(sync, _user("dorms.read"))
    secretary = DormService(sync, _user("dorms.read", "dorms.write", scope="department", department_id=world.dept))
    assert not reader.can_write and not secretary.can_write and not secretary.complete
    for service in (reader, secretary):
        with pytest.raises(PermissionDeniedError):
            service.assign(world.men[1], world.rooms["D01-102"], 1, DAY)


def test_bulk_preview_then_confirm_writes_every_placement(dorms: DormService, world: World) -> None:
    preview = dorms.bulk_preview(BulkSpec(cohort=2026))
    placed = {p.student_number: (p.room_label, p.bed_number) for p in preview.placements}
    # Class A's four free men get a whole empty room; its women the women's building; class B
    # men the next empty room; classmates stay together.
    assert placed["26A1"] == ("D01-102", 1) and placed["26A4"] == ("D01-102", 4)
    assert {placed[f"26A{i}"][0] for i in (5, 6, 7)} == {"D02-101"}
    assert {placed["26B0"][0], placed["26B1"][0]} == {"D01-201"}
    reasons = {u.student_number: u.reason for u in preview.unplaced}
    assert set(reasons) == {"26A0", "26A9"}
    assert "already has a bed" in reasons["26A0"] and "not enrolled" in reasons["26A9"]
    assert dorms.sync.unsent() == []
    written = dorms.bulk_commit(preview, date(2026, 9, 1))
    assert written == len(preview.placements) == 9
    assert len(dorms.sync.unsent()) == 9
    assert {b.code: b.occupied for b in dorms.overview()} == {"D01": 7, "D02": 3, "D03": 0}
    with pytest.raises(ConflictError) as caught:  # the same plan again: everything changed since
        dorms.bulk_commit(preview, date(2026, 9, 1))
    assert caught.value.code == "plan_changed"


def test_bulk_limited_to_classes_and_buildings(dorms: DormService, world: World) -> None:
    assert dorms.cohorts() == [2026]
    assert [c.code for c in dorms.classes(2026)] == ["A2601", "B2601"]
    preview = dorms.bulk_preview(BulkSpec(cohort=2026, class_ids=(world.class_b,), building_ids=(world.d02,)))  # the women's building
    assert preview.placements == ()
    assert [u.student_number for u in preview.unplaced] == ["26B0", "26B1"]
    assert "no free bed" in preview.unplaced[0].reason


def test_exports_are_readable(dorms: DormService, world: World, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    overview = tmp_path / "occupancy.xlsx"
    count = dorms.export_overview(overview, [f"h{i}" for i in range(11)])
    assert count == 3 + 2 + 1 + 1  # a row per building and one per floor
    rows = list(load_workbook(overview).active.iter_rows(values_only=True))
    assert rows[1][:8] == ("D01", "学生公寓1栋", "M", None, 3, 12, 1, 11)
    residents = tmp_path / "residents.xlsx"
    assert dorms.export_residents(residents, [f"h{i}" for i in range(9)]) == 1
    preview = dorms.bulk_preview(BulkSpec(cohort=2026))
    assert dorms.export_preview(preview, tmp_path / "bulk.xlsx", [f"h{i}" for i in range(7)]) == 11
