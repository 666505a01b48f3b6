"""Student status 学籍 as a state machine, and the status change 学籍异动 workflow and effects.

Three pure parts, used by the server (REST and sync push alike) and by the desktop client:

1. :func:`check_change` — may a change of a type be made to a student in a status? Every
   (status, type) pair is either allowed or refused with a bilingual reason.
2. :func:`workflow_step` — the approval workflow: draft → submitted → approved (applied at
   once), or rejected; recalling a submitted change returns it to draft. Who may take which
   step: a drafter (``status.submit``) or an approver (``status.approve``).
3. :func:`plan_effects` — what applying a change does to the student (field, old, new and
   their labels). The same list is the preview shown before approval and the list of writes
   made on approval.

Decisions (docs/students.md, "Status changes"):

- A class's ``cohort`` is its year of entry and never changes, so a student's year level is
  derived: the academic year of a date minus the cohort, plus one (academic years start on
  1 September). *Promote* 升级 therefore writes nothing on the student: it is the approved
  record that the student advances a year with their class, closing the academic year its
  effective date falls in; its preview shows the derived year level before and after. It is
  refused in the major's final year (graduate or complete instead), and a student is
  promoted at most once per academic year.
- *Repeat* 留级 and *demote* 降级 both move the student into a class of the next cohort
  (cohort + 1) of the same major; the student's cohort becomes that class's cohort.
- *Resume* 复学 returns a suspended student to a class of their major, of their cohort or a
  later one, chosen at approval at the latest. *Suspend* keeps the student's class as their
  home class (class lists count enrolled students only).
- *Transfer major* 转专业 moves the student into a class of another major (same or later
  cohort); major, department and cohort follow that class.
- Terminal statuses (withdrawn, expelled, graduated, completed, transferred out) take no
  further change: a returning student is a new enrolment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from core.errors import FieldError, InvalidInputError, PermissionDeniedError
from core.rules.enums import ApprovalState, StatusChangeType, StudentStatus

S, T, A = StudentStatus, StatusChangeType, ApprovalState

# ---------------------------------------------------------------------------------------------
# 1. Which change types each status admits
# ---------------------------------------------------------------------------------------------

ALLOWED_FROM: dict[StatusChangeType, frozenset[StudentStatus]] = {
    T.PROMOTE: frozenset({S.ENROLLED}),
    T.REPEAT: frozenset({S.ENROLLED}),
    T.DEMOTE: frozenset({S.ENROLLED}),
    T.TRANSFER_MAJOR: frozenset({S.ENROLLED}),
    T.TRANSFER_SCHOOL: frozenset({S.ENROLLED}),
    T.SUSPEND: frozenset({S.ENROLLED}),
    T.RESUME: frozenset({S.SUSPENDED}),
    T.WITHDRAW: frozenset({S.ENROLLED, S.SUSPENDED}),
    T.EXPEL: frozenset({S.ENROLLED, S.SUSPENDED}),
    T.GRADUATE: frozenset({S.ENROLLED}),
    T.COMPLETE: frozenset({S.ENROLLED}),
}

TARGET_STATUS: dict[StatusChangeType, StudentStatus] = {
    T.PROMOTE: S.ENROLLED, T.REPEAT: S.ENROLLED, T.DEMOTE: S.ENROLLED, T.TRANSFER_MAJOR: S.ENROLLED,
    T.TRANSFER_SCHOOL: S.TRANSFERRED_OUT, T.SUSPEND: S.SUSPENDED, T.RESUME: S.ENROLLED,
    T.WITHDRAW: S.WITHDRAWN, T.EXPEL: S.EXPELLED, T.GRADUATE: S.GRADUATED, T.COMPLETE: S.COMPLETED,
}

# Types that move the student into another class (chosen when drafting or at approval).
NEEDS_CLASS: frozenset[StatusChangeType] = frozenset({T.REPEAT, T.DEMOTE, T.TRANSFER_MAJOR, T.RESUME})

TERMINAL: frozenset[StudentStatus] = frozenset({S.WITHDRAWN, S.EXPELLED, S.GRADUATED, S.COMPLETED,
                                                 S.TRANSFERRED_OUT})


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str = ""  # bilingual "中文 (English)" when refused


def check_change(status: StudentStatus, change_type: StatusChangeType) -> Verdict:
    """Whether a change of ``change_type`` may be made to a student in ``status``."""
    if status in ALLOWED_FROM[change_type]:
        return Verdict(True)
    if status in TERMINAL:
        return Verdict(False, f"学生已{status.zh}，学籍已终止，不能办理{change_type.zh} "
                              f"(the student is {status.en.lower()}: their status has ended, no {change_type.en.lower()})")
    if status == S.SUSPENDED:
        if change_type == T.SUSPEND:
            return Verdict(False, "学生已在休学中 (the student is already suspended)")
        return Verdict(False, f"学生休学中，须先复学才能办理{change_type.zh} "
                              f"(the student is suspended: resume before a {change_type.en.lower()})")
    # enrolled: only resume is refused
    return Verdict(False, "学生在读，无需复学 (the student is enrolled: there is nothing to resume)")


def require_change(status: str, change_type: str) -> tuple[StudentStatus, StatusChangeType]:
    """Parse and check; raises InvalidInputError naming ``change_type`` with the reason."""
    try:
        kind = StatusChangeType(change_type)
    except ValueError:
        raise InvalidInputError.field(
            "change_type", f"未知的异动类型 {change_type!r}，应为 {', '.join(t.value for t in T)} "
                           f"(unknown change type)") from None
    current = StudentStatus(status)
    verdict = check_change(current, kind)
    if not verdict.allowed:
        raise InvalidInputError.field("change_type", verdict.reason)
    return current, kind


def transition_table() -> list[tuple[StudentStatus, StatusChangeType, Verdict]]:
    """Every (status, type) pair with its verdict, in enum order (the docs table is built from it)."""
    return [(status, kind, check_change(status, kind)) for status in S for kind in T]


def transition_table_markdown() -> str:
    """The table of docs/students.md: a row per status, a column per change type."""
    head = "| status \\ change | " + " | ".join(f"{t.zh} {t.value}" for t in T) + " |"
    rule = "|---|" + "---|" * len(T)
    rows = []
    for status in S:
        cells = [f"→ {TARGET_STATUS[t].value}" if check_change(status, t).allowed else "—" for t in T]
        rows.append(f"| {status.zh} {status.value} | " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *rows])


# ---------------------------------------------------------------------------------------------
# 2. The approval workflow
# ---------------------------------------------------------------------------------------------


class Step(StrEnum):
    DRAFT = "draft"      # create a draft
    EDIT = "edit"        # change a draft
    SUBMIT = "submit"    # draft (or new) → submitted
    RECALL = "recall"    # submitted → draft, by a drafter
    APPROVE = "approve"  # submitted → approved, and applied in the same transaction
    REJECT = "reject"    # submitted → rejected, with a reason
    DELETE = "delete"    # a draft is deleted (a tombstone)


SUBMIT_PERMISSION = "status.submit"
APPROVE_PERMISSION = "status.approve"

_STEPS: dict[tuple[ApprovalState | None, ApprovalState], Step] = {
    (None, A.DRAFT): Step.DRAFT,
    (None, A.SUBMITTED): Step.SUBMIT,
    (A.DRAFT, A.DRAFT): Step.EDIT,
    (A.DRAFT, A.SUBMITTED): Step.SUBMIT,
    (A.SUBMITTED, A.DRAFT): Step.RECALL,
    (A.SUBMITTED, A.APPROVED): Step.APPROVE,
    (A.SUBMITTED, A.REJECTED): Step.REJECT,
}

STEP_PERMISSION: dict[Step, str] = {
    Step.DRAFT: SUBMIT_PERMISSION, Step.EDIT: SUBMIT_PERMISSION, Step.SUBMIT: SUBMIT_PERMISSION,
    Step.RECALL: SUBMIT_PERMISSION, Step.DELETE: SUBMIT_PERMISSION,
    Step.APPROVE: APPROVE_PERMISSION, Step.REJECT: APPROVE_PERMISSION,
}

# The fields a step may change (besides ``state``); the server owns every other field.
EDITABLE: dict[Step, frozenset[str]] = {
    Step.DRAFT: frozenset({"student_id", "change_type", "reason", "document_number", "effective_date",
                           "to_class_id", "to_major_id"}),
    Step.EDIT: frozenset({"change_type", "reason", "document_number", "effective_date", "to_class_id",
                          "to_major_id"}),
    Step.RECALL: frozenset(),
    Step.APPROVE: frozenset({"to_class_id", "decision_reason", "effective_date"}),
    Step.REJECT: frozenset({"decision_reason"}),
    Step.DELETE: frozenset(),
}
EDITABLE[Step.SUBMIT] = EDITABLE[Step.DRAFT]


def _state(value: str | None, field: str = "state") -> ApprovalState:
    try:
        return ApprovalState(value)
    except ValueError:
        raise InvalidInputError.field(field, f"未知的审批状态 {value!r} (unknown approval state)") from None


def workflow_step(old_state: str | None, new_state: str, permissions: frozenset[str] | set[str],
                  *, deleting: bool = False) -> Step:
    """The step that takes a change from ``old_state`` (None: a new change) to ``new_state``.

    Raises:
        InvalidInputError: the step does not exist (naming ``state`` and why).
        PermissionDeniedError: the step needs a permission the user lacks.
    """
    old = None if old_state is None else _state(old_state)
    if deleting:
        if old != A.DRAFT:
            raise InvalidInputError.field("state", f"只能删除草稿，该异动{old.zh if old else ''} "
                                                   "(only a draft can be deleted)")
        step = Step.DELETE
    else:
        new = _state(new_state)
        found = _STEPS.get((old, new))
        if found is None:
            raise InvalidInputError.field("state", _why_not(old, new))
        step = found
    needed = STEP_PERMISSION[step]
    if needed not in permissions:
        verb = "审批" if needed == APPROVE_PERMISSION else "起草或提交"
        raise PermissionDeniedError(f"{verb}学籍异动需要 {needed} 权限 (permission {needed} required to {step.value})",
                                    {"permission": needed, "step": step.value})
    return step


def _why_not(old: ApprovalState | None, new: ApprovalState) -> str:
    if old in (A.APPLIED, A.REJECTED):
        return f"该异动{old.zh}，不能再更改 (a change that is {old.en.lower()} is final)"
    if new == A.APPLIED:
        return "“已生效”由服务器在批准时设置 (applied is set by the server on approval)"
    if old is None:
        return "新建的异动只能是草稿或已提交 (a new change is a draft or submitted)"
    if old == A.DRAFT:
        return "须先提交才能审批 (submit the change before it is decided)"
    if old == A.SUBMITTED and new == A.SUBMITTED:
        return "已提交的异动不能修改，请先撤回 (a submitted change cannot be edited: recall it first)"
    return f"不能从{old.zh}变为{new.zh} (no step from {old.value} to {new.value})"


def require_texts(step: Step, new: dict[str, object]) -> None:
    """The texts a step needs: student, type and reason for a draft; a document number to
    submit; a reason to reject. Raises InvalidInputError naming every missing field."""
    errors: list[FieldError] = []
    if step in (Step.DRAFT, Step.EDIT, Step.SUBMIT):
        if not new.get("student_id"):
            errors.append(FieldError("student_id", "必填 (required)"))
        if not new.get("change_type"):
            errors.append(FieldError("change_type", "必填 (required)"))
        if not str(new.get("reason") or "").strip():
            errors.append(FieldError("reason", "请填写异动原因 (a reason is required)"))
    if step == Step.SUBMIT and not str(new.get("document_number") or "").strip():
        errors.append(FieldError("document_number", "提交前须填写文号 (a document number is required to submit)"))
    if step == Step.REJECT and not str(new.get("decision_reason") or "").strip():
        errors.append(FieldError("decision_reason", "驳回须说明理由 (a rejection needs a reason)"))
    if errors:
        raise InvalidInputError.of(*errors)


def check_editable(step: Step, changed: set[str]) -> None:
    """Refuse, naming each, fields a step may not change."""
    bad = sorted(changed - EDITABLE[step] - {"state"})
    if bad:
        why = ("不能更改异动的学生，请新建异动 (the student of a change is fixed: draft a new change)"
               if step == Step.EDIT else f"{step.value} 时不能修改此字段 (cannot be changed when you {step.value})")
        raise InvalidInputError.of(*(FieldError(name, why) for name in bad))


# ---------------------------------------------------------------------------------------------
# 3. Effects
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StudentFacts:
    status: str
    class_id: str | None
    class_label: str
    major_id: str
    major_label: str
    department_id: str
    department_label: str
    cohort: int
    expected_graduation: date | None = None
    duration_years: int = 4  # of the student's major


@dataclass(frozen=True)
class ClassFacts:
    id: str
    label: str
    major_id: str
    major_label: str
    department_id: str
    department_label: str
    cohort: int


@dataclass(frozen=True)
class Effect:
    field: str
    old: str | int | date | None
    new: str | int | date | None
    old_label: str
    new_label: str
    stored: bool = True    # False: derived and shown only (promote's year level)
    pending: bool = False  # the new value is chosen at approval


def academic_year(day: date) -> int:
    """The academic year a date falls in (2025 = 2025–2026; years start on 1 September)."""
    return day.year if day.month >= 9 else day.year - 1


def year_level(cohort: int, day: date) -> int:
    """The year of study at a date of a student of ``cohort`` (1 in their first year)."""
    return academic_year(day) - cohort + 1


def _level_label(level: int) -> str:
    return f"{level}年级 (year {level})"


def _status_label(value: str) -> str:
    status = StudentStatus(value)
    return f"{status.zh} ({status.en})"


def plan_effects(student: StudentFacts, change_type: StatusChangeType, *, target: ClassFacts | None = None,
                 effective_date: date | None = None, require_targets: bool = True) -> list[Effect]:
    """What applying the change does to the student, in order; the preview and the writes.

    ``require_targets`` is False for a preview before approval: a class not chosen yet shows
    as a pending effect instead of an error.

    Raises:
        InvalidInputError: naming ``change_type``, ``to_class_id`` or ``effective_date``.
    """
    require_change(student.status, change_type)
    effects: list[Effect] = []
    new_status = TARGET_STATUS[change_type]
    if new_status != student.status:
        effects.append(Effect("status", student.status, new_status.value, _status_label(student.status),
                              _status_label(new_status)))
    if change_type == T.PROMOTE:
        effects.append(_promotion(student, effective_date))
    if change_type in NEEDS_CLASS:
        effects.extend(_class_move(student, change_type, target, require_targets))
    elif target is not None:
        raise InvalidInputError.field("to_class_id", f"{change_type.zh}不指定目标班级 "
                                                     f"(a {change_type.en.lower()} takes no target class)")
    return effects


def _promotion(student: StudentFacts, effective_date: date | None) -> Effect:
    if effective_date is None:
        raise InvalidInputError.field("effective_date", "升级须填写生效日期，以确定学年 "
                                                        "(a promotion needs its effective date: it fixes the academic year)")
    # A promotion closes the academic year its date falls in (date it at the year's end, e.g. 1 July).
    before = year_level(student.cohort, effective_date)
    if before < 1:
        raise InvalidInputError.field("effective_date", f"{student.cohort}级在该日期尚未入学 "
                                                        f"(the {student.cohort} cohort had not started by then)")
    if before >= student.duration_years:
        raise InvalidInputError.field("change_type", f"已是最后一学年（学制{student.duration_years}年），应办理毕业或结业 "
                                                     f"(final year of a {student.duration_years}-year major: "
                                                     "graduate or complete instead)")
    return Effect("year_level", before, before + 1, _level_label(before), _level_label(before + 1), stored=False)


def _class_move(student: StudentFacts, change_type: StatusChangeType, target: ClassFacts | None,
                require_targets: bool) -> list[Effect]:
    if target is None:
        if require_targets:
            raise InvalidInputError.field("to_class_id", f"{change_type.zh}须指定目标班级 "
                                                         f"(a {change_type.en.lower()} needs a target class)")
        return [Effect("class_id", student.class_id, None, student.class_label,
                       "审批时指定 (chosen at approval)", pending=True)]
    _check_target(student, change_type, target)
    effects: list[Effect] = []
    if target.id != student.class_id:
        effects.append(Effect("class_id", student.class_id, target.id, student.class_label, target.label))
    if target.major_id != student.major_id:
        effects.append(Effect("major_id", student.major_id, target.major_id, student.major_label, target.major_label))
    if target.department_id != student.department_id:
        effects.append(Effect("department_id", student.department_id, target.department_id,
                              student.department_label, target.department_label))
    if target.cohort != student.cohort:
        effects.append(Effect("cohort", student.cohort, target.cohort, f"{student.cohort}级 ({student.cohort})",
                              f"{target.cohort}级 ({target.cohort})"))
        if student.expected_graduation is not None:
            old = student.expected_graduation
            new = _shift_years(old, target.cohort - student.cohort)
            effects.append(Effect("expected_graduation", old, new, old.isoformat(), new.isoformat()))
    return effects


def _check_target(student: StudentFacts, change_type: StatusChangeType, target: ClassFacts) -> None:
    same_major = target.major_id == student.major_id
    if change_type == T.TRANSFER_MAJOR:
        if same_major:
            raise InvalidInputError.field("to_class_id", f"目标班级{target.label}属于本专业，不是转专业 "
                                                         "(the target class is of the student's own major)")
    elif not same_major:
        raise InvalidInputError.field("to_class_id", f"目标班级{target.label}须属于{student.major_label}专业 "
                                                     "(the target class must be of the student's own major)")
    if change_type in (T.REPEAT, T.DEMOTE):
        if target.cohort != student.cohort + 1:
            raise InvalidInputError.field(
                "to_class_id", f"{change_type.zh}须编入下一年级（{student.cohort + 1}级）的班级，{target.label}是{target.cohort}级 "
                               f"(a {change_type.en.lower()} goes to a class of the {student.cohort + 1} cohort)")
    elif target.cohort < student.cohort:
        raise InvalidInputError.field(
            "to_class_id", f"目标班级{target.label}是{target.cohort}级，不能早于学生的{student.cohort}级 "
                           f"(the target class's cohort is earlier than the student's)")


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


STORED_FIELDS: frozenset[str] = frozenset({"status", "class_id", "major_id", "department_id", "cohort",
                                           "expected_graduation"})
