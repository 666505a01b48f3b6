"""SQLAlchemy 2.0 models of every table (DESIGN §4), used by the server and the client store."""

from core.models.account import (
    AuditLog,
    AuthToken,
    LoginAttempt,
    Role,
    RolePermission,
    ServerSetting,
    User,
    UserRole,
)
from core.models.base import Base, Replicated, new_id, utcnow
from core.models.exams import ExamSession, Registration, SeatAssignment, SpecialExam
from core.models.grades import Grade, GradeChangeRequest
from core.models.org import Department, Major, Room, SchoolClass, Teacher, Term, Unavailability
from core.models.student import Certificate, StatusChange, Student
from core.models.sync import AppliedOp, SyncCounter
from core.models.teaching import (
    Course,
    PlanCourse,
    TeachingPlan,
    TeachingTask,
    TeachingTaskClass,
    TeachingTaskTeacher,
    TimetableEntry,
)
from core.models.welfare import AidAward, AidQuota, AidType, BedAssignment, DormBuilding, DormRoom

__all__ = [
    "AidAward", "AidQuota", "AppliedOp", "SyncCounter", "AidType", "AuditLog", "AuthToken", "Base", "BedAssignment",
    "Certificate", "Course", "Department", "DormBuilding", "DormRoom", "ExamSession", "Grade",
    "GradeChangeRequest", "LoginAttempt", "Major", "PlanCourse", "Registration", "Replicated",
    "Role", "RolePermission", "Room", "SchoolClass", "SeatAssignment", "ServerSetting",
    "SpecialExam", "StatusChange", "Student", "Teacher", "TeachingPlan", "TeachingTask",
    "TeachingTaskClass", "TeachingTaskTeacher", "Term", "TimetableEntry", "Unavailability",
    "User", "UserRole", "new_id", "utcnow",
]


def replicated_tables() -> list[str]:
    """Names of the tables the sync protocol replicates, in foreign-key order."""
    return [t.name for t in Base.metadata.sorted_tables if "server_seq" in t.c]
