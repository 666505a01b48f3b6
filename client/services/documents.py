"""What a printed card or certificate shows: plain data, filled from rows, rendered by client/ui.

The renderer (``client/ui/documents``) draws a :class:`DocumentData` and touches no database;
this module builds one from the rows of the local store (or the demo university) and holds
the wording rules both the preview and the PDF use. Certificate numbers are issued by the
server (``core/rules/certificates.py``: kind prefix, school code, year, sequence, check
character); a document printed before its number is issued shows an empty number field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from core.rules.enums import CertificateKind, Gender, StatusChangeType, StudentStatus

DEFAULT_SCHOOL = "锦文大学"  # the demo university; real deployments pass their own name
DEFAULT_SCHOOL_EN = "Jinwen University"
_DIGITS = "〇一二三四五六七八九"
_YEARS_ZH = {2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八"}


@dataclass(frozen=True)
class StatusHistoryEntry:
    """One applied status change 学籍异动, as the status card lists it."""

    effective_date: date | None
    change_type: str  # StatusChangeType code
    before: str  # e.g. "计算机2301班 在读"
    after: str
    document_number: str = ""  # 文号
    reason: str = ""

    @property
    def change_label(self) -> str:
        try:
            return StatusChangeType(self.change_type).zh
        except ValueError:
            return self.change_type


@dataclass(frozen=True)
class DocumentData:
    """Everything one student's card or certificate shows."""

    student_number: str
    name: str
    gender: str  # Gender code, "M" or "F"
    birth_date: date
    id_number: str
    department: str
    major: str
    class_name: str
    cohort: int
    enrolled_on: date
    expected_graduation: date | None = None
    status: str = StudentStatus.ENROLLED.value
    duration_years: int = 4
    degree: str = ""  # e.g. 工学学士 (the major's degree); empty: the major confers none
    ethnicity: str = "汉族"
    political_status: str = ""
    native_place: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    graduated_on: date | None = None
    certificate_number: str = ""
    issue_date: date = field(default_factory=date.today)
    school_name: str = DEFAULT_SCHOOL
    school_name_en: str = DEFAULT_SCHOOL_EN
    president: str = ""  # 校长 (and chair of the degree committee), printed under the signature line
    photo: bytes | None = None  # PNG or JPEG; a framed placeholder when absent
    history: tuple[StatusHistoryEntry, ...] = ()

    @property
    def gender_label(self) -> str:
        try:
            return Gender(self.gender).zh
        except ValueError:
            return self.gender

    @property
    def status_label(self) -> str:
        try:
            return StudentStatus(self.status).zh
        except ValueError:
            return self.status

    @property
    def degree_discipline(self) -> str:
        """工学 for 工学学士: the discipline the degree certificate names."""
        return self.degree[:-2] if self.degree.endswith("学士") else self.degree

    @property
    def completion_date(self) -> date:
        """When the study ended: graduation, else the expected graduation, else the issue date."""
        return self.graduated_on or self.expected_graduation or self.issue_date

    @classmethod
    def from_rows(cls, student: Mapping[str, object], *, school_class: Mapping[str, object] | None,
                  major: Mapping[str, object], department: Mapping[str, object],
                  history: Iterable[StatusHistoryEntry] = (), **document: object) -> DocumentData:
        """Build from table rows as dicts (``student``, ``school_class``, ``major``, ``department``).

        ``document`` sets the document fields: ``certificate_number``, ``issue_date``,
        ``school_name``, ``president``, ``photo``, ``graduated_on``.
        """
        def text(row: Mapping[str, object], key: str) -> str:
            value = row.get(key)
            return "" if value is None else str(value)

        return cls(
            student_number=text(student, "number"), name=text(student, "name"), gender=text(student, "gender"),
            birth_date=student["birth_date"], id_number=text(student, "id_number"),  # type: ignore[arg-type]
            department=text(department, "name"), major=text(major, "name"),
            class_name=text(school_class, "name") if school_class else "", cohort=int(str(student["cohort"])),
            enrolled_on=student["enrolled_on"],  # type: ignore[arg-type]
            expected_graduation=student.get("expected_graduation"),  # type: ignore[arg-type]
            status=text(student, "status") or StudentStatus.ENROLLED.value,
            duration_years=int(str(major.get("duration_years") or 4)), degree=text(major, "degree"),
            ethnicity=text(student, "ethnicity"), political_status=text(student, "political_status"),
            native_place=text(student, "native_place"), phone=text(student, "phone"),
            email=text(student, "email"), address=text(student, "address"), notes=text(student, "notes"),
            history=tuple(history), **document)  # type: ignore[arg-type]


def chinese_date(day: date) -> str:
    """A date as certificates write it: 二〇二七年六月三十日."""
    year = "".join(_DIGITS[int(d)] for d in str(day.year))
    return f"{year}年{_small_number(day.month)}月{_small_number(day.day)}日"


def _small_number(n: int) -> str:
    """1..31 in Chinese numerals: 十, 十一, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "") if n >= 10 else _DIGITS[n]


def duration_label(years: int) -> str:
    return _YEARS_ZH.get(years, str(years))


def graduation_text(item: DocumentData) -> str:
    """The body of a graduation certificate 毕业证书, in the customary wording."""
    start, end = item.enrolled_on, item.completion_date
    return (f"学生{item.name}，性别{item.gender_label}，{item.birth_date.year}年{item.birth_date.month}月"
            f"{item.birth_date.day}日生，于{start.year}年{start.month}月至{end.year}年{end.month}月在本校"
            f"{item.major}专业{duration_label(item.duration_years)}年制本科学习，修完教学计划规定的全部课程，"
            f"成绩合格，准予毕业。")


def degree_text(item: DocumentData) -> str:
    """The body of a bachelor's degree certificate 学位证书 (the Degree Law in force since 2025)."""
    return (f"{item.name}，{item.gender_label}，{item.birth_date.year}年{item.birth_date.month}月"
            f"{item.birth_date.day}日生。在本校{item.major}专业完成了本科学习计划，业已毕业，"
            f"经审核符合《中华人民共和国学位法》的规定，授予{item.degree_discipline}学士学位。")


KINDS: tuple[CertificateKind, ...] = tuple(CertificateKind)
