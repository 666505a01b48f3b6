"""The audit log table, loaded page by page from the server (newest first)."""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from client.services.dto import AuditRow, Page
from client.ui.labels import action_name, entity_name

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root; a shared default is safe, it is never modified
COLUMNS = ("at", "username", "action", "entity", "summary", "client_address")


def _compact(values: str | None) -> str:
    """``{"a": 1, "b": [2]}`` → ``a=1, b=[2]``: the changed values when the server gave no summary."""
    if not values:
        return ""
    try:
        data = json.loads(values)
    except ValueError:
        return values
    if not isinstance(data, dict):
        return str(data)
    shown = {k: v for k, v in data.items() if v not in (None, "", []) and not k.endswith("id")}
    return ", ".join(f"{k}={'、'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in shown.items())


class AuditTableModel(QAbstractTableModel):
    sig_page_requested = Signal(int)

    def __init__(self, page_size: int = 200, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._total = 0
        self._page_size = page_size
        self._pending = False

    def reset_rows(self, page: Page[AuditRow]) -> None:
        self.beginResetModel()
        self._rows, self._total, self._pending = list(page.items), page.total, False
        self.endResetModel()

    def append_page(self, page: Page[AuditRow]) -> None:
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

    def row_at(self, row: int) -> AuditRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._pending and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._pending = True
            self.sig_page_requested.emit(len(self._rows) // self._page_size + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._rows[index.row()]
        key = COLUMNS[index.column()]
        if key == "at":
            return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if key == "action":
            return entry.action if role == Qt.ItemDataRole.ToolTipRole else action_name(entry.action)
        if key == "entity":
            return entity_name(entry.entity)
        if key == "summary":
            return entry.summary or _compact(entry.new_values or entry.old_values)
        return str(getattr(entry, key))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return self.headers()[section]

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Entity"), self.tr("Details"),
                self.tr("Address")]
