"""The desktop's use of the sync module: one replica per server and user, its engine, and the
questions the screens ask (unsent work, conflicts, the last sync).

A replica holds one user's scope (DESIGN §5), so each (server, username) has its own SQLite
file under ``<data dir>/replicas/``: a second user of the same computer never sees the first
one's data, and the first one's unsent work waits, untouched, for their next login here.

Plain Python: the Qt side calls it on worker threads. Every method that changes the replica
tells :class:`ClientStatus` the new counters, so the status bar is live whoever made the change.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select

from client.services.status import ClientStatus
from core.version import __version__
from sync.client import schema as replica_schema
from sync.client.engine import SyncEngine, SyncReport
from sync.client.resolve import Resolution, export_unsent, import_unsent, resolve
from sync.client.store import ReplicaStore
from sync.client.transport import HttpTransport, Transport

Progress = Callable[[int, int], None]
REPLICA_DIR = "replicas"


def _noop(_done: int, _total: int) -> None:
    return None


def _no_token() -> str | None:
    return None


def replica_path(data_dir: Path, server: str, username: str) -> Path:
    """``<data dir>/replicas/<host>_<port>-<user>-<hash>.db``: readable, and unique per pair."""
    parts = urlsplit(server)
    host = f"{parts.hostname or 'server'}_{parts.port or ''}".strip("_")
    digest = hashlib.sha256(f"{server}\n{username}".encode()).hexdigest()[:8]
    safe_user = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in username)
    return data_dir / REPLICA_DIR / f"{host}-{safe_user}-{digest}.db"


@dataclass(frozen=True)
class UnsentOp:
    op_id: str
    table: str
    row_id: str
    kind: str
    fields: dict[str, Any]
    made_at: str


@dataclass(frozen=True)
class ConflictRow:
    """A conflict or rejection, with both versions: ``mine`` (what the user sent) and ``theirs``
    (the server's row when it sent one; None for a rejection of a new row)."""

    id: int
    table: str
    row_id: str
    kind: str  # the op: create / patch / delete
    status: str  # conflict / rejected
    code: str
    message: str
    mine: dict[str, Any]
    theirs: dict[str, Any] | None
    base: dict[str, Any]
    conflict_fields: tuple[str, ...]
    made_at: str
    recorded_at: str

    @property
    def fields(self) -> list[str]:
        """Every field either side has: the clashing ones first, then the others I changed,
        then the rest in the table's order."""
        names = list(dict.fromkeys([*self.conflict_fields, *self.mine]))
        order = list(replica_schema.REPLICA[self.table].c.keys()) if self.table in replica_schema.REPLICA else []
        seen = set(names)
        for name in [*order, *self.mine, *(self.theirs or {})]:
            if name not in seen and (name in self.mine or (self.theirs is not None and name in self.theirs)):
                names.append(name)
                seen.add(name)
        return names


@dataclass(frozen=True)
class SyncCounters:
    unsent: int
    conflicts: int
    last_sync_at: datetime | None


class SyncService:
    """The replica of one (server, user), its engine and its bookkeeping."""

    def __init__(self, store: ReplicaStore, transport: Transport, status: ClientStatus | None = None) -> None:
        self.store = store
        self.engine = SyncEngine(store, transport)
        self._transport = transport
        self._status = status
        self._lock = threading.Lock()  # serialises syncs started from several places
        self.last_report: SyncReport | None = None
        self._token: Callable[[], str | None] = _no_token

    @classmethod
    def open(cls, data_dir: Path, server: str, username: str, status: ClientStatus | None = None) -> SyncService:
        """The replica of ``username`` on ``server``. Requests carry the token of the session
        attached with :meth:`attach`; detached (after a logout), they carry none, so nothing
        this user queued can ever be sent with another user's token."""
        store = ReplicaStore(replica_path(data_dir, server, username))
        service: SyncService
        transport = HttpTransport(server, lambda: service.token(), client_version=__version__)
        service = cls(store, transport, status)
        return service

    def attach(self, token: Callable[[], str | None]) -> None:
        self._token = token

    def detach(self) -> None:
        self._token = _no_token

    def token(self) -> str | None:
        return self._token()

    def close(self) -> None:
        close = getattr(self._transport, "close", None)
        if callable(close):
            close()
        self.store.close()

    # -- syncing -----------------------------------------------------------------------------
    def sync(self, *, on_progress: Progress = _noop, cancel: threading.Event | None = None) -> SyncReport:
        """Push, pull and check (see :class:`SyncEngine`); the counters are published after,
        also when it fails half-way (whatever was committed stays)."""
        try:
            with self._lock:
                report = self.engine.sync(on_progress=on_progress, cancel=cancel)
                self.last_report = report
                return report
        finally:
            self.publish_counters()

    # -- counters ----------------------------------------------------------------------------
    def counters(self) -> SyncCounters:
        with self.store.engine.connect() as conn:
            unsent = conn.execute(select(func.count()).select_from(replica_schema.outbox)).scalar_one()
            conflicts = conn.execute(select(func.count()).select_from(replica_schema.conflicts)
                                     .where(replica_schema.conflicts.c.resolved_at.is_(None))).scalar_one()
        last = self.store.get_state("last_sync_at")
        return SyncCounters(int(unsent), int(conflicts), datetime.fromisoformat(last) if last else None)

    def publish_counters(self) -> SyncCounters:
        counters = self.counters()
        if self._status is not None:
            self._status.set_sync_counters(unsent_changes=counters.unsent, conflicts=counters.conflicts,
                                           last_sync_at=counters.last_sync_at)
        return counters

    # -- local edits -------------------------------------------------------------------------
    def write(self, table: str, row_id: str, kind: str, fields: dict[str, Any] | None = None) -> str:
        """One local edit, queued for the server in the same transaction; returns the op id."""
        op_id = self.store.write(table, row_id, kind, fields)
        self.publish_counters()
        return op_id

    def write_many(self, edits: list[tuple[str, str, str, dict[str, Any] | None]]) -> list[str]:
        """Several local edits (table, row id, kind, fields) and their ops in ONE transaction:
        all or nothing (an import); returns the op ids."""
        op_ids = self.store.write_many(edits)
        self.publish_counters()
        return op_ids

    # -- unsent work -------------------------------------------------------------------------
    def unsent(self, limit: int = 1000) -> list[UnsentOp]:
        o = replica_schema.outbox
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(o).order_by(o.c.seq).limit(limit)).mappings().all()
        return [UnsentOp(r["op_id"], r["table_name"], r["row_id"], r["kind"], json.loads(r["fields"] or "{}"),
                         r["made_at"]) for r in rows]

    def export_unsent(self, path: Path, *, on_progress: Progress = _noop,
                      cancel: threading.Event | None = None) -> int:
        return export_unsent(self.store, path)

    def import_unsent(self, path: Path, *, on_progress: Progress = _noop,
                      cancel: threading.Event | None = None) -> int:
        count = import_unsent(self.store, path)
        self.publish_counters()
        return count

    # -- conflicts ---------------------------------------------------------------------------
    def conflicts(self) -> list[ConflictRow]:
        return [_conflict_row(c) for c in self.store.conflicts(unresolved_only=True)]

    def resolve(self, conflict_ids: list[int], how: Resolution, values: dict[str, Any] | None = None, *,
                on_progress: Progress = _noop, cancel: threading.Event | None = None) -> list[str]:
        """Decide conflicts one by one (each in its own transaction); returns the new op ids.

        ``values`` (for ``edit``) apply to a single conflict only.
        """
        if how == "edit" and len(conflict_ids) != 1:
            raise ValueError("edit decides one conflict at a time")
        op_ids: list[str] = []
        try:
            for done, conflict_id in enumerate(conflict_ids, 1):
                if cancel is not None and cancel.is_set():
                    break
                op_id = resolve(self.store, conflict_id, how, values)
                if op_id is not None:
                    op_ids.append(op_id)
                on_progress(done, len(conflict_ids))
        finally:
            self.publish_counters()
        return op_ids


def _conflict_row(c: dict[str, Any]) -> ConflictRow:
    return ConflictRow(
        id=int(c["id"]), table=c["table_name"], row_id=c["row_id"], kind=c["kind"], status=c["status"],
        code=c["code"] or "", message=c["message"] or "", mine=json.loads(c["fields"] or "{}"),
        theirs=json.loads(c["server_row"]) if c["server_row"] else None, base=json.loads(c["base"] or "{}"),
        conflict_fields=tuple(json.loads(c["conflict_fields"] or "[]")), made_at=c["made_at"] or "",
        recorded_at=c["recorded_at"] or "",
    )


def now_utc() -> datetime:
    return datetime.now(UTC)
