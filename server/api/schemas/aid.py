"""Wire schemas of scholarships, grants and loans 奖助贷 (separate from the ORM rows)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from server.api.schemas.common import Strict

Kind = Literal["scholarship", "grant", "loan"]
Need = Literal["general", "ordinary", "special"]
YEAR = r"^\d{4}-\d{4}$"


class AidTypeCreate(Strict):
    code: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=100)
    name_en: str = Field(default="", max_length=200)
    kind: Kind
    amount: Decimal = Field(gt=0, max_digits=10, decimal_places=2)
    rules: dict[str, Any] = Field(default_factory=dict)


class AidTypeUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    name_en: str | None = Field(default=None, max_length=200)
    kind: Kind | None = None
    amount: Decimal | None = Field(default=None, gt=0, max_digits=10, decimal_places=2)
    rules: dict[str, Any] | None = None


class AidTypePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    code: str
    name: str
    name_en: str
    kind: str
    amount: Decimal
    rules: dict[str, Any]
    row_version: int


class QuotaSet(Strict):
    aid_type_id: str = Field(min_length=1, max_length=36)
    academic_year: str = Field(pattern=YEAR)
    department_id: str = Field(min_length=1, max_length=36)
    quota: int = Field(ge=0, le=100_000)


class QuotaPublic(BaseModel):
    id: str
    aid_type_id: str
    academic_year: str
    department_id: str
    quota: int
    used: int
    pending: int


class EligibilityIn(Strict):
    aid_type_id: str = Field(min_length=1, max_length=36)
    academic_year: str = Field(pattern=YEAR)
    student_id: str = Field(min_length=1, max_length=36)
    financial_need: Need | None = None


class ApplicationCreate(EligibilityIn):
    application_text: str = Field(default="", max_length=4000)
    amount: Decimal | None = Field(default=None, gt=0, max_digits=10, decimal_places=2)


class ReviewIn(Strict):
    comment: str = Field(default="", max_length=2000)
    financial_need: Need | None = None
    amount: Decimal | None = Field(default=None, gt=0, max_digits=10, decimal_places=2)


class DecisionIn(Strict):
    reason: str = Field(default="", max_length=2000)


class AwardPublic(BaseModel):
    id: str
    aid_type_id: str
    aid_type_code: str
    aid_type_name: str
    academic_year: str
    student_id: str
    student_number: str
    student_name: str
    class_name: str | None
    department_id: str
    department_name: str
    amount: Decimal
    state: str
    application_text: str
    eligibility: dict[str, Any]
    reviewed_by: str | None
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str
    row_version: int


class SummaryPublic(BaseModel):
    department_id: str
    aid_type_id: str
    quota: int | None
    submitted: int
    approved: int
    rejected: int
    approved_amount: Decimal
