"""The users screen: search as you type, filters, paging on scroll, sorting, actions."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelection, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.services import roles as role_service
from client.services import users as user_service
from client.services.api import ApiClient
from client.services.dto import Page, RoleRow, UserQuery, UserRow
from client.services.session import AuthSession
from client.ui import prompts
from client.ui.context import AppContext
from client.ui.labels import role_display
from client.ui.users.password_dialog import ResetPasswordDialog
from client.ui.users.table_model import UsersTableModel
from client.ui.users.user_dialog import UserDialog
from client.ui.workers import TaskRunner

SEARCH_DELAY_MS = 120


class UsersPage(QWidget):
    def __init__(self, context: AppContext, runner: TaskRunner, session: AuthSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPage")
        self._context, self._runner, self.session = context, runner, session
        self._query = UserQuery()
        self._shown_q = ""  # the search text the rows on screen answer (server or local narrowing)
        self.roles: tuple[RoleRow, ...] = ()
        self.model = UsersTableModel(user_service.PAGE_SIZE, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self._update_buttons()
        self.refresh()
        self._runner.start(role_service.load_role_names, self.api, key="users-roles",
                           on_finished=self._on_roles_loaded)

    @property
    def api(self) -> ApiClient:
        return self._context.auth.api(self.session.server)

    def _build(self) -> None:
        heading = QLabel(self.tr("Users"))
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_actions())
        layout.addWidget(self._build_view(), 1)

    def _build_filters(self) -> QHBoxLayout:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("userSearch")
        self.search_edit.setPlaceholderText(self.tr("Search username, name or e-mail…"))
        self.search_edit.setClearButtonEnabled(True)
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("All roles"), None)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        self.status_combo.addItem(self.tr("Active"), "active")
        self.status_combo.addItem(self.tr("Disabled"), "disabled")
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.role_combo, 1)
        filters.addWidget(self.status_combo, 1)
        filters.addWidget(self.count_label)
        return filters

    def _build_actions(self) -> QHBoxLayout:
        self.new_button = QPushButton(self.tr("New user…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.enable_button = QPushButton(self.tr("Disable"))
        self.delete_button = QPushButton(self.tr("Delete"))
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.password_button, self.enable_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        return actions

    def _build_view(self) -> QTableView:
        self.view = QTableView()
        self.view.setObjectName("usersTable")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 120, 180, 70, 200, 120)):
            header.resizeSection(column, width)
        return self.view

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.role_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.model.sig_page_requested.connect(self._on_model_page_requested)
        self.model.sig_sort_requested.connect(self._on_model_sort_requested)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.doubleClicked.connect(self._on_edit_button_clicked)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.password_button.clicked.connect(self._on_password_button_clicked)
        self.enable_button.clicked.connect(self._on_enable_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search_edit.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self._on_new_button_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.view, activated=self._on_delete_button_clicked)

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the first page of the current query; a newer query wins over a running one."""
        self._runner.cancel("users-page")
        self._runner.start(user_service.search_users, self.api, self._query, 1, key="users-search",
                           on_finished=self._on_search_finished)

    def selected_user(self) -> UserRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_username(self, username: str) -> bool:
        for row in range(self.model.rowCount()):
            user = self.model.row_at(row)
            if user is not None and user.username == username:
                self.view.selectRow(row)
                return True
        return False

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        # Narrowing a query whose rows are all loaded: filter them now, the server confirms later.
        if self.model.complete and text.strip().lower().startswith(self._shown_q.strip().lower()):
            self.model.narrow(lambda user: user_service.matches(user, text))
            self._shown_q = text
        self._search_timer.start()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self._query = replace(self._query, q=self.search_edit.text())
        self.refresh()

    @Slot()
    def _on_filter_changed(self, *_args: object) -> None:
        self._query = replace(self._query, role=self.role_combo.currentData(), status=self.status_combo.currentData())
        self.refresh()

    def _on_search_finished(self, page: object) -> None:
        assert isinstance(page, Page)
        self._shown_q = self._query.q  # the rows shown now are the server's answer to this query
        self.model.reset_rows(page)

    @Slot(int)
    def _on_model_page_requested(self, number: int) -> None:
        self._runner.start(user_service.search_users, self.api, self._query, number, key="users-page",
                           on_finished=self.model.append_page, on_failed=self._on_page_failed)

    def _on_page_failed(self, exc: BaseException) -> None:
        self.model.page_failed()
        self._runner.sig_failed.emit(exc)

    @Slot(str, bool)
    def _on_model_sort_requested(self, field: str, descending: bool) -> None:
        self._query = replace(self._query, sort=field, desc=descending)
        self.refresh()

    def _on_roles_loaded(self, roles: object) -> None:
        assert isinstance(roles, tuple)
        self.roles = roles
        self.role_combo.blockSignals(True)
        for role in roles:
            self.role_combo.addItem(role_display(role.code, role.name, role.name_en), role.code)
        self.role_combo.blockSignals(False)

    @Slot()
    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(self.tr("%1 of %2 users").replace("%1", str(self.model.rowCount()))
                                 .replace("%2", str(self.model.total)))
        self._update_buttons()

    # -- actions --------------------------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (self.edit_button, self.password_button, self.enable_button, self.delete_button):
            button.setEnabled(user is not None)
        active = user is None or user.status == "active"
        self.enable_button.setText(self.tr("Disable") if active else self.tr("Enable"))

    @Slot()
    def _on_new_button_clicked(self) -> None:
        dialog = UserDialog(self.api, self.roles, None, self)
        dialog.sig_saved.connect(self._on_dialog_saved)
        dialog.open()

    @Slot()
    def _on_edit_button_clicked(self, *_args: object) -> None:
        user = self.selected_user()
        if user is not None:
            dialog = UserDialog(self.api, self.roles, user, self)
            dialog.sig_saved.connect(self.model.replace_row)
            dialog.open()

    def _on_dialog_saved(self, user: object) -> None:
        self.refresh()

    @Slot()
    def _on_password_button_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            ResetPasswordDialog(self.api, user, self).open()

    @Slot()
    def _on_enable_button_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._runner.start(user_service.set_enabled, self.api, user.id, user.status != "active",
                               on_finished=self._on_user_changed)

    def _on_user_changed(self, user: object) -> None:
        assert isinstance(user, UserRow)
        self.model.replace_row(user)
        self._update_buttons()

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        question = self.tr("Delete the user %1 (%2)? They can no longer log in; the audit log keeps their history.")
        if prompts.confirm(self, self.tr("Delete user"),
                           question.replace("%1", user.username).replace("%2", user.display_name)):
            self._runner.start(user_service.delete_user, self.api, user.id, on_finished=self.model.remove_row)
