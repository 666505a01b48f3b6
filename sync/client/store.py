"""The local replica: a SQLite file with the user's scope of the data, the outbox of
unsent edits, the pull cursor and the conflict list (DESIGN §5).

Every local edit goes to its table and to the outbox in one transaction (:meth:`write`).
An op leaves the outbox only in the transaction that records the server's answer
(:meth:`record_results`), and a pulled page and the cursor after it are stored together
(:meth:`apply_page`), so a crash at any point loses nothing and repeats at most one page.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)

from core.models.wire import SYSTEM_COLUMNS, to_wire
from sync.client import schema as s
from sync.protocol import Op, OpResult, OpStatus, PullResponse


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # cache_size: 32 MiB per connection, so the screens' scans (the student search) stay in memory.
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=OFF", "busy_timeout=30000",
                   "cache_size=-32768"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


class ReplicaStore:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(f"sqlite:///{self.path}", connect_args={"check_same_thread": False})
        event.listen(self.engine, "connect", _pragmas)
        # Bumped by every committed transaction: readers that cache what they read (the student
        # search) compare it to know whether the replica may have changed since.
        self.generation = 0
        event.listen(self.engine, "commit", self._on_commit)
        with self.engine.begin() as conn:
            s.migrate(conn)
            if self._get(conn, "client_id") is None:
                self._set(conn, "client_id", str(uuid.uuid4()))

    def close(self) -> None:
        self.engine.dispose()

    def _on_commit(self, _conn: Connection) -> None:
        self.generation += 1

    # -- state ---------------------------------------------------------------------------
    @staticmethod
    def _get(conn: Connection, key: str) -> str | None:
        return conn.execute(select(s.state.c.value).where(s.state.c.key == key)).scalar()

    @staticmethod
    def _set(conn: Connection, key: str, value: str | None) -> None:
        conn.execute(delete(s.state).where(s.state.c.key == key))
        if value is not None:
            conn.execute(insert(s.state).values(key=key, value=value))

    def get_state(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return self._get(conn, key)

    def set_state(self, key: str, value: str | None) -> None:
        with self.engine.begin() as conn:
            self._set(conn, key, value)

    @property
    def client_id(self) -> str:
        return self.get_state("client_id") or ""

    # -- local edits ---------------------------------------------------------------------
    def write(self, table: str, row_id: str, kind: str, fields: Mapping[str, Any] | None = None) -> str:
        """Apply an edit locally and queue it for the server, atomically; returns the op id.

        ``fields`` are Python values of the table's columns. ``kind`` is create, patch,
        delete, or a named command whose fields the server interprets.
        """
        return self.write_many([(table, row_id, kind, fields)])[0]

    def write_many(self, edits: Sequence[tuple[str, str, str, Mapping[str, Any] | None]]) -> list[str]:
        """Several edits (table, row id, kind, fields), each with its outbox op, in ONE transaction:
        all are applied and queued, or none (an import of many rows). Returns the op ids in order.

        Raises:
            ValueError: a field is not writable, or a created row exists already (nothing is written).
            KeyError: a patched or deleted row is not in the replica (nothing is written).
        """
        prepared: list[tuple[str, str, str, dict[str, Any], str]] = []
        for table, row_id, kind, fields in edits:
            bad = sorted(set(fields or {}) - set(s.REPLICA[table].c.keys()) | (set(fields or {}) & SYSTEM_COLUMNS))
            if bad:
                raise ValueError(f"{table}: fields not writable: {', '.join(bad)}")
            prepared.append((table, row_id, kind, to_wire(table, dict(fields or {})), str(uuid.uuid4())))
        with self.engine.begin() as conn:
            client_id, made_at = self._get(conn, "client_id"), _now()
            for table, row_id, kind, wire, op_id in prepared:
                base, base_version = self._apply_local(conn, table, row_id, kind, wire)
                conn.execute(insert(s.outbox).values(
                    op_id=op_id, client_id=client_id, table_name=table, row_id=row_id, kind=kind,
                    base_version=base_version, fields=json.dumps(wire, ensure_ascii=False),
                    base=json.dumps(base, ensure_ascii=False), made_at=made_at))
        return [op_id for *_rest, op_id in prepared]

    def _apply_local(self, conn: Connection, table: str, row_id: str, kind: str,
                     fields: dict[str, Any]) -> tuple[dict[str, Any], int | None]:
        t = s.REPLICA[table]
        row = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
        if kind == "create":
            if row is not None:
                raise ValueError(f"{table} {row_id} exists already")
            self._keep_shadow(conn, table, row_id, None)
            conn.execute(insert(t).values(id=row_id, row_version=0, server_seq=0, deleted=False,
                                          updated_at=_now(), **fields))
            return {}, None
        if row is None:
            raise KeyError(f"{table} {row_id} is not in the local replica")
        self._keep_shadow(conn, table, row_id, dict(row))
        base = {name: row[name] for name in fields}
        if kind == "delete":
            conn.execute(delete(t).where(t.c.id == row_id))
        elif fields:
            conn.execute(update(t).where(t.c.id == row_id).values(**fields))
        return base, row["row_version"]

    def _keep_shadow(self, conn: Connection, table: str, row_id: str, wire_row: dict[str, Any] | None) -> None:
        """Before the first pending edit of a row, keep the server's image of it."""
        if not self._pending(conn, table, row_id):
            conn.execute(delete(s.shadow).where(s.shadow.c.table_name == table, s.shadow.c.row_id == row_id))
            conn.execute(insert(s.shadow).values(table_name=table, row_id=row_id,
                                                 row=None if wire_row is None else json.dumps(wire_row, ensure_ascii=False)))

    @staticmethod
    def _pending(conn: Connection, table: str, row_id: str) -> bool:
        return conn.execute(select(s.outbox.c.seq).where(
            s.outbox.c.table_name == table, s.outbox.c.row_id == row_id).limit(1)).first() is not None

    # -- outbox --------------------------------------------------------------------------
    def pending_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(s.outbox)).scalar() or 0)

    def pending_ops(self, limit: int) -> list[tuple[str, Op]]:
        """The oldest ``limit`` ops, each with the client id it was made under."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.outbox).order_by(s.outbox.c.seq).limit(limit)).mappings().all()
        return [(r["client_id"], Op(op_id=r["op_id"], table=r["table_name"], row_id=r["row_id"], kind=r["kind"],
                                    base_version=r["base_version"], fields=json.loads(r["fields"]),
                                    base=json.loads(r["base"]), made_at=datetime.fromisoformat(r["made_at"])))
                for r in rows]

    def record_results(self, ops: list[Op], results: list[OpResult]) -> None:
        """Take answered ops out of the outbox, and file conflicts and rejections, in one transaction."""
        if len(ops) != len(results) or any(o.op_id != r.op_id for o, r in zip(ops, results, strict=True)):
            raise ValueError("the server's answers do not match the ops sent")
        if all(r.status == OpStatus.APPLIED for r in results):
            self._record_applied(ops, results)
            return
        with self.engine.begin() as conn:
            for op, result in zip(ops, results, strict=True):
                conn.execute(delete(s.outbox).where(s.outbox.c.op_id == op.op_id))
                if result.status == OpStatus.APPLIED:
                    self._after_applied(conn, op, result)
                else:
                    self._file_conflict(conn, op, result)

    def _record_applied(self, ops: list[Op], results: list[OpResult]) -> None:
        """The common answer, every op applied, in a few statements instead of a few per op.

        The same outcome as taking the ops one by one: a row's version and shadow follow the
        last of its ops here, and only when none of its ops is left in the outbox."""
        last: dict[tuple[str, str], tuple[Op, OpResult]] = {}
        for op, result in zip(ops, results, strict=True):
            last[(op.table, op.row_id)] = (op, result)
        with self.engine.begin() as conn:
            for start in range(0, len(ops), 500):
                conn.execute(delete(s.outbox).where(s.outbox.c.op_id.in_([o.op_id for o in ops[start:start + 500]])))
            row_ids = sorted({row_id for _table, row_id in last})
            waiting: set[tuple[str, str]] = set()
            for start in range(0, len(row_ids), 500):
                waiting.update((r[0], r[1]) for r in conn.execute(
                    select(s.outbox.c.table_name, s.outbox.c.row_id).where(s.outbox.c.row_id.in_(row_ids[start:start + 500]))))
            done = [(key, op, result) for key, (op, result) in last.items() if key not in waiting]
            by_table: dict[str, list[dict[str, Any]]] = {}
            for (table, row_id), op, result in done:
                if op.kind != "delete" and result.row_version is not None:
                    by_table.setdefault(table, []).append(
                        {"rid": row_id, "rv": result.row_version, "seq": result.server_seq})
            for table, params in by_table.items():
                t = s.REPLICA[table]
                conn.execute(update(t).where(t.c.id == bindparam("rid"), t.c.row_version < bindparam("rv"))
                             .values(row_version=bindparam("rv"), server_seq=bindparam("seq")), params)
            if done:
                conn.execute(delete(s.shadow).where(s.shadow.c.table_name == bindparam("tn"),
                                                    s.shadow.c.row_id == bindparam("rid")),
                             [{"tn": table, "rid": row_id} for (table, row_id), _op, _result in done])

    def _after_applied(self, conn: Connection, op: Op, result: OpResult) -> None:
        if self._pending(conn, op.table, op.row_id):
            return  # later edits of the row are still queued: their base stays as it is
        t = s.REPLICA[op.table]
        if op.kind != "delete" and result.row_version is not None:
            conn.execute(update(t).where(t.c.id == op.row_id, t.c.row_version < result.row_version)
                         .values(row_version=result.row_version, server_seq=result.server_seq))
        self._restore_from_shadow(conn, op.table, op.row_id, only_drop=True)

    def _file_conflict(self, conn: Connection, op: Op, result: OpResult) -> None:
        conn.execute(insert(s.conflicts).values(
            op_id=op.op_id, table_name=op.table, row_id=op.row_id, kind=op.kind, status=result.status.value,
            code=result.code, message=result.message, fields=json.dumps(op.fields, ensure_ascii=False),
            base=json.dumps(op.base, ensure_ascii=False), base_version=op.base_version,
            server_row=None if result.server_row is None else json.dumps(result.server_row, ensure_ascii=False),
            conflict_fields=json.dumps(result.conflict_fields), made_at=(op.made_at or datetime.now(UTC)).isoformat(),
            recorded_at=_now()))
        if self._pending(conn, op.table, op.row_id):
            return
        if result.server_row is not None:
            self._put_rows(conn, op.table, [result.server_row])
            self._restore_from_shadow(conn, op.table, op.row_id, only_drop=True)
        else:
            self._restore_from_shadow(conn, op.table, op.row_id)

    def _restore_from_shadow(self, conn: Connection, table: str, row_id: str, *, only_drop: bool = False) -> None:
        where = (s.shadow.c.table_name == table, s.shadow.c.row_id == row_id)
        image = conn.execute(select(s.shadow.c.row).where(*where)).first()
        conn.execute(delete(s.shadow).where(*where))
        if image is None or only_drop:
            return
        t = s.REPLICA[table]
        conn.execute(delete(t).where(t.c.id == row_id))
        if image[0] is not None:
            self._put_rows(conn, table, [json.loads(image[0])])

    # -- pulled pages --------------------------------------------------------------------
    def apply_page(self, page: PullResponse) -> dict[str, int]:
        """Apply one pulled page and store the cursor after it, in one transaction."""
        counts = {"upserted": 0, "removed": 0, "held": 0, "swept": 0}
        with self.engine.begin() as conn:
            pending = {(r[0], r[1]) for r in conn.execute(select(s.outbox.c.table_name, s.outbox.c.row_id))}
            if page.scope_reset and self._get(conn, "full_pass") is None:
                conn.execute(delete(s.seen))
                has_rows = any(conn.execute(select(t.c.id).limit(1)).first() for t in s.REPLICA.values())
                self._set(conn, "full_pass", "sweep" if has_rows else "fresh")
            sweeping = self._get(conn, "full_pass") == "sweep"
            for table, ids in page.removes.items():
                if table in s.REPLICA:
                    for row_id in ids:
                        counts["removed"] += self._remove(conn, table, row_id, (table, row_id) in pending)
            for table, block in page.upserts.items():
                if table not in s.REPLICA:
                    continue  # a table this client version does not know
                id_at = block.columns.index("id")
                held = [v for v in block.rows if (table, v[id_at]) in pending]
                for values in held:
                    self._hold(conn, table, dict(zip(block.columns, values, strict=True)))
                counts["held"] += len(held)
                free = [v for v in block.rows if (table, v[id_at]) not in pending] if held else block.rows
                counts["upserted"] += self._put_values(conn, table, block.columns, free, mark_seen=sweeping)
            self._set(conn, "cursor", page.next_cursor)
            self._set(conn, "scope_key", page.scope_key)
            if page.scope_reset and not page.has_more:
                if sweeping:
                    counts["swept"] = self._sweep(conn, pending)
                self._set(conn, "full_pass", None)
        return counts

    def _put_values(self, conn: Connection, table: str, columns: list[str], rows: list[list[Any]], *,
                    mark_seen: bool = False) -> int:
        """Write server rows given column-wise, as they came: one executemany per table."""
        t = s.REPLICA[table]
        keep = [i for i, c in enumerate(columns) if c in t.c]  # columns this client knows
        id_at, deleted_at = columns.index("id"), columns.index("deleted")
        gone = [v[id_at] for v in rows if v[deleted_at]]
        live = [v for v in rows if not v[deleted_at]] if gone else rows
        if gone:
            conn.execute(delete(t).where(t.c.id.in_(gone)))
        if live:
            names = [columns[i] for i in keep]
            sql = f'INSERT OR REPLACE INTO "{table}" ({", ".join(names)}) VALUES ({", ".join("?" for _ in names)})'
            params = [tuple(v) for v in live] if len(keep) == len(columns) else [tuple(v[i] for i in keep) for v in live]
            conn.exec_driver_sql(sql, params)
            if mark_seen:
                conn.exec_driver_sql("INSERT OR IGNORE INTO sync_seen (table_name, row_id) VALUES (?, ?)",
                                     [(table, v[id_at]) for v in live])
        return len(rows)

    def _put_rows(self, conn: Connection, table: str, rows: list[dict[str, Any]], *, mark_seen: bool = False) -> int:
        """Write server rows (wire values) as they are; tombstones delete."""
        t = s.REPLICA[table]
        known = [c.name for c in t.c]
        live = [r for r in rows if not r.get("deleted")]
        gone = [r["id"] for r in rows if r.get("deleted")]
        if gone:
            conn.execute(delete(t).where(t.c.id.in_(gone)))
        if live:
            columns = [c for c in known if c in live[0]]
            sql = (f'INSERT OR REPLACE INTO "{table}" ({", ".join(columns)}) '
                   f'VALUES ({", ".join("?" for _ in columns)})')
            conn.exec_driver_sql(sql, [tuple(r.get(c) for c in columns) for r in live])
            if mark_seen:
                conn.exec_driver_sql('INSERT OR IGNORE INTO sync_seen (table_name, row_id) VALUES (?, ?)',
                                     [(table, r["id"]) for r in live])
        return len(live) + len(gone)

    def _hold(self, conn: Connection, table: str, row: dict[str, Any]) -> None:
        """Local-write gate: a row with unsent edits keeps them; the server's image waits aside."""
        row_id = row["id"]
        conn.execute(delete(s.shadow).where(s.shadow.c.table_name == table, s.shadow.c.row_id == row_id))
        image = None if row.get("deleted") else json.dumps(row, ensure_ascii=False, default=str)
        conn.execute(insert(s.shadow).values(table_name=table, row_id=row_id, row=image))
        conn.execute(s.seen.insert().prefix_with("OR IGNORE").values(table_name=table, row_id=row_id))

    def _remove(self, conn: Connection, table: str, row_id: str, pending: bool) -> int:
        """The row left the user's scope: drop it; unsent edits of it move to the conflict list."""
        t = s.REPLICA[table]
        if pending:
            ops = conn.execute(select(s.outbox).where(s.outbox.c.table_name == table,
                                                      s.outbox.c.row_id == row_id)).mappings().all()
            for op in ops:
                conn.execute(delete(s.outbox).where(s.outbox.c.op_id == op["op_id"]))
                self._file_conflict(conn, Op(op_id=op["op_id"], table=op["table_name"], row_id=op["row_id"],
                                             kind=op["kind"], base_version=op["base_version"],
                                             fields=json.loads(op["fields"]), base=json.loads(op["base"])),
                                    OpResult(op_id=op["op_id"], status=OpStatus.REJECTED, code="out_of_scope",
                                             message="该记录已不在您的数据范围内 (the row left your scope)"))
        conn.execute(delete(s.shadow).where(s.shadow.c.table_name == table, s.shadow.c.row_id == row_id))
        return int(conn.execute(delete(t).where(t.c.id == row_id)).rowcount or 0)  # type: ignore[attr-defined]

    def _sweep(self, conn: Connection, pending: set[tuple[str, str]]) -> int:
        """End of a full pass: drop rows that were not re-sent and have no unsent edits."""
        removed = 0
        for name, t in s.REPLICA.items():
            kept = {r for (tn, r) in pending if tn == name}
            stmt = delete(t).where(~t.c.id.in_(select(s.seen.c.row_id).where(s.seen.c.table_name == name)))
            if kept:
                stmt = stmt.where(~t.c.id.in_(kept))
            removed += int(conn.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]
        conn.execute(delete(s.seen))
        return removed

    # -- reading -------------------------------------------------------------------------
    def conflicts(self, *, unresolved_only: bool = True) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            stmt = select(s.conflicts).order_by(s.conflicts.c.id)
            if unresolved_only:
                stmt = stmt.where(s.conflicts.c.resolved_at.is_(None))
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def rows(self, table: str) -> dict[str, dict[str, Any]]:
        t = s.REPLICA[table]
        with self.engine.connect() as conn:
            return {r["id"]: dict(r) for r in conn.execute(select(t)).mappings()}

    def row(self, table: str, row_id: str) -> dict[str, Any] | None:
        t = s.REPLICA[table]
        with self.engine.connect() as conn:
            found = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
        return dict(found) if found else None
