"""Special exams 特殊考试 with their sessions, dormitories 学生公寓, and aid types 奖助贷
with per-department quotas for the current academic year."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any

from core.demo._builder import Builder
from core.demo._org import Calendar, Dept

Row = dict[str, Any]
_BEIJING = timezone(timedelta(hours=8))

# (code prefix, name, kind, level, fee, room type, cap, sessions as (start hour, minutes))
_EXAMS = (
    ("NCRE1", "全国计算机等级考试一级", "computer_rank", "一级", "70", "computer_lab", 600, ((9, 90), (14, 90))),
    ("NCRE2", "全国计算机等级考试二级", "computer_rank", "二级", "80", "computer_lab", 800, ((9, 120), (14, 120))),
    ("PRETCO-A", "高等学校英语应用能力考试A级", "english_level", "A级", "50", "classroom", 2500, ((9, 120),)),
    ("PRETCO-B", "高等学校英语应用能力考试B级", "english_level", "B级", "50", "classroom", 1500, ((14, 120),)),
    ("SKILL", "职业技能鉴定（计算机程序设计员·四级）", "skill_cert", "四级", "150", "computer_lab", 200, ((9, 180),)),
)

# (code, name, English name, kind, amount, eligibility rules, share of students per quota)
_AID = (
    ("NAT-SCH", "国家奖学金", "National Scholarship", "scholarship", 8000,
     {"no_failed_course": True, "gpa_rank_share": 0.1, "min_year": 2}, 0.002),
    ("NAT-ENC", "国家励志奖学金", "National Encouragement Scholarship", "scholarship", 5000,
     {"no_failed_course": True, "gpa_rank_share": 0.3, "financial_need": True, "min_year": 2}, 0.03),
    ("NAT-GRANT-1", "国家助学金（一等）", "National Grant, first level", "grant", 4400,
     {"financial_need": "special"}, 0.05),
    ("NAT-GRANT-2", "国家助学金（二等）", "National Grant, second level", "grant", 3300,
     {"financial_need": "ordinary"}, 0.08),
    ("NAT-GRANT-3", "国家助学金（三等）", "National Grant, third level", "grant", 2200,
     {"financial_need": "general"}, 0.07),
    ("SCH-1", "校级一等奖学金", "University Scholarship, first class", "scholarship", 3000,
     {"no_failed_course": True, "gpa_rank_share": 0.03}, 0.03),
    ("SCH-2", "校级二等奖学金", "University Scholarship, second class", "scholarship", 2000,
     {"no_failed_course": True, "gpa_rank_share": 0.08}, 0.07),
    ("SCH-3", "校级三等奖学金", "University Scholarship, third class", "scholarship", 1000,
     {"no_failed_course": True, "gpa_rank_share": 0.15}, 0.12),
    ("LOAN", "国家助学贷款", "National Student Loan", "loan", 16000,
     {"financial_need": True, "max_amount_per_year": 16000}, 0.10),
)
DORM_BUILDINGS, DORM_FLOORS, DORM_ROOMS_PER_FLOOR = 10, 6, 20


def _beijing(day: date, hour: int, minutes: int = 0) -> datetime:
    """A Beijing wall-clock time stored in UTC, as every timestamp of the schema is."""
    return datetime.combine(day, time(hour, minutes), _BEIJING).astimezone(UTC)


def build_special_exams(b: Builder, cal: Calendar) -> None:
    """The term's special exams; registration is open around ``today`` so the portal shows it."""
    term = cal.current_row
    year = cal.current.start_year
    for n, (prefix, name, kind, level, fee, room, cap, sessions) in enumerate(_EXAMS):
        # Exams fall on Saturdays, two to five weeks after today.
        exam_day = cal.today + timedelta(days=(5 - cal.today.weekday()) % 7 + 14 + 7 * (n % 4))
        exam = b.add("special_exam", {
            "code": f"{prefix}-{year}-{cal.current.number}", "name": name, "kind": kind,
            "level": level, "term_id": term["id"], "exam_date": exam_day,
            "registration_opens": _beijing(cal.today - timedelta(days=10), 8),
            "registration_closes": _beijing(exam_day - timedelta(days=7), 17),
            "fee": Decimal(fee).quantize(Decimal("0.01")), "room_type": room,
            "max_registrations": cap, "published": True})
        for hour, minutes in sessions:
            start = _beijing(exam_day, hour)
            b.add("exam_session", {"exam_id": exam["id"], "starts_at": start,
                                   "ends_at": start + timedelta(minutes=minutes)})


def build_dormitories(b: Builder) -> None:
    """Odd-numbered buildings house men, even-numbered ones women; older ones have six beds."""
    for n in range(1, DORM_BUILDINGS + 1):
        gender = "M" if n % 2 else "F"
        building = b.add("dorm_building", {
            "code": f"D{n:02d}", "name": f"学生公寓{n}栋", "gender": gender, "floors": DORM_FLOORS})
        beds = 6 if n <= 2 else 4
        for floor in range(1, DORM_FLOORS + 1):
            for room in range(1, DORM_ROOMS_PER_FLOOR + 1):
                b.add("dorm_room", {"building_id": building["id"], "number": f"{floor}{room:02d}",
                                    "floor": floor, "beds": beds, "gender": gender})


def build_aid(b: Builder, cal: Calendar, depts: list[Dept], students: dict[str, list[Row]]) -> None:
    """Aid types and each department's quota of them, in proportion to its students."""
    per_dept = Counter(s["department_id"] for rows in students.values() for s in rows
                       if s["status"] == "enrolled")
    year = f"{cal.current.start_year}-{cal.current.start_year + 1}"
    for code, name, name_en, kind, amount, rules, share in _AID:
        aid = b.add("aid_type", {
            "code": code, "name": name, "name_en": name_en, "kind": kind,
            "amount": Decimal(amount).quantize(Decimal("0.01")),
            "rules": json.dumps(rules, ensure_ascii=False, sort_keys=True)})
        for dept in depts:
            b.add("aid_quota", {"aid_type_id": aid["id"], "academic_year": year,
                                "department_id": dept.row["id"],
                                "quota": max(1, round(per_dept[dept.row["id"]] * share))})
