"""The audit log through the server (``audit.read``) and its export to .xlsx."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from client.services.api import ApiClient
from client.services.dto import AuditQuery, AuditRow, Page
from client.services.errors import CancelledError

Progress = Callable[[int, int], None]
EXPORT_PAGE = 1000


def _noop(_done: int, _total: int) -> None:
    return None


def _params(query: AuditQuery, page: int, size: int) -> dict[str, Any]:
    return {"user": query.user, "action": query.action, "page": page, "size": size,
            "since": query.since.isoformat() if query.since else None,
            "until": query.until.isoformat() if query.until else None}


def search_audit(api: ApiClient, query: AuditQuery, page: int = 1, size: int = 200, *,
                 on_progress: Progress = _noop, cancel: threading.Event | None = None) -> Page[AuditRow]:
    data = api.get("/audit", params=_params(query, page, size), cancel=cancel)
    on_progress(1, 1)
    return Page(tuple(AuditRow.of(r) for r in data["items"]), int(data["total"]), page, size)


def export_audit(api: ApiClient, query: AuditQuery, path: Path, headers: Sequence[str], *,
                 on_progress: Progress = _noop, cancel: threading.Event | None = None) -> int:
    """Write every entry matching ``query`` to ``path`` (.xlsx); returns the number of rows.

    ``headers`` are the column titles in the user's language. Nothing is written when cancelled.
    """
    rows: list[AuditRow] = []
    page, total = 1, None
    while total is None or len(rows) < total:
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        result = search_audit(api, query, page, EXPORT_PAGE, cancel=cancel)
        total = result.total
        rows.extend(result.items)
        on_progress(len(rows), max(total, 1))
        if not result.items:
            break
        page += 1
    write_audit_xlsx(rows, path, headers)
    return len(rows)


def write_audit_xlsx(rows: Sequence[AuditRow], path: Path, headers: Sequence[str]) -> None:
    # openpyxl pulls in numpy (~0.5 s): imported on first export, not when the screen opens.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "audit"
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        sheet.append([r.at.replace(tzinfo=None), r.username, r.action, r.entity, r.entity_id, r.summary,
                      r.client_address, r.old_values or "", r.new_values or ""])
    for column, width in zip("ABCDEFGHI", (20, 16, 20, 14, 38, 50, 16, 40, 40), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.xlsx")
    book.save(tmp)
    tmp.replace(path)
