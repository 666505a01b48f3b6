"""Year-end batch promotion 学年升级 on the desktop: its values and its two REST calls.

Unlike the other status-change steps this goes through the REST API (online only): the server
files the whole batch in one transaction with one ``batch_id`` (a field the push treats as the
server's), previews it from its complete data and can approve it as a whole; the sync that
follows brings the filed changes into the replica. See docs/students.md.

Plain Python, no Qt: the batch dialog calls it on the local worker pool.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from client.services.api import ApiClient
from core.rules.student_status import Effect


def preview(api: ApiClient, token: str | None, request: BatchRequest, *,
            cancel: threading.Event | None = None, **_kw: Any) -> BatchPreview:
    """What the batch would file, line by line, with the counts per action."""
    data = api.post("/status-changes/batch-promotion/preview", json=request.as_json(), token=token, cancel=cancel)
    return BatchPreview([BatchLine.of(line) for line in data["lines"]], dict(data["counts"]))


def commit(api: ApiClient, token: str | None, request: BatchRequest, *,
           cancel: threading.Event | None = None, **_kw: Any) -> tuple[str, int]:
    """File the batch in one server transaction; returns (batch id, changes filed).
    The sync that follows brings the rows into the replica."""
    data = api.post("/status-changes/batch-promotion", json=request.as_json(), token=token, cancel=cancel)
    return str(data["batch_id"]), len(data["changes"])


@dataclass(frozen=True)
class BatchException:
    student_id: str
    change_type: str  # repeat | skip
    to_class_id: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class BatchRequest:
    cohort: int
    effective_date: date
    reason: str
    document_number: str
    major_id: str | None = None
    department_id: str | None = None
    exceptions: tuple[BatchException, ...] = ()
    approve: bool = False

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["effective_date"] = self.effective_date.isoformat()
        data["exceptions"] = [asdict(e) for e in self.exceptions]
        return data

    def with_exception(self, exception: BatchException | None, student_id: str) -> BatchRequest:
        """The request with ``student_id``'s exception replaced (None: removed)."""
        kept = tuple(e for e in self.exceptions if e.student_id != student_id)
        return replace(self, exceptions=kept + ((exception,) if exception else ()))


@dataclass(frozen=True)
class BatchLine:
    student_id: str
    number: str
    name: str
    class_label: str
    status: str
    action: str  # promote | repeat | skip | error
    note: str = ""
    to_class_id: str | None = None
    effects: tuple[Effect, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, data: dict[str, Any]) -> BatchLine:
        effects = tuple(Effect(e["field"], e["old"], e["new"], e["old_label"], e["new_label"], e.get("stored", True),
                               e.get("pending", False)) for e in data.get("effects", []))
        return cls(data["student_id"], data["number"], data["name"], data["class_label"], data["status"],
                   data["action"], data.get("note") or "", data.get("to_class_id"), effects)


@dataclass(frozen=True)
class BatchPreview:
    lines: list[BatchLine]
    counts: dict[str, int]

