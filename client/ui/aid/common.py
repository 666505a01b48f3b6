"""Pieces the aid and dormitory screens share: a read-only table model over frozen rows, the
wording of a rule's refusal, an occupancy bar, and the .xlsx save question."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from client.ui.errors import error_text, server_message
from client.ui.prompts import ask_save_path
from core.errors import DomainError

Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], Any]]


class RowsModel(QAbstractTableModel):
    """Frozen rows shown through column functions; ``tone`` may colour a row's text."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None,
                 tone: Callable[[Any], str | None] | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._tone = tone

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.columns[index.column()][1](row)
            return None if value is None else str(value) if not isinstance(value, int | float) else value
        if role == Qt.ItemDataRole.ForegroundRole and self._tone is not None:
            tone = self._tone(row)
            return QColor(tone) if tone else None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class BarDelegate(QStyledItemDelegate):
    """A share (0..1) of the cell's row as a bar with its percentage; ``share_of`` reads it
    (None: nothing drawn)."""

    def __init__(self, share_of: Callable[[Any], float | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._share_of = share_of

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        value = None if row is None else self._share_of(row)
        if value is None:
            return
        share = max(0.0, min(float(value), 1.0))
        painter.save()
        rect = option.rect.adjusted(4, 5, -4, -5)  # type: ignore[attr-defined]
        painter.setPen(QColor("#c4c7c5"))
        painter.setBrush(QColor("#f1f3f4"))
        painter.drawRect(rect)
        fill = QRect(rect.left(), rect.top(), int(rect.width() * share), rect.height())
        colour = "#1e8e3e" if share < 0.85 else "#f29900" if share < 0.999 else "#d93025"
        painter.fillRect(fill, QColor(colour))
        painter.setPen(QColor("#202124"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{share:.1%}")
        painter.restore()


def rule_error_text(exc: BaseException) -> str:
    """A refusal in the interface language: each named field's half, else the error sink's."""
    if isinstance(exc, DomainError):
        fields = exc.details.get("fields") if isinstance(exc.details, dict) else None
        if fields:
            return "\n".join(server_message(str(f.get("message", ""))) for f in fields)
        return server_message(exc.message)
    return error_text(exc)


def ask_xlsx_path(parent: QWidget, suggested: str) -> Path | None:
    title = QCoreApplication.translate("welfare", "Export to Excel")
    chosen = ask_save_path(parent, title, str(Path.home() / suggested),
                           QCoreApplication.translate("welfare", "Excel workbooks (*.xlsx)"))
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
