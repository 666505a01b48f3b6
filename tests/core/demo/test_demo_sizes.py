"""Sizes stated in docs/demo-university.md, and the realism of plans, grades and extras."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from core.demo import DemoUniversity
from core.rules.enums import CourseCategory, RoomType

# table -> (minimum, maximum), as documented.
SIZES = {
    "department": (8, 16), "major": (35, 45), "school_class": (270, 330),
    "student": (11_000, 13_500), "teacher": (540, 660), "room": (220, 280), "term": (7, 8),
    "course": (550, 700), "teaching_plan": (35, 45), "plan_course": (2_800, 3_600),
    "teaching_task": (2_200, 2_700), "grade": (380_000, 470_000), "special_exam": (4, 8),
    "dorm_building": (6, 12), "aid_type": (8, 12),
}


def test_sizes_within_the_documented_ranges(university: DemoUniversity) -> None:
    counts = university.counts()
    for table, (low, high) in SIZES.items():
        assert low <= counts[table] <= high, f"{table}: {counts[table]} not in {low}–{high}"


def test_four_cohorts_and_terms_back_to_the_oldest_entry(university: DemoUniversity) -> None:
    cohorts = sorted({c["cohort"] for c in university.rows["school_class"]})
    assert cohorts == [2023, 2024, 2025, 2026]
    codes = [t["code"] for t in university.rows["term"]]
    assert codes == ["2023-2024-1", "2023-2024-2", "2024-2025-1", "2024-2025-2", "2025-2026-1",
                     "2025-2026-2", "2026-2027-1"]
    assert [t["code"] for t in university.rows["term"] if t["is_current"]] == ["2026-2027-1"]
    assert all(t["start_date"].weekday() == 0 for t in university.rows["term"])


def test_classes_named_like_a_registrar_names_them(university: DemoUniversity) -> None:
    names = [c["name"] for c in university.rows["school_class"]]
    assert "计算机2301班" in names
    assert len(names) == len(set(names))


def test_rooms_of_every_type_with_plausible_capacities(university: DemoUniversity) -> None:
    limits = {"classroom": (40, 80), "multimedia": (60, 120), "lecture_hall": (120, 200),
              "lab": (30, 50), "computer_lab": (40, 60)}
    rooms = university.rows["room"]
    assert {r["room_type"] for r in rooms} == {t.value for t in RoomType}
    for room in rooms:
        low, high = limits[room["room_type"]]
        assert low <= room["capacity"] <= high, room["code"]
        assert room["exam_capacity"] == room["capacity"] // 2
    assert len({r["building"] for r in rooms}) >= 5


def test_courses_of_all_categories_and_one_plan_per_major(university: DemoUniversity) -> None:
    courses = university.rows["course"]
    assert {c["category"] for c in courses} == {c.value for c in CourseCategory}
    plans = university.rows["teaching_plan"]
    assert sorted(p["major_id"] for p in plans) == sorted(m["id"] for m in university.rows["major"])
    assert {p["cohort"] for p in plans} == {2026}
    per_plan = defaultdict(list)
    for row in university.rows["plan_course"]:
        per_plan[row["plan_id"]].append(row)
    for rows in per_plan.values():
        assert {r["semester"] for r in rows} == set(range(1, 9))
        assert 60 <= len(rows) <= 90
        credits = sum(r["credits"] for r in rows)
        assert Decimal(140) <= credits <= Decimal(200)
        for semester in range(1, 9):
            assert sum(r["weekly_periods"] for r in rows if r["semester"] == semester) <= 28


def test_grades_locked_mostly_passing_with_resits(university: DemoUniversity) -> None:
    grades = university.rows["grade"]
    current = university.current_term["id"]
    assert {g["state"] for g in grades} == {"locked"}
    assert all(g["term_id"] != current for g in grades[::101])
    normal = [g for g in grades if g["attempt"] == "normal"]
    failed = {(g["student_id"], g["course_id"], g["term_id"]) for g in normal
              if (g["score"] is not None and g["score"] < 60) or g["grade_level"] == "不及格"}
    assert 0.035 < len(failed) / len(normal) < 0.07
    resits = [g for g in grades if g["attempt"] == "resit"]
    assert {(g["student_id"], g["course_id"], g["term_id"]) for g in resits} <= failed
    assert len(resits) > 0.7 * len(failed)
    assert Counter(g["attempt"] for g in grades).keys() == {"normal", "resit"}
    for g in grades[::53]:
        assert (g["score"] is None) != (g["grade_level"] is None)
        assert g["locked_at"] > g["submitted_at"]


def test_grades_follow_each_students_plan(university: DemoUniversity) -> None:
    plan_of = {p["major_id"]: p["id"] for p in university.rows["teaching_plan"]}
    planned = {(r["plan_id"], r["course_id"]) for r in university.rows["plan_course"]}
    students = {s["id"]: s for s in university.rows["student"]}
    for g in university.rows["grade"][::37]:
        assert (plan_of[students[g["student_id"]]["major_id"]], g["course_id"]) in planned


def test_special_exams_dormitories_and_aid(university: DemoUniversity) -> None:
    exams = university.rows["special_exam"]
    assert {e["kind"] for e in exams} == {"computer_rank", "english_level", "skill_cert"}
    assert {s["exam_id"] for s in university.rows["exam_session"]} == {e["id"] for e in exams}
    assert all(e["registration_opens"] < e["registration_closes"] for e in exams)
    assert len(university.rows["dorm_room"]) >= 500
    aid = {a["name"]: a["amount"] for a in university.rows["aid_type"]}
    assert aid["国家奖学金"] == Decimal(10000) and aid["国家励志奖学金"] == Decimal(6000)
    assert {a["kind"] for a in university.rows["aid_type"]} == {"scholarship", "grant", "loan"}
    quotas = university.rows["aid_quota"]
    assert len(quotas) == len(university.rows["aid_type"]) * len(university.rows["department"])
    assert all(q["quota"] >= 1 for q in quotas)
