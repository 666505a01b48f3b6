"""Value rules for identifiers and codes: national ID numbers, student numbers, phones, terms.

Each ``validate_*`` returns the normalised value (or parsed facts) and raises
:class:`core.errors.InvalidInputError` naming the field and the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.errors import InvalidInputError

# GB 11643-1999: weights of the first 17 digits, and the check character for sum mod 11.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# First two digits: provincial-level division codes (GB/T 2260).
_PROVINCES = frozenset(
    ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"]
)


@dataclass(frozen=True)
class IdNumberInfo:
    number: str
    region: str
    birth_date: date
    gender: str  # "M" or "F": the 17th digit is odd for men


def id_check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def validate_id_number(value: str, *, field: str = "id_number", today: date | None = None) -> IdNumberInfo:
    """Validate an 18-character resident ID number: digits, region, birth date, check digit.

    Raises:
        InvalidInputError: naming ``field`` and the first rule the value breaks.
    """
    number = value.strip().upper()
    if len(number) != 18:
        raise InvalidInputError.field(field, f"身份证号应为18位，实为{len(number)}位 (must be 18 characters)")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise InvalidInputError.field(field, "身份证号前17位须为数字，末位为数字或X (17 digits then a digit or X)")
    if number[:2] not in _PROVINCES:
        raise InvalidInputError.field(field, f"身份证号地区码{number[:2]}无效 (unknown region code)")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidInputError.field(field, f"身份证号中的出生日期{number[6:14]}无效 (invalid birth date)") from None
    today = today or date.today()
    if birth > today or birth.year < 1900:
        raise InvalidInputError.field(field, f"身份证号中的出生日期{birth.isoformat()}不合理 (birth date out of range)")
    expected = id_check_char(number[:17])
    if number[17] != expected:
        raise InvalidInputError.field(
            field, f"身份证号校验位应为{expected}，实为{number[17]} (check digit should be {expected})"
        )
    gender = "M" if int(number[16]) % 2 == 1 else "F"
    return IdNumberInfo(number, number[:6], birth, gender)


# Student number 学号: cohort year (4) + department (2) + major (2) + class (2) + sequence (2).
STUDENT_NUMBER_RE = re.compile(r"^(?P<cohort>(19|20)\d{2})(?P<dept>\d{2})(?P<major>\d{2})(?P<cls>\d{2})(?P<seq>\d{2})$")


@dataclass(frozen=True)
class StudentNumberParts:
    cohort: int
    department: str
    major: str
    class_no: str
    sequence: str


def validate_student_number(value: str, *, field: str = "number") -> StudentNumberParts:
    """Check the 12-digit student number layout ``YYYY DD MM CC NN``."""
    number = value.strip()
    match = STUDENT_NUMBER_RE.match(number)
    if match is None:
        raise InvalidInputError.field(
            field, "学号应为12位数字：入学年份4位+院系2位+专业2位+班级2位+序号2位 (12 digits: YYYY DD MM CC NN)"
        )
    if match["seq"] == "00" or match["cls"] == "00":
        raise InvalidInputError.field(field, "学号中的班级号和序号从01开始 (class and sequence start at 01)")
    return StudentNumberParts(int(match["cohort"]), match["dept"], match["major"], match["cls"], match["seq"])


def make_student_number(cohort: int, dept: int, major: int, class_no: int, seq: int) -> str:
    return f"{cohort:04d}{dept:02d}{major:02d}{class_no:02d}{seq:02d}"


_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE_RE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")


def validate_phone(value: str, *, field: str = "phone", required: bool = False) -> str:
    """A mainland mobile (11 digits, 13x–19x) or a landline with area code; spaces and +86 dropped."""
    phone = re.sub(r"[\s()]", "", value)
    if phone.startswith("+86"):
        phone = phone[3:]
    if not phone:
        if required:
            raise InvalidInputError.field(field, "请填写电话号码 (phone number required)")
        return ""
    if _MOBILE_RE.match(phone) or _LANDLINE_RE.match(phone):
        return phone
    raise InvalidInputError.field(
        field, "电话号码格式不正确：手机11位以1开头，座机须带区号 (mobile: 11 digits starting 1; landline with area code)"
    )


TERM_CODE_RE = re.compile(r"^(?P<y1>\d{4})-(?P<y2>\d{4})-(?P<n>[12])$")


@dataclass(frozen=True)
class TermCode:
    start_year: int
    number: int  # 1: autumn, 2: spring

    @property
    def code(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}-{self.number}"

    @property
    def academic_year(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"


def validate_term_code(value: str, *, field: str = "code") -> TermCode:
    """``2025-2026-1``: two consecutive years and the term number 1 (autumn) or 2 (spring)."""
    match = TERM_CODE_RE.match(value.strip())
    if match is None:
        raise InvalidInputError.field(field, "学期代码格式应为“2025-2026-1” (format YYYY-YYYY-N, N = 1 or 2)")
    y1, y2 = int(match["y1"]), int(match["y2"])
    if y2 != y1 + 1:
        raise InvalidInputError.field(field, f"学年须为连续两年：{y1}-{y1 + 1} (years must be consecutive)")
    if not 1950 <= y1 <= 2200:
        raise InvalidInputError.field(field, f"学年{y1}超出范围 (year out of range)")
    return TermCode(y1, int(match["n"]))


def term_of(day: date) -> TermCode:
    """The term a date falls in: autumn term from August, spring term from February."""
    if day.month >= 8:
        return TermCode(day.year, 1)
    if day.month >= 2:
        return TermCode(day.year - 1, 2)
    return TermCode(day.year - 1, 1)
