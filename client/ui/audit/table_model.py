"""The audit log table, loaded page by page from the server (newest first)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from client.services.dto import AuditRow
from client.ui.labels import action_name, entity_name
from client.ui.paged_model import Index, PagedTableModel

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


class AuditTableModel(PagedTableModel):
    column_count = len(COLUMNS)

    def row_at(self, row: int) -> AuditRow | None:
        return super().row_at(row)  # type: ignore[no-any-return]

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
