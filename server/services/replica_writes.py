"""Writes to replicated tables, checked as the server must: permission, scope, value rules,
references, unique keys and version conflicts. The sync push applies client ops through
here; so will the modules' own APIs, so a rule lives in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from core.errors import (
    ConflictError,
    DomainError,
    FieldError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from core.models import Base, Replicated
from core.models.wire import SYSTEM_COLUMNS, WireValueError, from_wire_value, to_wire
from core.rules.values import validate_id_number, validate_phone, validate_student_number
from server.services import aid_rules, audit, certificates, dorm_rules, status_changes
from server.services.principal import Principal
from server.services.sync_scope import SYNC_TABLES, in_scope, scoped_ids, whole_table_in_scope

Policy = Literal["manual", "server_wins", "last_arrival_wins"]
Validator = Callable[[Session, dict[str, Any]], None]
# A table's business operation: (session, principal, stored row or None, row as wanted) →
# the values the server sets. It checks the step, may write effects on other rows (in the
# same transaction), and is what the table's own API calls too (one rule, one place).
Transition = Callable[[Session, Principal, dict[str, Any] | None, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class TableRule:
    permission: str
    policy: Policy = "manual"
    validate: Validator | None = None
    transition: Transition | None = None


def _student_rules(_session: Session, row: dict[str, Any]) -> None:
    errors: list[FieldError] = []
    for name, check in (("number", validate_student_number), ("id_number", validate_id_number)):
        try:
            check(row.get(name) or "", field=name)
        except InvalidInputError as exc:
            errors.extend(FieldError(f["field"], f["message"]) for f in exc.details["fields"])
    try:
        validate_phone(row.get("phone") or "", field="phone")
    except InvalidInputError as exc:
        errors.extend(FieldError(f["field"], f["message"]) for f in exc.details["fields"])
    if errors:
        raise InvalidInputError.of(*errors)


def _grade_rules(_session: Session, row: dict[str, Any]) -> None:
    score = row.get("score")
    if score is not None and not 0 <= score <= 100:
        raise InvalidInputError.field("score", f"成绩须在0到100之间，实为{score} (score must be 0–100)")


_REFERENCE: TableRule = TableRule("reference.write", "server_wins")
RULES: dict[str, TableRule] = {
    **{t: _REFERENCE for t in ("department", "major", "school_class", "term", "room", "teacher", "course")},
    "unavailability": TableRule("timetable.write", "last_arrival_wins"),
    "student": TableRule("students.write", validate=_student_rules),
    "status_change": TableRule("status.submit", transition=status_changes.transition),
    "certificate": TableRule("certificates.issue", transition=certificates.transition),
    "aid_type": TableRule("aid.approve", transition=aid_rules.aid_type_transition),
    "aid_quota": TableRule("aid.approve", transition=aid_rules.aid_quota_transition),
    "aid_award": TableRule("aid.write", transition=aid_rules.aid_award_transition),
    "dorm_building": TableRule("dorms.write", transition=dorm_rules.dorm_building_transition),
    "dorm_room": TableRule("dorms.write", transition=dorm_rules.dorm_room_transition),
    "bed_assignment": TableRule("dorms.write", transition=dorm_rules.bed_assignment_transition),
    "teaching_plan": TableRule("plans.write"), "plan_course": TableRule("plans.write"),
    "teaching_task": TableRule("tasks.write"), "teaching_task_class": TableRule("tasks.write"),
    "teaching_task_teacher": TableRule("tasks.write"),
    "timetable_entry": TableRule("timetable.write", "last_arrival_wins"),
    "grade": TableRule("grades.write", validate=_grade_rules),
    "grade_change_request": TableRule("grades.write"),
    "special_exam": TableRule("exams.manage"), "exam_session": TableRule("exams.manage"),
    "registration": TableRule("exams.arrange"), "seat_assignment": TableRule("exams.arrange"),
}
assert set(RULES) == set(SYNC_TABLES), set(SYNC_TABLES) ^ set(RULES)


@cache
def _model(table_name: str) -> type[Replicated]:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == table_name:
            return mapper.class_  # type: ignore[no-any-return]
    raise NotFoundError(f"unknown table {table_name}")


def _rule(principal: Principal, table_name: str) -> TableRule:
    rule = RULES.get(table_name)
    if rule is None:
        raise InvalidInputError("未知的数据表 (unknown table)", {"table": table_name}, code="unknown_table")
    if not principal.can(rule.permission):
        raise PermissionDeniedError(f"没有权限：{rule.permission} (permission {rule.permission} required)",
                                    {"permission": rule.permission})
    return rule


def convert_fields(table_name: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Wire values to Python; unknown or system fields are refused, naming every one."""
    table: Table = Base.metadata.tables[table_name]
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    for name, raw in fields.items():
        if name not in table.c:
            errors.append(FieldError(name, "未知字段 (unknown field)"))
        elif name in SYSTEM_COLUMNS:
            errors.append(FieldError(name, "该字段由服务器维护 (kept by the server)"))
        else:
            try:
                values[name] = from_wire_value(table_name, name, raw)
            except WireValueError as exc:
                errors.append(FieldError(name, exc.message))
    if errors:
        raise InvalidInputError.of(*errors, message="; ".join(f"{e.field}: {e.message}" for e in errors)) from None
    return values


def _check_row(session: Session, table: Table, values: dict[str, Any], row_id: str, rule: TableRule,
               changed: set[str] | None = None) -> None:
    """Required fields, references and unique keys, each named; then the table's value rules.

    ``changed`` limits the reference and unique-key queries to the fields a patch touches
    (the rest were checked when they were written).
    """
    errors: list[FieldError] = []
    for column in table.c:
        if column.name in SYSTEM_COLUMNS or (changed is not None and column.name not in changed):
            continue
        value = values.get(column.name)
        if value is None and not column.nullable and column.default is None and column.server_default is None:
            errors.append(FieldError(column.name, "必填 (required)"))
        for fk in column.foreign_keys:
            if value is not None and session.execute(
                select(fk.column).where(fk.column == value)
            ).first() is None:
                errors.append(FieldError(column.name, f"引用的记录不存在 (no {fk.column.table.name} {value})"))
    for constraint in [c for c in table.constraints if getattr(c, "columns", None) is not None and c.__class__.__name__ == "UniqueConstraint"]:
        cols = list(constraint.columns)
        if changed is not None and not changed & {c.name for c in cols}:
            continue
        key = {c.name: values.get(c.name) for c in cols}
        if any(v is None for v in key.values()):
            continue
        clash = session.execute(select(table.c.id).where(*(c == key[c.name] for c in cols), table.c.id != row_id)).first()
        if clash is not None:
            names = ", ".join(key)
            errors.append(FieldError(names, f"已存在相同的 {names} (another row has this {names})"))
    if errors:
        raise InvalidInputError.of(*errors)
    if rule.validate is not None:
        rule.validate(session, values)


# The columns the scope filters of server.services.sync_scope look at.
_SCOPE_COLUMNS = frozenset({"department_id", "class_id", "task_id", "teacher_id", "student_id", "plan_id",
                            "grade_id", "registration_id", "id"})


@dataclass(frozen=True)
class WriteOutcome:
    row_version: int
    server_seq: int
    dropped_fields: tuple[str, ...] = ()  # same-field changes the server's version won


@dataclass
class VersionConflictError(ConflictError):
    code: str = "version_conflict"


def create_row(session: Session, principal: Principal, table_name: str, row_id: str,
               fields: Mapping[str, Any]) -> WriteOutcome:
    rule = _rule(principal, table_name)
    model = _model(table_name)
    values = convert_fields(table_name, fields)
    if session.get(model, row_id) is not None:
        raise ConflictError("记录已存在 (a row with this id exists)", {"id": row_id}, code="duplicate_id")
    table = Base.metadata.tables[table_name]
    defaults = {c.name: c.default.arg for c in table.c
                if c.default is not None and not callable(c.default.arg) and c.name not in SYSTEM_COLUMNS}
    if rule.transition is not None:
        values = {**values, **rule.transition(session, principal, None, {**defaults, **values, "id": row_id})}
    _check_row(session, table, {**defaults, **values}, row_id, rule)
    obj = model(id=row_id, updated_by=principal.username, **values)
    session.add(obj)
    session.flush()
    _require_scope(session, principal, table_name, row_id)
    audit.record(session, principal, "row.create", entity=table_name, entity_id=row_id,
                 new=to_wire(table_name, values))
    return WriteOutcome(obj.row_version, obj.server_seq)


def patch_row(session: Session, principal: Principal, table_name: str, row_id: str, fields: Mapping[str, Any],
              *, base_version: int | None, base: Mapping[str, Any], flush: bool = True,
              scoped: frozenset[str] | None = None) -> WriteOutcome:
    """Apply changed fields. Fields nobody else changed since ``base`` merge; a field changed
    on both sides follows the table's policy (manual: the whole op is a conflict).

    A batch (:func:`is_simple_patch` ops of a sync push) passes ``flush=False`` and the ids
    it found in scope with one query; every check still runs before anything is changed,
    and the caller flushes once and reads the row versions then.
    """
    rule = _rule(principal, table_name)
    obj = _live_row(session, principal, table_name, row_id, scoped)
    values = convert_fields(table_name, fields)
    base_values = convert_fields(table_name, {k: v for k, v in base.items() if k in values})
    clashing = [] if base_version == obj.row_version else [
        name for name, value in values.items()
        if name in base_values and getattr(obj, name) != base_values[name] and getattr(obj, name) != value
    ]
    dropped: tuple[str, ...] = ()
    if clashing and rule.policy == "manual":
        raise VersionConflictError("该记录已被他人修改 (changed by someone else)",
                                   {"fields": clashing, "row": to_wire(table_name, _as_dict(obj))})
    if clashing and rule.policy == "server_wins":
        dropped = tuple(clashing)
        values = {k: v for k, v in values.items() if k not in clashing}
    if rule.transition is not None:
        stored = _as_dict(obj)
        values = {**values, **rule.transition(session, principal, stored, {**stored, **values})}
    old = {name: getattr(obj, name) for name in values}
    table = Base.metadata.tables[table_name]
    _check_row(session, table, {**_as_dict(obj), **values}, row_id, rule, changed=set(values))
    for name, value in values.items():
        setattr(obj, name, value)
    obj.updated_by = principal.username
    if not flush:
        assert not set(values) & _SCOPE_COLUMNS and rule.transition is None, "not a simple patch"
        changed = {k: v for k, v in values.items() if old[k] != v}
        if changed:
            audit.record(session, principal, "row.update", entity=table_name, entity_id=row_id,
                         old=to_wire(table_name, {k: old[k] for k in changed}), new=to_wire(table_name, changed))
        return WriteOutcome(obj.row_version, obj.server_seq, dropped)
    session.flush()
    if set(values) & _SCOPE_COLUMNS:  # only these can move a row out of someone's scope
        _require_scope(session, principal, table_name, row_id)
    changed = {k: v for k, v in values.items() if old[k] != v}
    if changed:
        audit.record(session, principal, "row.update", entity=table_name, entity_id=row_id,
                     old=to_wire(table_name, {k: old[k] for k in changed}), new=to_wire(table_name, changed))
    return WriteOutcome(obj.row_version, obj.server_seq, dropped)


def delete_row(session: Session, principal: Principal, table_name: str, row_id: str,
               *, base_version: int | None) -> WriteOutcome:
    rule = _rule(principal, table_name)
    obj = _live_row(session, principal, table_name, row_id)
    if base_version is not None and base_version != obj.row_version and rule.policy == "manual":
        raise VersionConflictError("该记录已被他人修改 (changed by someone else)",
                                   {"fields": [], "row": to_wire(table_name, _as_dict(obj))})
    if rule.transition is not None:
        rule.transition(session, principal, _as_dict(obj), {**_as_dict(obj), "deleted": True})
    obj.deleted = True
    obj.updated_by = principal.username
    session.flush()
    audit.record(session, principal, "row.delete", entity=table_name, entity_id=row_id,
                 old=to_wire(table_name, _as_dict(obj)))
    return WriteOutcome(obj.row_version, obj.server_seq)


def is_simple_patch(table_name: str, kind: str, fields: Mapping[str, Any]) -> bool:
    """A patch that cannot move its row out of anyone's scope and has no transition: every
    check it needs runs before it changes anything, so a batch of them needs no savepoints."""
    rule = RULES.get(table_name)
    return (kind == "patch" and rule is not None and rule.transition is None
            and not set(fields) & _SCOPE_COLUMNS)


def preload(session: Session, principal: Principal, table_name: str,
            row_ids: list[str]) -> tuple[list[Replicated], frozenset[str]]:
    """Load rows into the session in one query per 500; returns them (hold on to them: the
    session keeps loaded rows only while someone does) and the ids in the principal's scope."""
    model = _model(table_name)
    table = Base.metadata.tables[table_name]
    rows: list[Replicated] = []
    for start in range(0, len(row_ids), 500):
        rows.extend(session.scalars(select(model).where(table.c.id.in_(row_ids[start:start + 500]))))
    if whole_table_in_scope(principal, table_name):
        return rows, frozenset(row_ids)
    return rows, frozenset(scoped_ids(session, principal, table_name, row_ids))


def _live_row(session: Session, principal: Principal, table_name: str, row_id: str,
              scoped: frozenset[str] | None = None) -> Replicated:
    obj = session.get(_model(table_name), row_id)
    allowed = (row_id in scoped) if scoped is not None else (
        whole_table_in_scope(principal, table_name) or in_scope(session, principal, table_name, row_id))
    if obj is None or not allowed:
        raise NotFoundError("记录不存在或不在您的范围内 (no such row in your scope)", {"id": row_id})
    if obj.deleted:
        raise VersionConflictError("该记录已被删除 (deleted on the server)",
                                   {"fields": [], "row": to_wire(table_name, _as_dict(obj))})
    return obj


def _require_scope(session: Session, principal: Principal, table_name: str, row_id: str) -> None:
    if not whole_table_in_scope(principal, table_name) and not in_scope(session, principal, table_name, row_id):
        raise PermissionDeniedError("超出您的数据范围 (outside your scope)", {"table": table_name, "id": row_id},
                                    code="out_of_scope")


def _as_dict(obj: Replicated) -> dict[str, Any]:
    return {c.name: getattr(obj, c.key) for c in obj.__table__.c}  # type: ignore[attr-defined]


model_of = _model

__all__ = ["RULES", "DomainError", "TableRule", "VersionConflictError", "WriteOutcome", "create_row",
           "delete_row", "is_simple_patch", "model_of", "patch_row", "preload"]
