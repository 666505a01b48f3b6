"""Courses, teaching plans 教学计划, teaching tasks 教学任务 and the timetable."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, IdStr, Replicated


class Course(Replicated, Base):
    __tablename__ = "course"
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(30))  # CourseCategory
    credits: Mapped[Decimal] = mapped_column(Numeric(4, 1))
    total_hours: Mapped[int] = mapped_column(Integer)
    lecture_hours: Mapped[int] = mapped_column(Integer)
    lab_hours: Mapped[int] = mapped_column(Integer, default=0)
    assessment: Mapped[str] = mapped_column(String(12), default="exam")  # AssessmentKind
    room_type: Mapped[str] = mapped_column(String(20), default="classroom")  # RoomType
    department_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("department.id"), index=True)


class TeachingPlan(Replicated, Base):
    """The plan of one major for one cohort: its teaching progress table 教学进程表."""

    __tablename__ = "teaching_plan"
    __table_args__ = (UniqueConstraint("major_id", "cohort"),)
    major_id: Mapped[str] = mapped_column(IdStr, ForeignKey("major.id"))
    department_id: Mapped[str] = mapped_column(IdStr, ForeignKey("department.id"), index=True)
    cohort: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(12), default="draft")  # draft | approved
    copied_from_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("teaching_plan.id"))
    notes: Mapped[str] = mapped_column(Text, default="")


class PlanCourse(Replicated, Base):
    """One row of a plan's teaching progress table."""

    __tablename__ = "plan_course"
    __table_args__ = (UniqueConstraint("plan_id", "course_id", "semester"),)
    plan_id: Mapped[str] = mapped_column(IdStr, ForeignKey("teaching_plan.id"), index=True)
    course_id: Mapped[str] = mapped_column(IdStr, ForeignKey("course.id"), index=True)
    semester: Mapped[int] = mapped_column(Integer)  # 1..8 for a four-year major
    total_hours: Mapped[int] = mapped_column(Integer)
    lecture_hours: Mapped[int] = mapped_column(Integer)
    lab_hours: Mapped[int] = mapped_column(Integer, default=0)
    weekly_periods: Mapped[int] = mapped_column(Integer)
    credits: Mapped[Decimal] = mapped_column(Numeric(4, 1))
    assessment: Mapped[str] = mapped_column(String(12), default="exam")


class TeachingTask(Replicated, Base):
    """教学任务: one course taught in one term to one or more classes (合班) by one or more teachers."""

    __tablename__ = "teaching_task"
    __table_args__ = (Index("ix_teaching_task_term_dept", "term_id", "department_id"),)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    term_id: Mapped[str] = mapped_column(IdStr, ForeignKey("term.id"))
    course_id: Mapped[str] = mapped_column(IdStr, ForeignKey("course.id"), index=True)
    plan_course_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("plan_course.id"))
    department_id: Mapped[str] = mapped_column(IdStr, ForeignKey("department.id"))
    weekly_periods: Mapped[int] = mapped_column(Integer)
    block_length: Mapped[int] = mapped_column(Integer, default=2)  # 2-period blocks 大节
    start_week: Mapped[int] = mapped_column(Integer, default=1)
    end_week: Mapped[int] = mapped_column(Integer, default=16)
    week_parity: Mapped[str] = mapped_column(String(5), default="all")  # WeekParity
    room_type: Mapped[str] = mapped_column(String(20), default="classroom")
    student_count: Mapped[int] = mapped_column(Integer, default=0)
    min_days: Mapped[int] = mapped_column(Integer, default=1)
    notes: Mapped[str] = mapped_column(Text, default="")


class TeachingTaskClass(Replicated, Base):
    __tablename__ = "teaching_task_class"
    __table_args__ = (UniqueConstraint("task_id", "class_id"),)
    task_id: Mapped[str] = mapped_column(IdStr, ForeignKey("teaching_task.id"))
    class_id: Mapped[str] = mapped_column(IdStr, ForeignKey("school_class.id"), index=True)


class TeachingTaskTeacher(Replicated, Base):
    __tablename__ = "teaching_task_teacher"
    __table_args__ = (UniqueConstraint("task_id", "teacher_id"),)
    task_id: Mapped[str] = mapped_column(IdStr, ForeignKey("teaching_task.id"))
    teacher_id: Mapped[str] = mapped_column(IdStr, ForeignKey("teacher.id"), index=True)
    is_main: Mapped[bool] = mapped_column(Boolean, default=True)


class TimetableEntry(Replicated, Base):
    """One placed session of a task: day, first period, length, room and weeks."""

    __tablename__ = "timetable_entry"
    __table_args__ = (
        Index("ix_timetable_entry_term_slot", "term_id", "day", "period"),
        Index("ix_timetable_entry_room", "room_id", "day", "period"),
    )
    task_id: Mapped[str] = mapped_column(IdStr, ForeignKey("teaching_task.id"), index=True)
    term_id: Mapped[str] = mapped_column(IdStr, ForeignKey("term.id"))
    day: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    period: Mapped[int] = mapped_column(Integer)  # 0-based first period
    length: Mapped[int] = mapped_column(Integer, default=2)
    room_id: Mapped[str | None] = mapped_column(IdStr, ForeignKey("room.id"))
    start_week: Mapped[int] = mapped_column(Integer, default=1)
    end_week: Mapped[int] = mapped_column(Integer, default=16)
    week_parity: Mapped[str] = mapped_column(String(5), default="all")
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
