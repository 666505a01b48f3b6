"""Eligibility rules of scholarships, grants and loans, GPA and quotas."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from core.errors import ConflictError, InvalidInputError
from core.rules.aid import (
    Applicant,
    OtherAward,
    award_amount,
    check_quota,
    evaluate,
    evaluation_year,
    parse_rules,
    validate_academic_year,
)
from core.rules.gpa import GradeRecord, gpa_of, grade_point, is_failed

NATIONAL = parse_rules('{"no_failed_course": true, "gpa_rank_share": 0.1, "min_year": 2,'
                       ' "exclusive_group": "national_scholarship"}')
ME = Applicant("me", "enrolled", 2024, "c1")


def _rec(student: str, course: str, score: float | None = None, *, level: str | None = None,
         credits: str = "2", attempt: str = "normal") -> GradeRecord:
    return GradeRecord(student, course, Decimal(credits), attempt,
                       Decimal(str(score)) if score is not None else None, level)


def _class(my_scores: list[float], others: int = 19, other_score: float = 70) -> list[GradeRecord]:
    records = [_rec("me", f"c{n}", s) for n, s in enumerate(my_scores)]
    for k in range(others):
        records += [_rec(f"s{k}", f"c{n}", other_score + k % 7) for n in range(len(my_scores))]
    return records


def _check(report: object, rule: str) -> dict[str, object]:
    return next(c.__dict__ for c in report.checks if c.rule == rule)  # type: ignore[attr-defined]


def test_grade_points_and_failures() -> None:
    assert grade_point(_rec("a", "x", 85)) == 3.5 and grade_point(_rec("a", "x", 59.5)) == 0.0
    assert grade_point(_rec("a", "x", level="良")) == 3.5 and grade_point(_rec("a", "x", level="合格")) is None
    assert is_failed(_rec("a", "x", level="不合格")) and is_failed(_rec("a", "x", 42))
    assert not is_failed(_rec("a", "x", level="及格"))


def test_gpa_is_credit_weighted_on_first_attempts_and_keeps_resit_failures() -> None:
    result = gpa_of([_rec("a", "x", 90, credits="4"), _rec("a", "y", 70, credits="2"),
                     _rec("a", "z", 50, credits="2"), _rec("a", "z", 75, attempt="resit", credits="2"),
                     _rec("a", "p", level="合格", credits="1")])
    # (4*4.0 + 2*2.0 + 2*0.0) / 8: the resit neither lifts the GPA nor erases the failure
    assert result.gpa == 2.5 and result.credits == Decimal(8) and result.failed_course_ids == ("z",)


def test_top_of_class_without_failure_is_eligible_with_figures() -> None:
    report = evaluate(NATIONAL, aid_type_code="NAT-SCH", academic_year="2025-2026", applicant=ME,
                      own_records=_class([95, 92])[:2], class_records=_class([95, 92]))
    assert report.passed and report.evaluation_year == "2024-2025"
    rank = _check(report, "gpa_rank_share")
    assert rank["figures"]["rank"] == 1 and rank["figures"]["ranked"] == 20 and rank["figures"]["limit"] == 2
    stored = json.loads(report.to_json())
    assert stored["passed"] is True and {c["rule"] for c in stored["checks"]} == {
        "enrolled", "min_year", "no_failed_course", "gpa_rank_share", "exclusive_group"}


def test_failed_course_rank_year_and_status_each_fail_with_their_reason() -> None:
    records = _class([95, 55])
    report = evaluate(NATIONAL, aid_type_code="NAT-SCH", academic_year="2024-2025",
                      applicant=Applicant("me", "suspended", 2024, "c1"),
                      own_records=records[:2], class_records=records)
    failed = {c.rule for c in report.checks if not c.passed}
    assert failed == {"enrolled", "min_year", "no_failed_course", "gpa_rank_share"}
    assert _check(report, "no_failed_course")["figures"]["failed_courses"] == ["c1"]
    error = report.as_error()
    assert {f["field"] for f in error.details["fields"]} == {f"eligibility.{r}" for r in failed}


def test_rank_share_counts_ties_and_lets_the_best_of_a_small_class_qualify() -> None:
    rules = parse_rules({"gpa_rank_share": 0.1})
    small = [_rec("me", "c", 90), _rec("x", "c", 80), _rec("y", "c", 70)]
    assert evaluate(rules, aid_type_code="S", academic_year="2025-2026", applicant=ME,
                    own_records=small[:1], class_records=small).passed
    tie = [_rec("me", "c", 80), _rec("x", "c", 90), _rec("y", "c", 90)] + [_rec(f"z{n}", "c", 60) for n in range(7)]
    report = evaluate(rules, aid_type_code="S", academic_year="2025-2026", applicant=ME,
                      own_records=tie[:1], class_records=tie)
    assert not report.passed and _check(report, "gpa_rank_share")["figures"]["rank"] == 3


def test_no_grades_fails_grade_rules_but_not_a_grant() -> None:
    report = evaluate(NATIONAL, aid_type_code="NAT-SCH", academic_year="2025-2026", applicant=ME)
    assert {c.rule for c in report.checks if not c.passed} == {"no_failed_course", "gpa_rank_share"}
    grant = parse_rules({"financial_need": "ordinary", "exclusive_group": "national_grant"})
    freshman = Applicant("me", "enrolled", 2025, "c1", financial_need="special")
    assert evaluate(grant, aid_type_code="G", academic_year="2025-2026", applicant=freshman).passed
    weak = Applicant("me", "enrolled", 2025, "c1", financial_need="general")
    assert not evaluate(grant, aid_type_code="G", academic_year="2025-2026", applicant=weak).passed
    assert not evaluate(grant, aid_type_code="G", academic_year="2025-2026", applicant=ME).passed


def test_national_scholarship_and_encouragement_are_exclusive_in_one_year() -> None:
    held = [OtherAward("a1", "NAT-ENC", "national_scholarship", "approved")]
    records = _class([95, 92])
    report = evaluate(NATIONAL, aid_type_code="NAT-SCH", academic_year="2025-2026", applicant=ME,
                      own_records=records[:2], class_records=records, other_awards=held)
    assert not report.passed and _check(report, "exclusive_group")["figures"]["held"] == ["a1"]
    pending = [OtherAward("a1", "NAT-ENC", "national_scholarship", "submitted"),
               OtherAward("a2", "NAT-GRANT-2", "national_grant", "approved")]
    assert evaluate(NATIONAL, aid_type_code="NAT-SCH", academic_year="2025-2026", applicant=ME,
                    own_records=records[:2], class_records=records, other_awards=pending).passed


def test_bad_rules_and_years_are_named() -> None:
    with pytest.raises(InvalidInputError) as exc:
        parse_rules('{"gpa_rank_share": 2, "no_failed_course": "yes", "colour": "red", "financial_need": "rich"}')
    assert {f["field"] for f in exc.value.details["fields"]} == {
        "rules.gpa_rank_share", "rules.no_failed_course", "rules.colour", "rules.financial_need"}
    with pytest.raises(InvalidInputError):
        parse_rules("[1, 2]")
    with pytest.raises(InvalidInputError) as year:
        validate_academic_year("2025-2027")
    assert year.value.details["fields"][0]["field"] == "academic_year"
    assert evaluation_year(parse_rules({"evaluation_year": "same"}), "2025-2026") == "2025-2026"


def test_amounts_are_fixed_except_loans_up_to_their_maximum() -> None:
    assert award_amount(NATIONAL, Decimal(10000), None) == Decimal(10000)
    with pytest.raises(InvalidInputError):
        award_amount(NATIONAL, Decimal(10000), Decimal(9000))
    loan = parse_rules({"financial_need": True, "max_amount_per_year": 16000})
    assert award_amount(loan, Decimal(16000), Decimal(8000)) == Decimal(8000)
    with pytest.raises(InvalidInputError) as exc:
        award_amount(loan, Decimal(16000), Decimal(20000))
    assert "16000" in exc.value.message


def test_quota() -> None:
    check_quota(quota=3, used=2, aid_type_name="国家奖学金", academic_year="2025-2026")
    with pytest.raises(ConflictError) as full:
        check_quota(quota=3, used=3, aid_type_name="国家奖学金", academic_year="2025-2026")
    assert full.value.code == "quota_exhausted" and full.value.details == {"quota": 3, "used": 3}
    with pytest.raises(ConflictError) as none:
        check_quota(quota=None, used=0, aid_type_name="国家奖学金", academic_year="2025-2026")
    assert none.value.code == "no_quota"
