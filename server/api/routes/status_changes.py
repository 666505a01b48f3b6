"""Status changes 学籍异动: draft, submit, recall, approve, reject, preview, timeline, batch promotion.

Thin: schema in, one service call, schema out. Scope (a secretary's own department) and
the workflow rules are the services'; each route declares its permission here.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from core.rules.enums import ApprovalState
from core.rules.student_status import Effect
from server.api.deps import SessionDep, require
from server.api.schemas.common import Message, Page
from server.api.schemas.students import (
    ApproveIn,
    BatchLinePublic,
    BatchPreviewPublic,
    BatchPromotionIn,
    BatchPublic,
    EffectPublic,
    PreviewIn,
    RejectIn,
    StatusChangeCreate,
    StatusChangePublic,
    StatusChangeUpdate,
)
from server.services import status_batches, status_changes
from server.services.principal import Principal
from server.services.status_batches import BatchException, BatchLine, BatchRequest

router = APIRouter(tags=["status changes"])
ReaderDep = Annotated[Principal, Depends(require("students.read"))]
SubmitterDep = Annotated[Principal, Depends(require("status.submit"))]
ApproverDep = Annotated[Principal, Depends(require("status.approve"))]
A = ApprovalState


def _effects(effects: list[Effect]) -> list[EffectPublic]:
    return [EffectPublic(**e.__dict__) for e in effects]


def _public(change: object) -> StatusChangePublic:
    return StatusChangePublic.model_validate(change)


@router.post("/status-changes", response_model=StatusChangePublic, status_code=201)
def create_change(body: StatusChangeCreate, session: SessionDep, actor: SubmitterDep) -> StatusChangePublic:
    data = body.model_dump(exclude={"submit"})
    return _public(status_changes.draft(session, actor, data, submit=body.submit))


@router.get("/status-changes", response_model=Page[StatusChangePublic])
def list_changes(session: SessionDep, actor: ReaderDep, state: str | None = None, student_id: str | None = None,
                 batch_id: str | None = None, change_type: str | None = None,
                 page: Annotated[int, Query(ge=1)] = 1,
                 size: Annotated[int, Query(ge=1, le=500)] = 50) -> Page[StatusChangePublic]:
    query = status_changes.ChangeQuery(state, student_id, batch_id, change_type, page, size)
    rows, total = status_changes.search(session, actor, query)
    return Page(items=[_public(c) for c in rows], total=total, page=page, size=size)


@router.post("/status-changes/preview", response_model=list[EffectPublic])
def preview_new(body: PreviewIn, session: SessionDep, actor: SubmitterDep) -> list[EffectPublic]:
    return _effects(status_changes.preview(session, actor, body.model_dump()))


@router.get("/status-changes/{change_id}", response_model=StatusChangePublic)
def get_change(change_id: str, session: SessionDep, actor: ReaderDep) -> StatusChangePublic:
    return _public(status_changes.change_in_scope(session, actor, change_id))


@router.get("/status-changes/{change_id}/preview", response_model=list[EffectPublic])
def preview_change(change_id: str, session: SessionDep, actor: ReaderDep,
                   to_class_id: str | None = None) -> list[EffectPublic]:
    return _effects(status_changes.preview_change(session, actor, change_id, to_class_id))


@router.patch("/status-changes/{change_id}", response_model=StatusChangePublic)
def edit_change(change_id: str, body: StatusChangeUpdate, session: SessionDep,
                actor: SubmitterDep) -> StatusChangePublic:
    return _public(status_changes.edit(session, actor, change_id, body.model_dump(exclude_unset=True)))


@router.delete("/status-changes/{change_id}", response_model=Message)
def delete_change(change_id: str, session: SessionDep, actor: SubmitterDep) -> Message:
    status_changes.delete_draft(session, actor, change_id)
    return Message(message="草稿已删除 (draft deleted)")


@router.post("/status-changes/{change_id}/submit", response_model=StatusChangePublic)
def submit_change(change_id: str, session: SessionDep, actor: SubmitterDep) -> StatusChangePublic:
    return _public(status_changes.set_state(session, actor, change_id, A.SUBMITTED))


@router.post("/status-changes/{change_id}/recall", response_model=StatusChangePublic)
def recall_change(change_id: str, session: SessionDep, actor: SubmitterDep) -> StatusChangePublic:
    return _public(status_changes.set_state(session, actor, change_id, A.DRAFT))


@router.post("/status-changes/{change_id}/approve", response_model=StatusChangePublic)
def approve_change(change_id: str, body: ApproveIn, session: SessionDep, actor: ApproverDep) -> StatusChangePublic:
    return _public(status_changes.set_state(session, actor, change_id, A.APPROVED, to_class_id=body.to_class_id,
                                            decision_reason=body.note))


@router.post("/status-changes/{change_id}/reject", response_model=StatusChangePublic)
def reject_change(change_id: str, body: RejectIn, session: SessionDep, actor: ApproverDep) -> StatusChangePublic:
    return _public(status_changes.set_state(session, actor, change_id, A.REJECTED, decision_reason=body.reason))


@router.get("/students/{student_id}/status-changes", response_model=list[StatusChangePublic])
def student_timeline(student_id: str, session: SessionDep, actor: ReaderDep) -> list[StatusChangePublic]:
    return [_public(c) for c in status_changes.timeline(session, actor, student_id)]


def _request(body: BatchPromotionIn) -> BatchRequest:
    data = body.model_dump()
    return BatchRequest(**{**data, "exceptions": [BatchException(**e) for e in data["exceptions"]]})


def _line(line: BatchLine) -> BatchLinePublic:
    return BatchLinePublic(**{**line.__dict__, "effects": _effects(line.effects)})


@router.post("/status-changes/batch-promotion/preview", response_model=BatchPreviewPublic)
def preview_batch(body: BatchPromotionIn, session: SessionDep, actor: SubmitterDep) -> BatchPreviewPublic:
    lines = status_batches.preview_batch(session, actor, _request(body))
    counts = {action: sum(1 for ln in lines if ln.action == action) for action in ("promote", "repeat", "skip", "error")}
    return BatchPreviewPublic(lines=[_line(ln) for ln in lines], counts=counts)


@router.post("/status-changes/batch-promotion", response_model=BatchPublic, status_code=201)
def commit_batch(body: BatchPromotionIn, session: SessionDep, actor: SubmitterDep) -> BatchPublic:
    batch_id, rows = status_batches.commit_batch(session, actor, _request(body))
    return BatchPublic(batch_id=batch_id, changes=[_public(c) for c in rows])


@router.post("/status-changes/batches/{batch_id}/approve", response_model=BatchPublic)
def approve_batch(batch_id: str, session: SessionDep, actor: ApproverDep) -> BatchPublic:
    rows = status_batches.decide_batch(session, actor, batch_id, approve=True)
    return BatchPublic(batch_id=batch_id, changes=[_public(c) for c in rows])


@router.post("/status-changes/batches/{batch_id}/reject", response_model=BatchPublic)
def reject_batch(batch_id: str, body: RejectIn, session: SessionDep, actor: ApproverDep) -> BatchPublic:
    rows = status_batches.decide_batch(session, actor, batch_id, approve=False, reason=body.reason)
    return BatchPublic(batch_id=batch_id, changes=[_public(c) for c in rows])
