"""Push: apply each client op in its own savepoint, exactly once (DESIGN §5).

The answer to every op is stored under ``(client_id, op_id)`` in the same transaction as its
effect, so a replayed op (a retry after a lost response, a duplicated delivery) gets the
stored answer and changes nothing. A rule or permission that says no makes the op
``rejected``; a same-field edit on both sides makes it a ``conflict`` with the server's row.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import ConflictError, DomainError
from core.models import AppliedOp
from server.services import replica_writes as writes
from server.services.principal import Principal
from sync.protocol import Op, OpKind, OpResult, OpStatus, PushRequest, PushResponse


def push(session: Session, principal: Principal, request: PushRequest) -> PushResponse:
    results: list[OpResult] = []
    answered = {
        row.op_id: row.result for row in session.scalars(select(AppliedOp).where(
            AppliedOp.client_id == request.client_id, AppliedOp.op_id.in_([op.op_id for op in request.ops])))
    }
    for op in request.ops:
        if op.op_id in answered:
            results.append(OpResult.model_validate_json(answered[op.op_id]).model_copy(update={"replayed": True}))
            continue
        result = _apply_one(session, principal, op)
        session.add(AppliedOp(client_id=request.client_id, op_id=op.op_id, user_id=principal.user_id,
                              result=result.model_dump_json()))
        answered[op.op_id] = result.model_dump_json()  # the same op twice in one request: once
        results.append(result)
    return PushResponse(results=results)


def _apply_one(session: Session, principal: Principal, op: Op) -> OpResult:
    savepoint = session.begin_nested()
    try:
        outcome = _dispatch(session, principal, op)
    except writes.VersionConflictError as exc:
        savepoint.rollback()
        return OpResult(op_id=op.op_id, status=OpStatus.CONFLICT, code=exc.code, message=exc.message,
                        conflict_fields=list(exc.details.get("fields", [])), server_row=exc.details.get("row"))
    except DomainError as exc:
        savepoint.rollback()
        code = exc.code if not isinstance(exc, ConflictError) or exc.code != "conflict" else "rejected"
        return OpResult(op_id=op.op_id, status=OpStatus.REJECTED, code=code, message=exc.message,
                        conflict_fields=[f["field"] for f in exc.details.get("fields", [])])
    savepoint.commit()
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, row_version=outcome.row_version,
                    server_seq=outcome.server_seq, conflict_fields=list(outcome.dropped_fields),
                    code="merged_server_won" if outcome.dropped_fields else "")


def _dispatch(session: Session, principal: Principal, op: Op) -> writes.WriteOutcome:
    if op.kind == OpKind.CREATE:
        return writes.create_row(session, principal, op.table, op.row_id, op.fields)
    if op.kind == OpKind.PATCH:
        return writes.patch_row(session, principal, op.table, op.row_id, op.fields,
                                base_version=op.base_version, base=op.base)
    if op.kind == OpKind.DELETE:
        return writes.delete_row(session, principal, op.table, op.row_id, base_version=op.base_version)
    raise DomainError(f"未知的操作 {op.kind} (unknown operation)", {"kind": op.kind}, code="unknown_command")
