"""Validation of one student row: every problem of the row, the values ready to insert.

The reader hands in the cells by column key (raw openpyxl values); duplicates inside the file
are found by the reader once every row has been seen.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from core.errors import InvalidInputError
from core.imports.reference import ClassRef, ExistingStudents, ImportReference
from core.imports.student_columns import COLUMNS_BY_KEY, MAX_LENGTH
from core.rules.enums import Gender, StudentStatus
from core.rules.values import (
    IdNumberInfo,
    validate_id_number,
    validate_phone,
    validate_student_number,
)

StudentValues = dict[str, object]
_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
REQUIRED = "必填项为空 (required value missing)"
ROUNDED = ("数字过长已被Excel改写，请把该列设为文本格式后重新填写 "
           "(Excel rounded this long number; format the column as text and enter it again)")


@dataclass
class RowResult:
    """What one row gave: its values (when valid), its problems and warnings as (key, value, reason)."""

    values: StudentValues = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # valid student number / ID number, for duplicates
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str, str]] = field(default_factory=list)


def cell_text(value: object) -> str:
    """A cell as the user sees it: integers without ``.0``, dates as ISO, text stripped."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def parse_date(value: object) -> date | None:
    """A date from a date cell or from text like 2006-03-15, 2006/3/15, 2006年3月15日, 20060315."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    match = _DATE_RE.match(text) or _COMPACT_DATE_RE.match(text)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _message(exc: InvalidInputError) -> str:
    fields = exc.details.get("fields") or []
    return str(fields[0]["message"]) if fields else exc.message


class RowValidator:
    """Validates rows against the reference data and the keys already in the database."""

    def __init__(self, reference: ImportReference, existing: ExistingStudents, today: date) -> None:
        self.reference, self.existing, self.today = reference, existing, today

    def validate(self, cells: dict[str, object]) -> RowResult:
        """Check one row; ``cells`` maps the column keys present in the file to raw cell values."""
        out = RowResult()
        # Most cells are text: strip them inline, the call per cell is a tenth of the import.
        text = {key: value.strip() if type(value) is str else cell_text(value) for key, value in cells.items()}
        for key, column in COLUMNS_BY_KEY.items():
            if column.required and not text.get(key):
                out.problems.append((key, "", REQUIRED))
        number = self._number(cells, text, out)
        id_info = self._id_number(cells, text, out)
        gender = self._gender(text, id_info, out)
        birth = self._birth_date(cells, text, id_info, out)
        school_class = self._school_class(text, out)
        out.keys.update({"number": number} if number else {}, **({"id_number": id_info.number} if id_info else {}))
        if number is not None and school_class is not None and int(number[:4]) != school_class.cohort:
            out.problems.append(("number", number, f"学号中的入学年份{number[:4]}与班级年级{school_class.cohort}不符 "
                                                   f"(the entry year in the student number is not the class's cohort)"))
        status = self._status(text, out)
        free = self._free_text(text, out)
        enrolled, expected = self._dates(cells, text, school_class, birth, out)
        if out.problems:
            return out
        assert number and id_info and gender and birth and school_class and status and enrolled and expected
        out.values = {
            "id": str(uuid.uuid4()), "number": number, "name": text["name"], "gender": gender.value,
            "id_number": id_info.number, "birth_date": birth, **free,
            "class_id": school_class.id, "major_id": school_class.major_id,
            "department_id": school_class.department_id, "cohort": school_class.cohort, "status": status.value,
            "enrolled_on": enrolled, "expected_graduation": expected}
        return out

    def _number(self, cells: dict[str, object], text: dict[str, str], out: RowResult) -> str | None:
        value = text.get("number", "")
        if not value:
            return None
        if isinstance(cells["number"], float) and not cells["number"].is_integer():
            out.problems.append(("number", value, ROUNDED))
            return None
        try:
            validate_student_number(value)
        except InvalidInputError as exc:
            out.problems.append(("number", value, _message(exc)))
            return None
        if value in self.existing.numbers:
            out.problems.append(("number", value, "学号已存在于系统中 (student number already exists)"))
        return value

    def _id_number(self, cells: dict[str, object], text: dict[str, str], out: RowResult) -> IdNumberInfo | None:
        value = text.get("id_number", "")
        if not value:
            return None
        if isinstance(cells["id_number"], float):
            out.problems.append(("id_number", value, ROUNDED))
            return None
        try:
            info = validate_id_number(value, today=self.today)
        except InvalidInputError as exc:
            out.problems.append(("id_number", value, _message(exc)))
            return None
        if info.number in self.existing.id_numbers:
            out.problems.append(("id_number", value, "身份证号已存在于系统中 (ID number already exists)"))
        return info

    def _gender(self, text: dict[str, str], id_info: IdNumberInfo | None, out: RowResult) -> Gender | None:
        value = text.get("gender", "")
        if not value:
            return None
        try:
            gender = Gender(Gender.parse(value))
        except ValueError:
            out.problems.append(("gender", value, "性别应为“男”或“女” (gender must be 男 or 女, Male or Female)"))
            return None
        if id_info is not None and gender.value != id_info.gender:
            expected = Gender(id_info.gender)
            out.problems.append(("gender", value, f"性别与身份证号不符：身份证号第17位表示{expected.zh} "
                                                  f"(gender does not match the ID number, which says {expected.en.lower()})"))
        return gender

    def _birth_date(self, cells: dict[str, object], text: dict[str, str], id_info: IdNumberInfo | None,
                    out: RowResult) -> date | None:
        value = text.get("birth_date", "")
        if not value:
            return id_info.birth_date if id_info else None
        birth = parse_date(cells["birth_date"])
        if birth is None:
            out.problems.append(("birth_date", value, "日期格式不正确，应如2006-03-15 (not a date; use 2006-03-15)"))
        elif id_info is not None and birth != id_info.birth_date:
            out.problems.append(("birth_date", value, f"出生日期与身份证号中的{id_info.birth_date.isoformat()}不符 "
                                                      f"(birth date does not match the ID number)"))
        return birth

    def _school_class(self, text: dict[str, str], out: RowResult) -> ClassRef | None:
        value = text.get("school_class", "")
        if not value:
            return None
        ids = self.reference.find("school_class", value)
        if not ids:
            out.problems.append(("school_class", value, "系统中没有这个班级（按班级代码或名称查找） (unknown class code or name)"))
            return None
        if len(ids) > 1:
            out.problems.append(("school_class", value, "班级名称对应多个班级，请填写班级代码 (ambiguous class name; use the class code)"))
            return None
        found = self.reference.classes[ids[0]]
        for key, own_id in (("major", found.major_id), ("department", found.department_id)):
            given = text.get(key, "")
            if not given:
                continue
            matches = self.reference.find(key, given)
            zh, en = ("专业", "major") if key == "major" else ("院系", "department")
            if not matches:
                out.problems.append((key, given, f"系统中没有这个{zh} (unknown {en} code or name)"))
            elif own_id not in matches:
                out.problems.append((key, given, f"与班级{found.code}所属{zh}不符 (not the {en} of class {found.code})"))
        return found

    def _status(self, text: dict[str, str], out: RowResult) -> StudentStatus | None:
        value = text.get("status", "")
        if not value:
            return StudentStatus.ENROLLED
        try:
            return StudentStatus(StudentStatus.parse(value))
        except ValueError:
            out.problems.append(("status", value, "学籍状态应为：" + "、".join(s.zh for s in StudentStatus)
                                 + " (status must be one of: " + ", ".join(s.en for s in StudentStatus) + ")"))
            return None

    def _free_text(self, text: dict[str, str], out: RowResult) -> dict[str, str]:
        free = {"ethnicity": text.get("ethnicity") or "汉族",
                "political_status": text.get("political_status") or "共青团员",
                "native_place": text.get("native_place", ""), "phone": "", "email": text.get("email", ""),
                "address": text.get("address", ""), "notes": text.get("notes", "")}
        for key, limit in MAX_LENGTH.items():
            value = text.get(key, "")
            if len(value) > limit:
                out.problems.append((key, value, f"不能超过{limit}个字，实为{len(value)}个 (at most {limit} characters)"))
        if text.get("phone"):
            try:
                free["phone"] = validate_phone(text["phone"])
            except InvalidInputError as exc:
                out.problems.append(("phone", text["phone"], _message(exc)))
        if free["email"] and not _EMAIL_RE.match(free["email"]):
            out.problems.append(("email", free["email"], "电子邮箱格式不正确，应如name@example.com (not an e-mail address)"))
        return free

    def _dates(self, cells: dict[str, object], text: dict[str, str], school_class: ClassRef | None,
               birth: date | None, out: RowResult) -> tuple[date | None, date | None]:
        """Enrolment and expected graduation: given, or derived from the class's cohort and major."""
        dates: dict[str, date | None] = {"enrolled_on": None, "expected_graduation": None}
        if school_class is not None:
            major = self.reference.majors.get(school_class.major_id)
            duration = major.duration_years if major else 4
            dates = {"enrolled_on": date(school_class.cohort, 9, 1),
                     "expected_graduation": date(school_class.cohort + duration, 6, 30)}
        for key in dates:
            if text.get(key):
                parsed = parse_date(cells[key])
                if parsed is None:
                    out.problems.append((key, text[key], "日期格式不正确，应如2025-09-01 (not a date; use 2025-09-01)"))
                dates[key] = parsed
        enrolled, expected = dates["enrolled_on"], dates["expected_graduation"]
        if enrolled and birth and enrolled <= birth:
            out.problems.append(("enrolled_on", text.get("enrolled_on", ""),
                                 "入学日期须晚于出生日期 (enrolment must be after birth)"))
        if enrolled and expected and expected <= enrolled:
            out.problems.append(("expected_graduation", text.get("expected_graduation", ""),
                                 "预计毕业日期须晚于入学日期 (expected graduation must be after enrolment)"))
        if enrolled and birth and not out.problems:
            age = enrolled.year - birth.year - ((enrolled.month, enrolled.day) < (birth.month, birth.day))
            if not 14 <= age <= 60:
                out.warnings.append(("birth_date", birth.isoformat(),
                                     f"入学时年龄为{age}岁，请核对 (age {age} at enrolment; please check)"))
        return enrolled, expected
