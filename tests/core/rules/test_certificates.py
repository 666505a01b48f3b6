"""Certificate numbers: the documented rule, the check character, and eligibility."""

from __future__ import annotations

import pytest

from core.errors import InvalidInputError
from core.rules.certificates import (
    PREFIX,
    check_character,
    check_eligible,
    make_number,
    parse_number,
)
from core.rules.enums import CertificateKind, StudentStatus


def _field(exc: pytest.ExceptionInfo[InvalidInputError]) -> str:
    return exc.value.details["fields"][0]["field"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("kind", list(CertificateKind))
def test_numbers_round_trip(kind: CertificateKind) -> None:
    number = make_number(kind, "10001", 2025, 123)
    assert len(number) == 18 and number.startswith(PREFIX[kind] + "10001" + "2025" + "000123")
    parsed = parse_number(number)
    assert (parsed.kind, parsed.school_code, parsed.year, parsed.sequence) == (kind, "10001", 2025, 123)
    assert parse_number(number.lower()) == parsed


def test_check_character_is_iso_7064_mod_11_2() -> None:
    # The same algorithm as the resident ID number: its published example checks.
    assert check_character("11010519491231002") == "X"
    assert make_number(CertificateKind.GRADUATION, "10001", 2025, 1)[-1] == check_character("BY100012025000001")


def test_a_mistyped_digit_or_swapped_neighbours_are_caught() -> None:
    number = make_number(CertificateKind.DEGREE, "10001", 2025, 4711)
    for i in range(2, 17):
        typo = number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1:]
        with pytest.raises(InvalidInputError, match="check character"):
            parse_number(typo)
    for i in range(2, 16):
        if number[i] != number[i + 1]:
            swapped = number[:i] + number[i + 1] + number[i] + number[i + 2:]
            with pytest.raises(InvalidInputError, match="check character"):
                parse_number(swapped)


@pytest.mark.parametrize(("value", "why"), [
    ("BY1000120250000017X", "18"),
    ("BY10001202500000A7", "2 letters"),
    ("ZZ1000120250000017", "prefix"),
    ("BY1000120250000000", "000001"),
])
def test_malformed_numbers_are_named(value: str, why: str) -> None:
    with pytest.raises(InvalidInputError, match=why) as exc:
        parse_number(value, field="certificate_number")
    assert _field(exc) == "certificate_number"


def test_make_number_refuses_bad_parts() -> None:
    with pytest.raises(InvalidInputError, match="5 digits"):
        make_number(CertificateKind.GRADUATION, "1001", 2025, 1)
    with pytest.raises(InvalidInputError, match="no Graduation certificate numbers left"):
        make_number(CertificateKind.GRADUATION, "10001", 2025, 1_000_000)


@pytest.mark.parametrize("kind", list(CertificateKind))
@pytest.mark.parametrize("status", list(StudentStatus))
def test_eligibility_by_status(kind: CertificateKind, status: StudentStatus) -> None:
    allowed = {
        CertificateKind.STUDENT_ID_CARD: {StudentStatus.ENROLLED, StudentStatus.SUSPENDED},
        CertificateKind.STATUS_CARD: set(StudentStatus),
        CertificateKind.GRADUATION: {StudentStatus.GRADUATED},
        CertificateKind.DEGREE: {StudentStatus.GRADUATED},
    }[kind]
    if status in allowed:
        check_eligible(kind, status, major_confers_degree=True)
    else:
        with pytest.raises(InvalidInputError) as exc:
            check_eligible(kind, status, major_confers_degree=True)
        assert _field(exc) == "kind"


def test_degree_needs_a_degree_granting_major() -> None:
    with pytest.raises(InvalidInputError, match="confers no degree"):
        check_eligible(CertificateKind.DEGREE, StudentStatus.GRADUATED, major_confers_degree=False)
