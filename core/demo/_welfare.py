"""Aid types 奖助贷 with per-department quotas, and dormitories 学生公寓 with the current
students in their beds.

Beds are assigned with the same planner the server's bulk assignment uses
(:func:`core.rules.dorms.plan_bulk`): class by class and gender by gender, classmates in
the same rooms, older cohorts in the older six-bed buildings. Some students live off
campus 走读 and suspended students hold no bed.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from core.demo._builder import Builder
from core.demo._org import Calendar, Dept
from core.rules.dorms import RoomInfo, StudentInfo, plan_bulk

Row = dict[str, Any]

# (code, name, English name, kind, amount, eligibility rules, share of students per quota).
# Amounts of the national awards as raised in 2024 (国家奖学金 10,000, 国家励志奖学金 6,000);
# the national grant keeps three levels around the 3,300 average.
_AID = (
    ("NAT-SCH", "国家奖学金", "National Scholarship", "scholarship", 10000,
     {"no_failed_course": True, "gpa_rank_share": 0.1, "min_year": 2, "exclusive_group": "national_scholarship"},
     0.002),
    ("NAT-ENC", "国家励志奖学金", "National Encouragement Scholarship", "scholarship", 6000,
     {"no_failed_course": True, "gpa_rank_share": 0.3, "financial_need": True, "min_year": 2,
      "exclusive_group": "national_scholarship"}, 0.03),
    ("NAT-GRANT-1", "国家助学金（一等）", "National Grant, first level", "grant", 4400,
     {"financial_need": "special", "exclusive_group": "national_grant"}, 0.05),
    ("NAT-GRANT-2", "国家助学金（二等）", "National Grant, second level", "grant", 3300,
     {"financial_need": "ordinary", "exclusive_group": "national_grant"}, 0.08),
    ("NAT-GRANT-3", "国家助学金（三等）", "National Grant, third level", "grant", 2200,
     {"financial_need": "general", "exclusive_group": "national_grant"}, 0.07),
    ("SCH-1", "校级一等奖学金", "University Scholarship, first class", "scholarship", 3000,
     {"no_failed_course": True, "gpa_rank_share": 0.03, "exclusive_group": "school_scholarship"}, 0.03),
    ("SCH-2", "校级二等奖学金", "University Scholarship, second class", "scholarship", 2000,
     {"no_failed_course": True, "gpa_rank_share": 0.08, "exclusive_group": "school_scholarship"}, 0.07),
    ("SCH-3", "校级三等奖学金", "University Scholarship, third class", "scholarship", 1000,
     {"no_failed_course": True, "gpa_rank_share": 0.15, "exclusive_group": "school_scholarship"}, 0.12),
    ("LOAN", "国家助学贷款", "National Student Loan", "loan", 16000,
     {"financial_need": True, "max_amount_per_year": 16000}, 0.10),
)
# (gender, beds per room) of buildings 1–12: the five oldest have six beds a room.
_BUILDINGS = (("M", 6), ("F", 6), ("M", 6), ("F", 6), ("M", 6), ("M", 4),
              ("F", 4), ("M", 4), ("F", 4), ("M", 4), ("F", 4), ("M", 4))
DORM_FLOORS, DORM_ROOMS_PER_FLOOR = 6, 36
OFF_CAMPUS_SHARE = 0.04  # 走读: living at home


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


def build_dormitories(b: Builder, students: dict[str, list[Row]]) -> None:
    """Twelve buildings (men and women apart) and a bed for most enrolled students."""
    rooms: list[RoomInfo] = []
    for n, (gender, beds) in enumerate(_BUILDINGS, start=1):
        building = b.add("dorm_building", {
            "code": f"D{n:02d}", "name": f"学生公寓{n}栋", "gender": gender, "floors": DORM_FLOORS})
        for floor in range(1, DORM_FLOORS + 1):
            for room in range(1, DORM_ROOMS_PER_FLOOR + 1):
                row = b.add("dorm_room", {"building_id": building["id"], "number": f"{floor}{room:02d}",
                                          "floor": floor, "beds": beds, "gender": None})
                rooms.append(RoomInfo(row["id"], building["id"], building["code"], row["number"], floor, beds,
                                      None, gender))
    _assign_beds(b, rooms, students)


def _assign_beds(b: Builder, rooms: list[RoomInfo], students: dict[str, list[Row]]) -> None:
    rng = b.rng("dormitories")
    everyone = sorted((s for rows in students.values() for s in rows), key=lambda s: s["number"])
    residents = [s for s in everyone if rng.random() >= OFF_CAMPUS_SHARE]
    plan = plan_bulk([StudentInfo(s["id"], s["gender"], s["class_id"], s["status"], s["number"]) for s in residents],
                     rooms, {})
    by_id = {s["id"]: s for s in residents}
    for placement in plan.placements:
        student = by_id[placement.student_id]
        b.add("bed_assignment", {"room_id": placement.room_id, "bed_number": placement.bed_number,
                                 "student_id": student["id"], "start_date": date(student["cohort"], 9, 1),
                                 "end_date": None, "reason": "新生入住"})
