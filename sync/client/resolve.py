"""Deciding conflicts and rejections, and carrying unsent work to a file and back.

Keep mine re-sends the user's values based on the server's current version (so they apply);
take theirs drops the user's values (the replica already shows the server's row); edit sends
values the user chose. Each decision is a new op, and the conflict is marked resolved in the
same transaction, so a decision is never half-taken.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import insert, select, update

from sync.client import schema as s
from sync.client.store import ReplicaStore

Resolution = Literal["keep_mine", "take_theirs", "edit"]
EXPORT_FORMAT = "jiaowu-unsent-changes/1"


def resolve(store: ReplicaStore, conflict_id: int, how: Resolution, values: dict[str, Any] | None = None) -> str | None:
    """Decide one conflict; returns the new op id (None for take theirs).

    Raises:
        KeyError: no unresolved conflict with this id.
        ValueError: ``edit`` without values.
    """
    with store.engine.begin() as conn:
        c = conn.execute(select(s.conflicts).where(s.conflicts.c.id == conflict_id,
                                                   s.conflicts.c.resolved_at.is_(None))).mappings().first()
        if c is None:
            raise KeyError(conflict_id)
        op_id = None
        if how != "take_theirs":
            mine = json.loads(c["fields"])
            if how == "edit":
                if not values:
                    raise ValueError("edit needs the values to send")
                mine = values
            theirs = json.loads(c["server_row"]) if c["server_row"] else None
            op_id = _requeue(store, conn, c, mine, theirs)
        conn.execute(update(s.conflicts).where(s.conflicts.c.id == conflict_id)
                     .values(resolved_at=datetime.now(UTC).isoformat(), resolution=how))
    return op_id


def _requeue(store: ReplicaStore, conn: Any, c: Any, mine: dict[str, Any], theirs: dict[str, Any] | None) -> str:
    table, row_id = c["table_name"], c["row_id"]
    t = s.REPLICA[table]
    local = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
    kind = c["kind"]
    if theirs is None and local is None and kind != "delete":
        kind = "create"  # a rejected create: send it again as a create
    if kind == "patch" and local is None and theirs is None:
        raise KeyError(f"{table} {row_id} is no longer in the replica")
    base_row = theirs if theirs is not None else ({k: v for k, v in dict(local).items()} if local else {})
    base = {k: base_row.get(k) for k in mine} if kind == "patch" else {}
    op_id = str(uuid.uuid4())
    conn.execute(insert(s.outbox).values(
        op_id=op_id, client_id=store.client_id, table_name=table, row_id=row_id, kind=kind,
        base_version=base_row.get("row_version"), fields=json.dumps(mine, ensure_ascii=False, default=str),
        base=json.dumps(base, ensure_ascii=False, default=str), made_at=datetime.now(UTC).isoformat()))
    if kind in ("patch", "create") and mine:
        values = mine  # the replica keeps wire values
        if local is not None:
            conn.execute(update(t).where(t.c.id == row_id).values(**values))
        else:
            conn.execute(insert(t).values(id=row_id, row_version=0, server_seq=0, deleted=False, **values))
    return op_id


def export_unsent(store: ReplicaStore, path: Path) -> int:
    """Write every unsent op (with its client id, so a re-import is still exactly-once) to a file."""
    ops = [{"client_id": cid, **op.model_dump(mode="json")} for cid, op in store.pending_ops(1_000_000)]
    payload = {"format": EXPORT_FORMAT, "exported_at": datetime.now(UTC).isoformat(),
               "client_id": store.client_id, "ops": ops}
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return len(ops)


def import_unsent(store: ReplicaStore, path: Path) -> int:
    """Queue the ops of an export file; ops already queued or answered are skipped.

    Raises:
        ValueError: the file is not an export of unsent changes.
    """
    payload = json.loads(path.read_text(encoding="utf-8"))
    if payload.get("format") != EXPORT_FORMAT:
        raise ValueError(f"{path.name}: not a file of unsent changes ({EXPORT_FORMAT})")
    added = 0
    with store.engine.begin() as conn:
        known = {r[0] for r in conn.execute(select(s.outbox.c.op_id))}
        known |= {r[0] for r in conn.execute(select(s.conflicts.c.op_id))}
        for op in payload["ops"]:
            if op["op_id"] in known:
                continue
            conn.execute(insert(s.outbox).values(
                op_id=op["op_id"], client_id=op["client_id"], table_name=op["table"], row_id=op["row_id"],
                kind=op["kind"], base_version=op.get("base_version"),
                fields=json.dumps(op.get("fields", {}), ensure_ascii=False),
                base=json.dumps(op.get("base", {}), ensure_ascii=False),
                made_at=op.get("made_at") or datetime.now(UTC).isoformat()))
            added += 1
    return added
