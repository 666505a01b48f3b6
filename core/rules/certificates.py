"""Certificate numbers 证书编号: the rule, and who may be issued which card or certificate.

A number has 18 characters::

    BY 10001 2025 000123 7
    │  │     │    │      └ check character: ISO 7064 MOD 11-2 (0-9 or X)
    │  │     │    └ sequence, per kind, school and year, from 000001; never reused (void ones too)
    │  │     └ year of issue
    │  └ the school's 5-digit code 学校代码
    └ kind: XS 学生证, XJ 学籍卡片, BY 毕业证书, XW 学位证书

The check character is computed over the 17 characters before it, each letter first written
as its two-digit value (A = 10 … Z = 35), so a mistyped digit or two swapped neighbours is
caught when a number is keyed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.errors import InvalidInputError
from core.rules.enums import CertificateKind, StudentStatus

PREFIX: dict[CertificateKind, str] = {
    CertificateKind.STUDENT_ID_CARD: "XS",
    CertificateKind.STATUS_CARD: "XJ",
    CertificateKind.GRADUATION: "BY",
    CertificateKind.DEGREE: "XW",
}
KIND_OF_PREFIX: dict[str, CertificateKind] = {v: k for k, v in PREFIX.items()}
NUMBER_LENGTH = 18
MAX_SEQUENCE = 999_999
_SHAPE = re.compile(r"^([A-Z]{2})(\d{5})(\d{4})(\d{6})([0-9X])$")


def check_character(body: str) -> str:
    """ISO 7064 MOD 11-2 check character of ``body`` (letters count as their two-digit values)."""
    digits = "".join(str(int(ch, 36)) if ch.isalpha() else ch for ch in body.upper())
    p = 0
    for d in digits:
        p = ((p + int(d)) * 2) % 11
    value = (12 - p) % 11
    return "X" if value == 10 else str(value)


def make_number(kind: CertificateKind, school_code: str, year: int, sequence: int) -> str:
    """The number of the ``sequence``-th certificate of ``kind`` issued by a school in ``year``."""
    if not re.fullmatch(r"\d{5}", school_code):
        raise InvalidInputError.field("school_code", f"学校代码应为5位数字，实为{school_code!r} (the school code is 5 digits)")
    if not 1000 <= year <= 9999:
        raise InvalidInputError.field("issued_on", f"年份{year}无效 (invalid year)")
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise InvalidInputError.field("number", f"{year}年的{kind.zh}编号已用完 (no {kind.en} numbers left for {year})")
    body = f"{PREFIX[kind]}{school_code}{year:04d}{sequence:06d}"
    return body + check_character(body)


@dataclass(frozen=True)
class CertificateNumber:
    kind: CertificateKind
    school_code: str
    year: int
    sequence: int


def parse_number(value: str, *, field: str = "number") -> CertificateNumber:
    """Validate a certificate number and return its parts.

    Raises:
        InvalidInputError: naming ``field`` and the first rule the value breaks.
    """
    number = value.strip().upper()
    if len(number) != NUMBER_LENGTH:
        raise InvalidInputError.field(field, f"证书编号应为{NUMBER_LENGTH}位，实为{len(number)}位 "
                                             f"(must be {NUMBER_LENGTH} characters)")
    match = _SHAPE.match(number)
    if match is None:
        raise InvalidInputError.field(field, "证书编号格式应为2位字母+5位学校代码+4位年份+6位序号+校验位 "
                                             "(2 letters, 5-digit school code, 4-digit year, 6-digit sequence, check)")
    prefix, school, year, sequence, check = match.groups()
    kind = KIND_OF_PREFIX.get(prefix)
    if kind is None:
        raise InvalidInputError.field(field, f"证书种类代码{prefix}无效，应为 {', '.join(KIND_OF_PREFIX)} "
                                             "(unknown kind prefix)")
    if int(sequence) == 0:
        raise InvalidInputError.field(field, "序号从000001开始 (the sequence starts at 000001)")
    expected = check_character(number[:-1])
    if check != expected:
        raise InvalidInputError.field(field, f"证书编号校验位应为{expected}，实为{check} (check character mismatch)")
    return CertificateNumber(kind, school, int(year), int(sequence))


# Which student statuses may be issued each kind (status cards are the record: anyone).
ELIGIBLE: dict[CertificateKind, frozenset[StudentStatus]] = {
    CertificateKind.STUDENT_ID_CARD: frozenset({StudentStatus.ENROLLED, StudentStatus.SUSPENDED}),
    CertificateKind.STATUS_CARD: frozenset(StudentStatus),
    CertificateKind.GRADUATION: frozenset({StudentStatus.GRADUATED}),
    CertificateKind.DEGREE: frozenset({StudentStatus.GRADUATED}),
}


def check_eligible(kind: CertificateKind, status: StudentStatus, *, major_confers_degree: bool) -> None:
    """Refuse (naming ``kind``) a card or certificate the student's status does not allow.

    Raises:
        InvalidInputError: with the reason.
    """
    if status not in ELIGIBLE[kind]:
        allowed = "、".join(s.zh for s in StudentStatus if s in ELIGIBLE[kind])
        raise InvalidInputError.field("kind", f"学生{status.zh}，不能发{kind.zh}（仅限{allowed}） "
                                              f"(a {status.en.lower()} student cannot be issued a {kind.en.lower()})")
    if kind == CertificateKind.DEGREE and not major_confers_degree:
        raise InvalidInputError.field("kind", "该专业不授予学位 (the student's major confers no degree)")
