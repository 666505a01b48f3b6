"""Application start: settings, language, local store, then login window ⇄ main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from client.services.session import AuthSession
from client.services.status import ClientStatus
from client.ui.context import AppContext
from client.ui.dialogs import SettingsDialog
from client.ui.errors import error_text
from client.ui.i18n import install_language
from client.ui.login_window import LoginWindow
from client.ui.settings import APPLICATION, ORGANISATION, AppSettings
from client.ui.workers import TaskRunner
from updater.launcher import confirm_started

if TYPE_CHECKING:
    from client.services.auth import AuthService
    from client.ui.main_window import MainWindow

log = logging.getLogger(__name__)
# Imported on a background thread while the user types, so the main window opens at once.
WARM_UP_MODULES = ("client.ui.main_window", "client.ui.users.page")


def build_context(settings: AppSettings, data_dir: Path | None, language: str | None) -> AppContext:
    """Open the local store and the services for one running client."""
    folder = data_dir or settings.data_dir

    def make_auth() -> AuthService:
        from client.services.auth import AuthService
        from client.store.db import open_store

        return AuthService(open_store(folder))

    return AppContext(settings=settings, auth_factory=make_auth, status=ClientStatus(), data_dir=folder,
                      language=language or settings.language)


class AppController(QObject):
    """Owns the top-level windows: shows the login window, then the main window, and back."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.login_window: LoginWindow | None = None
        self.main_window: MainWindow | None = None
        self._runner = TaskRunner(self)
        from client.ui.updates import UpdateController

        self.updates = UpdateController(context, self)

    def start(self, message: str = "") -> LoginWindow:
        window = LoginWindow(self.context, message=message)
        window.sig_logged_in.connect(self._on_login_window_logged_in)
        window.sig_settings_requested.connect(self._on_login_window_settings_requested)
        self.login_window = window
        window.show()
        return window

    @Slot(object)
    def _on_login_window_logged_in(self, session: object) -> None:
        assert isinstance(session, AuthSession)
        from client.ui.main_window import MainWindow

        window = MainWindow(self.context, session, updates=self.updates)
        window.sig_logout_requested.connect(self._on_main_window_logout_requested)
        self.main_window = window
        window.show()
        if self.login_window is not None:
            self.login_window.close()
            self.login_window.deleteLater()
            self.login_window = None

    @Slot()
    def _on_login_window_settings_requested(self) -> None:
        dialog = SettingsDialog(self.context.settings, str(self.context.data_dir), self.login_window)
        dialog.accepted.connect(lambda: self.login_window and self.login_window.set_server(self.context.settings.server))
        dialog.open()

    @Slot(object)
    def _on_main_window_logout_requested(self, reason: object) -> None:
        window = self.main_window
        if window is None:
            return
        token = self.context.auth.end_session(window.session)
        self._runner.start(self.context.auth.revoke_token, window.session.server, token)  # in the background
        message = error_text(reason) if isinstance(reason, BaseException) else ""
        window.close_confirmed()
        window.deleteLater()
        self.main_window = None
        self.context.status.update(online=False, username="", display_name="", roles=())
        self.start(message)


def start_client(server: str | None = None, data_dir: str | None = None,
                 language: str | None = None) -> tuple[QApplication, AppController]:
    """Create the application and show the login window (``run`` then enters the event loop)."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    settings = AppSettings()
    if server:
        settings.server = server  # remembered (the CLI says so); --language applies to this run only
    context = build_context(settings, Path(data_dir) if data_dir else None, language)
    install_language(app, context.language)
    controller = AppController(context, app)
    controller.start()
    controller.updates.start()  # at start-up, then every "check for updates every" hours
    # After the login window's first paint: the imports would otherwise compete with it.
    QTimer.singleShot(150, lambda: context.warm_up(*WARM_UP_MODULES))
    return app, controller


def run(server: str | None = None, data_dir: str | None = None, language: str | None = None) -> int:
    """Start the desktop client (``jiaowu client``); returns the exit code."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app, controller = start_client(server, data_dir, language)
    # The start-up self-check of a freshly installed version (DESIGN §6): the event loop runs
    # and the login window is up, so tell the launcher; without it the launcher rolls back.
    QTimer.singleShot(0, confirm_started)
    code = app.exec()
    controller.context.close()
    return int(code)
