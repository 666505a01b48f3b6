"""Names of the replicated tables and their fields for people, in Chinese and English.

Display data shared by the desktop (the conflict screen, the unsent-changes list), exports and
the web portal, so a record is never shown to a registrar as ``school_class.major_id``.
A field without its own entry falls back to the common names, then to its code.
"""

from __future__ import annotations

Label = tuple[str, str]  # (zh, en)

TABLES: dict[str, Label] = {
    "department": ("院系", "Department"), "major": ("专业", "Major"), "school_class": ("班级", "Class"),
    "term": ("学期", "Term"), "room": ("教室", "Room"), "teacher": ("教师", "Teacher"), "course": ("课程", "Course"),
    "unavailability": ("不可用时间", "Unavailability"), "student": ("学生", "Student"),
    "status_change": ("学籍异动", "Status change"), "certificate": ("证书证件", "Certificate"),
    "aid_type": ("奖助贷类型", "Aid type"), "aid_quota": ("奖助贷名额", "Aid quota"),
    "aid_award": ("奖助贷申请", "Aid application"), "dorm_building": ("公寓楼", "Dormitory building"),
    "dorm_room": ("宿舍", "Dormitory room"), "bed_assignment": ("床位分配", "Bed assignment"),
    "teaching_plan": ("教学计划", "Teaching plan"), "plan_course": ("计划课程", "Plan course"),
    "teaching_task": ("教学任务", "Teaching task"), "teaching_task_class": ("任务班级", "Task class"),
    "teaching_task_teacher": ("任务教师", "Task teacher"), "timetable_entry": ("课表安排", "Timetable entry"),
    "grade": ("成绩", "Grade"), "grade_change_request": ("成绩更正申请", "Grade change request"),
    "special_exam": ("特殊考试", "Special exam"), "exam_session": ("考试场次", "Exam session"),
    "registration": ("考试报名", "Exam registration"), "seat_assignment": ("座位安排", "Seat assignment"),
}

COMMON: dict[str, Label] = {
    "code": ("代码", "Code"), "name": ("名称", "Name"), "name_en": ("英文名称", "English name"),
    "number": ("编号", "Number"), "department_id": ("院系", "Department"), "major_id": ("专业", "Major"),
    "class_id": ("班级", "Class"), "student_id": ("学生", "Student"), "teacher_id": ("教师", "Teacher"),
    "term_id": ("学期", "Term"), "task_id": ("教学任务", "Teaching task"), "course_id": ("课程", "Course"),
    "room_id": ("教室", "Room"), "cohort": ("年级", "Cohort"), "gender": ("性别", "Gender"),
    "phone": ("电话", "Phone"), "email": ("电子邮箱", "Email"), "state": ("状态", "State"),
    "status": ("状态", "Status"), "reason": ("原因", "Reason"), "notes": ("备注", "Notes"),
    "remark": ("备注", "Remark"), "amount": ("金额", "Amount"), "academic_year": ("学年", "Academic year"),
    "capacity": ("容量", "Capacity"), "room_type": ("教室类型", "Room type"), "building": ("教学楼", "Building"),
    "floor": ("楼层", "Floor"), "day": ("星期", "Day"), "period": ("节次", "Period"),
    "start_week": ("起始周", "First week"), "end_week": ("结束周", "Last week"),
    "week_parity": ("单双周", "Odd/even weeks"), "locked": ("锁定", "Locked"), "active": ("启用", "Active"),
    "decision_reason": ("审批意见", "Decision reason"), "decided_by": ("审批人", "Decided by"),
    "decided_at": ("审批时间", "Decided at"),
}

FIELDS: dict[str, dict[str, Label]] = {
    "student": {
        "number": ("学号", "Student number"), "name": ("姓名", "Name"), "id_number": ("身份证号", "ID number"),
        "birth_date": ("出生日期", "Birth date"), "ethnicity": ("民族", "Ethnicity"),
        "political_status": ("政治面貌", "Political status"), "native_place": ("籍贯", "Native place"),
        "address": ("家庭住址", "Home address"), "status": ("学籍状态", "Status"),
        "enrolled_on": ("入学日期", "Enrolled on"), "expected_graduation": ("预计毕业日期", "Expected graduation"),
    },
    "teacher": {"staff_number": ("工号", "Staff number"), "name": ("姓名", "Name"), "title": ("职称", "Title")},
    "status_change": {
        "change_type": ("异动类型", "Change type"), "from_status": ("原状态", "From status"),
        "to_status": ("新状态", "To status"), "from_class_id": ("原班级", "From class"),
        "to_class_id": ("新班级", "To class"), "from_major_id": ("原专业", "From major"),
        "to_major_id": ("新专业", "To major"), "from_cohort": ("原年级", "From cohort"),
        "to_cohort": ("新年级", "To cohort"), "document_number": ("文号", "Document number"),
        "effective_date": ("生效日期", "Effective date"),
    },
    "grade": {
        "score": ("成绩", "Score"), "grade_level": ("等级", "Grade level"), "attempt": ("考试类别", "Attempt"),
        "components": ("成绩构成", "Components"),
    },
    "course": {"credits": ("学分", "Credits"), "category": ("课程类别", "Category"),
               "total_hours": ("总学时", "Total hours")},
    "bed_assignment": {"bed_number": ("床位号", "Bed"), "start_date": ("入住日期", "Moved in"),
                       "end_date": ("退宿日期", "Moved out")},
    "timetable_entry": {"length": ("节数", "Length")},
}


def _pick(label: Label, language: str) -> str:
    return label[1] if language.startswith("en") else label[0]


def table_label(table: str, language: str = "zh") -> str:
    label = TABLES.get(table)
    return _pick(label, language) if label else table


def field_label(table: str, field: str, language: str = "zh") -> str:
    label = FIELDS.get(table, {}).get(field) or COMMON.get(field)
    return _pick(label, language) if label else field


# The fields that tell a person which record a row is, most telling first.
_IDENTIFYING = ("number", "staff_number", "code", "username", "name", "ticket_number")


def describe_row(row: dict[str, object] | None) -> str:
    """A short human description of a row (``202401010101 李明``), or "" when nothing tells."""
    if not row:
        return ""
    parts = [str(row[name]) for name in _IDENTIFYING if row.get(name) not in (None, "")]
    return " ".join(parts[:2])
