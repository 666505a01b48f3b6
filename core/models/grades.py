"""Course grades 成绩 and requests to change a locked grade."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, IdStr, Replicated


class Grade(Replicated, Base):
    """One attempt of one student at one course in one term."""

    __tablename__ = "grade"
    __table_args__ = (
        UniqueConstraint("student_id", "course_id", "term_id", "attempt"),
        Index("ix_grade_task_state", "task_id", "state"),
        Index("ix_grade_term_course", "term_id", "course_id"),
    )
    student_id: Mapped[str] = mapped_column(IdStr, ForeignKey("student.id"), index=True)
    task_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("teaching_task.id"))
    course_id: Mapped[str] = mapped_column(IdStr, ForeignKey("course.id"))
    term_id: Mapped[str] = mapped_column(IdStr, ForeignKey("term.id"))
    attempt: Mapped[str] = mapped_column(String(8), default="normal")  # GradeAttempt
    score: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    grade_level: Mapped[str | None] = mapped_column(String(10))  # 优/良/中/及格/不及格, 合格/不合格
    components: Mapped[str] = mapped_column(Text, default="{}")  # JSON: usual, midterm, final…
    state: Mapped[str] = mapped_column(String(10), default="draft")  # GradeState
    remark: Mapped[str] = mapped_column(String(20), default="")  # 缺考, 缓考, 作弊
    entered_by: Mapped[str | None] = mapped_column(IdStr, ForeignKey("app_user.id"))
    submitted_at: Mapped[datetime | None] = mapped_column()
    locked_at: Mapped[datetime | None] = mapped_column()
    locked_by: Mapped[str | None] = mapped_column(IdStr, ForeignKey("app_user.id"))


class GradeChangeRequest(Replicated, Base):
    """A teacher's request to correct a locked grade, decided by the registrar."""

    __tablename__ = "grade_change_request"
    grade_id: Mapped[str] = mapped_column(IdStr, ForeignKey("grade.id"), index=True)
    requested_by: Mapped[str | None] = mapped_column(IdStr, ForeignKey("app_user.id"))
    old_score: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    new_score: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    old_grade_level: Mapped[str | None] = mapped_column(String(10))
    new_grade_level: Mapped[str | None] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default="submitted")  # ApprovalState
    decided_by: Mapped[str | None] = mapped_column(IdStr, ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column()
    decision_reason: Mapped[str] = mapped_column(Text, default="")
