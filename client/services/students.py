"""Student records over the local replica: the list's queries, the student form, departments,
majors and classes, and the .xlsx import and export (issue 5, items 1 and 6).

Plain Python (no Qt), called on worker threads, except :meth:`StudentService.rows_by_ids`,
which reads one block of about 200 rows by primary key and is cheap enough for the table
model to call while painting (as Anki's browser does). Reads use SQLAlchemy Core on the
replica; every change goes through :meth:`SyncService.write` (or ``write_many``), so it is
applied locally and queued for the server in one transaction and works offline. The server
checks it again when it is pushed and audits every row it writes (``replica_writes``).

Value rules are core's: a student form is validated by the import's row validator
(``core.imports``), which applies ``core.rules.values`` (ID number check digit and birth
date, student number layout, phone), so a form and an import row obey the same rules.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from client.services.dto import UserRow
from client.services.errors import ClientError, ErrorKind
from client.services.student_search import StudentSearch, base_key
from client.services.sync import SyncService
from core.errors import FieldError, InvalidInputError
from core.imports._student_rows import RowValidator
from core.imports.errors import ImportCancelledError, ImportFileError
from core.imports.reference import ExistingStudents, ImportReference
from core.imports.report import ImportReport, RowProblem
from core.imports.students_xlsx import read_students, write_students, write_template
from core.models.wire import to_wire
from sync.client import schema as replica_schema

Progress = Callable[[int, int], None]
BLOCK_SIZE = 200
S = replica_schema.REPLICA["student"]
C = replica_schema.REPLICA["school_class"]
M = replica_schema.REPLICA["major"]
D = replica_schema.REPLICA["department"]
OUTBOX = replica_schema.outbox


def _noop(_done: int, _total: int) -> None:
    return None


class QueryCancelledError(Exception):
    """A newer request replaced this one before it ran."""


# -- rows -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StudentQuery:
    text: str = ""
    department_id: str | None = None
    cohort: int | None = None
    class_id: str | None = None
    status: str | None = None
    sort: str = "number"  # a key of SORT_KEYS
    descending: bool = False


@dataclass(frozen=True)
class StudentIds:
    query: StudentQuery
    ids: list[str]


@dataclass(frozen=True)
class StudentRow:
    id: str
    number: str
    name: str
    gender: str
    id_number: str
    birth_date: str
    cohort: int
    status: str
    phone: str
    class_id: str | None
    class_code: str
    class_name: str
    major_id: str
    major_name: str
    major_name_en: str
    department_id: str
    department_name: str
    department_name_en: str
    unsent: bool = False  # a local edit not yet accepted by the server


@dataclass(frozen=True)
class DepartmentRow:
    id: str
    code: str
    name: str
    name_en: str = ""
    students: int = 0


@dataclass(frozen=True)
class MajorRow:
    id: str
    code: str
    name: str
    department_id: str
    name_en: str = ""
    duration_years: int = 4
    degree: str = ""
    students: int = 0


@dataclass(frozen=True)
class ClassRow:
    id: str
    code: str
    name: str
    major_id: str
    department_id: str
    cohort: int
    size_limit: int = 50
    students: int = 0


@dataclass(frozen=True)
class Lookups:
    """What the filters, the forms and the maintenance lists choose from."""

    departments: tuple[DepartmentRow, ...]
    majors: tuple[MajorRow, ...]
    classes: tuple[ClassRow, ...]
    cohorts: tuple[int, ...]

    def reference(self) -> ImportReference:
        return ImportReference.from_rows(
            departments=[{"id": d.id, "code": d.code, "name": d.name} for d in self.departments],
            majors=[{"id": m.id, "code": m.code, "name": m.name, "department_id": m.department_id,
                     "duration_years": m.duration_years} for m in self.majors],
            classes=[{"id": c.id, "code": c.code, "name": c.name, "major_id": c.major_id,
                      "department_id": c.department_id, "cohort": c.cohort} for c in self.classes])


SORT_KEYS: dict[str, Any] = {
    "number": S.c.number, "name": S.c.name, "gender": S.c.gender, "id_number": S.c.id_number,
    "class": C.c.code, "major": M.c.name, "department": D.c.name, "cohort": S.c.cohort, "status": S.c.status,
    "phone": S.c.phone,
}
_ROW_COLUMNS = (S.c.id, S.c.number, S.c.name, S.c.gender, S.c.id_number, S.c.birth_date, S.c.cohort, S.c.status,
                S.c.phone, S.c.class_id, C.c.code, C.c.name, S.c.major_id, M.c.name, M.c.name_en, S.c.department_id,
                D.c.name, D.c.name_en)
_JOINED = S.outerjoin(C, C.c.id == S.c.class_id).outerjoin(M, M.c.id == S.c.major_id).outerjoin(
    D, D.c.id == S.c.department_id)


def _student_row(r: Any, unsent: bool) -> StudentRow:
    def text(value: object) -> str:
        return "" if value is None else str(value)

    return StudentRow(id=r[0], number=text(r[1]), name=text(r[2]), gender=text(r[3]), id_number=text(r[4]),
                      birth_date=text(r[5]), cohort=int(r[6] or 0), status=text(r[7]), phone=text(r[8]),
                      class_id=r[9], class_code=text(r[10]), class_name=text(r[11]), major_id=text(r[12]),
                      major_name=text(r[13]), major_name_en=text(r[14]), department_id=text(r[15]),
                      department_name=text(r[16]), department_name_en=text(r[17]), unsent=unsent)


# -- the student form ---------------------------------------------------------------------------
@dataclass(frozen=True)
class StudentForm:
    """The form as typed (strings; gender and status as codes, the class as its id)."""

    number: str = ""
    name: str = ""
    gender: str = ""
    id_number: str = ""
    birth_date: str = ""
    class_id: str = ""
    status: str = "enrolled"
    enrolled_on: str = ""
    expected_graduation: str = ""
    ethnicity: str = ""
    political_status: str = ""
    native_place: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> StudentForm:
        """The form of a stored student (wire values)."""
        return cls(**{f.name: "" if row.get(f.name) is None else str(row[f.name]) for f in fields(cls)})


_FORM_KEY = {"school_class": "class_id", "major": "class_id", "department": "class_id"}


def check_student_form(form: StudentForm, reference: ImportReference,
                       existing: ExistingStudents | None = None) -> tuple[dict[str, str], dict[str, Any]]:
    """Every problem of the form (field -> bilingual reason) and, when none, the row's values.

    The import's row validator does the work: one rule, one place.
    """
    found = reference.classes.get(form.class_id)
    cells: dict[str, object] = {f.name: getattr(form, f.name) for f in fields(StudentForm)}
    cells["school_class"] = found.code if found else ("?" + form.class_id if form.class_id else "")
    result = RowValidator(reference, existing or ExistingStudents(), date.today()).validate(cells)
    problems: dict[str, str] = {}
    for key, _value, reason in result.problems:
        problems.setdefault(_FORM_KEY.get(key, key), reason)
    return problems, result.values


def _field_errors(problems: Mapping[str, str]) -> ClientError:
    """The form's problems as the client's validation error (the dialogs show each under its field)."""
    error = InvalidInputError.of(*(FieldError(k, v) for k, v in problems.items()))
    return ClientError(ErrorKind.VALIDATION, error.message, details=error.details)


# -- departments, majors, classes ----------------------------------------------------------------
_ORG = {"department": D, "major": M, "school_class": C}
_LIMITS = {"department": {"code": 8, "name": 100, "name_en": 200},
           "major": {"code": 8, "name": 100, "name_en": 200, "degree": 50},
           "school_class": {"code": 16, "name": 100}}
_INTS = {"duration_years": (1, 8), "cohort": (1950, 2200), "size_limit": (1, 500)}


def check_org_form(table: str, values: Mapping[str, Any], own_id: str | None,
                   lookups: Lookups) -> tuple[dict[str, str], dict[str, Any]]:
    """Check a department, major or class; returns problems and the typed values."""
    problems: dict[str, str] = {}
    out: dict[str, Any] = {}
    for name, limit in _LIMITS[table].items():
        text = str(values.get(name) or "").strip()
        if name in ("code", "name") and not text:
            problems[name] = "必填项为空 (required value missing)"
        elif len(text) > limit:
            problems[name] = f"不能超过{limit}个字，实为{len(text)}个 (at most {limit} characters)"
        out[name] = text
    rows = {"department": lookups.departments, "major": lookups.majors, "school_class": lookups.classes}[table]
    if out["code"] and any(r.code.casefold() == out["code"].casefold() and r.id != own_id for r in rows):
        problems["code"] = "代码已被使用 (code already in use)"
    for name, (low, high) in _INTS.items():
        if name in values:
            try:
                out[name] = int(str(values[name]).strip())
                if not low <= out[name] <= high:
                    raise ValueError
            except ValueError:
                problems[name] = f"应为{low}到{high}之间的整数 (a whole number from {low} to {high})"
    if table == "major":
        if not any(d.id == values.get("department_id") for d in lookups.departments):
            problems["department_id"] = "请选择院系 (choose a department)"
        out["department_id"] = values.get("department_id")
    if table == "school_class":
        major = next((m for m in lookups.majors if m.id == values.get("major_id")), None)
        if major is None:
            problems["major_id"] = "请选择专业 (choose a major)"
        out.update(major_id=values.get("major_id"), department_id=major.department_id if major else None)
    return problems, out


# -- the service ---------------------------------------------------------------------------------
class StudentService:
    """Student records of one user's replica."""

    def __init__(self, sync: SyncService, user: UserRow) -> None:
        self.sync, self.user = sync, user
        self.engine = sync.store.engine
        self._search = StudentSearch(sync.store)

    # permissions (the client hides what the user cannot do; the server decides)
    @property
    def can_write(self) -> bool:
        return "students.write" in self.user.permissions

    @property
    def can_import(self) -> bool:
        return "students.import" in self.user.permissions and self.can_write

    @property
    def can_edit_reference(self) -> bool:
        return "reference.write" in self.user.permissions

    def _require(self, allowed: bool, permission: str) -> None:
        if not allowed:
            raise ClientError(ErrorKind.PERMISSION_DENIED, f"没有权限：{permission} (permission {permission} required)",
                              details={"permission": permission})

    # -- the list ----------------------------------------------------------------------------
    def student_ids(self, query: StudentQuery, *, on_progress: Progress = _noop,
                    cancel: threading.Event | None = None) -> StudentIds:
        """The ids of the students the query finds, in its order.

        The filters and sort are one SQL query whose rows are kept in memory; the search text
        narrows them in Python (``student_search``), so typing never re-scans the replica.
        """
        def cancelled() -> bool:
            return cancel is not None and cancel.is_set()

        if cancelled():
            raise QueryCancelledError()  # a newer keystroke replaced it while it waited
        key = base_key(query)
        if not query.text.strip() and not self._search.ready(key):
            # No search yet: the ids alone are quicker to read than the index (first paint);
            # the page builds the index next with prepare_search().
            return StudentIds(query, self._plain_ids(self._base_query(query)))
        ids = self._search.ids(key, lambda: self._base_query(query), query.text, cancelled)
        if ids is None:
            raise QueryCancelledError()
        return StudentIds(query, ids)

    def prepare_search(self, query: StudentQuery, *, on_progress: Progress = _noop,
                       cancel: threading.Event | None = None) -> None:
        """Build the search index of the query's filters and sort ahead of the first keystroke."""
        self._search.ids(base_key(query), lambda: self._base_query(query), "",
                         lambda: cancel is not None and cancel.is_set())

    def search_ready(self, query: StudentQuery) -> bool:
        """Whether the query's search index is built (typing then only narrows it)."""
        return self._search.ready(base_key(query))

    def _plain_ids(self, stmt: Select[tuple[str]]) -> list[str]:
        with self.engine.connect() as conn:
            # Straight through the driver: building 50,000 result rows is most of the time otherwise.
            compiled = stmt.compile(dialect=conn.dialect)
            params = compiled.construct_params()
            positional = [params[name] for name in compiled.positiontup or ()]
            cursor = conn.connection.driver_connection.execute(compiled.string, positional)  # type: ignore[union-attr]
            return [row[0] for row in cursor]

    @staticmethod
    def _base_query(query: StudentQuery) -> Select[tuple[str]]:
        """The ids the filters keep, in the query's order (the search text is applied apart)."""
        order = SORT_KEYS.get(query.sort, S.c.number)
        order_by = [order.desc() if query.descending else order.asc()]
        if query.sort != "number":
            order_by.append(S.c.number.asc())
        return select(S.c.id).select_from(_JOINED).where(*StudentService._where(query)).order_by(*order_by)

    @staticmethod
    def _where(query: StudentQuery) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if query.department_id:
            where.append(S.c.department_id == query.department_id)
        if query.cohort is not None:
            where.append(S.c.cohort == query.cohort)
        if query.class_id:
            where.append(S.c.class_id == query.class_id)
        if query.status:
            where.append(S.c.status == query.status)
        return where

    def rows_by_ids(self, ids: Sequence[str]) -> list[StudentRow]:
        """The rows of ``ids`` (a block), in the order given; ids no longer present are skipped."""
        if not ids:
            return []
        with self.engine.connect() as conn:
            found = {r[0]: r for r in conn.execute(select(*_ROW_COLUMNS).select_from(_JOINED)
                                                   .where(S.c.id.in_(list(ids))))}
            unsent = set(conn.execute(select(OUTBOX.c.row_id).where(
                OUTBOX.c.table_name == "student", OUTBOX.c.row_id.in_(list(ids)))).scalars())
        return [_student_row(found[i], i in unsent) for i in ids if i in found]

    def student(self, student_id: str, *, on_progress: Progress = _noop,
                cancel: threading.Event | None = None) -> dict[str, Any] | None:
        """Every column of one student (wire values), for the form."""
        return self.sync.store.row("student", student_id)

    def lookups(self, *, counts: bool = False, on_progress: Progress = _noop,
                cancel: threading.Event | None = None) -> Lookups:
        """Departments, majors, classes (by code) and cohorts; ``counts``: students of each."""
        with self.engine.connect() as conn:
            per: dict[str, dict[str, int]] = {"department_id": {}, "major_id": {}, "class_id": {}}
            if counts:
                for key in per:
                    column = S.c[key]
                    per[key] = {str(k): int(n) for k, n in conn.execute(select(column, func.count()).group_by(column))}
            depts = tuple(DepartmentRow(r.id, r.code, r.name, r.name_en or "", per["department_id"].get(r.id, 0))
                          for r in conn.execute(select(D).order_by(D.c.code)))
            majors = tuple(MajorRow(r.id, r.code, r.name, r.department_id, r.name_en or "", int(r.duration_years or 4),
                                    r.degree or "", per["major_id"].get(r.id, 0))
                           for r in conn.execute(select(M).order_by(M.c.code)))
            classes = tuple(ClassRow(r.id, r.code, r.name, r.major_id, r.department_id, int(r.cohort),
                                     int(r.size_limit or 50), per["class_id"].get(r.id, 0))
                            for r in conn.execute(select(C).order_by(C.c.code)))
            cohorts = tuple(sorted({c.cohort for c in classes}, reverse=True))
        return Lookups(depts, majors, classes, cohorts)

    # -- the student form ------------------------------------------------------------------
    def _existing(self, form: StudentForm, own_id: str | None) -> ExistingStudents:
        """Other students (in the replica) holding the form's number or ID number."""
        keys = or_(S.c.number == form.number.strip(), S.c.id_number == form.id_number.strip().upper())
        stmt = select(S.c.number, S.c.id_number).where(keys)
        if own_id:
            stmt = stmt.where(S.c.id != own_id)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        return ExistingStudents.of([r[0] for r in rows], [r[1] or "" for r in rows])

    def validate_student(self, form: StudentForm, student_id: str | None = None) -> dict[str, str]:
        """Problems of the form, uniqueness in the replica included (field -> reason)."""
        return check_student_form(form, self.lookups().reference(), self._existing(form, student_id))[0]

    def save_student(self, form: StudentForm, student_id: str | None = None, *, on_progress: Progress = _noop,
                     cancel: threading.Event | None = None) -> str:
        """Create (``student_id`` None) or patch a student locally, queued for the server.

        A patch carries only the fields that changed; an unchanged form writes nothing.
        Returns the student's id.

        Raises:
            ClientError: VALIDATION, ``details["fields"]`` naming each bad field; PERMISSION_DENIED.
        """
        self._require(self.can_write, "students.write")
        problems, values = check_student_form(form, self.lookups().reference(), self._existing(form, student_id))
        if problems:
            raise _field_errors(problems)
        new_id = str(values.pop("id"))
        if student_id is None:
            self.sync.write("student", new_id, "create", values)
            return new_id
        current = self.student(student_id) or {}
        if current.get("status"):
            values["status"] = current["status"]  # status moves only through a status change
        wire = to_wire("student", values)
        changed = {k: values[k] for k, v in wire.items() if _stored(current, k) != v}
        if changed:
            self.sync.write("student", student_id, "patch", changed)
        return student_id

    # -- departments, majors, classes ----------------------------------------------------------
    def save_org(self, table: str, values: Mapping[str, Any], row_id: str | None = None, *,
                 on_progress: Progress = _noop, cancel: threading.Event | None = None) -> str:
        """Create or patch a department, major or class (``reference.write``); returns its id.

        Raises:
            ClientError: VALIDATION naming each bad field; PERMISSION_DENIED.
        """
        self._require(self.can_edit_reference, "reference.write")
        problems, typed = check_org_form(table, values, row_id, self.lookups())
        if problems:
            raise _field_errors(problems)
        if row_id is None:
            row_id = str(uuid.uuid4())
            self.sync.write(table, row_id, "create", typed)
            return row_id
        current = self.sync.store.row(table, row_id) or {}
        changed = {k: v for k, v in typed.items() if _stored(current, k) != v}
        if changed:
            self.sync.write(table, row_id, "patch", changed)
        return row_id

    # -- import ---------------------------------------------------------------------------
    def write_template(self, path: Path, *, on_progress: Progress = _noop,
                       cancel: threading.Event | None = None) -> Path:
        write_template(path)
        return path

    def preview_import(self, path: Path, *, on_progress: Progress = _noop,
                       cancel: threading.Event | None = None) -> ImportReport:
        """Validate a filled-in file against the replica; nothing is written.

        Raises:
            ClientError: VALIDATION when the file as a whole cannot be read (``details["file"]``);
                CANCELLED when ``cancel`` was set; PERMISSION_DENIED.
        """
        self._require(self.can_import, "students.import")
        lookups = self.lookups()
        with self.engine.connect() as conn:
            keys = conn.execute(select(S.c.number, S.c.id_number)).all()
        existing = ExistingStudents.of([k[0] for k in keys if k[0]], [k[1] for k in keys if k[1]])
        try:
            report = read_students(path, reference=lookups.reference(), existing=existing, cancel=cancel,
                                   on_progress=on_progress)
        except ImportFileError as exc:
            raise ClientError(ErrorKind.VALIDATION, exc.message, details={**exc.details, "file": str(path)}) from exc
        except ImportCancelledError as exc:
            raise ClientError(ErrorKind.CANCELLED, exc.message) from exc
        if self.user.scope == "department" and self.user.department_id:
            _keep_department(report, self.user.department_id, lookups)
        return report

    def import_confirmed(self, rows: Sequence[Mapping[str, Any]], *, on_progress: Progress = _noop,
                         cancel: threading.Event | None = None) -> int:
        """Create every confirmed row in ONE local transaction (all or none); returns the count.

        Raises:
            ClientError: CONFLICT when a row's number or ID number reached the replica meanwhile.
        """
        self._require(self.can_import, "students.import")
        numbers = {str(r["number"]) for r in rows}
        id_numbers = {str(r["id_number"]) for r in rows}
        with self.engine.connect() as conn:
            taken = conn.execute(select(S.c.number).where(or_(S.c.number.in_(numbers),
                                                              S.c.id_number.in_(id_numbers)))).scalars().all()
        if taken:
            raise ClientError(ErrorKind.CONFLICT, "学号或身份证号已存在，请重新校验文件："
                              f"{'、'.join(sorted(taken)[:10])} (already exists; check the file again)")
        edits = [("student", str(r["id"]), "create", {k: v for k, v in r.items() if k != "id"}) for r in rows]
        self.sync.write_many(edits)  # type: ignore[arg-type]
        on_progress(len(rows), len(rows))
        return len(rows)

    # -- export ---------------------------------------------------------------------------
    def export_students(self, path: Path, query: StudentQuery, *, language: str = "zh",
                        on_progress: Progress = _noop, cancel: threading.Event | None = None) -> int:
        """Every student the query finds (not only the rows on screen), as the import reads them."""
        ids = self.student_ids(query).ids
        rows: list[dict[str, Any]] = []
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                found = {r["id"]: dict(r) for r in conn.execute(select(S).where(S.c.id.in_(chunk))).mappings()}
                rows += [found[i] for i in chunk if i in found]
        return write_students(path, rows, language=language, reference=self.lookups().reference(), cancel=cancel,
                              on_progress=on_progress)


def _stored(row: Mapping[str, Any], key: str) -> Any:
    """A stored value as the form gives it back: an empty text column reads as ""."""
    value = row.get(key)
    return "" if value is None else value


def _keep_department(report: ImportReport, department_id: str, lookups: Lookups) -> None:
    """A department secretary imports their own department's students only."""
    column = report.columns.get("school_class", "班级")
    codes = {c.id: c.code for c in lookups.classes}
    accepted, rows = [], []
    for values, row in zip(report.accepted, report.accepted_rows, strict=True):
        if values.get("department_id") == department_id:
            accepted.append(values)
            rows.append(row)
        else:
            report.rejected.append(RowProblem(row, column, codes.get(str(values.get("class_id")), ""),
                                              "该班级不属于您的院系 (the class is not in your department)"))
    report.accepted[:], report.accepted_rows[:] = accepted, rows
    report.rejected.sort(key=lambda p: p.row)


def export_list(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], *, sheet: str = "Sheet1",
                on_progress: Progress = _noop, cancel: threading.Event | None = None) -> int:
    """Any list on screen as .xlsx (bold headers, frozen first row); the file appears complete or not at all."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet[:31])
    ws.freeze_panes = "A2"
    header_cells = []
    for text in headers:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, text)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    ws.append(header_cells)
    for done, row in enumerate(rows, start=1):
        if cancel is not None and cancel.is_set():
            raise ClientError(ErrorKind.CANCELLED)
        ws.append(list(row))
        if done % 500 == 0:
            on_progress(done, len(rows))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        book.save(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(rows)

