"""The status state machine, exhaustively: every change type from every status, the workflow, the effects."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.errors import InvalidInputError, PermissionDeniedError
from core.rules.enums import ApprovalState, StatusChangeType, StudentStatus
from core.rules.student_status import (
    NEEDS_CLASS,
    TARGET_STATUS,
    ClassFacts,
    Step,
    StudentFacts,
    academic_year,
    check_change,
    check_editable,
    plan_effects,
    transition_table,
    transition_table_markdown,
    workflow_step,
    year_level,
)

S, T = StudentStatus, StatusChangeType

# The whole table, written out by hand: (status, type) → allowed. Anything missing is refused.
EXPECTED_ALLOWED = {
    (S.ENROLLED, t) for t in T if t != T.RESUME
} | {(S.SUSPENDED, T.RESUME), (S.SUSPENDED, T.WITHDRAW), (S.SUSPENDED, T.EXPEL)}


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("change_type", list(T))
def test_every_type_from_every_status(status: StudentStatus, change_type: StatusChangeType) -> None:
    verdict = check_change(status, change_type)
    assert verdict.allowed == ((status, change_type) in EXPECTED_ALLOWED)
    if verdict.allowed:
        assert verdict.reason == ""
    else:  # a bilingual reason: Chinese, then English in parentheses
        assert verdict.reason and "(" in verdict.reason and verdict.reason.endswith(")")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in verdict.reason.split("(")[0])


def test_reasons_say_why() -> None:
    assert "resume first" not in check_change(S.SUSPENDED, T.SUSPEND).reason
    assert "already suspended" in check_change(S.SUSPENDED, T.SUSPEND).reason
    assert "resume before" in check_change(S.SUSPENDED, T.GRADUATE).reason
    assert "nothing to resume" in check_change(S.ENROLLED, T.RESUME).reason
    for terminal in (S.WITHDRAWN, S.EXPELLED, S.GRADUATED, S.COMPLETED, S.TRANSFERRED_OUT):
        assert "has ended" in check_change(terminal, T.RESUME).reason


def test_target_statuses() -> None:
    assert TARGET_STATUS[T.TRANSFER_SCHOOL] == S.TRANSFERRED_OUT
    assert TARGET_STATUS[T.GRADUATE] == S.GRADUATED and TARGET_STATUS[T.COMPLETE] == S.COMPLETED
    assert TARGET_STATUS[T.SUSPEND] == S.SUSPENDED and TARGET_STATUS[T.RESUME] == S.ENROLLED
    assert {t for t in T if TARGET_STATUS[t] == S.ENROLLED} == {T.PROMOTE, T.REPEAT, T.DEMOTE, T.TRANSFER_MAJOR, T.RESUME}
    assert len(transition_table()) == len(S) * len(T)


def test_docs_table_is_generated_from_the_code() -> None:
    docs = (Path(__file__).parents[3] / "docs" / "students.md").read_text(encoding="utf-8")
    assert transition_table_markdown() in docs


# --- workflow ----------------------------------------------------------------------------------

SUBMITTER = frozenset({"status.submit"})
APPROVER = frozenset({"status.submit", "status.approve"})
A = ApprovalState
STATES = [None, *A]


@pytest.mark.parametrize("old", STATES)
@pytest.mark.parametrize("new", list(A))
def test_every_workflow_step(old: ApprovalState | None, new: ApprovalState) -> None:
    steps = {(None, A.DRAFT): Step.DRAFT, (None, A.SUBMITTED): Step.SUBMIT, (A.DRAFT, A.DRAFT): Step.EDIT,
             (A.DRAFT, A.SUBMITTED): Step.SUBMIT, (A.SUBMITTED, A.DRAFT): Step.RECALL,
             (A.SUBMITTED, A.APPROVED): Step.APPROVE, (A.SUBMITTED, A.REJECTED): Step.REJECT}
    expected = steps.get((old, new))
    if expected is None:
        with pytest.raises(InvalidInputError) as exc:
            workflow_step(old, new, APPROVER)
        assert exc.value.details["fields"][0]["field"] == "state"
        return
    assert workflow_step(old, new, APPROVER) == expected
    if expected in (Step.APPROVE, Step.REJECT):
        with pytest.raises(PermissionDeniedError, match="status.approve"):
            workflow_step(old, new, SUBMITTER)
    else:
        assert workflow_step(old, new, SUBMITTER) == expected
        with pytest.raises(PermissionDeniedError, match="status.submit"):
            workflow_step(old, new, frozenset({"status.approve"}))


def test_workflow_refusals_are_specific() -> None:
    with pytest.raises(InvalidInputError, match="final"):
        workflow_step("applied", "draft", APPROVER)
    with pytest.raises(InvalidInputError, match="set by the server"):
        workflow_step("submitted", "applied", APPROVER)
    with pytest.raises(InvalidInputError, match="submit the change"):
        workflow_step("draft", "approved", APPROVER)
    with pytest.raises(InvalidInputError, match="recall it first"):
        workflow_step("submitted", "submitted", APPROVER)
    with pytest.raises(InvalidInputError, match="unknown approval state"):
        workflow_step("draft", "done", APPROVER)
    assert workflow_step("draft", "draft", SUBMITTER, deleting=True) == Step.DELETE
    with pytest.raises(InvalidInputError, match="only a draft"):
        workflow_step("submitted", "submitted", APPROVER, deleting=True)


def test_fields_a_step_may_not_change_are_named() -> None:
    check_editable(Step.EDIT, {"reason", "to_class_id"})
    with pytest.raises(InvalidInputError) as exc:
        check_editable(Step.APPROVE, {"to_class_id", "reason", "change_type"})
    assert [f["field"] for f in exc.value.details["fields"]] == ["change_type", "reason"]
    with pytest.raises(InvalidInputError, match="student of a change is fixed"):
        check_editable(Step.EDIT, {"student_id"})


# --- effects -----------------------------------------------------------------------------------

STUDENT = StudentFacts(status="enrolled", class_id="c24", class_label="软件2401班", major_id="se", major_label="软件工程",
                       department_id="d1", department_label="计算机学院", cohort=2024,
                       expected_graduation=date(2028, 7, 1), duration_years=4)
NEXT = ClassFacts("c25", "软件2501班", "se", "软件工程", "d1", "计算机学院", 2025)
SAME = ClassFacts("c24b", "软件2402班", "se", "软件工程", "d1", "计算机学院", 2024)
OTHER_MAJOR = ClassFacts("e24", "英语2401班", "en", "英语", "d2", "外国语学院", 2024)
SUSPENDED = StudentFacts(**{**STUDENT.__dict__, "status": "suspended"})


def _changes(effects: list) -> dict[str, tuple[object, object]]:
    return {e.field: (e.old, e.new) for e in effects}


@pytest.mark.parametrize("change_type", [T.TRANSFER_SCHOOL, T.SUSPEND, T.WITHDRAW, T.EXPEL, T.GRADUATE, T.COMPLETE])
def test_status_only_changes(change_type: StatusChangeType) -> None:
    effects = plan_effects(STUDENT, change_type)
    assert _changes(effects) == {"status": ("enrolled", TARGET_STATUS[change_type].value)}
    assert effects[0].old_label == "在读 (Enrolled)"
    with pytest.raises(InvalidInputError, match="takes no target class"):
        plan_effects(STUDENT, change_type, target=NEXT)


@pytest.mark.parametrize("change_type", [T.REPEAT, T.DEMOTE])
def test_repeat_and_demote_go_to_the_next_cohort_of_the_same_major(change_type: StatusChangeType) -> None:
    assert _changes(plan_effects(STUDENT, change_type, target=NEXT)) == {
        "class_id": ("c24", "c25"), "cohort": (2024, 2025),
        "expected_graduation": (date(2028, 7, 1), date(2029, 7, 1))}
    for wrong in (SAME, OTHER_MAJOR):
        with pytest.raises(InvalidInputError) as exc:
            plan_effects(STUDENT, change_type, target=wrong)
        assert exc.value.details["fields"][0]["field"] == "to_class_id"
    with pytest.raises(InvalidInputError, match="needs a target class"):
        plan_effects(STUDENT, change_type)
    pending = plan_effects(STUDENT, change_type, require_targets=False)
    assert pending[0].pending and pending[0].new is None


def test_resume_returns_to_a_class_of_the_same_major_not_earlier() -> None:
    assert _changes(plan_effects(SUSPENDED, T.RESUME, target=SAME)) == {
        "status": ("suspended", "enrolled"), "class_id": ("c24", "c24b")}
    later = plan_effects(SUSPENDED, T.RESUME, target=NEXT)
    assert _changes(later)["cohort"] == (2024, 2025)
    earlier = ClassFacts("c23", "软件2301班", "se", "软件工程", "d1", "计算机学院", 2023)
    with pytest.raises(InvalidInputError, match="earlier"):
        plan_effects(SUSPENDED, T.RESUME, target=earlier)
    with pytest.raises(InvalidInputError, match="own major"):
        plan_effects(SUSPENDED, T.RESUME, target=OTHER_MAJOR)


def test_transfer_major_moves_major_department_and_class() -> None:
    assert _changes(plan_effects(STUDENT, T.TRANSFER_MAJOR, target=OTHER_MAJOR)) == {
        "class_id": ("c24", "e24"), "major_id": ("se", "en"), "department_id": ("d1", "d2")}
    with pytest.raises(InvalidInputError, match="own major"):
        plan_effects(STUDENT, T.TRANSFER_MAJOR, target=NEXT)


def test_promote_stores_nothing_and_shows_the_year_level() -> None:
    (effect,) = plan_effects(STUDENT, T.PROMOTE, effective_date=date(2025, 7, 1))
    assert (effect.field, effect.old, effect.new, effect.stored) == ("year_level", 1, 2, False)
    with pytest.raises(InvalidInputError) as exc:
        plan_effects(STUDENT, T.PROMOTE)
    assert exc.value.details["fields"][0]["field"] == "effective_date"
    with pytest.raises(InvalidInputError, match="graduate or complete instead"):
        plan_effects(STUDENT, T.PROMOTE, effective_date=date(2028, 6, 1))
    with pytest.raises(InvalidInputError, match="had not started"):
        plan_effects(STUDENT, T.PROMOTE, effective_date=date(2024, 7, 1))


def test_refused_types_raise_with_the_state_machine_reason() -> None:
    with pytest.raises(InvalidInputError, match="resume before"):
        plan_effects(SUSPENDED, T.PROMOTE, effective_date=date(2025, 7, 1))
    assert T.RESUME in NEEDS_CLASS


def test_academic_years() -> None:
    assert academic_year(date(2025, 9, 1)) == 2025 and academic_year(date(2025, 8, 31)) == 2024
    assert year_level(2024, date(2024, 10, 1)) == 1 and year_level(2024, date(2026, 3, 1)) == 2
