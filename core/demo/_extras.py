"""Special exams 特殊考试 with their sessions (aid and dormitories: ``_welfare.py``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any

from core.demo._builder import Builder
from core.demo._org import Calendar

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
