"""Roles × permissions as a checkable table; edits are kept as pending until saved."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from client.services.dto import PermissionRow, RoleRow
from client.ui.labels import permission_name, role_display

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root; a shared default is safe, it is never modified
_CHANGED = QBrush(QColor("#fff4ce"))


class PermissionMatrixModel(QAbstractTableModel):
    """Rows are permissions, columns are roles; a checked cell grants the permission."""

    sig_dirty_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roles: list[RoleRow] = []
        self._permissions: list[PermissionRow] = []
        self._pending: dict[str, set[str]] = {}  # role id → its edited permission set

    def set_data(self, roles: tuple[RoleRow, ...], permissions: tuple[PermissionRow, ...]) -> None:
        self.beginResetModel()
        self._roles, self._permissions = list(roles), list(permissions)
        self._pending.clear()
        self.endResetModel()
        self.sig_dirty_changed.emit(False)

    def role_at(self, column: int) -> RoleRow | None:
        return self._roles[column] if 0 <= column < len(self._roles) else None

    def roles(self) -> list[RoleRow]:
        return list(self._roles)

    def changes(self) -> dict[str, frozenset[str]]:
        """The roles whose permission set differs from the server's."""
        saved = {r.id: r.permissions for r in self._roles}
        return {rid: frozenset(p) for rid, p in self._pending.items() if frozenset(p) != saved.get(rid)}

    def discard(self) -> None:
        self.set_data(tuple(self._roles), tuple(self._permissions))

    def _granted(self, role: RoleRow) -> set[str] | frozenset[str]:
        return self._pending.get(role.id, role.permissions)

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._permissions)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._roles)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._permissions) and 0 <= index.column() < len(self._roles)):
            return None
        perm, row = self._permissions[index.row()], self._roles[index.column()]
        granted = perm.code in self._granted(row)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if granted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and granted != (perm.code in row.permissions):
            return _CHANGED
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{role_display(row.code, row.name, row.name_en)} · {permission_name(perm.zh, perm.en)} ({perm.code})"
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if not (0 <= index.row() < len(self._permissions) and 0 <= index.column() < len(self._roles)):
            return False
        perm, row = self._permissions[index.row()], self._roles[index.column()]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        granted = set(self._granted(row))
        (granted.add if checked else granted.discard)(perm.code)
        self._pending[row.id] = granted
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.BackgroundRole])
        self.sig_dirty_changed.emit(bool(self.changes()))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._roles):
            r = self._roles[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return role_display(r.code, r.name, r.name_en)
            if role == Qt.ItemDataRole.FontRole and r.id in self.changes():
                font = QFont()
                font.setBold(True)
                return font
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._permissions):
            p = self._permissions[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return permission_name(p.zh, p.en)
            if role == Qt.ItemDataRole.ToolTipRole:
                return p.code
        return None
