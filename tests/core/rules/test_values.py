from __future__ import annotations

from datetime import date

import pytest

from core.errors import InvalidInputError
from core.rules.enums import CourseCategory, RoleCode, RoomType, StatusChangeType, StudentStatus
from core.rules.passwords import check_password_policy, password_problems
from core.rules.values import (
    id_check_char,
    make_student_number,
    term_of,
    validate_id_number,
    validate_phone,
    validate_student_number,
    validate_term_code,
)


def _with_check(first17: str) -> str:
    return first17 + id_check_char(first17)


def _field_message(exc: pytest.ExceptionInfo[InvalidInputError]) -> tuple[str, str]:
    item = exc.value.details["fields"][0]
    return item["field"], item["message"]


class TestIdNumber:
    def test_published_example_is_valid(self) -> None:
        info = validate_id_number("11010519491231002X")
        assert info.birth_date == date(1949, 12, 31)
        assert info.gender == "F"
        assert info.region == "110105"

    def test_lowercase_x_is_normalised(self) -> None:
        assert validate_id_number("11010519491231002x").number == "11010519491231002X"

    @pytest.mark.parametrize("last", list("0123456789X"))
    def test_only_the_right_check_character_passes(self, last: str) -> None:
        number = "11010519491231002" + last
        if last == "X":
            validate_id_number(number)
        else:
            with pytest.raises(InvalidInputError) as exc:
                validate_id_number(number)
            assert "校验位" in _field_message(exc)[1]

    @pytest.mark.parametrize(
        ("number", "fragment"),
        [
            ("1101051949123100", "18位"),
            ("11010519491231002X1", "18位"),
            ("1101051949123A002X", "前17位"),
            (_with_check("99010519491231002"), "地区码"),
            (_with_check("11010519490231002"), "出生日期"),  # 31 Feb
            (_with_check("11010521990101002"), "不合理"),  # in the future
        ],
    )
    def test_each_rule_has_its_own_message(self, number: str, fragment: str) -> None:
        with pytest.raises(InvalidInputError) as exc:
            validate_id_number(number, field="sfzh", today=date(2026, 12, 3))
        field, message = _field_message(exc)
        assert field == "sfzh"
        assert fragment in message

    def test_gender_comes_from_the_17th_digit(self) -> None:
        assert validate_id_number(_with_check("32010620050301001")).gender == "M"
        assert validate_id_number(_with_check("32010620050301002")).gender == "F"


class TestStudentNumber:
    def test_round_trip(self) -> None:
        number = make_student_number(2024, 3, 12, 2, 15)
        assert number == "202403120215"
        parts = validate_student_number(number)
        assert (parts.cohort, parts.department, parts.major, parts.class_no, parts.sequence) == (2024, "03", "12", "02", "15")

    @pytest.mark.parametrize("bad", ["20240312021", "2024031202155", "18240312021", "2024031200015"[:12], "ABCD03120215", "202403120200"])
    def test_refused(self, bad: str) -> None:
        with pytest.raises(InvalidInputError):
            validate_student_number(bad)


class TestPhone:
    @pytest.mark.parametrize("ok", ["13812345678", "+86 138 1234 5678", "010-62751234", "0755-8888888", "02162751234-123"])
    def test_accepted(self, ok: str) -> None:
        assert validate_phone(ok)

    @pytest.mark.parametrize("bad", ["12812345678", "1381234567", "62751234", "abc", "138123456789"])
    def test_refused(self, bad: str) -> None:
        with pytest.raises(InvalidInputError) as exc:
            validate_phone(bad, field="mobile")
        assert _field_message(exc)[0] == "mobile"

    def test_empty_allowed_unless_required(self) -> None:
        assert validate_phone("") == ""
        with pytest.raises(InvalidInputError):
            validate_phone(" ", required=True)


class TestTermCode:
    def test_valid(self) -> None:
        term = validate_term_code("2025-2026-1")
        assert term.code == "2025-2026-1"
        assert term.academic_year == "2025-2026"

    @pytest.mark.parametrize(("bad", "fragment"), [("2025-2027-1", "连续"), ("2025-2026-3", "格式"), ("25-26-1", "格式"), ("2025/2026/1", "格式")])
    def test_refused(self, bad: str, fragment: str) -> None:
        with pytest.raises(InvalidInputError) as exc:
            validate_term_code(bad)
        assert fragment in _field_message(exc)[1]

    def test_term_of_dates(self) -> None:
        assert term_of(date(2026, 12, 3)).code == "2026-2027-1"
        assert term_of(date(2027, 1, 10)).code == "2026-2027-1"
        assert term_of(date(2027, 3, 1)).code == "2026-2027-2"


class TestEnumerations:
    def test_course_categories_are_the_five_of_the_design(self) -> None:
        assert {c.zh for c in CourseCategory} == {"专业技术课", "专业基础课", "专业选修课", "基础课", "公共选修课"}

    def test_status_change_types(self) -> None:
        assert {t.zh for t in StatusChangeType} == {
            "升级", "留级", "降级", "转专业", "转学", "休学", "复学", "退学", "开除", "毕业", "结业"}

    def test_roles_and_room_types(self) -> None:
        assert [r.value for r in RoleCode] == ["admin", "registrar", "dept_staff", "teacher", "student"]
        assert len(RoomType) == 5

    def test_parse_accepts_code_and_labels(self) -> None:
        assert StudentStatus.parse("休学") is StudentStatus.SUSPENDED
        assert StudentStatus.parse("suspended") is StudentStatus.SUSPENDED
        assert StudentStatus.parse("Suspended") is StudentStatus.SUSPENDED
        with pytest.raises(ValueError, match="not one of"):
            StudentStatus.parse("vacation")


class TestPasswordPolicy:
    def test_good_password(self) -> None:
        assert password_problems("Correct-Horse-7", username="wang") == []

    def test_every_problem_is_named(self) -> None:
        assert len(password_problems("wang", username="wang")) == 2
        assert password_problems("password123", username="x") != []
        assert password_problems("Wang.Xiaoming", username="wang.xiaoming") != []

    def test_check_raises_with_field(self) -> None:
        with pytest.raises(InvalidInputError) as exc:
            check_password_policy("12345678", field="new_password")
        assert _field_message(exc)[0] == "new_password"
