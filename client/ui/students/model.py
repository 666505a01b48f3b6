"""The student table (STYLE §2, Anki's browser): the ordered ids of the current query, even for
50,000 students, and a small cache of blocks of rows read by primary key when the view paints.

The page runs the id query on a worker and hands the ids in (:meth:`set_ids`); ``data()`` asks
for the block a row falls in (about 200 rows, one short query by id) and keeps the last blocks.
Sorting is done by the id query in SQL: :meth:`sort` only asks the page for it.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from client.services.students import BLOCK_SIZE, StudentRow
from client.ui.labels import english
from core.rules.enums import Gender, StudentStatus

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
MAX_BLOCKS = 40  # 8,000 rows of frozen dataclasses at most; scrolling back re-reads a block
COLUMNS: tuple[str, ...] = ("number", "name", "gender", "class", "major", "department", "cohort", "status",
                            "id_number", "phone")
_UNSENT = QBrush(QColor("#1a5fb4"))
_INACTIVE = QBrush(QColor("#80868b"))


class StudentTableModel(QAbstractTableModel):
    sig_sort_requested = Signal(str, bool)  # the sort key (a column), descending

    def __init__(self, fetch_rows: Callable[[Sequence[str]], list[StudentRow]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch_rows
        self._ids: list[str] = []
        # block number -> {id: (row, its cells' texts)}: painting a cell is then a lookup
        self._blocks: OrderedDict[int, dict[str, tuple[StudentRow, tuple[str, ...]]]] = OrderedDict()
        self._english = english()
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- feeding ----------------------------------------------------------------------------
    def set_ids(self, ids: list[str]) -> None:
        """The answer to a new query: the rows are read again as they are painted."""
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Rows changed in the replica (an edit, a sync): read the visible ones again."""
        self._blocks.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    @property
    def ids(self) -> list[str]:
        return self._ids

    def row_of(self, student_id: str) -> int | None:
        try:
            return self._ids.index(student_id)
        except ValueError:
            return None

    def row_at(self, row: int) -> StudentRow | None:
        """The row's student, read with its block when not cached; None if it is gone."""
        entry = self._entry(row)
        return entry[0] if entry is not None else None

    def _entry(self, row: int) -> tuple[StudentRow, tuple[str, ...]] | None:
        if not 0 <= row < len(self._ids):
            return None
        number = row // BLOCK_SIZE
        block = self._blocks.get(number)
        if block is None:
            ids = self._ids[number * BLOCK_SIZE:(number + 1) * BLOCK_SIZE]
            try:
                block = {r.id: (r, tuple(self._text(r, key) for key in COLUMNS)) for r in self._fetch(ids)}
            except Exception:  # data() never raises: a failed read shows empty cells
                log.exception("reading a block of students failed")
                return None
            self._blocks[number] = block
            if len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        elif number != next(reversed(self._blocks)):
            self._blocks.move_to_end(number)
        return block.get(self._ids[row])

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                               Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
                                               Qt.ItemDataRole.UserRole):
            return None
        entry = self._entry(index.row())
        if entry is None or not 0 <= index.column() < len(COLUMNS):
            return None
        student, texts = entry
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return student.id
        if role == Qt.ItemDataRole.ForegroundRole:
            return _UNSENT if student.unsent else (_INACTIVE if student.status not in ("enrolled", "suspended") else None)
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if student.unsent else None
        text = texts[index.column()]
        if student.unsent:
            return text + "\n" + self.tr("Changed on this computer; not yet accepted by the server.")
        return text

    def _text(self, student: StudentRow, key: str) -> str:
        if key == "gender":
            return Gender(student.gender).label("en" if self._english else "zh") if student.gender in ("M", "F") else ""
        if key == "status":
            try:
                return StudentStatus(student.status).label("en" if self._english else "zh")
            except ValueError:
                return student.status
        if key == "class":
            return student.class_name or student.class_code
        if key == "major":
            return (student.major_name_en if self._english else "") or student.major_name
        if key == "department":
            return (student.department_name_en if self._english else "") or student.department_name
        if key == "cohort":
            return str(student.cohort) if student.cohort else ""
        return str(getattr(student, key))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return self.column_titles()[section]

    def column_titles(self) -> list[str]:
        titles = {"number": self.tr("Student number"), "name": self.tr("Name"), "gender": self.tr("Gender"),
                  "class": self.tr("Class"), "major": self.tr("Major"), "department": self.tr("Department"),
                  "cohort": self.tr("Cohort"), "status": self.tr("Status"), "id_number": self.tr("ID number"),
                  "phone": self.tr("Phone")}
        return [titles[key] for key in COLUMNS]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sig_sort_requested.emit(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
