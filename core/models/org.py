"""Organisation and reference data: departments, majors, classes, terms, rooms, teachers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, IdStr, Replicated


class Department(Replicated, Base):
    """院系."""

    __tablename__ = "department"
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(200), default="")


class Major(Replicated, Base):
    """专业."""

    __tablename__ = "major"
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    department_id: Mapped[str] = mapped_column(IdStr, ForeignKey("department.id"), index=True)
    duration_years: Mapped[int] = mapped_column(Integer, default=4)
    degree: Mapped[str] = mapped_column(String(50), default="")  # e.g. 工学学士


class SchoolClass(Replicated, Base):
    """班级: students of one major and cohort who study together."""

    __tablename__ = "school_class"
    __table_args__ = (Index("ix_school_class_major_cohort", "major_id", "cohort"),)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    major_id: Mapped[str] = mapped_column(IdStr, ForeignKey("major.id"))
    # Denormalised from the major: every scope query filters by department.
    department_id: Mapped[str] = mapped_column(IdStr, ForeignKey("department.id"), index=True)
    cohort: Mapped[int] = mapped_column(Integer, index=True)  # 年级, the year of entry
    head_teacher_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("teacher.id"))
    size_limit: Mapped[int] = mapped_column(Integer, default=50)


class Term(Replicated, Base):
    """学期, coded ``2025-2026-1``."""

    __tablename__ = "term"
    code: Mapped[str] = mapped_column(String(11), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[date] = mapped_column(Date)
    weeks: Mapped[int] = mapped_column(Integer, default=18)
    teaching_weeks: Mapped[int] = mapped_column(Integer, default=16)
    days_per_week: Mapped[int] = mapped_column(Integer, default=5)
    periods_per_day: Mapped[int] = mapped_column(Integer, default=10)
    # Periods before the first afternoon / evening period (half-day boundaries for blocks).
    morning_periods: Mapped[int] = mapped_column(Integer, default=4)
    afternoon_periods: Mapped[int] = mapped_column(Integer, default=4)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)


class Room(Replicated, Base):
    """A teaching or exam room."""

    __tablename__ = "room"
    __table_args__ = (Index("ix_room_type_capacity", "room_type", "capacity"),)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    building: Mapped[str] = mapped_column(String(50), index=True)
    floor: Mapped[int] = mapped_column(Integer, default=1)
    room_type: Mapped[str] = mapped_column(String(20))  # RoomType
    capacity: Mapped[int] = mapped_column(Integer)
    exam_capacity: Mapped[int] = mapped_column(Integer)
    department_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("department.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Teacher(Replicated, Base):
    """教师, identified by staff number 工号."""

    __tablename__ = "teacher"
    staff_number: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str] = mapped_column(String(1))
    department_id: Mapped[str] = mapped_column(IdStr, ForeignKey("department.id"), index=True)
    title: Mapped[str] = mapped_column(String(30), default="")  # 教授, 副教授, 讲师, 助教
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Unavailability(Replicated, Base):
    """A period in which a teacher, class, room or task cannot be timetabled."""

    __tablename__ = "unavailability"
    __table_args__ = (
        UniqueConstraint("term_id", "owner_kind", "owner_id", "day", "period"),
    )
    term_id: Mapped[str] = mapped_column(IdStr, ForeignKey("term.id"))
    owner_kind: Mapped[str] = mapped_column(String(10))  # teacher | class | room | task
    owner_id: Mapped[str] = mapped_column(IdStr, index=True)
    day: Mapped[int] = mapped_column(Integer)
    period: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")
