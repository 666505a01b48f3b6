"""Special exams 特殊考试: registration and exam-room and seat arrangement 考场编排."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, IdStr, Replicated


class SpecialExam(Replicated, Base):
    __tablename__ = "special_exam"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # SpecialExamKind
    level: Mapped[str] = mapped_column(String(30), default="")  # 一级, 二级, A级, B级…
    term_id: Mapped[str] = mapped_column(IdStr, ForeignKey("term.id"), index=True)
    exam_date: Mapped[date] = mapped_column(Date)
    registration_opens: Mapped[datetime] = mapped_column()
    registration_closes: Mapped[datetime] = mapped_column()
    fee: Mapped[Decimal] = mapped_column(Numeric(8, 2), default=Decimal("0"))
    room_type: Mapped[str] = mapped_column(String(20), default="classroom")
    max_registrations: Mapped[int | None] = mapped_column(Integer)
    published: Mapped[bool] = mapped_column(Boolean, default=False)


class ExamSession(Replicated, Base):
    """One sitting of a special exam (a date and time); seats are arranged per session."""

    __tablename__ = "exam_session"
    __table_args__ = (UniqueConstraint("exam_id", "starts_at"),)
    exam_id: Mapped[str] = mapped_column(IdStr, ForeignKey("special_exam.id"))
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime] = mapped_column()


class Registration(Replicated, Base):
    __tablename__ = "registration"
    __table_args__ = (UniqueConstraint("exam_id", "student_id"),)
    exam_id: Mapped[str] = mapped_column(IdStr, ForeignKey("special_exam.id"))
    student_id: Mapped[str] = mapped_column(IdStr, ForeignKey("student.id"), index=True)
    registered_at: Mapped[datetime] = mapped_column()
    state: Mapped[str] = mapped_column(String(12), default="registered")  # registered | cancelled
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    passed: Mapped[bool | None] = mapped_column(Boolean)


class SeatAssignment(Replicated, Base):
    """A registration's room and seat in a session, with its admission ticket number 准考证号."""

    __tablename__ = "seat_assignment"
    __table_args__ = (
        UniqueConstraint("registration_id"),
        UniqueConstraint("session_id", "room_id", "seat_number"),
    )
    registration_id: Mapped[str] = mapped_column(IdStr, ForeignKey("registration.id"))
    session_id: Mapped[str] = mapped_column(IdStr, ForeignKey("exam_session.id"))
    room_id: Mapped[str] = mapped_column(IdStr, ForeignKey("room.id"))
    seat_number: Mapped[int] = mapped_column(Integer)
    ticket_number: Mapped[str] = mapped_column(String(32), unique=True)
