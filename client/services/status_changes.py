"""Status changes 学籍异动 on the desktop, over the local replica (works offline).

Every step is a replica write (``SyncService.write``: the local row and the outbox op in one
transaction) that the sync push sends to the server, where ``status_changes.transition`` runs
the same rules again and applies the effects on approval. Before writing, the step is checked
here with the same pure rules of ``core.rules.student_status`` (workflow, permission, editable
fields, the state machine against the student as the replica holds them, target class,
effects), so the user gets the exact reason at once, offline too. The server's answer is
final: a step it refuses lands in the Sync page's conflict list with its reason.

Batch promotion goes through the REST API (online only): ``client.services.status_batches``.

Plain Python, no Qt: the screens call it on the local worker pool.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from client.services.dto import UserRow
from client.services.errors import ClientError, ErrorKind
from client.services.sync import SyncService
from core.errors import (
    ConflictError,
    DomainError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from core.rules import student_status as rules
from core.rules.enums import ApprovalState, StatusChangeType
from core.rules.student_status import ClassFacts, Effect, Step, StudentFacts
from sync.client import schema as s

A, T = ApprovalState, StatusChangeType
Progress = Callable[[int, int], None]
OPEN_STATES = (A.DRAFT.value, A.SUBMITTED.value)
DECIDED_STATES = (A.APPROVED.value, A.APPLIED.value, A.REJECTED.value)
VIEWS = ("drafts", "awaiting", "decided", "all")


def _noop(_done: int, _total: int) -> None:
    return None


def client_error(exc: DomainError) -> ClientError:
    """A rule's refusal as the client's error family (the UI's one error sink words it)."""
    kind = {InvalidInputError: ErrorKind.VALIDATION, PermissionDeniedError: ErrorKind.PERMISSION_DENIED,
            ConflictError: ErrorKind.CONFLICT, NotFoundError: ErrorKind.NOT_FOUND}.get(type(exc), ErrorKind.CONFLICT)
    return ClientError(kind, exc.message, None, dict(exc.details))


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class Draft:
    """What the change form holds."""

    student_id: str
    change_type: str
    reason: str = ""
    document_number: str = ""
    effective_date: date | None = None
    to_class_id: str | None = None


@dataclass
class DecisionReport:
    """What :meth:`StatusChangeService.decide_many` did: the decided ids, the refused ones
    with their reasons, and whether a cancel stopped it."""

    decided: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False


@dataclass(frozen=True)
class ChangeRow:
    id: str
    student_id: str
    student_number: str
    student_name: str
    class_label: str
    department_id: str
    department_label: str
    change_type: str
    state: str
    reason: str
    document_number: str
    effective_date: date | None
    to_class_id: str | None
    to_class_label: str
    from_status: str
    to_status: str
    drafted_by: str | None
    decision_reason: str
    batch_id: str | None
    submitted_at: str
    decided_at: str
    applied_at: str
    updated_at: str
    unsent: bool = False  # local edits not yet accepted by the server

    @property
    def when(self) -> str:
        """When it last moved: applied, decided, submitted, or edited (ISO text)."""
        return self.applied_at or self.decided_at or self.submitted_at or self.updated_at

    def as_draft(self) -> Draft:
        return Draft(self.student_id, self.change_type, self.reason, self.document_number, self.effective_date,
                     self.to_class_id)


@dataclass(frozen=True)
class ChangeQuery:
    view: str = "all"  # drafts | awaiting | decided | all
    change_type: str | None = None
    department_id: str | None = None
    text: str = ""  # student number prefix or name
    mine: bool = False  # only the changes I drafted


@dataclass(frozen=True)
class StudentHit:
    id: str
    number: str
    name: str
    status: str
    class_id: str | None
    class_label: str
    major_label: str
    department_label: str
    cohort: int


@dataclass(frozen=True)
class ClassOption:
    id: str
    code: str
    name: str
    cohort: int
    major_label: str


class StatusChangeService:
    """The status changes one user may see and make, over their replica."""

    def __init__(self, sync: SyncService, user: UserRow) -> None:
        self.sync, self.user = sync, user

    @property
    def permissions(self) -> frozenset[str]:
        return self.user.permissions

    def can(self, step: Step) -> bool:
        return rules.STEP_PERMISSION[step] in self.permissions

    # -- reading -------------------------------------------------------------------------
    def _refs(self, conn: Connection) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        def load(name: str) -> dict[str, Any]:
            t = s.REPLICA[name]
            return {r["id"]: r for r in conn.execute(select(t)).mappings()}

        return load("school_class"), load("major"), load("department")

    def _unsent_ids(self, conn: Connection, table: str = "status_change") -> set[str]:
        return {r[0] for r in conn.execute(select(s.outbox.c.row_id).where(s.outbox.c.table_name == table))}

    def list_changes(self, query: ChangeQuery, *, on_progress: Progress = _noop,
                     cancel: threading.Event | None = None) -> list[ChangeRow]:
        """Changes in the replica matching ``query``, most recently moved first."""
        c, st = s.REPLICA["status_change"], s.REPLICA["student"]
        stmt = select(c, st.c.number.label("_number"), st.c.name.label("_name"), st.c.class_id.label("_class")) \
            .select_from(c.outerjoin(st, st.c.id == c.c.student_id))
        states = {"drafts": (A.DRAFT.value,), "awaiting": (A.SUBMITTED.value,), "decided": DECIDED_STATES}
        if query.view in states:
            stmt = stmt.where(c.c.state.in_(states[query.view]))
        if query.mine:
            stmt = stmt.where(c.c.drafted_by == self.user.id)
        if query.change_type:
            stmt = stmt.where(c.c.change_type == query.change_type)
        if query.department_id:
            stmt = stmt.where(c.c.department_id == query.department_id)
        text = query.text.strip()
        if text:
            stmt = stmt.where(or_(st.c.number.startswith(text), st.c.name.contains(text)))
        with self.sync.store.engine.connect() as conn:
            classes, _majors, departments = self._refs(conn)
            unsent = self._unsent_ids(conn)
            rows = [self._row(r, classes, departments, unsent) for r in conn.execute(stmt).mappings()]
        return sorted(rows, key=lambda r: (r.when, r.id), reverse=True)

    @staticmethod
    def _row(r: Any, classes: dict[str, Any], departments: dict[str, Any], unsent: set[str]) -> ChangeRow:
        cls = classes.get(r["_class"] or "")
        to_cls = classes.get(r["to_class_id"] or "")
        dept = departments.get(r["department_id"] or "")
        return ChangeRow(
            id=r["id"], student_id=r["student_id"], student_number=r["_number"] or "", student_name=r["_name"] or "",
            class_label=cls["name"] if cls else "", department_id=r["department_id"] or "",
            department_label=dept["name"] if dept else "", change_type=r["change_type"] or "", state=r["state"] or "",
            reason=r["reason"] or "", document_number=r["document_number"] or "",
            effective_date=_date(r["effective_date"]), to_class_id=r["to_class_id"],
            to_class_label=to_cls["name"] if to_cls else "", from_status=r["from_status"] or "",
            to_status=r["to_status"] or "", drafted_by=r["drafted_by"], decision_reason=r["decision_reason"] or "",
            batch_id=r["batch_id"], submitted_at=r["submitted_at"] or "", decided_at=r["decided_at"] or "",
            applied_at=r["applied_at"] or "", updated_at=r["updated_at"] or "", unsent=r["id"] in unsent)

    def get(self, change_id: str, **_kw: Any) -> ChangeRow:
        c = s.REPLICA["status_change"]
        for row in self._select(c.c.id == change_id):
            return row
        raise ClientError(ErrorKind.NOT_FOUND, "学籍异动不存在 (no such status change)", None, {"id": change_id})

    def _select(self, where: Any) -> list[ChangeRow]:
        c, st = s.REPLICA["status_change"], s.REPLICA["student"]
        stmt = select(c, st.c.number.label("_number"), st.c.name.label("_name"), st.c.class_id.label("_class")) \
            .select_from(c.outerjoin(st, st.c.id == c.c.student_id)).where(where)
        with self.sync.store.engine.connect() as conn:
            classes, _majors, departments = self._refs(conn)
            unsent = self._unsent_ids(conn)
            return [self._row(r, classes, departments, unsent) for r in conn.execute(stmt).mappings()]

    def timeline(self, student_id: str, *, on_progress: Progress = _noop,
                 cancel: threading.Event | None = None) -> list[ChangeRow]:
        """A student's changes, oldest first (by when each took effect, was decided or drafted)."""
        rows = self._select(s.REPLICA["status_change"].c.student_id == student_id)
        return sorted(rows, key=lambda r: (r.when, r.id))

    def search_students(self, text: str, *, limit: int = 50, on_progress: Progress = _noop,
                        cancel: threading.Event | None = None) -> list[StudentHit]:
        """Students whose number starts with, or whose name contains, ``text``."""
        st = s.REPLICA["student"]
        stmt = select(st).order_by(st.c.number).limit(limit)
        if text.strip():
            stmt = stmt.where(or_(st.c.number.startswith(text.strip()), st.c.name.contains(text.strip())))
        with self.sync.store.engine.connect() as conn:
            classes, majors, departments = self._refs(conn)
            return [self._hit(r, classes, majors, departments) for r in conn.execute(stmt).mappings()]

    def student(self, student_id: str, **_kw: Any) -> StudentHit:
        st = s.REPLICA["student"]
        with self.sync.store.engine.connect() as conn:
            row = conn.execute(select(st).where(st.c.id == student_id)).mappings().first()
            if row is None:
                raise client_error(NotFoundError("学生不存在或不在您的范围内 (no such student in your scope)",
                                                 {"field": "student_id", "id": student_id}))
            return self._hit(row, *self._refs(conn))

    @staticmethod
    def _hit(r: Any, classes: dict[str, Any], majors: dict[str, Any], departments: dict[str, Any]) -> StudentHit:
        cls, major, dept = classes.get(r["class_id"] or ""), majors.get(r["major_id"] or ""), \
            departments.get(r["department_id"] or "")
        return StudentHit(r["id"], r["number"] or "", r["name"] or "", r["status"] or "", r["class_id"],
                          cls["name"] if cls else "", major["name"] if major else "",
                          dept["name"] if dept else "", int(r["cohort"] or 0))

    # -- facts for the pure rules ---------------------------------------------------------
    def _facts(self, conn: Connection, student_id: str) -> tuple[dict[str, Any], StudentFacts]:
        st = s.REPLICA["student"]
        row = conn.execute(select(st).where(st.c.id == student_id)).mappings().first()
        if row is None:
            raise NotFoundError("学生不存在或不在您的范围内 (no such student in your scope)",
                                {"field": "student_id", "id": student_id})
        classes, majors, departments = self._refs(conn)
        cls, major = classes.get(row["class_id"] or ""), majors.get(row["major_id"] or "")
        dept = departments.get(row["department_id"] or "")
        facts = StudentFacts(
            status=row["status"], class_id=row["class_id"], class_label=cls["name"] if cls else "",
            major_id=row["major_id"], major_label=major["name"] if major else "", department_id=row["department_id"],
            department_label=dept["name"] if dept else "", cohort=int(row["cohort"]),
            expected_graduation=_date(row["expected_graduation"]),
            duration_years=int(major["duration_years"] or 4) if major else 4)
        return dict(row), facts

    def _class_facts(self, conn: Connection, class_id: str) -> ClassFacts:
        classes, majors, departments = self._refs(conn)
        cls = classes.get(class_id)
        if cls is None:
            raise InvalidInputError.field("to_class_id", f"班级不存在 (no class {class_id})")
        major, dept = majors.get(cls["major_id"]), departments.get(cls["department_id"])
        return ClassFacts(cls["id"], cls["name"], cls["major_id"], major["name"] if major else "",
                          cls["department_id"], dept["name"] if dept else "", int(cls["cohort"]))

    def _target(self, conn: Connection, student: StudentFacts, change_type: StatusChangeType,
                class_id: str | None, *, choosing: bool) -> ClassFacts | None:
        """As the server's ``target_class``: the chosen class, or the only class of the next
        cohort for a repeat or demote; at approval an ambiguous choice names ``to_class_id``."""
        if class_id:
            return self._class_facts(conn, class_id)
        if change_type not in (T.REPEAT, T.DEMOTE):
            return None
        sc = s.REPLICA["school_class"]
        ids = [r[0] for r in conn.execute(select(sc.c.id).where(
            sc.c.major_id == student.major_id, sc.c.cohort == student.cohort + 1).order_by(sc.c.code))]
        if len(ids) == 1:
            return self._class_facts(conn, ids[0])
        if choosing:
            cohort = student.cohort + 1
            why = (f"本专业尚无{cohort}级班级，请先建班 (the major has no class of the {cohort} cohort yet)" if not ids
                   else f"本专业{cohort}级有{len(ids)}个班，请指定目标班级 (choose one of {len(ids)} classes)")
            raise InvalidInputError.field("to_class_id", why)
        return None

    def preview(self, draft: Draft, *, on_progress: Progress = _noop,
                cancel: threading.Event | None = None) -> list[Effect]:
        """Every effect the change would have on the student now (``core.rules.plan_effects``,
        the server's function); a class still to be chosen shows as a pending effect.

        Raises:
            ClientError: VALIDATION naming the field (e.g. ``change_type`` with the reason).
        """
        try:
            with self.sync.store.engine.connect() as conn:
                _row, facts = self._facts(conn, draft.student_id)
                kind = rules.require_change(facts.status, draft.change_type)[1]
                target = self._target(conn, facts, kind, draft.to_class_id, choosing=False)
                return rules.plan_effects(facts, kind, target=target, effective_date=draft.effective_date,
                                          require_targets=False)
        except DomainError as exc:
            raise client_error(exc) from exc

    def target_classes(self, student_id: str, change_type: str, **_kw: Any) -> list[ClassOption]:
        """Classes the change may move the student into: repeat/demote the next cohort of the
        same major; resume the same major, same or later cohort; transfer of major another
        major, same or later cohort. Other types take no class."""
        sc, mj = s.REPLICA["school_class"], s.REPLICA["major"]
        with self.sync.store.engine.connect() as conn:
            try:
                _row, facts = self._facts(conn, student_id)
            except NotFoundError:
                return []
            kind = StatusChangeType(change_type)
            same = sc.c.major_id == facts.major_id
            conditions = {T.REPEAT: and_(same, sc.c.cohort == facts.cohort + 1),
                          T.DEMOTE: and_(same, sc.c.cohort == facts.cohort + 1),
                          T.RESUME: and_(same, sc.c.cohort >= facts.cohort),
                          T.TRANSFER_MAJOR: and_(sc.c.major_id != facts.major_id, sc.c.cohort >= facts.cohort)}
            if kind not in conditions:
                return []
            stmt = select(sc.c.id, sc.c.code, sc.c.name, sc.c.cohort, mj.c.name.label("major")) \
                .select_from(sc.outerjoin(mj, mj.c.id == sc.c.major_id)).where(conditions[kind]) \
                .order_by(sc.c.cohort, sc.c.code)
            return [ClassOption(r["id"], r["code"] or "", r["name"] or "", int(r["cohort"]), r["major"] or "")
                    for r in conn.execute(stmt).mappings()]

    # -- the workflow ----------------------------------------------------------------------
    def _stored(self, change_id: str) -> dict[str, Any]:
        row = self.sync.store.row("status_change", change_id)
        if row is None:
            raise client_error(NotFoundError("学籍异动不存在 (no such status change)", {"id": change_id}))
        return row

    def _check(self, old: dict[str, Any] | None, new: dict[str, Any], *, deleting: bool = False) -> dict[str, Any]:
        """The server's checks of one step, on the replica; returns the server-owned values
        to show locally until the server's own arrive (it replaces them anyway)."""
        step = rules.workflow_step(old["state"] if old else None, new.get("state") or "draft", self.permissions,
                                   deleting=deleting)
        client_fields = ("student_id", "change_type", "reason", "document_number", "effective_date", "to_class_id",
                         "to_major_id", "decision_reason")
        if old is None:
            changed = {k for k in client_fields if new.get(k) not in (None, "")}
        else:
            changed = {k for k in client_fields if _same(new.get(k)) != _same(old.get(k))}
        rules.check_editable(step, changed)
        rules.require_texts(step, new)
        if step not in (Step.DRAFT, Step.EDIT, Step.SUBMIT, Step.APPROVE):
            return {}
        with self.sync.store.engine.connect() as conn:
            student, facts = self._facts(conn, new["student_id"])
            kind = rules.require_change(facts.status, new["change_type"])[1]
            if old is None or step == Step.SUBMIT:
                self._no_other_open_change(conn, facts, new)
            target = self._target(conn, facts, kind, new.get("to_class_id"), choosing=step == Step.APPROVE)
            rules.plan_effects(facts, kind, target=target, effective_date=_date(new.get("effective_date")),
                               require_targets=step == Step.APPROVE)
            if kind == T.PROMOTE:
                self._not_promoted_twice(conn, new)
        return {"department_id": student["department_id"], "from_status": facts.status,
                "to_status": rules.TARGET_STATUS[kind].value, "from_class_id": facts.class_id,
                "from_major_id": facts.major_id, "from_cohort": facts.cohort,
                "to_cohort": target.cohort if target else None,
                "to_major_id": target.major_id if target and kind == T.TRANSFER_MAJOR else None}

    def _no_other_open_change(self, conn: Connection, facts: StudentFacts, new: dict[str, Any]) -> None:
        c = s.REPLICA["status_change"]
        other = conn.execute(select(c.c.id, c.c.change_type, c.c.state).where(
            c.c.student_id == new["student_id"], c.c.state.in_(OPEN_STATES), c.c.id != new.get("id", ""))).first()
        if other is not None:
            raise ConflictError(f"该学生已有未完成的学籍异动（{T(other[1]).zh}，{A(other[2]).zh}） "
                                "(the student already has an open status change)", {"id": other[0]},
                                code="open_change_exists")

    def _not_promoted_twice(self, conn: Connection, new: dict[str, Any]) -> None:
        c = s.REPLICA["status_change"]
        effective = _date(new.get("effective_date"))
        if effective is None:
            return
        year = rules.academic_year(effective)
        for other_id, other_date in conn.execute(select(c.c.id, c.c.effective_date).where(
                c.c.student_id == new["student_id"], c.c.change_type == T.PROMOTE.value,
                c.c.state != A.REJECTED.value, c.c.id != new.get("id", ""))):
            if other_date and rules.academic_year(_date(other_date) or effective) == year:
                raise ConflictError(f"该学生{year}学年已升级 (the student was already promoted in {year}–{year + 1})",
                                    {"id": other_id}, code="already_promoted")

    def _write(self, change_id: str, kind: str, fields: dict[str, Any]) -> str:
        self.sync.write("status_change", change_id, kind, fields)
        return change_id

    def draft(self, draft: Draft, *, submit: bool = False, on_progress: Progress = _noop,
              cancel: threading.Event | None = None) -> str:
        """File a new change (a draft, or submitted at once); returns its id.

        Raises:
            ClientError: the rule that refuses it, naming the field.
        """
        change_id = str(uuid.uuid4())
        new = {**_fields(draft), "id": change_id, "state": (A.SUBMITTED if submit else A.DRAFT).value}
        try:
            server = self._check(None, new)
        except DomainError as exc:
            raise client_error(exc) from exc
        new.pop("id")
        return self._write(change_id, "create", {**server, **new, "drafted_by": self.user.id})

    def update(self, change_id: str, draft: Draft, *, submit: bool = False, on_progress: Progress = _noop,
               cancel: threading.Event | None = None) -> str:
        """Edit a draft (and optionally submit it in the same step)."""
        old = self._stored(change_id)
        wanted = {k: v for k, v in _fields(draft).items() if k != "student_id"}
        state = (A.SUBMITTED if submit else A.DRAFT).value
        return self._step(old, {**wanted, "state": state})

    def submit(self, change_id: str, **_kw: Any) -> str:
        return self._step(self._stored(change_id), {"state": A.SUBMITTED.value})

    def recall(self, change_id: str, **_kw: Any) -> str:
        return self._step(self._stored(change_id), {"state": A.DRAFT.value})

    def approve(self, change_id: str, to_class_id: str | None = None, note: str = "", **_kw: Any) -> str:
        """Approve: the server applies the effects when the approval reaches it."""
        changes: dict[str, Any] = {"state": A.APPROVED.value}
        if to_class_id:
            changes["to_class_id"] = to_class_id
        if note.strip():
            changes["decision_reason"] = note.strip()
        return self._step(self._stored(change_id), changes)

    def reject(self, change_id: str, reason: str, **_kw: Any) -> str:
        return self._step(self._stored(change_id), {"state": A.REJECTED.value, "decision_reason": reason.strip()})

    def decide_many(self, change_ids: Sequence[str], *, approve: bool, opinion: str = "",
                    on_progress: Progress = _noop, cancel: threading.Event | None = None) -> DecisionReport:
        """Approve (or reject, with ``opinion`` as the reason) several submitted changes.

        Each decision is checked by the same rules as one taken on its own and written as its
        own local step; a change the rules refuse (a class still to choose, a state that
        moved on, no reason to reject) is reported with its reason and the others go ahead.
        A cancel stops before the next change; what was decided stays decided.
        """
        report = DecisionReport()
        total = len(change_ids)
        for done, change_id in enumerate(change_ids):
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                break
            try:
                if approve:
                    self.approve(change_id, None, opinion)
                else:
                    self.reject(change_id, opinion)
                report.decided.append(change_id)
            except ClientError as exc:
                if exc.kind is ErrorKind.PERMISSION_DENIED:
                    raise  # the same for every change: say it once
                reasons = exc.field_errors.values() if exc.field_errors else [exc.message]
                report.refused.append((change_id, "; ".join(reasons)))
            on_progress(done + 1, total)
        return report

    def delete(self, change_id: str, **_kw: Any) -> str:
        old = self._stored(change_id)
        try:
            self._check(old, {**old, "deleted": True}, deleting=True)
        except DomainError as exc:
            raise client_error(exc) from exc
        return self._write(change_id, "delete", {})

    def _step(self, old: dict[str, Any], changes: dict[str, Any]) -> str:
        new = {**old, **changes}
        try:
            server = self._check(old, new)
        except DomainError as exc:
            raise client_error(exc) from exc
        # Only the fields the step changes: the server-owned ones come back with the next pull.
        changed = {k: v for k, v in changes.items() if _same(v) != _same(old.get(k))}
        if "to_major_id" in server and _same(server["to_major_id"]) != _same(old.get("to_major_id")):
            changed["to_major_id"] = server["to_major_id"]
        return self._write(old["id"], "patch", changed)

    def cohorts(self, **_kw: Any) -> list[int]:
        sc = s.REPLICA["school_class"]
        with self.sync.store.engine.connect() as conn:
            return sorted({int(r[0]) for r in conn.execute(select(sc.c.cohort).distinct())}, reverse=True)

    def majors(self, **_kw: Any) -> list[tuple[str, str]]:
        """(id, name) of the majors whose students the replica holds."""
        mj, st = s.REPLICA["major"], s.REPLICA["student"]
        with self.sync.store.engine.connect() as conn:
            held = select(st.c.major_id).distinct()
            return [(r[0], r[1]) for r in conn.execute(select(mj.c.id, mj.c.name).where(mj.c.id.in_(held))
                                                       .order_by(mj.c.code))]


def _same(value: Any) -> Any:
    """Compare replica (wire) and Python values alike: dates as ISO text, '' as None."""
    if isinstance(value, date):
        return value.isoformat()
    return None if value == "" else value


def _fields(draft: Draft) -> dict[str, Any]:
    return {"student_id": draft.student_id, "change_type": draft.change_type, "reason": draft.reason.strip(),
            "document_number": draft.document_number.strip(), "effective_date": draft.effective_date,
            "to_class_id": draft.to_class_id or None}
