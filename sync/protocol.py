"""Wire types of the sync protocol (DESIGN §5), shared by ``sync.client`` and ``sync.server``.

Pull: ``GET /sync/pull?cursor=C&limit=N&scope_key=K`` → :class:`PullResponse`. The cursor is
opaque to the client: ``"<epoch>:<seq>"``. Push: ``POST /sync/push`` with :class:`PushRequest`
→ :class:`PushResponse`. Check: ``GET /sync/check`` → :class:`CheckResponse`.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_PUSH_OPS = 500
MAX_PULL_LIMIT = 5000
DEFAULT_PULL_LIMIT = 2000

JSONValue = Any


class OpKind(StrEnum):
    CREATE = "create"
    PATCH = "patch"
    DELETE = "delete"


class OpStatus(StrEnum):
    APPLIED = "applied"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Op(_Strict):
    """One local edit. ``base`` holds, for a patch, the values the edit was made against:
    the server compares them with its current values to find same-field conflicts, so
    patches of different fields merge whatever happened in between."""

    op_id: str = Field(min_length=1, max_length=36)
    table: str = Field(min_length=1, max_length=40)
    row_id: str = Field(min_length=1, max_length=36)
    kind: str = Field(min_length=1, max_length=40)  # OpKind or a named command ("grades.submit")
    base_version: int | None = None
    fields: dict[str, JSONValue] = Field(default_factory=dict)
    base: dict[str, JSONValue] = Field(default_factory=dict)
    made_at: datetime | None = None  # the client's clock: shown to people, never used to decide


class PushRequest(_Strict):
    client_id: str = Field(min_length=1, max_length=36)
    ops: list[Op] = Field(max_length=MAX_PUSH_OPS)


class OpResult(_Strict):
    op_id: str
    status: OpStatus
    row_version: int | None = None
    server_seq: int | None = None
    code: str = ""
    message: str = ""
    conflict_fields: list[str] = Field(default_factory=list)
    server_row: dict[str, JSONValue] | None = None  # the server's version, for conflicts
    replayed: bool = False


class PushResponse(_Strict):
    results: list[OpResult]


class TableRows(_Strict):
    """Rows of one table, column-wise: the names once, then one list of values per row.

    Each row is the server's current version (a tombstone has ``deleted`` true). Values are
    JSON: dates and times as ISO 8601 strings, decimals as strings or numbers.
    """

    columns: list[str]
    rows: list[list[JSONValue]]


class PullResponse(_Strict):
    upserts: dict[str, TableRows] = Field(default_factory=dict)
    # Rows that left the user's scope: drop them locally and upload nothing for them.
    removes: dict[str, list[str]] = Field(default_factory=dict)
    next_cursor: str
    has_more: bool
    scope_key: str
    # True while answering a pull whose scope changed: the pages re-send the whole scope
    # from the start, and rows the client holds that are not re-sent are dropped at the end.
    scope_reset: bool = False
    resync_required: bool = False
    reason: Literal["", "epoch", "restored", "tombstones_purged", "schema"] = ""

    def change_count(self) -> int:
        return sum(len(t.rows) for t in self.upserts.values()) + sum(len(r) for r in self.removes.values())


class TableCheck(_Strict):
    count: int
    digest: str  # sha256 over sorted "id:row_version" of live rows in scope


class CheckResponse(_Strict):
    cursor: str
    tables: dict[str, TableCheck]


def table_digest(pairs: list[tuple[str, int]]) -> str:
    """The check digest both sides compute: sha256 over sorted ``id:row_version`` lines."""
    h = hashlib.sha256()
    for row_id, version in sorted(pairs):
        h.update(f"{row_id}:{version}\n".encode())
    return h.hexdigest()


def format_cursor(epoch: str, seq: int, *, full_pass: bool = False) -> str:
    """``epoch:seq``; ``epoch:Fseq`` while a full pass (first sync, scope reset) is under way."""
    return f"{epoch}:{'F' if full_pass else ''}{seq}"


def parse_cursor(cursor: str | None) -> tuple[str, int, bool] | None:
    """(epoch, seq, full_pass), or ``None`` for the empty cursor; ValueError on garbage."""
    if not cursor:
        return None
    epoch, sep, seq = cursor.rpartition(":")
    full_pass = seq.startswith("F")
    digits = seq[1:] if full_pass else seq
    if not sep or not epoch or not digits.isdigit():
        raise ValueError(f"malformed cursor {cursor!r}")
    return epoch, int(digits), full_pass
