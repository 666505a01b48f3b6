"""Push: apply each client op exactly once (DESIGN §5).

The answer to every op is stored under ``(client_id, op_id)`` in the same transaction as its
effect, so a replayed op (a retry after a lost response, a duplicated delivery) gets the
stored answer and changes nothing. A rule or permission that says no makes the op
``rejected``; a same-field edit on both sides makes it a ``conflict`` with the server's row.

Two ways to apply a batch, with the same results:

* **per op**: each op in its own savepoint, flushed on its own (any op kind, any table);
* **as one batch**, when every op is a simple patch (no transition, no field that moves a row
  between scopes — grade entry, record edits): rows and their scope are read with one query
  per table, every check runs before an op changes anything (so a refused op needs no
  rollback), and one flush writes all rows, audit entries and answers. Should that flush
  fail (a unique key two ops of the batch both claim), the batch is undone and applied per op.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from core.errors import ConflictError, DomainError
from core.models import AppliedOp
from server.services import replica_writes as writes
from server.services.principal import Principal
from sync.protocol import Op, OpKind, OpResult, OpStatus, PushRequest, PushResponse


def push(session: Session, principal: Principal, request: PushRequest) -> PushResponse:
    answered = {
        row.op_id: row.result for row in session.scalars(select(AppliedOp).where(
            AppliedOp.client_id == request.client_id, AppliedOp.op_id.in_([op.op_id for op in request.ops])))
    }
    fresh = list({op.op_id: op for op in request.ops if op.op_id not in answered}.values())
    batch = _push_batch(session, principal, request.client_id, fresh) if _batchable(fresh) else None
    results: list[OpResult] = []
    for op in request.ops:
        if op.op_id in answered:
            results.append(OpResult.model_validate_json(answered[op.op_id]).model_copy(update={"replayed": True}))
            continue
        if batch is not None:
            result = batch[op.op_id]
        else:
            result = _apply_one(session, principal, op)
            session.add(AppliedOp(client_id=request.client_id, op_id=op.op_id, user_id=principal.user_id,
                                  result=result.model_dump_json()))
        answered[op.op_id] = result.model_dump_json()  # the same op twice in one request: once
        results.append(result)
    return PushResponse(results=results)


def _batchable(ops: list[Op]) -> bool:
    return len(ops) > 1 and all(writes.is_simple_patch(op.table, op.kind, op.fields) for op in ops)


def _push_batch(session: Session, principal: Principal, client_id: str, ops: list[Op]) -> dict[str, OpResult] | None:
    """Apply simple patches as one batch; None when it had to be undone (then apply per op)."""
    savepoint = session.begin_nested()
    try:
        with session.no_autoflush:
            loaded = {table: writes.preload(session, principal, table, [op.row_id for op in ops if op.table == table])
                      for table in {op.table for op in ops}}
            scoped = {table: ids for table, (_rows, ids) in loaded.items()}
            results: dict[str, OpResult] = {}
            applied: list[tuple[Op, tuple[str, ...]]] = []
            for op in ops:
                try:
                    outcome = writes.patch_row(session, principal, op.table, op.row_id, op.fields,
                                               base_version=op.base_version, base=op.base, flush=False,
                                               scoped=scoped[op.table])
                except DomainError as exc:
                    results[op.op_id] = _refusal(op, exc)
                else:
                    applied.append((op, outcome.dropped_fields))
        session.flush()  # row versions and sequence numbers for every changed row, in one go
        for op, dropped in applied:
            row = session.get(writes.model_of(op.table), op.row_id)
            assert row is not None
            results[op.op_id] = OpResult(op_id=op.op_id, status=OpStatus.APPLIED, row_version=row.row_version,
                                         server_seq=row.server_seq, conflict_fields=list(dropped),
                                         code="merged_server_won" if dropped else "")
        session.add_all([AppliedOp(client_id=client_id, op_id=op.op_id, user_id=principal.user_id,
                                   result=results[op.op_id].model_dump_json()) for op in ops])
        session.flush()
    except SQLAlchemyError:
        savepoint.rollback()
        return None
    savepoint.commit()
    return results


def _refusal(op: Op, exc: DomainError) -> OpResult:
    if isinstance(exc, writes.VersionConflictError):
        return OpResult(op_id=op.op_id, status=OpStatus.CONFLICT, code=exc.code, message=exc.message,
                        conflict_fields=list(exc.details.get("fields", [])), server_row=exc.details.get("row"))
    code = exc.code if not isinstance(exc, ConflictError) or exc.code != "conflict" else "rejected"
    return OpResult(op_id=op.op_id, status=OpStatus.REJECTED, code=code, message=exc.message,
                    conflict_fields=[f["field"] for f in exc.details.get("fields", [])])


def _apply_one(session: Session, principal: Principal, op: Op) -> OpResult:
    savepoint = session.begin_nested()
    try:
        outcome = _dispatch(session, principal, op)
    except DomainError as exc:
        savepoint.rollback()
        return _refusal(op, exc)
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
