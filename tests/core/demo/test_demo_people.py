"""Students and teachers look real: names, ID numbers, student numbers, phones, status."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from core.demo import DemoUniversity
from core.rules.values import validate_id_number, validate_phone, validate_student_number

HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _by_id(university: DemoUniversity, table: str) -> dict[str, dict[str, object]]:
    return {r["id"]: r for r in university.rows[table]}


def test_id_numbers_are_valid_and_match_birth_date_and_gender(university: DemoUniversity) -> None:
    for s in university.rows["student"]:
        info = validate_id_number(s["id_number"], today=university.today)
        assert info.birth_date == s["birth_date"], s["number"]
        assert info.gender == s["gender"], s["number"]


def test_students_are_about_eighteen_when_they_enter(university: DemoUniversity) -> None:
    for s in university.rows["student"]:
        entry = date(s["cohort"], 9, 1)
        age = entry.year - s["birth_date"].year - ((entry.month, entry.day) < (s["birth_date"].month, s["birth_date"].day))
        assert 17 <= age <= 20, (s["number"], s["birth_date"])
    ages = Counter(s["cohort"] - s["birth_date"].year for s in university.rows["student"])
    assert ages.most_common(1)[0][0] == 18


def test_student_numbers_encode_cohort_department_major_and_class(university: DemoUniversity) -> None:
    departments = _by_id(university, "department")
    majors = _by_id(university, "major")
    classes = _by_id(university, "school_class")
    numbers = [s["number"] for s in university.rows["student"]]
    assert len(numbers) == len(set(numbers))
    for s in university.rows["student"]:
        parts = validate_student_number(s["number"])
        cls = classes[s["class_id"]]
        assert parts.cohort == s["cohort"] == cls["cohort"]
        assert parts.department == departments[s["department_id"]]["code"]
        assert f"{parts.department}{parts.major}" == majors[s["major_id"]]["code"]
        assert s["number"][:10] == cls["code"]  # class code = YYYY DD MM CC
        assert cls["major_id"] == s["major_id"] and cls["department_id"] == s["department_id"]
    sizes = Counter(s["class_id"] for s in university.rows["student"])
    assert min(sizes.values()) >= 34 and max(sizes.values()) <= 44


def test_names_genders_phones_and_places(university: DemoUniversity) -> None:
    students = university.rows["student"]
    for person in students + university.rows["teacher"]:
        assert HAN_NAME.match(person["name"]), person["name"]
        assert validate_phone(person["phone"], required=True) == person["phone"]
        assert person["gender"] in ("M", "F")
    genders = Counter(s["gender"] for s in students)
    assert 0.4 < genders["M"] / len(students) < 0.7
    assert len({s["name"] for s in students}) > 0.8 * len(students)  # few namesakes
    surnames = Counter(s["name"][0] for s in students)
    assert {name for name, _ in surnames.most_common(5)} <= set("王李张刘陈杨黄赵")
    assert all(s["native_place"] and s["address"].startswith(s["native_place"][:2]) for s in students)
    assert Counter(s["id_number"][:2] for s in students).most_common(1)[0][0] == "42"  # a Hubei school


def test_status_mostly_enrolled_with_a_few_suspended(university: DemoUniversity) -> None:
    status = Counter(s["status"] for s in university.rows["student"])
    total = sum(status.values())
    assert set(status) == {"enrolled", "suspended"}
    assert 0.002 * total < status["suspended"] < 0.02 * total
    newest = max(s["cohort"] for s in university.rows["student"])
    assert all(s["status"] == "enrolled" for s in university.rows["student"] if s["cohort"] == newest)


def test_teachers_have_unique_staff_numbers_and_titles(university: DemoUniversity) -> None:
    teachers = university.rows["teacher"]
    numbers = [t["staff_number"] for t in teachers]
    assert len(numbers) == len(set(numbers))
    titles = Counter(t["title"] for t in teachers)
    assert set(titles) == {"教授", "副教授", "讲师", "助教"}
    assert titles["讲师"] > titles["教授"]
    heads = {c["head_teacher_id"] for c in university.rows["school_class"]}
    assert None not in heads and heads <= {t["id"] for t in teachers}
