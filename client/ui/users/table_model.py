"""The users table: rows fetched from the server page by page, sorted and filtered there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from client.services.dto import Page, UserRow
from client.ui.labels import role_name, status_name
from client.ui.paged_model import Index, PagedTableModel


@dataclass(frozen=True)
class Column:
    key: str
    sort_field: str | None  # the server's sort key, None when the server cannot sort by it


COLUMNS: tuple[Column, ...] = (
    Column("username", "username"), Column("display_name", "display_name"), Column("roles", None),
    Column("status", "status"), Column("email", None), Column("phone", None),
    Column("last_login_at", "last_login_at"),
)
_DISABLED = QBrush(QColor("#9aa0a6"))


class UsersTableModel(PagedTableModel):
    """Holds the rows loaded so far and the total; asks for the next page when the view scrolls."""

    sig_sort_requested = Signal(str, bool)  # server sort field, descending
    column_count = len(COLUMNS)

    # -- feeding --------------------------------------------------------------------------

    @property
    def complete(self) -> bool:
        """Every row of the current query is loaded."""
        return len(self._rows) >= self._total

    def narrow(self, keep: Callable[[UserRow], bool]) -> None:
        """Keep only the loaded rows ``keep`` accepts (instant feedback while the server is asked)."""
        rows = [r for r in self._rows if keep(r)]
        self.reset_rows(Page(tuple(rows), len(rows), 1, max(len(rows), 1)))

    def replace_row(self, user: UserRow) -> None:
        for row, existing in enumerate(self._rows):
            if existing.id == user.id:
                self._rows[row] = user
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return

    def remove_row(self, user_id: str) -> None:
        for row, existing in enumerate(self._rows):
            if existing.id == user_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._total = max(0, self._total - 1)
                self.endRemoveRows()
                return

    def row_at(self, row: int) -> UserRow | None:
        return super().row_at(row)  # type: ignore[no-any-return]

    # -- Qt model -------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        user = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(user, COLUMNS[index.column()].key)
        if role == Qt.ItemDataRole.ForegroundRole and user.status != "active":
            return _DISABLED
        if role == Qt.ItemDataRole.UserRole:
            return user.id
        return None

    @staticmethod
    def _text(user: UserRow, key: str) -> str:
        if key == "roles":
            return "、".join(role_name(r) for r in user.roles)
        if key == "status":
            return status_name(user.status)
        if key == "last_login_at":
            return user.last_login_at.astimezone().strftime("%Y-%m-%d %H:%M") if user.last_login_at else "—"
        return str(getattr(user, key))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        titles = {"username": self.tr("Username"), "display_name": self.tr("Name"), "roles": self.tr("Roles"),
                  "status": self.tr("Status"), "email": self.tr("E-mail"), "phone": self.tr("Phone"),
                  "last_login_at": self.tr("Last login")}
        return titles[COLUMNS[section].key]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS) and COLUMNS[column].sort_field:
            self.sig_sort_requested.emit(COLUMNS[column].sort_field, order == Qt.SortOrder.DescendingOrder)
