"""The columns of a student list: one definition for the template, the reader and the exporter.

Each column has a key (a ``student`` table column, or ``school_class``/``major``/``department``
for the reference columns resolved by code or name), its Chinese and English headers, whether
it is required, and the help text of the template's instructions sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.rules.enums import StudentStatus


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    required: bool
    width: int  # Excel characters
    help_zh: str
    help_en: str
    example: str
    text: bool = False  # long digit strings: Excel text format, or Excel rounds them
    choices: tuple[str, ...] = ()  # the template's drop-down list (Chinese labels)
    strict_choices: bool = False  # the drop-down refuses other values
    aliases: tuple[str, ...] = ()

    def header(self, language: str) -> str:
        return self.en if language.startswith("en") else self.zh


POLITICAL_STATUSES = ("中共党员", "中共预备党员", "共青团员", "群众", "民主党派成员", "无党派人士")

STUDENT_COLUMNS: tuple[Column, ...] = (
    Column("number", "学号", "Student number", True, 15,
           "12位数字：入学年份4位+院系2位+专业2位+班级2位+序号2位；全校唯一",
           "12 digits: entry year (4) + department (2) + major (2) + class (2) + sequence (2); unique",
           "202501010101", text=True, aliases=("学生编号", "student no", "student id")),
    Column("name", "姓名", "Name", True, 10, "1至50个字", "1 to 50 characters", "张三",
           aliases=("学生姓名", "full name")),
    Column("gender", "性别", "Gender", True, 6, "男或女；须与身份证号第17位一致（奇数为男，偶数为女）",
           "男/女 (Male/Female); must match the 17th digit of the ID number (odd: male)", "男",
           choices=("男", "女"), strict_choices=True, aliases=("sex",)),
    Column("id_number", "身份证号", "ID number", True, 21,
           "18位居民身份证号码（GB 11643），末位校验码可为X；全校唯一；请以文本格式填写",
           "18-character resident ID number (GB 11643), check character may be X; unique; enter as text",
           "110105200603150016", text=True, aliases=("身份证号码", "公民身份号码", "证件号码", "id card number")),
    Column("birth_date", "出生日期", "Birth date", False, 12,
           "日期，如2006-03-15；可不填（取身份证号中的日期），填写则须与身份证号一致",
           "a date such as 2006-03-15; optional (taken from the ID number), must match it when given",
           "2006-03-15", aliases=("出生年月日", "date of birth", "birthday")),
    Column("school_class", "班级", "Class", True, 16, "班级代码或班级名称，须为系统中已有的班级",
           "class code or class name of an existing class", "2025010101",
           aliases=("班级代码", "班级名称", "行政班", "class code", "class name")),
    Column("major", "专业", "Major", False, 18, "可不填；填写则须与班级所属专业一致（代码或名称）",
           "optional; when given it must be the class's major (code or name)", "计算机科学与技术",
           aliases=("专业名称", "专业代码", "major name")),
    Column("department", "院系", "Department", False, 20, "可不填；填写则须与班级所属院系一致（代码或名称）",
           "optional; when given it must be the class's department (code or name)", "计算机科学与技术学院",
           aliases=("学院", "系部", "院系名称", "school", "faculty")),
    Column("status", "学籍状态", "Status", False, 10, "可不填，默认“在读”；可选：" + "、".join(s.zh for s in StudentStatus),
           "optional, default Enrolled; one of: " + ", ".join(s.en for s in StudentStatus), "在读",
           choices=tuple(s.zh for s in StudentStatus), strict_choices=True, aliases=("状态", "学籍", "student status")),
    Column("enrolled_on", "入学日期", "Enrolment date", False, 12, "日期；可不填，默认为班级年级的9月1日",
           "a date; optional, default 1 September of the class's cohort", "2025-09-01",
           aliases=("入学时间", "enrolled on", "enrollment date")),
    Column("expected_graduation", "预计毕业日期", "Expected graduation", False, 14,
           "日期；可不填，默认为入学年份加学制当年的6月30日；须晚于入学日期",
           "a date; optional, default 30 June after the major's duration; after the enrolment date",
           "2029-06-30", aliases=("预计毕业时间", "毕业日期", "expected graduation date")),
    Column("ethnicity", "民族", "Ethnicity", False, 8, "可不填，默认“汉族”", "optional, default 汉族 (Han)", "汉族",
           aliases=("ethnic group",)),
    Column("political_status", "政治面貌", "Political status", False, 12, "可不填，默认“共青团员”",
           "optional, default 共青团员 (Communist Youth League member)", "共青团员",
           choices=POLITICAL_STATUSES, aliases=("political affiliation",)),
    Column("native_place", "籍贯", "Native place", False, 12, "可不填，至多50字", "optional, up to 50 characters",
           "北京", aliases=("native province",)),
    Column("phone", "联系电话", "Phone", False, 14, "可不填；手机11位（1开头）或带区号的座机，如010-12345678",
           "optional; an 11-digit mobile starting with 1, or a landline with area code", "13800138000",
           text=True, aliases=("电话", "手机", "手机号", "手机号码", "联系方式", "mobile", "telephone")),
    Column("email", "电子邮箱", "Email", False, 26, "可不填；如 name@example.com", "optional; like name@example.com",
           "zhangsan@example.com", aliases=("邮箱", "电子邮件", "e-mail", "mail")),
    Column("address", "家庭住址", "Home address", False, 32, "可不填，至多200字", "optional, up to 200 characters",
           "北京市朝阳区建国路1号", aliases=("地址", "家庭地址", "address")),
    Column("notes", "备注", "Notes", False, 20, "可不填", "optional", "", aliases=("remarks", "note")),
)

COLUMNS_BY_KEY = {c.key: c for c in STUDENT_COLUMNS}
# Student-table columns whose text has a length limit (model String(n)).
MAX_LENGTH = {"name": 50, "ethnicity": 20, "political_status": 20, "native_place": 50, "email": 100,
              "address": 200, "notes": 2000}

_STRIP = re.compile(r"[\s*＊:：()（）\[\]【】_\-]+")


def normalise_header(text: str) -> str:
    """Header text compared loosely: case, spaces, ``*`` marks, colons, brackets and dashes ignored."""
    return _STRIP.sub("", text).casefold()


_HEADERS: dict[str, str] = {}
for _column in STUDENT_COLUMNS:
    for _label in (_column.key, _column.zh, _column.en, *_column.aliases):
        _HEADERS[normalise_header(_label)] = _column.key


def column_for_header(text: str) -> str | None:
    """The column key a header names, in Chinese, English or a known alias; None when unknown."""
    return _HEADERS.get(normalise_header(text))
