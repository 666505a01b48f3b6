"""Scholarships, grants and loans 奖助贷: eligibility rules, the eligibility report, quotas.

Pure functions over plain values; gathering the values from a database is
:mod:`core.rules.aid_queries`. The decisions (see docs/students.md):

- An award of academic year ``Y`` (评审学年) is judged on the grades of the academic year
  before it (``evaluation_year: "previous"``, the default), as the national rules say: the
  national scholarship of autumn 2026 rewards the year 2025-2026. ``"same"`` judges ``Y``.
- ``no_failed_course``: no course of the evaluation year with a failed attempt, a failure
  later passed by a resit 补考 included (国家奖学金: 学习成绩优秀, 无不及格科目).
- ``gpa_rank_share``: the student's GPA rank in their class is within the share (前10%含),
  i.e. ``rank <= max(1, floor(share * ranked))`` — the best of a small class can qualify.
  Ties share a rank (1, 2, 2, 4).
- ``min_gpa``, ``min_year`` (year of study in the award year: 国家奖学金 from the second year),
  ``financial_need`` (the student's 家庭经济困难认定 level must reach the one required:
  general 一般困难 < ordinary 困难 < special 特别困难; ``true`` accepts any level).
- ``enrolled`` (default true): only students 在读 may receive aid.
- ``exclusive_group``: at most one approved award per group and year. The demo puts 国家奖学金
  and 国家励志奖学金 in one group (they may not be held in the same year), the three levels of
  国家助学金 in another, the school scholarship levels in a third. The same award twice in one
  year is refused by the unique key (type, year, student).
- ``max_amount_per_year`` (loans): the awarded amount may vary up to it; other awards pay
  exactly the type's amount.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from core.errors import ConflictError, FieldError, InvalidInputError
from core.rules.gpa import GradeRecord, competition_rank, gpa_of, gpas_by_student

NEED_LEVELS: tuple[str, ...] = ("general", "ordinary", "special")
NEED_LABELS = {"general": "一般困难", "ordinary": "困难", "special": "特别困难"}
DECIDED_STATES = frozenset({"approved", "applied"})
_YEAR_RE = re.compile(r"^(\d{4})-(\d{4})$")


def validate_academic_year(value: str, *, field: str = "academic_year") -> int:
    """``2025-2026`` → 2025; anything else is refused naming ``field``."""
    match = _YEAR_RE.match((value or "").strip())
    if match is None or int(match[2]) != int(match[1]) + 1:
        raise InvalidInputError.field(field, f"学年格式应为“2025-2026”，实为“{value}” (academic year as YYYY-YYYY+1)")
    return int(match[1])


def previous_year(academic_year: str) -> str:
    start = validate_academic_year(academic_year)
    return f"{start - 1}-{start}"


@dataclass(frozen=True)
class AidRules:
    """The eligibility rules of one award type, parsed from ``AidType.rules``."""

    enrolled: bool = True
    no_failed_course: bool = False
    gpa_rank_share: float | None = None
    min_gpa: float | None = None
    min_year: int | None = None
    financial_need: str | None = None  # None: not required; "general" | "ordinary" | "special"
    exclusive_group: str | None = None
    max_amount_per_year: Decimal | None = None
    evaluation_year: str = "previous"

    @property
    def reads_grades(self) -> bool:
        return self.no_failed_course or self.gpa_rank_share is not None or self.min_gpa is not None


def _number(errors: list[FieldError], key: str, value: Any, low: float, high: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        errors.append(FieldError(f"rules.{key}", f"须为{low}到{high}之间的数，实为{value!r} (a number from {low} to {high})"))
        return None
    return float(value)


def _flag(errors: list[FieldError], key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        errors.append(FieldError(f"rules.{key}", f"须为 true 或 false，实为{value!r} (true or false)"))
        return False
    return value


def _need(errors: list[FieldError], value: Any) -> str | None:
    if value is False or value is None:
        return None
    if value is True:
        return NEED_LEVELS[0]
    if value in NEED_LEVELS:
        return str(value)
    errors.append(FieldError("rules.financial_need", f"须为 true/false 或 {'/'.join(NEED_LEVELS)}，实为{value!r}"
                             f" (true, false or one of {', '.join(NEED_LEVELS)})"))
    return None


def parse_rules(text: str | Mapping[str, Any]) -> AidRules:
    """Parse and check a rules object; every bad key is named as ``rules.<key>``.

    Raises:
        InvalidInputError: not a JSON object, an unknown key or a value out of range.
    """
    try:
        data = json.loads(text or "{}") if isinstance(text, str) else dict(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError.field("rules", f"不是有效的JSON：{exc.msg} (not valid JSON)") from exc
    if not isinstance(data, dict):
        raise InvalidInputError.field("rules", "须为JSON对象 (must be a JSON object)")
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("enrolled", "no_failed_course"):
            out[key] = _flag(errors, key, value)
        elif key == "gpa_rank_share":
            out[key] = _number(errors, key, value, 0.001, 1.0)
        elif key == "min_gpa":
            out[key] = _number(errors, key, value, 0.0, 5.0)
        elif key == "min_year":
            number = _number(errors, key, value, 1, 8)
            out[key] = int(number) if number is not None else None
        elif key == "financial_need":
            out[key] = _need(errors, value)
        elif key == "exclusive_group":
            if not isinstance(value, str) or not value.strip():
                errors.append(FieldError("rules.exclusive_group", "须为非空文字 (a non-empty text)"))
            out[key] = str(value).strip() or None
        elif key == "max_amount_per_year":
            number = _number(errors, key, value, 1, 1_000_000)
            out[key] = Decimal(str(number)) if number is not None else None
        elif key == "evaluation_year":
            if value not in ("previous", "same"):
                errors.append(FieldError("rules.evaluation_year", f"须为 previous 或 same，实为{value!r}"))
            out[key] = value
        else:
            errors.append(FieldError(f"rules.{key}", "未知的评审规则 (unknown rule)"))
    if errors:
        raise InvalidInputError.of(*errors)
    return AidRules(**out)


def evaluation_year(rules: AidRules, academic_year: str) -> str:
    """The academic year whose grades an award of ``academic_year`` is judged on."""
    validate_academic_year(academic_year)
    return previous_year(academic_year) if rules.evaluation_year == "previous" else academic_year


def award_amount(rules: AidRules, type_amount: Decimal, requested: Decimal | None, *,
                 field: str = "amount") -> Decimal:
    """The amount of an award: the type's, or for loans any amount up to the yearly maximum."""
    if requested is None:
        return type_amount
    try:
        value = Decimal(requested).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise InvalidInputError.field(field, f"金额无效：{requested!r} (not an amount)") from exc
    if rules.max_amount_per_year is None:
        if value != type_amount:
            raise InvalidInputError.field(field, f"该奖助金额固定为{type_amount}元，实为{value} (this award pays exactly {type_amount})")
        return value
    if not 0 < value <= rules.max_amount_per_year:
        raise InvalidInputError.field(field, f"金额须在0到{rules.max_amount_per_year}元之间，实为{value}"
                                      f" (amount must be above 0 and at most {rules.max_amount_per_year})")
    return value


@dataclass(frozen=True)
class Applicant:
    student_id: str
    status: str
    cohort: int
    class_id: str | None
    financial_need: str | None = None  # the student's recognised hardship level, if any


@dataclass(frozen=True)
class OtherAward:
    """Another award of the same student in the same academic year."""

    award_id: str
    aid_type_code: str
    exclusive_group: str | None
    state: str


@dataclass(frozen=True)
class RuleCheck:
    rule: str
    passed: bool
    message: str
    figures: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EligibilityReport:
    aid_type_code: str
    academic_year: str
    evaluation_year: str
    checks: tuple[RuleCheck, ...]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    def as_dict(self) -> dict[str, Any]:
        return {"aid_type": self.aid_type_code, "academic_year": self.academic_year,
                "evaluation_year": self.evaluation_year, "passed": self.passed,
                "checks": [asdict(c) for c in self.checks]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, sort_keys=True, default=str)

    def as_error(self) -> InvalidInputError:
        """The failed checks, one field each (``eligibility.<rule>``)."""
        failed = [FieldError(f"eligibility.{c.rule}", c.message) for c in self.checks if not c.passed]
        return InvalidInputError.of(*failed, message="不符合申请条件：" + "；".join(f.message for f in failed)
                                    + " (not eligible)")


def _grade_checks(rules: AidRules, applicant: Applicant, own: list[GradeRecord],
                  class_records: Iterable[GradeRecord], year: str) -> list[RuleCheck]:
    checks: list[RuleCheck] = []
    result = gpa_of(own)
    if rules.no_failed_course:
        failed = list(result.failed_course_ids)
        checks.append(RuleCheck(
            "no_failed_course", not failed and result.courses > 0,
            (f"{year}学年有{len(failed)}门课程不及格 ({len(failed)} failed course(s) in {year})" if failed else
             f"{year}学年无成绩 (no grades in {year})" if not result.courses else
             f"{year}学年{result.courses}门课程均及格 (no failed course in {year})"),
            {"courses": result.courses, "failed_courses": failed}))
    if rules.min_gpa is not None:
        ok = result.gpa is not None and result.gpa >= rules.min_gpa
        checks.append(RuleCheck("min_gpa", ok, f"平均学分绩点{result.gpa}，要求不低于{rules.min_gpa}"
                                f" (GPA {result.gpa}, at least {rules.min_gpa} required)",
                                {"gpa": result.gpa, "min_gpa": rules.min_gpa, "credits": str(result.credits)}))
    if rules.gpa_rank_share is not None:
        gpas = [r.gpa for r in gpas_by_student(class_records).values() if r.gpa is not None]
        if result.gpa is None or not gpas:
            checks.append(RuleCheck("gpa_rank_share", False, f"{year}学年无可排名的成绩 (no GPA to rank in {year})",
                                    {"gpa": None, "share": rules.gpa_rank_share}))
        else:
            rank = competition_rank(result.gpa, gpas)
            limit = max(1, math.floor(rules.gpa_rank_share * len(gpas) + 1e-9))
            checks.append(RuleCheck(
                "gpa_rank_share", rank <= limit,
                f"绩点{result.gpa}在班级{len(gpas)}人中排名第{rank}，须在前{limit}名（{rules.gpa_rank_share:.0%}）"
                f" (GPA rank {rank} of {len(gpas)} in class; top {limit} required)",
                {"gpa": result.gpa, "rank": rank, "ranked": len(gpas), "share": rules.gpa_rank_share,
                 "limit": limit, "class_id": applicant.class_id}))
    return checks


def _status_checks(rules: AidRules, applicant: Applicant, academic_year: str) -> list[RuleCheck]:
    checks: list[RuleCheck] = []
    if rules.enrolled:
        ok = applicant.status == "enrolled"
        checks.append(RuleCheck("enrolled", ok, "学生在读 (enrolled)" if ok else
                                f"学生学籍状态为{applicant.status}，须为在读 (status {applicant.status}, must be enrolled)",
                                {"status": applicant.status}))
    if rules.min_year is not None:
        year_of_study = validate_academic_year(academic_year) - applicant.cohort + 1
        ok = year_of_study >= rules.min_year
        checks.append(RuleCheck("min_year", ok, f"{academic_year}学年为{year_of_study}年级，须为{rules.min_year}年级及以上"
                                f" (year of study {year_of_study}, at least {rules.min_year} required)",
                                {"year_of_study": year_of_study, "min_year": rules.min_year}))
    if rules.financial_need is not None:
        level = applicant.financial_need
        ok = level in NEED_LEVELS and NEED_LEVELS.index(level) >= NEED_LEVELS.index(rules.financial_need)
        shown = NEED_LABELS.get(level or "", "未认定")
        checks.append(RuleCheck("financial_need", ok, f"家庭经济困难认定：{shown}，须为{NEED_LABELS[rules.financial_need]}或以上"
                                f" (hardship level {level or 'none'}, {rules.financial_need} or above required)",
                                {"level": level, "required": rules.financial_need}))
    return checks


def _exclusive_check(rules: AidRules, others: Iterable[OtherAward]) -> list[RuleCheck]:
    if rules.exclusive_group is None:
        return []
    clash = [o for o in others if o.exclusive_group == rules.exclusive_group and o.state in DECIDED_STATES]
    text = ("、".join(o.aid_type_code for o in clash))
    return [RuleCheck("exclusive_group", not clash,
                      f"同一学年已获同类奖助：{text} (already awarded {text} this year in group {rules.exclusive_group})"
                      if clash else f"同一学年未获同类奖助 (no other award of group {rules.exclusive_group})",
                      {"group": rules.exclusive_group, "held": [o.award_id for o in clash]})]


def evaluate(rules: AidRules, *, aid_type_code: str, academic_year: str, applicant: Applicant,
             own_records: Iterable[GradeRecord] = (), class_records: Iterable[GradeRecord] = (),
             other_awards: Iterable[OtherAward] = ()) -> EligibilityReport:
    """Check every rule of the award type; each check carries the figures it was decided on.

    ``own_records`` and ``class_records`` are the grades of the evaluation year (see
    :func:`evaluation_year`); ``class_records`` include the applicant's own.
    """
    year = evaluation_year(rules, academic_year)
    checks = _status_checks(rules, applicant, academic_year)
    if rules.reads_grades:
        checks += _grade_checks(rules, applicant, list(own_records), class_records, year)
    checks += _exclusive_check(rules, other_awards)
    return EligibilityReport(aid_type_code, academic_year, year, tuple(checks))


def check_quota(*, quota: int | None, used: int, aid_type_name: str, academic_year: str) -> None:
    """Refuse an approval when the department's quota of the year is missing or used up.

    Raises:
        ConflictError: ``no_quota`` or ``quota_exhausted``, with the figures.
    """
    if quota is None:
        raise ConflictError(f"{academic_year}学年本院系未设置“{aid_type_name}”名额 (no quota for this department and year)",
                            {"quota": None, "used": used}, code="no_quota")
    if used >= quota:
        raise ConflictError(f"“{aid_type_name}”{academic_year}学年名额已满：{used}/{quota} (quota used up)",
                            {"quota": quota, "used": used}, code="quota_exhausted")
