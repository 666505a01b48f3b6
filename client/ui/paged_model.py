"""A table model over rows the server sends page by page (STYLE: model/view, fetchMore).

It holds the rows loaded so far and the total; when the view scrolls near the end it emits
``sig_page_requested`` with the next 1-based page number, and a controller answers with
:meth:`append_page` (or :meth:`page_failed`). Subclasses give the columns and ``data()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Signal

from client.services.dto import Page

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root; a shared default is safe, it is never modified


class PagedTableModel(QAbstractTableModel):
    sig_page_requested = Signal(int)  # the 1-based page number to load

    column_count = 0  # set by each subclass

    def __init__(self, page_size: int = 200, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._total = 0
        self._page_size = page_size
        self._pending = False

    def reset_rows(self, page: Page[Any]) -> None:
        self.beginResetModel()
        self._rows, self._total, self._pending = list(page.items), page.total, False
        self.endResetModel()

    def append_page(self, page: Page[Any]) -> None:
        """Add a page's rows not already loaded (a row may shift pages while the user scrolls)."""
        self._pending = False
        self._total = page.total
        known = {r.id for r in self._rows}
        fresh = [r for r in page.items if r.id not in known]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()

    def page_failed(self) -> None:
        self._pending = False

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.column_count

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._pending and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._pending = True
            self.sig_page_requested.emit(len(self._rows) // self._page_size + 1)
