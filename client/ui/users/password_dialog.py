"""Reset another user's password (administrators)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from client.services import users as user_service
from client.services.api import ApiClient
from client.services.dto import UserRow
from client.services.errors import ClientError, ErrorKind
from client.ui.errors import error_text
from client.ui.users.user_dialog import problem_text
from client.ui.widgets import ERROR_STYLE, BusyBar, FieldError, with_error
from client.ui.workers import TaskRunner


class ResetPasswordDialog(QDialog):
    def __init__(self, api: ApiClient, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset password of %1").replace("%1", user.username))
        self._api, self._user = api, user
        self._runner = TaskRunner(self)
        self.password_edit, self.repeat_edit = QLineEdit(), QLineEdit()
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_error, self.repeat_error = FieldError(), FieldError()
        self.must_change_check = QCheckBox(self.tr("Must change the password at next login"))
        self.must_change_check.setChecked(True)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.busy_bar = BusyBar()
        form = QFormLayout()
        form.addRow(self.tr("New password"), with_error(self.password_edit, self.password_error))
        form.addRow(self.tr("Repeat"), with_error(self.repeat_edit, self.repeat_error))
        form.addRow("", self.must_change_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.busy_bar.sig_cancel_requested.connect(self._runner.cancel_all)
        self._runner.sig_busy_changed.connect(self.busy_bar.set_busy)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        password = self.password_edit.text()
        codes = user_service.password_problem_codes(password, self._user.username)
        self.password_error.show_message(" ".join(problem_text(c) for c in codes))
        mismatch = password != self.repeat_edit.text()
        self.repeat_error.show_message(self.tr("The two passwords differ.") if mismatch else "")
        if codes or mismatch or self._runner.busy:
            return
        self._runner.start(user_service.reset_password, self._api, self._user.id, password,
                           self.must_change_check.isChecked(), key="reset",
                           on_finished=lambda _r: self.accept(), on_failed=self._on_reset_failed)

    def _on_reset_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.VALIDATION:
            self.password_error.show_message(exc.field_errors.get("password", ""))
        self.message_label.setText(error_text(exc))
