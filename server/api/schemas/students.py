"""Wire schemas of status changes, batch promotion and certificates (separate from the ORM)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from server.api.schemas.common import Strict

Id = Field(min_length=1, max_length=36)


class StatusChangeCreate(Strict):
    student_id: str = Id
    change_type: str = Field(min_length=1, max_length=20)
    reason: str = Field(min_length=1, max_length=2000)
    document_number: str = Field(default="", max_length=50)
    effective_date: date | None = None
    to_class_id: str | None = Field(default=None, max_length=36)
    to_major_id: str | None = Field(default=None, max_length=36)
    submit: bool = False  # draft and submit at once


class StatusChangeUpdate(Strict):
    change_type: str | None = Field(default=None, min_length=1, max_length=20)
    reason: str | None = Field(default=None, min_length=1, max_length=2000)
    document_number: str | None = Field(default=None, max_length=50)
    effective_date: date | None = None
    to_class_id: str | None = Field(default=None, max_length=36)
    to_major_id: str | None = Field(default=None, max_length=36)


class ApproveIn(Strict):
    to_class_id: str | None = Field(default=None, max_length=36)  # the class, for resume (and repeat, demote…)
    note: str | None = Field(default=None, max_length=2000)


class RejectIn(Strict):
    reason: str = Field(min_length=1, max_length=2000)


class PreviewIn(Strict):
    student_id: str = Id
    change_type: str = Field(min_length=1, max_length=20)
    effective_date: date | None = None
    to_class_id: str | None = Field(default=None, max_length=36)


class EffectPublic(BaseModel):
    field: str
    old: str | int | date | None
    new: str | int | date | None
    old_label: str
    new_label: str
    stored: bool
    pending: bool


class StatusChangePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    student_id: str
    department_id: str
    change_type: str
    state: str
    from_status: str
    to_status: str | None
    from_class_id: str | None
    to_class_id: str | None
    from_major_id: str | None
    to_major_id: str | None
    from_cohort: int | None
    to_cohort: int | None
    reason: str
    document_number: str
    effective_date: date | None
    batch_id: str | None
    drafted_by: str | None
    submitted_at: datetime | None
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str
    applied_at: datetime | None
    row_version: int


class BatchExceptionIn(Strict):
    student_id: str = Id
    change_type: Literal["repeat", "skip"]
    to_class_id: str | None = Field(default=None, max_length=36)
    reason: str = Field(default="", max_length=2000)


class BatchPromotionIn(Strict):
    cohort: int = Field(ge=1900, le=2999)
    effective_date: date
    reason: str = Field(min_length=1, max_length=2000)
    document_number: str = Field(min_length=1, max_length=50)
    major_id: str | None = Field(default=None, max_length=36)
    department_id: str | None = Field(default=None, max_length=36)
    exceptions: list[BatchExceptionIn] = Field(default_factory=list, max_length=5000)
    approve: bool = False  # with status.approve: approve and apply in the same transaction


class BatchLinePublic(BaseModel):
    student_id: str
    number: str
    name: str
    class_label: str
    status: str
    action: str
    note: str
    to_class_id: str | None
    effects: list[EffectPublic]


class BatchPreviewPublic(BaseModel):
    lines: list[BatchLinePublic]
    counts: dict[str, int]


class BatchPublic(BaseModel):
    batch_id: str
    changes: list[StatusChangePublic]


class CertificateIssue(Strict):
    student_id: str = Id
    kind: str = Field(min_length=1, max_length=20)
    issued_on: date | None = None


class VoidIn(Strict):
    reason: str = Field(min_length=1, max_length=200)


class CertificatePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    kind: str
    number: str
    student_id: str
    issued_on: date
    issued_by: str | None
    void: bool
    void_reason: str
    row_version: int
