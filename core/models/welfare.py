"""Scholarships, grants and loans 奖助贷, and dormitories 学生公寓."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, IdStr, Replicated


class AidType(Replicated, Base):
    """An award type: national scholarship, grant, school scholarship level, loan…"""

    __tablename__ = "aid_type"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(12))  # AidKind
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    # JSON eligibility rules, e.g. {"no_failed_course": true, "gpa_rank_share": 0.1}
    rules: Mapped[str] = mapped_column(Text, default="{}")


class AidQuota(Replicated, Base):
    __tablename__ = "aid_quota"
    __table_args__ = (UniqueConstraint("aid_type_id", "academic_year", "department_id"),)
    aid_type_id: Mapped[str] = mapped_column(IdStr, ForeignKey("aid_type.id"))
    academic_year: Mapped[str] = mapped_column(String(9))  # 2025-2026
    department_id: Mapped[str] = mapped_column(IdStr, ForeignKey("department.id"))
    quota: Mapped[int] = mapped_column(Integer)


class AidAward(Replicated, Base):
    """One application for an award, through review and approval."""

    __tablename__ = "aid_award"
    __table_args__ = (
        UniqueConstraint("aid_type_id", "academic_year", "student_id"),
        Index("ix_aid_award_year_dept", "academic_year", "department_id", "state"),
    )
    aid_type_id: Mapped[str] = mapped_column(IdStr, ForeignKey("aid_type.id"))
    academic_year: Mapped[str] = mapped_column(String(9))
    student_id: Mapped[str] = mapped_column(IdStr, ForeignKey("student.id"), index=True)
    department_id: Mapped[str] = mapped_column(IdStr, ForeignKey("department.id"))
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    state: Mapped[str] = mapped_column(String(12), default="submitted")  # ApprovalState
    application_text: Mapped[str] = mapped_column(Text, default="")
    eligibility_report: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    reviewed_by: Mapped[str | None] = mapped_column(IdStr, ForeignKey("app_user.id"))
    decided_by: Mapped[str | None] = mapped_column(IdStr, ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column()
    decision_reason: Mapped[str] = mapped_column(Text, default="")


class DormBuilding(Replicated, Base):
    __tablename__ = "dorm_building"
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str | None] = mapped_column(String(1))  # None: mixed, decided per room
    floors: Mapped[int] = mapped_column(Integer)


class DormRoom(Replicated, Base):
    __tablename__ = "dorm_room"
    __table_args__ = (UniqueConstraint("building_id", "number"),)
    building_id: Mapped[str] = mapped_column(IdStr, ForeignKey("dorm_building.id"))
    number: Mapped[str] = mapped_column(String(10))
    floor: Mapped[int] = mapped_column(Integer)
    beds: Mapped[int] = mapped_column(Integer, default=4)
    gender: Mapped[str | None] = mapped_column(String(1))


class BedAssignment(Replicated, Base):
    """A student in a bed from ``start_date`` until ``end_date`` (None: current). History is kept."""

    __tablename__ = "bed_assignment"
    __table_args__ = (
        Index("ix_bed_assignment_room_bed", "room_id", "bed_number", "end_date"),
        Index("ix_bed_assignment_student", "student_id", "end_date"),
    )
    room_id: Mapped[str] = mapped_column(IdStr, ForeignKey("dorm_room.id"))
    bed_number: Mapped[int] = mapped_column(Integer)
    student_id: Mapped[str] = mapped_column(IdStr, ForeignKey("student.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")
