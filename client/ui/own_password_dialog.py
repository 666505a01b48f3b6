"""Change one's own password; opened at login when the administrator asked for it."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from client.services import users as user_service
from client.services.errors import ClientError, ErrorKind
from client.services.session import AuthSession
from client.ui.context import AppContext
from client.ui.errors import error_text
from client.ui.users.user_dialog import problem_text
from client.ui.widgets import ERROR_STYLE, BusyBar, FieldError, with_error
from client.ui.workers import TaskRunner


class OwnPasswordDialog(QDialog):
    """Emits ``sig_changed`` once the server accepted the new password."""

    sig_changed = Signal()

    def __init__(self, context: AppContext, session: AuthSession, *, required: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ownPasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self._context, self._session = context, session
        self._runner = TaskRunner(self)
        self.current_edit, self.new_edit, self.repeat_edit = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_error, self.new_error, self.repeat_error = FieldError(), FieldError(), FieldError()
        intro = QLabel(self.tr("Your administrator asks you to choose a new password before you continue.")
                       if required else self.tr("Choose a new password for your account."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), with_error(self.current_edit, self.current_error))
        form.addRow(self.tr("New password"), with_error(self.new_edit, self.new_error))
        form.addRow(self.tr("Repeat"), with_error(self.repeat_edit, self.repeat_error))
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.busy_bar = BusyBar()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self._runner.sig_busy_changed.connect(self.busy_bar.set_busy)
        self.busy_bar.sig_cancel_requested.connect(self._runner.cancel_all)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        new = self.new_edit.text()
        codes = user_service.password_problem_codes(new, self._session.user.username)
        self.current_error.show_message(self.tr("Enter your current password.") if not self.current_edit.text() else "")
        self.new_error.show_message(" ".join(problem_text(c) for c in codes))
        mismatch = new != self.repeat_edit.text()
        self.repeat_error.show_message(self.tr("The two passwords differ.") if mismatch else "")
        if codes or mismatch or not self.current_edit.text() or self._runner.busy:
            return
        self._runner.start(self._context.auth.change_password, self._session, self.current_edit.text(), new,
                           on_finished=self._on_change_finished, on_failed=self._on_change_failed)

    def _on_change_finished(self, _result: object) -> None:
        self.sig_changed.emit()
        self.accept()

    def _on_change_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.VALIDATION:
            fields = exc.field_errors
            wrong = "current_password" in fields
            self.current_error.show_message(self.tr("The current password is not right.") if wrong else "")
            self.new_error.show_message(fields.get("new_password", ""))
        self.message_label.setText(error_text(exc))
