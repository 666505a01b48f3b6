"""The roles screen: the permission matrix, new and delete role, save or discard edits."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.services import roles as role_service
from client.services.api import ApiClient
from client.services.session import AuthSession
from client.ui import prompts
from client.ui.context import AppContext
from client.ui.labels import role_display, scope_name
from client.ui.roles.matrix_model import PermissionMatrixModel
from client.ui.roles.role_dialog import RoleDialog
from client.ui.workers import TaskRunner


class RolesPage(QWidget):
    def __init__(self, context: AppContext, runner: TaskRunner, session: AuthSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rolesPage")
        self._context, self._runner, self.session = context, runner, session
        self.model = PermissionMatrixModel(self)
        self._build()
        self._connect()
        self._on_model_dirty_changed(False)
        self.refresh()

    def _build(self) -> None:
        heading = QLabel(self.tr("Roles and permissions"))
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        hint = QLabel(self.tr("Tick a cell to grant a permission to a role, then save. "
                              "Changes apply to every user holding the role at their next login."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.new_button = QPushButton(self.tr("New role…"))
        self.delete_button = QPushButton(self.tr("Delete role…"))
        self.save_button = QPushButton(self.tr("Save changes"))
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.scope_label = QLabel()
        self.scope_label.setStyleSheet("color: #5f6368;")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        self.view = QTableView()
        self.view.setObjectName("permissionMatrix")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setDefaultSectionSize(24)
        layout = QVBoxLayout(self)
        for widget in (heading, hint):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.scope_label)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.discard_button.clicked.connect(self.model.discard)
        self.model.sig_dirty_changed.connect(self._on_model_dirty_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.view.selectionModel().currentColumnChanged.connect(self._on_view_column_changed)

    @property
    def api(self) -> ApiClient:
        return self._context.auth.api(self.session.server)

    def refresh(self) -> None:
        self._runner.start(role_service.load_roles, self.api, key="roles-load", on_finished=self._on_roles_loaded)

    def _on_roles_loaded(self, result: object) -> None:
        assert isinstance(result, role_service.RolesAndPermissions)
        self.model.set_data(result.roles, result.permissions)

    @Slot()
    def _on_model_reset(self) -> None:
        pair = self.tr("%1: %2")
        parts = [pair.replace("%1", role_display(r.code, r.name, r.name_en)).replace("%2", scope_name(r.scope))
                 for r in self.model.roles()]
        self.scope_label.setText(self.tr("Scopes — %1").replace("%1", "；".join(parts)))

    @Slot(bool)
    def _on_model_dirty_changed(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)

    @Slot()
    def _on_view_column_changed(self, *_args: object) -> None:
        role = self.model.role_at(self.view.currentIndex().column())
        self.delete_button.setEnabled(role is not None and not role.builtin)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        changes = self.model.changes()
        if changes:
            self._runner.start(role_service.save_permissions, self.api, changes, key="roles-save",
                               on_finished=lambda _r: self.refresh(), on_failed=self._on_save_failed)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._runner.sig_failed.emit(exc)
        self.refresh()  # some roles may have been saved before the refusal: show the truth

    @Slot()
    def _on_new_button_clicked(self) -> None:
        dialog = RoleDialog(self.api, self)
        dialog.sig_saved.connect(lambda _role: self.refresh())
        dialog.open()

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        role = self.model.role_at(self.view.currentIndex().column())
        if role is None or role.builtin:
            return
        text = self.tr("Delete the role %1? It is held by %2 users.").replace("%1", role.name).replace(
            "%2", str(role.user_count))
        if prompts.confirm(self, self.tr("Delete role"), text):
            self._runner.start(role_service.delete_role, self.api, role.id, on_finished=lambda _r: self.refresh())
