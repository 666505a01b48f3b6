"""Student records over a replica, without Qt: search, blocks, the form's rules, patches of
changed fields only, departments/majors/classes, permissions, import in one transaction, export."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from client.services.dto import UserRow
from client.services.errors import ClientError, ErrorKind
from client.services.students import StudentForm, StudentQuery, StudentService
from client.services.sync import SyncService
from core.models.wire import to_wire
from core.rules.values import id_check_char
from sync.client import schema
from sync.client.store import ReplicaStore
from sync.protocol import PullResponse, TableRows

DEPT, OTHER_DEPT = str(uuid.uuid4()), str(uuid.uuid4())
CS, SE = str(uuid.uuid4()), str(uuid.uuid4())
CS2401, SE2401, SE2301 = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
REGISTRAR = frozenset({"students.read", "students.write", "students.import", "reference.write"})
SECRETARY = frozenset({"students.read", "students.write", "students.import"})


def id_number(prefix17: str) -> str:
    return prefix17 + id_check_char(prefix17)


def _student(number: str, name: str, idn: str, class_id: str, major_id: str, cohort: int, **extra: object) -> dict:
    return {"id": str(uuid.uuid4()), "number": number, "name": name, "gender": "M" if int(idn[16]) % 2 else "F",
            "id_number": idn, "birth_date": f"{idn[6:10]}-{idn[10:12]}-{idn[12:14]}", "class_id": class_id,
            "major_id": major_id, "department_id": DEPT, "cohort": cohort, "status": "enrolled",
            "enrolled_on": f"{cohort}-09-01", "expected_graduation": f"{cohort + 4}-06-30", "phone": "",
            "ethnicity": "汉族", "political_status": "共青团员", "native_place": "", "email": "", "address": "",
            "row_version": 1, "server_seq": 1, "deleted": False, **extra}


STUDENTS = [
    _student("202401010101", "李明", id_number("11010520060101001"), CS2401, CS, 2024),
    _student("202401010102", "王芳", id_number("11010520060315002"), CS2401, CS, 2024),
    _student("202401020101", "王秀英", id_number("32010220060704003"), SE2401, SE, 2024, status="suspended"),
    _student("202301020101", "张伟", id_number("44030520050909005"), SE2301, SE, 2023),
]


def _page(tables: dict[str, list[dict]]) -> PullResponse:
    upserts = {}
    for name, rows in tables.items():
        columns = sorted({c for r in rows for c in r})
        upserts[name] = TableRows(columns=columns, rows=[[to_wire(name, r).get(c, r.get(c)) for c in columns]
                                                         for r in rows])
    return PullResponse(upserts=upserts, next_cursor="e1:1", has_more=False, scope_key="k")


def _meta(**row: object) -> dict:
    return {"row_version": 1, "server_seq": 1, "deleted": False, **row}


@pytest.fixture
def store(tmp_path: Path) -> ReplicaStore:
    replica = ReplicaStore(tmp_path / "replica.db")
    replica.apply_page(_page({
        "department": [_meta(id=DEPT, code="01", name="计算机学院", name_en="School of Computing"),
                       _meta(id=OTHER_DEPT, code="02", name="外国语学院", name_en="School of Languages")],
        "major": [_meta(id=CS, code="0101", name="计算机科学与技术", department_id=DEPT, duration_years=4),
                  _meta(id=SE, code="0102", name="软件工程", department_id=DEPT, duration_years=4)],
        "school_class": [_meta(id=CS2401, code="2024010101", name="计科2401班", major_id=CS, department_id=DEPT,
                               cohort=2024),
                         _meta(id=SE2401, code="2024010201", name="软件2401班", major_id=SE, department_id=DEPT,
                               cohort=2024),
                         _meta(id=SE2301, code="2023010201", name="软件2301班", major_id=SE, department_id=DEPT,
                               cohort=2023)],
        "student": STUDENTS,
    }))
    yield replica
    replica.close()


def _service(store: ReplicaStore, permissions: frozenset[str] = REGISTRAR, **user: object) -> StudentService:
    return StudentService(SyncService(store, None), UserRow("u1", "registrar", "周敏", permissions=permissions,  # type: ignore[arg-type]
                                                               **user))  # type: ignore[arg-type]


def _numbers(service: StudentService, **query: object) -> list[str]:
    ids = service.student_ids(StudentQuery(**query)).ids  # type: ignore[arg-type]
    return [r.number for r in service.rows_by_ids(ids)]


def _outbox(store: ReplicaStore) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(schema.outbox).order_by(schema.outbox.c.seq)).mappings()]


def test_search_by_number_name_id_number_class_and_major(store: ReplicaStore) -> None:
    service = _service(store)
    assert _numbers(service) == sorted(s["number"] for s in STUDENTS)
    assert _numbers(service, text="01020") == ["202301020101", "202401020101"]  # a part of the number
    assert _numbers(service, text="王") == ["202401010102", "202401020101"]  # name
    assert _numbers(service, text="320102") == ["202401020101"]  # the ID number's beginning
    assert _numbers(service, text=STUDENTS[3]["id_number"][-6:].lower()) == ["202301020101"]  # its end, any case
    assert _numbers(service, text="软件2301") == ["202301020101"]  # class name
    assert _numbers(service, text="计算机科学") == ["202401010101", "202401010102"]  # major name
    assert _numbers(service, text="%") == [] and _numbers(service, text="_") == []  # not wildcards


def test_search_index_follows_every_change_of_the_replica(store: ReplicaStore) -> None:
    """Typing narrows an in-memory index of the filters' rows; a local edit, a pulled page or
    a change of filter or sort must never leave it showing stale rows."""
    service = _service(store)
    assert _numbers(service, text="赵") == []
    assert service.search_ready(StudentQuery(text="x"))  # built by that search, any text
    new_id = service.save_student(_form())  # 赵丽, a local write
    assert not service.search_ready(StudentQuery())
    assert _numbers(service, text="赵") == ["202401010103"]
    store.apply_page(_page({"student": [{**STUDENTS[0], "name": "赵明", "row_version": 2, "server_seq": 9}]}))
    assert _numbers(service, text="赵") == ["202401010101", "202401010103"]  # a pulled change
    assert _numbers(service, text="赵", sort="number", descending=True) == ["202401010103", "202401010101"]
    assert _numbers(service, text="赵", status="suspended") == []
    assert _numbers(service, text="2401班", cohort=2024, sort="name") == [
        "202401020101", "202401010102", "202401010103", "202401010101"]  # 王秀英 王芳 赵丽 赵明 (code points)
    assert new_id in service.student_ids(StudentQuery(text="202401010103")).ids


def test_filters_sort_and_blocks(store: ReplicaStore) -> None:
    service = _service(store)
    assert _numbers(service, cohort=2023) == ["202301020101"]
    assert _numbers(service, class_id=SE2401) == ["202401020101"]
    assert _numbers(service, status="suspended") == ["202401020101"]
    assert _numbers(service, department_id=OTHER_DEPT) == []
    assert _numbers(service, sort="name", descending=True)[:2] == ["202401010102", "202401020101"]  # 王芳, 王秀英
    assert _numbers(service, sort="class") == ["202301020101", "202401010101", "202401010102", "202401020101"]
    ids = service.student_ids(StudentQuery()).ids
    rows = service.rows_by_ids([ids[2], "gone", ids[0]])
    assert [r.id for r in rows] == [ids[2], ids[0]]  # the order asked for; a vanished id is skipped
    assert (rows[0].class_name, rows[0].major_name, rows[0].department_name_en) == (
        "计科2401班", "计算机科学与技术", "School of Computing")
    lookups = service.lookups(counts=True)
    assert lookups.cohorts == (2024, 2023)
    assert {c.code: c.students for c in lookups.classes} == {"2024010101": 2, "2024010201": 1, "2023010201": 1}


def _form(**fields: str) -> StudentForm:
    base = {"number": "202401010103", "name": "赵丽", "gender": "F", "id_number": id_number("11010520060520004"),
            "class_id": CS2401, "phone": "13800138000"}
    return StudentForm(**{**base, **fields})


def test_create_checks_core_rules_then_writes_locally_with_an_outbox_op(store: ReplicaStore) -> None:
    service = _service(store)
    bad = id_number("11010520060520004")[:17] + ("0" if id_number("11010520060520004")[17] != "0" else "1")
    with pytest.raises(ClientError) as caught:
        service.save_student(_form(id_number=bad, phone="12345", number=STUDENTS[0]["number"]))
    assert caught.value.kind is ErrorKind.VALIDATION
    problems = caught.value.field_errors
    assert "校验位" in problems["id_number"] and "check digit" in problems["id_number"]
    assert "phone" in problems and "已存在" in problems["number"]
    assert _outbox(store) == []
    student_id = service.save_student(_form())
    row = store.row("student", student_id)
    assert row is not None and row["birth_date"] == "2006-05-20" and row["major_id"] == CS
    assert row["department_id"] == DEPT and row["cohort"] == 2024 and row["status"] == "enrolled"
    [op] = _outbox(store)
    assert (op["kind"], op["row_id"], op["table_name"]) == ("create", student_id, "student")
    assert service.rows_by_ids([student_id])[0].unsent


def test_edit_patches_only_changed_fields_and_keeps_the_status(store: ReplicaStore) -> None:
    service = _service(store)
    row = store.row("student", STUDENTS[2]["id"])
    assert row is not None
    form = StudentForm.of(row)
    assert service.save_student(form, row["id"]) == row["id"] and _outbox(store) == []  # nothing changed
    service.save_student(StudentForm.of({**row, "phone": "13912345678", "status": "graduated"}), row["id"])
    [op] = _outbox(store)
    assert op["kind"] == "patch" and json.loads(op["fields"]) == {"phone": "13912345678"}
    assert store.row("student", row["id"])["status"] == "suspended"  # statuses move by status changes


def test_reference_data_needs_reference_write(store: ReplicaStore) -> None:
    secretary = _service(store, SECRETARY, scope="department", department_id=DEPT)
    assert not secretary.can_edit_reference
    with pytest.raises(ClientError) as caught:
        secretary.save_org("department", {"code": "09", "name": "新学院"})
    assert caught.value.kind is ErrorKind.PERMISSION_DENIED
    registrar = _service(store)
    with pytest.raises(ClientError) as caught:
        registrar.save_org("school_class", {"code": "2024010101", "name": "", "major_id": SE, "cohort": "20x"})
    assert set(caught.value.field_errors) == {"code", "name", "cohort"}
    class_id = registrar.save_org("school_class", {"code": "2024010202", "name": "软件2402班", "major_id": SE,
                                                   "cohort": "2024", "size_limit": "45"})
    row = store.row("school_class", class_id)
    assert row is not None and row["department_id"] == DEPT and row["cohort"] == 2024 and row["size_limit"] == 45
    registrar.save_org("department", {"code": "01", "name": "计算机与人工智能学院", "name_en": "School of Computing"}, DEPT)
    assert json.loads(_outbox(store)[-1]["fields"]) == {"name": "计算机与人工智能学院"}


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["学号", "姓名", "性别", "身份证号", "班级", "联系电话"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_reports_rejected_rows_then_writes_all_confirmed_rows_at_once(store: ReplicaStore, tmp_path: Path) -> None:
    service = _service(store)
    good = [[f"20240101020{i}", f"学生{i}", "女", id_number(f"11010520060101{i}02"), "2024010101", ""] for i in range(1, 4)]
    path = _xlsx(tmp_path / "in.xlsx", [
        *good,
        ["202401010104", "钱七", "男", "110105200601010010", "2024010101", ""],  # bad check digit (row 5)
        [STUDENTS[0]["number"], "孙八", "男", id_number("11010520060101011"), "9999", "123"],  # row 6
    ])
    report = service.preview_import(path)
    assert (len(report.accepted), report.rejected_rows) == (3, [5, 6])
    assert [(p.row, p.column) for p in report.rejected] == [(5, "身份证号"), (6, "学号"), (6, "班级"), (6, "联系电话")]
    assert _outbox(store) == []  # nothing before the confirmation
    assert service.import_confirmed(report.accepted) == 3
    ops = _outbox(store)
    assert [o["kind"] for o in ops] == ["create"] * 3 and len({o["made_at"] for o in ops}) == 1
    assert _numbers(service, text="2024010102") == ["202401010201", "202401010202", "202401010203"]
    with pytest.raises(ClientError) as caught:  # the same file again: the numbers are there now
        service.import_confirmed(report.accepted)
    assert caught.value.kind is ErrorKind.CONFLICT and len(_outbox(store)) == 3


def test_a_secretary_imports_their_own_department_only(store: ReplicaStore, tmp_path: Path) -> None:
    service = _service(store, SECRETARY, scope="department", department_id=OTHER_DEPT)
    report = service.preview_import(_xlsx(tmp_path / "in.xlsx", [
        ["202401010201", "学生", "女", id_number("11010520060101002"), "2024010101", ""]]))
    assert report.accepted == [] and [(p.row, p.column) for p in report.rejected] == [(2, "班级")]


def test_write_many_is_all_or_nothing(store: ReplicaStore) -> None:
    before = len(_outbox(store))
    with pytest.raises(ValueError):
        store.write_many([("student", str(uuid.uuid4()), "create", {"name": "甲"}),
                          ("student", STUDENTS[0]["id"], "create", {"name": "乙"})])  # exists: refused
    assert len(_outbox(store)) == before
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.REPLICA["student"])).scalar() == len(STUDENTS)


def test_export_writes_what_the_query_finds_readably(store: ReplicaStore, tmp_path: Path) -> None:
    service = _service(store)
    target = tmp_path / "out" / "students.xlsx"
    assert service.export_students(target, StudentQuery(text="王"), language="en") == 2
    sheet = load_workbook(target, read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["Student number", "Name", "Gender"]
    assert [r[0] for r in rows[1:]] == ["202401010102", "202401020101"] and rows[2][5] == "2024010201"
