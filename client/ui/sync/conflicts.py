"""The conflict screen: conflicts and rejections, both versions side by side, field by field,
decided one by one or for a selection (keep mine, take theirs, edit). Each decision is a new
op that the next sync pushes."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.services.sync import ConflictRow
from client.ui.errors import server_message
from client.ui.labels import english
from core.models.labels import describe_row, field_label, table_label

CLASH = QColor("#fce8e6")  # both sides changed this field
DIFFERENT = QColor("#fef7e0")  # the versions differ here
Index = QModelIndex | QPersistentModelIndex


def _language() -> str:
    return "en" if english() else "zh"


def show_value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ConflictListModel(QAbstractTableModel):
    COLUMNS = ("kind", "table", "record", "reason", "when")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ConflictRow] = []

    def set_rows(self, rows: list[ConflictRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Kind"), self.tr("Data"), self.tr("Record"), self.tr("Reason"), self.tr("Edited at"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "kind":
                return self.tr("Conflict") if row.status == "conflict" else self.tr("Rejected")
            if column == "table":
                return table_label(row.table, _language())
            if column == "record":
                return describe_row(row.theirs) or describe_row(row.mine) or row.row_id[:8]
            if column == "reason":
                return server_message(row.message)
            return row.made_at[:19].replace("T", " ")
        if role == Qt.ItemDataRole.ForegroundRole and column == "kind":
            return QBrush(QColor("#b3261e" if row.status == "rejected" else "#b06000"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "reason":
            return row.message
        return None


class ConflictDetail(QTableWidget):
    """Field | my version | the server's version; clashing fields first and marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("conflictDetail")
        self.setHorizontalHeaderLabels([self.tr("Field"), self.tr("My version"), self.tr("Server's version")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)

    def show_conflict(self, conflict: ConflictRow | None) -> None:
        self.setRowCount(0)
        if conflict is None:
            return
        language = _language()
        names = conflict.fields if conflict.theirs is not None else list(conflict.mine)
        for name in names:
            mine = conflict.mine.get(name, conflict.base.get(name)) if name in conflict.mine else None
            theirs = (conflict.theirs or {}).get(name)
            edited = name in conflict.mine
            row = self.rowCount()
            self.insertRow(row)
            cells = [QTableWidgetItem(field_label(conflict.table, name, language)),
                     QTableWidgetItem(show_value(mine) if edited else self.tr("(not changed)")),
                     QTableWidgetItem(show_value(theirs) if conflict.theirs is not None else self.tr("(no server version)"))]
            colour = CLASH if name in conflict.conflict_fields else (
                DIFFERENT if edited and conflict.theirs is not None and mine != theirs else None)
            for column, cell in enumerate(cells):
                if colour is not None:
                    cell.setBackground(QBrush(colour))
                if column == 0:
                    cell.setToolTip(name)
                self.setItem(row, column, cell)
        self.resizeRowsToContents()


class EditDialog(QDialog):
    """Edit my values before they are sent again (one conflict)."""

    def __init__(self, conflict: ConflictRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictEditDialog")
        self.setWindowTitle(self.tr("Edit and send again"))
        self.conflict = conflict
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        language = _language()
        for name, value in conflict.mine.items():
            edit = QLineEdit("" if value is None else show_value(value))
            theirs = (conflict.theirs or {}).get(name)
            if conflict.theirs is not None:
                edit.setPlaceholderText(show_value(theirs))
                edit.setToolTip(self.tr("Server's version: %1").replace("%1", show_value(theirs)))
            self.edits[name] = edit
            form.addRow(field_label(conflict.table, name, language), edit)
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        note = QLabel(self.tr("The values are sent to the server at the next sync; the server checks them again."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, min(640, 140 + 36 * len(self.edits)))

    def values(self) -> dict[str, Any]:
        """The edited values, typed like the values they replace."""
        return {name: _typed(edit.text(), self.conflict.mine.get(name)) for name, edit in self.edits.items()}


def _typed(text: str, like: Any) -> Any:
    text = text.strip()
    if text == "" and not isinstance(like, str):
        return None
    if isinstance(like, bool):
        return text.lower() in ("✓", "true", "1", "yes", "是")
    for kind in (int, float):
        if isinstance(like, kind):
            try:
                return kind(text)
            except ValueError:
                return text  # the server names the field and why
    return text


class ConflictsView(QWidget):
    """The list, the selected one's detail and the decisions."""

    sig_resolve_requested = Signal(list, str, object)  # conflict ids, keep_mine|take_theirs|edit, values

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsView")
        self.model = ConflictListModel(self)
        self.table = QTableView()
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.detail = ConflictDetail()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("Keep mine"))
        self.keep_button.setObjectName("keepMineButton")
        self.keep_button.setToolTip(self.tr("Send my values again, over the server's version"))
        self.theirs_button = QPushButton(self.tr("Take the server's"))
        self.theirs_button.setObjectName("takeTheirsButton")
        self.theirs_button.setToolTip(self.tr("Drop my values and keep the server's version"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editConflictButton")
        self.edit_button.setToolTip(self.tr("Change my values, then send them"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        for button in (self.keep_button, self.theirs_button, self.edit_button):
            buttons.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.keep_button.clicked.connect(self._on_keep_clicked)
        self.theirs_button.clicked.connect(self._on_theirs_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self._on_selection_changed()

    def set_conflicts(self, rows: list[ConflictRow]) -> None:
        selected = {c.id for c in self.selected()}
        self.model.set_rows(rows)
        for row, conflict in enumerate(rows):
            if conflict.id in selected:
                self.table.selectRow(row)
        if not self.selected() and rows:
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self._on_selection_changed()

    def selected(self) -> list[ConflictRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    @Slot()
    def _on_selection_changed(self) -> None:
        chosen = self.selected()
        self.detail.show_conflict(chosen[0] if len(chosen) == 1 else None)
        self.keep_button.setEnabled(bool(chosen))
        self.theirs_button.setEnabled(bool(chosen))
        self.edit_button.setEnabled(len(chosen) == 1)
        if not self.model.rows:
            self.hint.setText(self.tr("No conflicts: everything you changed was accepted."))
        elif len(chosen) == 1:
            self.hint.setText(server_message(chosen[0].message))
        else:
            self.hint.setText(self.tr("%1 selected: keep mine or take the server's for all of them.")
                              .replace("%1", str(len(chosen))))

    @Slot()
    def _on_keep_clicked(self) -> None:
        self.sig_resolve_requested.emit([c.id for c in self.selected()], "keep_mine", None)

    @Slot()
    def _on_theirs_clicked(self) -> None:
        self.sig_resolve_requested.emit([c.id for c in self.selected()], "take_theirs", None)

    @Slot()
    def _on_edit_clicked(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = EditDialog(chosen[0], self)
        dialog.accepted.connect(lambda: self.sig_resolve_requested.emit([chosen[0].id], "edit", dialog.values()))
        dialog.open()
        self.edit_dialog = dialog  # tests reach it here
