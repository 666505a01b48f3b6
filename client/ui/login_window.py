"""The login window: online login, distinct failure messages, offline login when unreachable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from client.services.errors import ClientError, ErrorKind
from client.services.session import AuthSession
from client.ui.context import AppContext
from client.ui.errors import error_text
from client.ui.widgets import ERROR_STYLE, BusyBar, FieldError, with_error
from client.ui.workers import TaskRunner
from core.version import __version__


class LoginWindow(QWidget):
    """Emits ``sig_logged_in(AuthSession)``; ``sig_settings_requested`` opens the settings."""

    sig_logged_in = Signal(object)
    sig_settings_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None, message: str = "") -> None:
        super().__init__(parent)
        self._context = context
        self._runner = TaskRunner(self)
        self.setObjectName("loginWindow")
        self.setWindowTitle(self.tr("Jiaowu — Log in"))
        self._build()
        self.show_message(message)
        self.resize(440, 400)

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 32, 36, 20)
        self._build_header(layout)
        layout.addSpacing(16)
        layout.addLayout(self._build_form())
        self.message_label = QLabel()
        self.message_label.setObjectName("loginMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.busy_bar = BusyBar()
        layout.addWidget(self.busy_bar)
        self._build_buttons(layout)
        self._connect()
        focus = self.password_edit if self.username_edit.text() else self.username_edit
        focus.setFocus()

    def _build_header(self, layout: QVBoxLayout) -> None:
        title = QLabel(self.tr("Jiaowu Academic Administration"))
        title.setObjectName("loginTitle")
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        subtitle = QLabel(self.tr("Log in with your staff account"))
        subtitle.setStyleSheet("color: #5f6368;")
        layout.addWidget(title)
        layout.addWidget(subtitle)

    def _build_form(self) -> QFormLayout:
        self.server_edit = QLineEdit(self._context.settings.server)
        self.username_edit = QLineEdit(self._context.settings.remembered_username)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(self.tr("Remember my username"))
        self.remember_check.setChecked(self._context.settings.remember_me)
        self.server_error, self.username_error, self.password_error = FieldError(), FieldError(), FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Server"), with_error(self.server_edit, self.server_error))
        form.addRow(self.tr("Username"), with_error(self.username_edit, self.username_error))
        form.addRow(self.tr("Password"), with_error(self.password_edit, self.password_error))
        form.addRow("", self.remember_check)
        return form

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setDefault(True)
        self.offline_button = QPushButton(self.tr("Work offline"))
        self.offline_button.hide()
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setFlat(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(self.offline_button)
        buttons.addWidget(self.login_button)
        version = QLabel(self.tr("Version %1").replace("%1", __version__))
        version.setStyleSheet("color: #80868b;")
        version.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addLayout(buttons)
        layout.addWidget(version)

    def _connect(self) -> None:
        self.login_button.clicked.connect(self._on_login_button_clicked)
        self.offline_button.clicked.connect(self._on_offline_button_clicked)
        self.settings_button.clicked.connect(self.sig_settings_requested)
        self.password_edit.returnPressed.connect(self._on_login_button_clicked)
        self._runner.sig_busy_changed.connect(self._on_runner_busy_changed)
        self.busy_bar.sig_cancel_requested.connect(self._on_busy_cancel_requested)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self._on_busy_cancel_requested)

    # -- state ----------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def set_server(self, address: str) -> None:
        self.server_edit.setText(address)

    def _inputs_ok(self) -> bool:
        checks = ((self.server_edit, self.server_error, self.tr("Enter the server address.")),
                  (self.username_edit, self.username_error, self.tr("Enter your username.")),
                  (self.password_edit, self.password_error, self.tr("Enter your password.")))
        ok = True
        for edit, error, text in checks:
            missing = not edit.text().strip()
            error.show_message(text if missing else "")
            ok = ok and not missing
        return ok

    def _credentials(self) -> tuple[str, str, str]:
        return self.server_edit.text().strip(), self.username_edit.text().strip(), self.password_edit.text()

    # -- slots ----------------------------------------------------------------------------
    @Slot()
    def _on_login_button_clicked(self) -> None:
        if self._runner.busy or not self._inputs_ok():
            return
        self.show_message("")
        self.offline_button.hide()
        server, username, password = self._credentials()
        self._runner.start(self._context.auth.login_online, server, username, password, key="login",
                           on_finished=self._on_login_finished, on_failed=self._on_login_failed)

    @Slot()
    def _on_offline_button_clicked(self) -> None:
        if self._runner.busy or not self._inputs_ok():
            return
        server, username, password = self._credentials()
        self._runner.start(self._context.auth.login_offline, server, username, password, key="login",
                           on_finished=self._on_login_finished, on_failed=self._on_login_failed)

    def _on_login_finished(self, session: object) -> None:
        assert isinstance(session, AuthSession)
        settings = self._context.settings
        settings.server = session.server
        settings.remember_me = self.remember_check.isChecked()
        settings.remembered_username = session.user.username if self.remember_check.isChecked() else ""
        self.password_edit.clear()
        self.sig_logged_in.emit(session)

    def _on_login_failed(self, exc: BaseException) -> None:
        self.show_message(error_text(exc))
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.UNREACHABLE:
            server, username, _password = self._credentials()
            if self._context.auth.knows(server, username):
                self.show_message(error_text(exc) + "\n" + self.tr(
                    "You have logged in on this computer before, so you can work offline; "
                    "your changes are sent when the server is back."))
                self.offline_button.show()
                self.offline_button.setFocus()
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.WRONG_CREDENTIALS:
            self.password_edit.selectAll()
            self.password_edit.setFocus()

    @Slot(bool)
    def _on_runner_busy_changed(self, busy: bool) -> None:
        self.busy_bar.set_busy(busy)
        for widget in (self.login_button, self.offline_button, self.server_edit, self.username_edit,
                       self.password_edit):
            widget.setEnabled(not busy)

    @Slot()
    def _on_busy_cancel_requested(self) -> None:
        if self._runner.busy:
            self._runner.cancel_all()
            self.show_message(self.tr("Login cancelled."))
