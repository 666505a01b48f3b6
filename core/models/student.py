"""Students, their status changes 学籍异动 and their cards and certificates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, IdStr, Replicated


class Student(Replicated, Base):
    __tablename__ = "student"
    __table_args__ = (
        Index("ix_student_dept_cohort_status", "department_id", "cohort", "status"),
    )
    number: Mapped[str] = mapped_column(String(20), unique=True)  # 学号
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str] = mapped_column(String(1))  # Gender
    id_number: Mapped[str] = mapped_column(String(18), unique=True)  # 身份证号
    birth_date: Mapped[date] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(20), default="汉族")
    political_status: Mapped[str] = mapped_column(String(20), default="共青团员")
    native_place: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    class_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("school_class.id"), index=True)
    major_id: Mapped[str] = mapped_column(IdStr, ForeignKey("major.id"), index=True)
    department_id: Mapped[str] = mapped_column(IdStr, ForeignKey("department.id"))
    cohort: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="enrolled")  # StudentStatus
    enrolled_on: Mapped[date] = mapped_column(Date)
    expected_graduation: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class StatusChange(Replicated, Base):
    """学籍异动: a change of a student's status, class, major or cohort, with approval."""

    __tablename__ = "status_change"
    __table_args__ = (Index("ix_status_change_state", "state", "department_id"),)
    student_id: Mapped[str] = mapped_column(IdStr, ForeignKey("student.id"), index=True)
    department_id: Mapped[str] = mapped_column(IdStr, ForeignKey("department.id"))
    change_type: Mapped[str] = mapped_column(String(20))  # StatusChangeType
    state: Mapped[str] = mapped_column(String(12), default="draft")  # ApprovalState
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    from_class_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("school_class.id"))
    to_class_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("school_class.id"))
    from_major_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("major.id"))
    to_major_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("major.id"))
    from_cohort: Mapped[int | None] = mapped_column(Integer)
    to_cohort: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    document_number: Mapped[str] = mapped_column(String(50), default="")  # 文号
    effective_date: Mapped[date | None] = mapped_column(Date)
    batch_id: Mapped[str | None] = mapped_column(IdStr, index=True)
    drafted_by: Mapped[str | None] = mapped_column(IdStr, ForeignKey("app_user.id"))
    submitted_at: Mapped[datetime | None] = mapped_column()
    decided_by: Mapped[str | None] = mapped_column(IdStr, ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column()
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    applied_at: Mapped[datetime | None] = mapped_column()


class Certificate(Replicated, Base):
    """A printed card or certificate with its unique number."""

    __tablename__ = "certificate"
    __table_args__ = (Index("ix_certificate_student_kind", "student_id", "kind"),)
    kind: Mapped[str] = mapped_column(String(20))  # CertificateKind
    number: Mapped[str] = mapped_column(String(32), unique=True)
    student_id: Mapped[str] = mapped_column(IdStr, ForeignKey("student.id"))
    issued_on: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[str | None] = mapped_column(IdStr, ForeignKey("app_user.id"))
    void: Mapped[bool] = mapped_column(default=False)
    void_reason: Mapped[str] = mapped_column(String(200), default="")
