"""The enumerations of the domain, with their Chinese and English labels.

Values are stable English codes stored in the database and sent on the wire; labels are
display data (the Qt client translates its own UI strings; these labels are data shared with
the web portal and the exports).
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A StrEnum whose members carry (zh, en) labels in ``_LABELS``."""

    @property
    def zh(self) -> str:
        return _LABELS[type(self).__name__][self.value][0]

    @property
    def en(self) -> str:
        return _LABELS[type(self).__name__][self.value][1]

    def label(self, language: str = "zh") -> str:
        return self.en if language.startswith("en") else self.zh

    @classmethod
    def parse(cls, value: str) -> Labelled:
        """Accept a code, a Chinese label or an English label (imports use labels)."""
        text = value.strip()
        for member in cls:
            if text in (member.value, member.zh) or text.lower() == member.en.lower():
                return member
        raise ValueError(f"{value!r} is not one of {', '.join(m.value for m in cls)}")


class RoleCode(Labelled):
    ADMIN = "admin"
    REGISTRAR = "registrar"
    DEPT_STAFF = "dept_staff"
    TEACHER = "teacher"
    STUDENT = "student"


class Scope(Labelled):
    """How far a role's permissions reach (DESIGN §1)."""

    ALL = "all"
    DEPARTMENT = "department"
    OWN_TASKS = "own_tasks"
    SELF = "self"


class UserStatus(Labelled):
    ACTIVE = "active"
    DISABLED = "disabled"


class Gender(Labelled):
    MALE = "M"
    FEMALE = "F"


class CourseCategory(Labelled):
    PROFESSIONAL_TECHNICAL = "professional_technical"
    PROFESSIONAL_FOUNDATION = "professional_foundation"
    PROFESSIONAL_ELECTIVE = "professional_elective"
    GENERAL_FOUNDATION = "general_foundation"
    PUBLIC_ELECTIVE = "public_elective"


class AssessmentKind(Labelled):
    EXAM = "exam"
    ASSESSMENT = "assessment"


class StudentStatus(Labelled):
    ENROLLED = "enrolled"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    EXPELLED = "expelled"
    GRADUATED = "graduated"
    COMPLETED = "completed"
    TRANSFERRED_OUT = "transferred_out"


class StatusChangeType(Labelled):
    PROMOTE = "promote"
    REPEAT = "repeat"
    DEMOTE = "demote"
    TRANSFER_MAJOR = "transfer_major"
    TRANSFER_SCHOOL = "transfer_school"
    SUSPEND = "suspend"
    RESUME = "resume"
    WITHDRAW = "withdraw"
    EXPEL = "expel"
    GRADUATE = "graduate"
    COMPLETE = "complete"


class ApprovalState(Labelled):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    APPLIED = "applied"
    REJECTED = "rejected"


class GradeAttempt(Labelled):
    NORMAL = "normal"
    RESIT = "resit"
    RETAKE = "retake"


class GradeState(Labelled):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    LOCKED = "locked"


class RoomType(Labelled):
    CLASSROOM = "classroom"
    MULTIMEDIA = "multimedia"
    LECTURE_HALL = "lecture_hall"
    LAB = "lab"
    COMPUTER_LAB = "computer_lab"


class WeekParity(Labelled):
    ALL = "all"
    ODD = "odd"
    EVEN = "even"


class SpecialExamKind(Labelled):
    COMPUTER_RANK = "computer_rank"
    ENGLISH_LEVEL = "english_level"
    SKILL_CERT = "skill_cert"


class AidKind(Labelled):
    SCHOLARSHIP = "scholarship"
    GRANT = "grant"
    LOAN = "loan"


class CertificateKind(Labelled):
    STUDENT_ID_CARD = "student_id_card"
    STATUS_CARD = "status_card"
    GRADUATION = "graduation"
    DEGREE = "degree"


_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "RoleCode": {
        "admin": ("系统管理员", "Administrator"),
        "registrar": ("教务处", "Registrar"),
        "dept_staff": ("系部教务员", "Department secretary"),
        "teacher": ("教师", "Teacher"),
        "student": ("学生", "Student"),
    },
    "Scope": {
        "all": ("全校", "All"),
        "department": ("本院系", "Own department"),
        "own_tasks": ("本人教学任务", "Own teaching tasks"),
        "self": ("本人", "Self"),
    },
    "UserStatus": {"active": ("启用", "Active"), "disabled": ("停用", "Disabled")},
    "Gender": {"M": ("男", "Male"), "F": ("女", "Female")},
    "CourseCategory": {
        "professional_technical": ("专业技术课", "Professional technical course"),
        "professional_foundation": ("专业基础课", "Professional foundation course"),
        "professional_elective": ("专业选修课", "Professional elective course"),
        "general_foundation": ("基础课", "General foundation course"),
        "public_elective": ("公共选修课", "Public elective course"),
    },
    "AssessmentKind": {"exam": ("考试", "Exam"), "assessment": ("考查", "Assessment")},
    "StudentStatus": {
        "enrolled": ("在读", "Enrolled"),
        "suspended": ("休学", "Suspended"),
        "withdrawn": ("退学", "Withdrawn"),
        "expelled": ("开除", "Expelled"),
        "graduated": ("毕业", "Graduated"),
        "completed": ("结业", "Completed without degree"),
        "transferred_out": ("转出", "Transferred out"),
    },
    "StatusChangeType": {
        "promote": ("升级", "Promote"),
        "repeat": ("留级", "Repeat a year"),
        "demote": ("降级", "Demote"),
        "transfer_major": ("转专业", "Transfer major"),
        "transfer_school": ("转学", "Transfer school"),
        "suspend": ("休学", "Suspend"),
        "resume": ("复学", "Resume"),
        "withdraw": ("退学", "Withdraw"),
        "expel": ("开除", "Expel"),
        "graduate": ("毕业", "Graduate"),
        "complete": ("结业", "Complete without degree"),
    },
    "ApprovalState": {
        "draft": ("草稿", "Draft"),
        "submitted": ("已提交", "Submitted"),
        "approved": ("已批准", "Approved"),
        "applied": ("已生效", "Applied"),
        "rejected": ("已驳回", "Rejected"),
    },
    "GradeAttempt": {
        "normal": ("正常考试", "Normal"),
        "resit": ("补考", "Resit"),
        "retake": ("重修", "Retake"),
    },
    "GradeState": {
        "draft": ("草稿", "Draft"),
        "submitted": ("已提交", "Submitted"),
        "locked": ("已锁定", "Locked"),
    },
    "RoomType": {
        "classroom": ("普通教室", "Classroom"),
        "multimedia": ("多媒体教室", "Multimedia classroom"),
        "lecture_hall": ("阶梯教室", "Lecture hall"),
        "lab": ("实验室", "Laboratory"),
        "computer_lab": ("机房", "Computer lab"),
    },
    "WeekParity": {"all": ("每周", "Every week"), "odd": ("单周", "Odd weeks"), "even": ("双周", "Even weeks")},
    "SpecialExamKind": {
        "computer_rank": ("全国计算机等级考试", "National computer rank exam"),
        "english_level": ("英语应用能力考试", "English A/B level exam"),
        "skill_cert": ("职业技能鉴定", "Skill certification"),
    },
    "AidKind": {"scholarship": ("奖学金", "Scholarship"), "grant": ("助学金", "Grant"), "loan": ("助学贷款", "Student loan")},
    "CertificateKind": {
        "student_id_card": ("学生证", "Student ID card"),
        "status_card": ("学籍卡片", "Status card"),
        "graduation": ("毕业证书", "Graduation certificate"),
        "degree": ("学位证书", "Degree certificate"),
    },
}
