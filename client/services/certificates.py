"""Cards and certificates 证件证书 on the desktop, over the local replica.

Issuing and voiding are replica writes; the server gives each new certificate its number by
the rule of ``core.rules.certificates`` when the row arrives (a number a client sends is
replaced), so two desktops can never print the same number. A certificate is therefore
printable only once it has synced: its number has come back and no edit of it is waiting
(:attr:`CertificateRow.printable`). Eligibility (status, degree, one valid certificate of a
kind per student) is checked here with the same core rule before writing.

The documents themselves are drawn by ``client/ui/documents`` from :class:`DocumentData`
items, built here from replica rows. Plain Python, no Qt.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from client.services.documents import DocumentData, StatusHistoryEntry
from client.services.errors import ClientError, ErrorKind
from client.services.status_changes import client_error
from client.services.sync import SyncService
from core.errors import DomainError, InvalidInputError
from core.rules.certificates import check_eligible
from core.rules.enums import ApprovalState, CertificateKind, StudentStatus
from sync.client import schema as s

Progress = Callable[[int, int], None]


def _noop(_done: int, _total: int) -> None:
    return None


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class CertificateRow:
    id: str
    kind: str
    number: str  # "" until the server's number has arrived
    student_id: str
    student_number: str
    student_name: str
    class_label: str
    issued_on: date | None
    void: bool
    void_reason: str
    unsent: bool

    @property
    def printable(self) -> bool:
        """Synced: the server's number is here and nothing about it waits to be sent."""
        return bool(self.number) and not self.unsent and not self.void


@dataclass(frozen=True)
class IssueResult:
    issued: list[str]  # certificate ids
    skipped: list[tuple[str, str]]  # (student label, reason)


@dataclass(frozen=True)
class ClassChoice:
    id: str
    name: str
    cohort: int
    students: int


class NotPrintableError(ClientError):
    """Some certificates have no number from the server yet (or are void)."""

    def __init__(self, labels: list[str]) -> None:
        super().__init__(ErrorKind.CONFLICT, "证书尚未同步，没有编号，不能打印 (not synced yet: no number to print)",
                         None, {"students": labels})


class CertificateService:
    def __init__(self, sync: SyncService, user_id: str) -> None:
        self.sync, self.user_id = sync, user_id

    # -- reading -------------------------------------------------------------------------
    def classes(self, **_kw: Any) -> list[ClassChoice]:
        """Classes with students in the replica (the user's scope), newest cohort first."""
        sc, st = s.REPLICA["school_class"], s.REPLICA["student"]
        with self.sync.store.engine.connect() as conn:
            counts: dict[str, int] = {}
            for (class_id,) in conn.execute(select(st.c.class_id)):
                counts[class_id] = counts.get(class_id, 0) + 1
            rows = conn.execute(select(sc.c.id, sc.c.name, sc.c.cohort, sc.c.code).where(sc.c.id.in_(list(counts))))
            out = [ClassChoice(r[0], r[1] or "", int(r[2]), counts[r[0]]) for r in sorted(rows, key=lambda r: r[3])]
        return sorted(out, key=lambda c: -c.cohort)

    def students_of_class(self, class_id: str, **_kw: Any) -> list[tuple[str, str, str, str]]:
        """(id, number, name, status) of a class's students, by number."""
        st = s.REPLICA["student"]
        with self.sync.store.engine.connect() as conn:
            return [(r[0], r[1], r[2], r[3]) for r in conn.execute(
                select(st.c.id, st.c.number, st.c.name, st.c.status).where(st.c.class_id == class_id)
                .order_by(st.c.number))]

    def list_certificates(self, *, kind: str | None = None, student_ids: list[str] | None = None,
                          include_void: bool = False, on_progress: Progress = _noop,
                          cancel: threading.Event | None = None) -> list[CertificateRow]:
        ce, st, sc = s.REPLICA["certificate"], s.REPLICA["student"], s.REPLICA["school_class"]
        stmt = select(ce, st.c.number.label("_number"), st.c.name.label("_name"), sc.c.name.label("_class")) \
            .select_from(ce.outerjoin(st, st.c.id == ce.c.student_id).outerjoin(sc, sc.c.id == st.c.class_id))
        if kind:
            stmt = stmt.where(ce.c.kind == kind)
        if student_ids is not None:
            stmt = stmt.where(ce.c.student_id.in_(student_ids))
        if not include_void:
            stmt = stmt.where(ce.c.void.is_not(True))
        with self.sync.store.engine.connect() as conn:
            unsent = {r[0] for r in conn.execute(select(s.outbox.c.row_id).where(s.outbox.c.table_name == "certificate"))}
            rows = [CertificateRow(r["id"], r["kind"] or "", r["number"] or "", r["student_id"], r["_number"] or "",
                                   r["_name"] or "", r["_class"] or "", _date(r["issued_on"]), bool(r["void"]),
                                   r["void_reason"] or "", r["id"] in unsent)
                    for r in conn.execute(stmt).mappings()]
        return sorted(rows, key=lambda r: (r.class_label, r.student_number, r.kind))

    # -- issuing and voiding ----------------------------------------------------------------
    def issue(self, kind: str, student_ids: list[str], *, issued_on: date | None = None,
              on_progress: Progress = _noop, cancel: threading.Event | None = None) -> IssueResult:
        """Issue ``kind`` to each eligible student (one replica write each); the others are
        listed with the reason. The numbers come from the server at the next sync."""
        try:
            cert_kind = CertificateKind(kind)
        except ValueError:
            raise client_error(InvalidInputError.field("kind", f"未知的证件种类 {kind!r} (unknown kind)")) from None
        issued: list[str] = []
        skipped: list[tuple[str, str]] = []
        day = issued_on or date.today()
        for done, student_id in enumerate(student_ids, 1):
            if cancel is not None and cancel.is_set():
                break
            with self.sync.store.engine.connect() as conn:
                label, why = self._refusal(conn, cert_kind, student_id)
            if why:
                skipped.append((label, why))
            else:
                cert_id = str(uuid.uuid4())
                self.sync.write("certificate", cert_id, "create", {
                    "student_id": student_id, "kind": cert_kind.value, "issued_on": day, "issued_by": self.user_id,
                    "void": False, "void_reason": ""})
                issued.append(cert_id)
            on_progress(done, len(student_ids))
        return IssueResult(issued, skipped)

    def _refusal(self, conn: Connection, kind: CertificateKind, student_id: str) -> tuple[str, str]:
        st, mj, ce = s.REPLICA["student"], s.REPLICA["major"], s.REPLICA["certificate"]
        student = conn.execute(select(st).where(st.c.id == student_id)).mappings().first()
        if student is None:
            return student_id, "学生不存在或不在您的范围内 (no such student in your scope)"
        label = f"{student['number']} {student['name']}"
        major = conn.execute(select(mj.c.degree).where(mj.c.id == student["major_id"])).first()
        try:
            check_eligible(kind, StudentStatus(student["status"]), major_confers_degree=bool(major and major[0]))
        except DomainError as exc:
            return label, exc.message
        live = conn.execute(select(ce.c.number).where(ce.c.student_id == student_id, ce.c.kind == kind.value,
                                                      ce.c.void.is_not(True))).first()
        if live is not None:
            number = live[0] or "—"
            return label, f"该学生已有有效的{kind.zh}（{number}），请先作废 (the student holds a valid one: void {number} first)"
        return label, ""

    def void(self, certificate_id: str, reason: str, **_kw: Any) -> None:
        """Void a certificate (final); a reason is required."""
        row = self.sync.store.row("certificate", certificate_id)
        if row is None:
            raise client_error(InvalidInputError.field("id", "证书不存在 (no such certificate)"))
        if row["void"]:
            raise client_error(InvalidInputError.field("void", "证书已作废 (the certificate is void already)"))
        if not reason.strip():
            raise client_error(InvalidInputError.field("void_reason", "作废须说明原因 (voiding needs a reason)"))
        self.sync.write("certificate", certificate_id, "patch", {"void": True, "void_reason": reason.strip()})

    # -- documents ---------------------------------------------------------------------------
    def documents(self, certificate_ids: list[str], *, on_progress: Progress = _noop,
                  cancel: threading.Event | None = None) -> tuple[str, list[DocumentData]]:
        """The kind and one :class:`DocumentData` per certificate, in the order given.

        Raises:
            NotPrintableError: a certificate has no number from the server yet, or is void.
        """
        rows = {r.id: r for r in self.list_certificates(include_void=True)}
        chosen = [rows[i] for i in certificate_ids if i in rows]
        waiting = [f"{r.student_number} {r.student_name}" for r in chosen if not r.printable]
        if waiting or not chosen:
            raise NotPrintableError(waiting)
        kinds = {r.kind for r in chosen}
        if len(kinds) != 1:
            raise client_error(InvalidInputError.field("kind", "一次只能打印一种证件 (print one kind at a time)"))
        items: list[DocumentData] = []
        with self.sync.store.engine.connect() as conn:
            for done, row in enumerate(chosen, 1):
                items.append(self._document(conn, row))
                on_progress(done, len(chosen))
        return kinds.pop(), items

    def document_for(self, kind: str, student_id: str) -> DocumentData:
        """A student's document for a preview: the valid certificate's number when there is
        one (empty until the server has issued it)."""
        with self.sync.store.engine.connect() as conn:
            ce = s.REPLICA["certificate"]
            found = conn.execute(select(ce.c.id, ce.c.number, ce.c.issued_on).where(
                ce.c.student_id == student_id, ce.c.kind == kind, ce.c.void.is_not(True))).first()
            number, issued = (found[1] or "", _date(found[2])) if found else ("", None)
            row = CertificateRow("", kind, number, student_id, "", "", "", issued, False, "", False)
            return self._document(conn, row)

    def _document(self, conn: Connection, row: CertificateRow) -> DocumentData:
        st, sc, mj, dp = (s.REPLICA[n] for n in ("student", "school_class", "major", "department"))
        student = dict(conn.execute(select(st).where(st.c.id == row.student_id)).mappings().one())
        for key in ("birth_date", "enrolled_on", "expected_graduation"):
            student[key] = _date(student.get(key))
        school_class = conn.execute(select(sc).where(sc.c.id == student["class_id"])).mappings().first()
        major = conn.execute(select(mj).where(mj.c.id == student["major_id"])).mappings().first() or {}
        department = conn.execute(select(dp).where(dp.c.id == student["department_id"])).mappings().first() or {}
        history, graduated_on = self._history(conn, row.student_id)
        return DocumentData.from_rows(student, school_class=school_class, major=major, department=department,
                                      history=history, certificate_number=row.number,
                                      issue_date=row.issued_on or date.today(), graduated_on=graduated_on)

    @staticmethod
    def _history(conn: Connection, student_id: str) -> tuple[list[StatusHistoryEntry], date | None]:
        c, sc = s.REPLICA["status_change"], s.REPLICA["school_class"]
        names = {r[0]: r[1] for r in conn.execute(select(sc.c.id, sc.c.name))}
        entries: list[tuple[str, StatusHistoryEntry]] = []
        graduated_on: date | None = None
        for r in conn.execute(select(c).where(c.c.student_id == student_id,
                                              c.c.state == ApprovalState.APPLIED.value)).mappings():
            def status(value: str | None) -> str:
                try:
                    return StudentStatus(value or "").zh
                except ValueError:
                    return value or ""

            before = f"{names.get(r['from_class_id'] or '', '')} {status(r['from_status'])}".strip()
            after = f"{names.get(r['to_class_id'] or r['from_class_id'] or '', '')} {status(r['to_status'])}".strip()
            when = _date(r["effective_date"]) or _date(r["applied_at"])
            if r["change_type"] == "graduate":
                graduated_on = when
            entries.append((r["applied_at"] or "", StatusHistoryEntry(when, r["change_type"], before, after,
                                                                      r["document_number"] or "", r["reason"] or "")))
        return [e for _, e in sorted(entries, key=lambda p: p[0])], graduated_on
