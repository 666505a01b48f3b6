"""Scholarships, grants and loans 奖助贷: /aid/… (aid.read, aid.write, aid.approve)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from core.models import AidType
from server.api.deps import SessionDep, require
from server.api.schemas.aid import (
    AidTypeCreate,
    AidTypePublic,
    AidTypeUpdate,
    ApplicationCreate,
    AwardPublic,
    DecisionIn,
    EligibilityIn,
    QuotaPublic,
    QuotaSet,
    ReviewIn,
    SummaryPublic,
)
from server.api.schemas.common import Message, Page
from server.services import aid
from server.services.aid import AwardQuery, AwardRow, QuotaRow
from server.services.principal import Principal

router = APIRouter(prefix="/aid", tags=["aid"])
ReaderDep = Annotated[Principal, Depends(require("aid.read"))]
WriterDep = Annotated[Principal, Depends(require("aid.write"))]
ApproverDep = Annotated[Principal, Depends(require("aid.approve"))]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _type(t: AidType) -> AidTypePublic:
    return AidTypePublic(id=t.id, code=t.code, name=t.name, name_en=t.name_en, kind=t.kind, amount=t.amount,
                         rules=json.loads(t.rules or "{}"), row_version=t.row_version)


def _quota(q: QuotaRow) -> QuotaPublic:
    return QuotaPublic(id=q.quota.id, aid_type_id=q.quota.aid_type_id, academic_year=q.quota.academic_year,
                       department_id=q.quota.department_id, quota=q.quota.quota, used=q.used, pending=q.pending)


def _award(r: AwardRow) -> AwardPublic:
    a = r.award
    return AwardPublic(
        id=a.id, aid_type_id=a.aid_type_id, aid_type_code=r.aid_type_code, aid_type_name=r.aid_type_name,
        academic_year=a.academic_year, student_id=a.student_id, student_number=r.student_number,
        student_name=r.student_name, class_name=r.class_name, department_id=a.department_id,
        department_name=r.department_name, amount=a.amount, state=a.state, application_text=a.application_text,
        eligibility=json.loads(a.eligibility_report or "{}"), reviewed_by=a.reviewed_by, decided_by=a.decided_by,
        decided_at=a.decided_at, decision_reason=a.decision_reason, row_version=a.row_version)


@router.get("/types", response_model=list[AidTypePublic])
def list_types(session: SessionDep, _actor: ReaderDep) -> list[AidTypePublic]:
    return [_type(t) for t in aid.list_types(session)]


@router.post("/types", response_model=AidTypePublic, status_code=201)
def create_type(body: AidTypeCreate, session: SessionDep, actor: ApproverDep) -> AidTypePublic:
    return _type(aid.create_type(session, actor, body.model_dump()))


@router.patch("/types/{type_id}", response_model=AidTypePublic)
def update_type(type_id: str, body: AidTypeUpdate, session: SessionDep, actor: ApproverDep) -> AidTypePublic:
    return _type(aid.update_type(session, actor, type_id, body.model_dump(exclude_unset=True)))


@router.delete("/types/{type_id}", response_model=Message)
def delete_type(type_id: str, session: SessionDep, actor: ApproverDep) -> Message:
    aid.delete_type(session, actor, type_id)
    return Message(message="奖助类型已删除 (award type deleted)")


@router.get("/quotas", response_model=list[QuotaPublic])
def list_quotas(session: SessionDep, actor: ReaderDep, academic_year: str | None = None,
                department_id: str | None = None, aid_type_id: str | None = None) -> list[QuotaPublic]:
    rows = aid.list_quotas(session, actor, academic_year=academic_year, department_id=department_id,
                           aid_type_id=aid_type_id)
    return [_quota(q) for q in rows]


@router.put("/quotas", response_model=QuotaPublic)
def set_quota(body: QuotaSet, session: SessionDep, actor: ApproverDep) -> QuotaPublic:
    return _quota(aid.set_quota(session, actor, body.model_dump()))


@router.post("/eligibility")
def check_eligibility(body: EligibilityIn, session: SessionDep, actor: ReaderDep) -> dict[str, object]:
    return aid.eligibility(session, actor, **body.model_dump())


def _query(academic_year: str | None = None, department_id: str | None = None, aid_type_id: str | None = None,
           state: str | None = None, q: str = "", page: Annotated[int, Query(ge=1)] = 1,
           size: Annotated[int, Query(ge=1, le=500)] = 50) -> AwardQuery:
    return AwardQuery(academic_year, department_id, aid_type_id, state, q, page, size)


QueryDep = Annotated[AwardQuery, Depends(_query)]


@router.get("/awards", response_model=Page[AwardPublic])
def list_awards(session: SessionDep, actor: ReaderDep, query: QueryDep) -> Page[AwardPublic]:
    rows, total = aid.search_awards(session, actor, query)
    return Page(items=[_award(r) for r in rows], total=total, page=query.page, size=query.size)


@router.post("/awards", response_model=AwardPublic, status_code=201)
def apply(body: ApplicationCreate, session: SessionDep, actor: WriterDep) -> AwardPublic:
    award = aid.apply(session, actor, body.model_dump(exclude_none=True))
    return _award(aid.get_award_row(session, actor, award.id))


@router.get("/awards/{award_id}", response_model=AwardPublic)
def get_award(award_id: str, session: SessionDep, actor: ReaderDep) -> AwardPublic:
    return _award(aid.get_award_row(session, actor, award_id))


@router.post("/awards/{award_id}/review", response_model=AwardPublic)
def review(award_id: str, body: ReviewIn, session: SessionDep, actor: WriterDep) -> AwardPublic:
    aid.review(session, actor, award_id, **body.model_dump())
    return _award(aid.get_award_row(session, actor, award_id))


@router.post("/awards/{award_id}/approve", response_model=AwardPublic)
def approve(award_id: str, body: DecisionIn, session: SessionDep, actor: ApproverDep) -> AwardPublic:
    aid.decide(session, actor, award_id, approve=True, reason=body.reason)
    return _award(aid.get_award_row(session, actor, award_id))


@router.post("/awards/{award_id}/reject", response_model=AwardPublic)
def reject(award_id: str, body: DecisionIn, session: SessionDep, actor: ApproverDep) -> AwardPublic:
    aid.decide(session, actor, award_id, approve=False, reason=body.reason)
    return _award(aid.get_award_row(session, actor, award_id))


@router.get("/summary", response_model=list[SummaryPublic])
def summary(academic_year: str, session: SessionDep, actor: ReaderDep) -> list[SummaryPublic]:
    return [SummaryPublic(**vars(r)) for r in aid.summary(session, actor, academic_year)]


@router.get("/export", response_class=Response)
def export(session: SessionDep, actor: ReaderDep, query: QueryDep) -> Response:
    name = f"aid-{query.academic_year or 'all'}.xlsx"
    return Response(aid.export_xlsx(session, actor, query), media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
