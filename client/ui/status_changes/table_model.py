"""The table of status changes: frozen rows read from the replica by a worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from client.services.status_changes import ChangeRow
from client.ui.status_changes.common import (
    STATE_COLOURS,
    change_type_label,
    iso_day,
    iso_minute,
    state_label,
)

Index = QModelIndex | QPersistentModelIndex


class ChangesTableModel(QAbstractTableModel):
    """A few thousand changes at most (a university's year), so the rows are held whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ChangeRow] = []

    def set_rows(self, rows: list[ChangeRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ChangeRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, change_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == change_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Student no."), self.tr("Name"), self.tr("Class"), self.tr("Change type"), self.tr("State"),
                self.tr("Document no."), self.tr("Effective"), self.tr("Last step"), self.tr("Reason"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            return QBrush(QColor(STATE_COLOURS.get(row.state, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 4 and row.unsent:
                return self.tr("Saved on this computer; not yet accepted by the server.")
            if column == 8:
                return row.reason
        return None

    def _text(self, row: ChangeRow, column: int) -> str:
        if column == 4:
            label = state_label(row.state)
            return self.tr("%1 · unsent").replace("%1", label) if row.unsent else label
        values = (row.student_number, row.student_name, row.class_label, change_type_label(row.change_type), "",
                  row.document_number, iso_day(row.effective_date), iso_minute(row.when),
                  row.decision_reason or row.reason)
        return values[column]
