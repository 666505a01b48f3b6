"""The main window: a sidebar of permitted modules, pages, menus, shortcuts, status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from client.services.errors import ClientError, ErrorKind
from client.services.modules import HOME, Module, visible_modules
from client.services.session import AuthSession
from client.ui.connectivity import ConnectivityMonitor
from client.ui.context import AppContext
from client.ui.dialogs import AboutDialog, SettingsDialog
from client.ui.errors import error_text, show_error
from client.ui.home import HomePage
from client.ui.labels import module_name
from client.ui.own_password_dialog import OwnPasswordDialog
from client.ui.placeholder import PlaceholderPage
from client.ui.status_bar import MainStatusBar, StatusBridge
from client.ui.sync.controller import SyncController
from client.ui.updates import UpdateBar, UpdateController
from client.ui.workers import TaskRunner


def _make_admin_page(key: str, window: MainWindow) -> QWidget | None:
    """The built pages, imported when first opened (keeps start-up and login fast)."""
    if key == "users":
        from client.ui.users.page import UsersPage

        return UsersPage(window.context, window.runner, window.session)
    if key == "roles":
        from client.ui.roles.page import RolesPage

        return RolesPage(window.context, window.runner, window.session)
    if key == "audit":
        from client.ui.audit.page import AuditPage

        return AuditPage(window.context, window.runner, window.session)
    if key == "sync":
        from client.ui.sync.page import SyncPage

        return SyncPage(window.context, window.sync, window.session)
    if key in MODULE_PAGES:  # the modules over the local replica: each page takes the window
        import importlib

        module_name_, _, class_name = MODULE_PAGES[key].partition(":")
        return getattr(importlib.import_module(module_name_), class_name)(window)  # type: ignore[no-any-return]
    return None


# Pages of the modules that work on the local replica (offline too). A page class takes the
# main window and reaches ``window.context``, ``window.session``, ``window.runner`` and
# ``window.sync`` (the SyncController; ``window.sync.service`` is the SyncService).
MODULE_PAGES: dict[str, str] = {
    "students": "client.ui.students.page:StudentsPage",
    "status_changes": "client.ui.status_changes.page:StatusChangesPage",
    "aid": "client.ui.aid.page:AidPage",
    "dorms": "client.ui.dorms.page:DormsPage",
}


class MainWindow(QMainWindow):
    sig_logout_requested = Signal(object)  # the reason (None: the user chose to)

    def __init__(self, context: AppContext, session: AuthSession, parent: QWidget | None = None, *,
                 updates: UpdateController | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context, self.session = context, session
        self.updates = updates
        self.runner = TaskRunner(self)
        self.monitor = ConnectivityMonitor(context, session, self)
        self.sync = SyncController(context, context.sync_service(session.server, session.user.username), session, self)
        self._leave_confirmed = False
        self._leave_box: QMessageBox | None = None
        self._pages: dict[str, QWidget] = {}
        self._modules: list[Module] = []
        self.setWindowTitle(self.tr("Jiaowu Academic Administration"))
        self._build()
        self._build_menus()
        self._connect()
        context.status.update(online=session.online, server=session.server, username=session.user.username,
                              display_name=session.user.display_name, roles=session.user.roles)
        self.status_bar.show_snapshot(context.status.snapshot)
        self._fill_sidebar()
        self.resize(1280, 800)
        geometry = context.settings.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if session.online and session.user.must_change_password:
            QTimer.singleShot(0, lambda: self.open_password_dialog(required=True))
        self.sync.start()

    def _build(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setMinimumWidth(170)
        self.sidebar.setMaximumWidth(240)
        self.sidebar.setIconSize(QSize(18, 18))
        self.sidebar.setStyleSheet("QListWidget#sidebar { font-size: 14px; } "
                                   "QListWidget#sidebar::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.status_bar = MainStatusBar()
        self.setStatusBar(self.status_bar)
        self.update_bar: UpdateBar | None = None
        if self.updates is not None:
            self.update_bar = UpdateBar(self.updates)
            self.status_bar.addWidget(self.update_bar)
            self.update_bar.sig_restart_requested.connect(self._on_restart_requested)
        self._bridge = StatusBridge(self.context.status, self)

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&Settings…"), QKeySequence.StandardKey.Preferences, self._on_settings_triggered))
        file_menu.addAction(self._action(self.tr("&Change my password…"), None, self._on_change_password_triggered))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Log &out"), "Ctrl+Shift+L", self._on_logout_triggered))
        file_menu.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close))
        view_menu = bar.addMenu(self.tr("&View"))
        self.offline_action = self._action(self.tr("&Work offline"), "Ctrl+Shift+O", self._on_offline_toggled)
        self.offline_action.setCheckable(True)
        view_menu.addAction(self.offline_action)
        view_menu.addAction(self._action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self._on_refresh_triggered))
        self.modules_menu = bar.addMenu(self.tr("&Go"))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Check for &updates"), None, self._on_check_updates_triggered))
        help_menu.addAction(self._action(self.tr("&About Jiaowu"), "F1", self._on_about_triggered))

    def _connect(self) -> None:
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)
        self._bridge.sig_changed.connect(self.status_bar.show_snapshot)
        self.runner.sig_busy_changed.connect(self.status_bar.busy_bar.set_busy)
        self.runner.sig_progress.connect(self.status_bar.busy_bar.set_progress)
        self.runner.sig_failed.connect(self._on_runner_failed)
        self.status_bar.busy_bar.sig_cancel_requested.connect(self.runner.cancel_all)
        self.monitor.sig_session_changed.connect(self._on_monitor_session_changed)
        self.monitor.sig_session_ended.connect(self._on_monitor_session_ended)
        self.sync.sig_network_lost.connect(self._on_sync_network_lost)
        self.sync.sig_auth_failed.connect(self._on_sync_auth_failed)
        self.sync.sig_update_required.connect(self._on_sync_update_required)

    def _fill_sidebar(self) -> None:
        """(Re)build the sidebar from the session's permissions, keeping the current module."""
        current = self.current_module()
        self._modules = [HOME, *visible_modules(self.session.user.permissions)]
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        self.modules_menu.clear()
        for index, module in enumerate(self._modules):
            item = QListWidgetItem(module_name(module.key))
            item.setData(Qt.ItemDataRole.UserRole, module.key)
            self.sidebar.addItem(item)
            shortcut = f"Ctrl+{index + 1}" if index < 9 else None
            self.modules_menu.addAction(self._action(module_name(module.key), shortcut,
                                                     lambda i=index: self.sidebar.setCurrentRow(i)))
        self.sidebar.blockSignals(False)
        keys = [m.key for m in self._modules]
        for key in [k for k in self._pages if k not in keys]:
            page = self._pages.pop(key)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.sidebar.setCurrentRow(keys.index(current) if current in keys else 0)

    # -- navigation -----------------------------------------------------------------------
    def module_keys(self) -> list[str]:
        return [m.key for m in self._modules]

    def current_module(self) -> str | None:
        item = self.sidebar.currentItem() if hasattr(self, "sidebar") else None
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    @Slot(str)
    def show_module(self, key: str) -> QWidget:
        self.sidebar.setCurrentRow(self.module_keys().index(key))
        return self._pages[key]

    def page(self, key: str) -> QWidget | None:
        return self._pages.get(key)

    @Slot(int)
    def _on_sidebar_row_changed(self, row: int) -> None:
        if row < 0 or row >= len(self._modules):
            return
        module = self._modules[row]
        if module.key not in self._pages:
            page = self._make_page(module)
            self._pages[module.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self._pages[module.key])

    def _make_page(self, module: Module) -> QWidget:
        if module.key == "home":
            home = HomePage(self.session, self._modules, self.context.status.snapshot.server)
            home.sig_module_requested.connect(self.show_module)
            return home
        page = _make_admin_page(module.key, self) if module.built else None
        return page or PlaceholderPage(module_name(module.key))

    # -- actions --------------------------------------------------------------------------
    @Slot()
    def _on_settings_triggered(self) -> None:
        SettingsDialog(self.context.settings, str(self.context.data_dir), self).open()

    @Slot()
    def _on_change_password_triggered(self) -> None:
        self.open_password_dialog(required=False)

    def open_password_dialog(self, *, required: bool) -> OwnPasswordDialog:
        dialog = OwnPasswordDialog(self.context, self.session, required=required, parent=self)
        dialog.sig_changed.connect(self._on_password_changed)
        dialog.open()
        return dialog

    @Slot()
    def _on_password_changed(self) -> None:
        from dataclasses import replace

        self.session = replace(self.session, user=replace(self.session.user, must_change_password=False))
        self.monitor.session = self.session
        self.statusBar().showMessage(self.tr("Your password was changed."), 8000)

    @Slot()
    def _on_check_updates_triggered(self) -> None:
        if self.updates is None or not self.updates.available:
            self.statusBar().showMessage(self.tr(
                "This client was not started from an installation, so it cannot update itself; IT manages its version."), 10000)
            return
        if not self.updates.check_now():
            self.statusBar().showMessage(self.tr("An update is already being checked or installed."), 5000)

    @Slot()
    def _on_restart_requested(self) -> None:
        """Restart into the installed update, after the unsent-changes question if any."""
        if self.updates is None:
            return
        self._restart_after_leave = True
        if self.confirm_leave(logout=False):
            self._restart()

    def _restart(self) -> None:
        assert self.updates is not None
        self.close_confirmed()
        self.updates.restart()

    @Slot()
    def _on_about_triggered(self) -> None:
        AboutDialog(self.session.server, self).open()

    @Slot()
    def _on_logout_triggered(self) -> None:
        if self.confirm_leave(logout=True):
            self.sig_logout_requested.emit(None)

    # -- leaving with unsent changes ------------------------------------------------------
    def confirm_leave(self, *, logout: bool) -> bool:
        """True when the window may go now; otherwise a warning is open and decides later.

        With unsent changes the user chooses: sync first (when online), export them to a
        file, leave them on this computer (sent at this user's next login here), or stay.
        """
        unsent = self.context.status.snapshot.unsent_changes
        if self._leave_confirmed or unsent == 0:
            return True
        if self._leave_box is not None:
            self._leave_box.raise_()
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsent changes"), "", QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("unsentChangesBox")
        box.setText(self.tr("%1 of your changes have not been sent to the server yet.").replace("%1", str(unsent)))
        box.setInformativeText(self.tr(
            "They stay saved on this computer and are sent the next time you log in here. To carry them "
            "to another computer, export them to a file and import it there."))
        sync_button = box.addButton(self.tr("Sync now"), QMessageBox.ButtonRole.AcceptRole) if self.sync.can_sync() else None
        export_button = box.addButton(self.tr("Export…"), QMessageBox.ButtonRole.ActionRole)
        leave_button = box.addButton(self.tr("Log out anyway") if logout else self.tr("Quit anyway"),
                                     QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(sync_button or export_button)

        def decided(_result: int) -> None:
            self._leave_box = None
            clicked = box.clickedButton()
            if clicked is sync_button and sync_button is not None:
                self.sync.sig_finished.connect(self._on_sync_before_leaving, Qt.ConnectionType.SingleShotConnection)
                self._leave_after_sync = logout
                self.show_module("sync")
                self.sync.sync_now()
            elif clicked is export_button:
                from client.ui.sync.page import export_unsent_interactively

                export_unsent_interactively(self, self.sync, self.runner, on_done=lambda: self.leave(logout=logout))
            elif clicked is leave_button:
                self.leave(logout=logout)
            else:
                self._restart_after_leave = False  # stayed: a later quit is a plain quit

        box.finished.connect(decided)
        self._leave_box = box
        box.open()
        return False

    def leave(self, *, logout: bool) -> None:
        """Log out or quit without asking again."""
        self._leave_confirmed = True
        if getattr(self, "_restart_after_leave", False) and not logout:
            self._restart()
        elif logout:
            self.sig_logout_requested.emit(None)
        else:
            self.close()

    def close_confirmed(self) -> None:
        """Close without the unsent-changes question (logout was decided already)."""
        self._leave_confirmed = True
        self.close()

    @Slot(object)
    def _on_sync_before_leaving(self, _report: object) -> None:
        logout = getattr(self, "_leave_after_sync", True)
        if logout:
            self._on_logout_triggered()  # asks again if something is still unsent
        elif getattr(self, "_restart_after_leave", False):
            self._on_restart_requested()
        else:
            self.close()

    @Slot()
    def _on_refresh_triggered(self) -> None:
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    @Slot()
    def _on_offline_toggled(self) -> None:
        offline = self.offline_action.isChecked()
        self.context.status.update(work_offline=offline, online=False if offline else self.session.online)
        if offline:
            from dataclasses import replace

            self.sync.cancel()
            self.monitor.session = self.session = replace(self.session, online=False)
            self.sync.set_session(self.session)
        else:
            self.monitor.check_now()

    @Slot(object)
    def _on_runner_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        if isinstance(exc, ClientError) and exc.kind in (ErrorKind.NOT_AUTHENTICATED, ErrorKind.DISABLED):
            if not self.session.online:
                self.monitor.check_now()  # an offline login: re-validate with the password typed then
                return
            self.sig_logout_requested.emit(exc)  # the session was revoked: back to the login window, saying why
            return
        self.monitor.report_failure(exc)
        show_error(self, exc)

    @Slot(object)
    def _on_monitor_session_changed(self, session: object) -> None:
        assert isinstance(session, AuthSession)
        changed = session.user.permissions != self.session.user.permissions
        self.session = session
        self.sync.set_session(session)
        for page in self._pages.values():
            if hasattr(page, "session"):
                page.session = session
        home = self._pages.pop("home", None)
        if home is not None:
            current = self.current_module()
            self.stack.removeWidget(home)
            home.deleteLater()
            if current == "home":
                self._on_sidebar_row_changed(0)
        if changed:
            self._fill_sidebar()

    @Slot(object)
    def _on_monitor_session_ended(self, exc: object) -> None:
        self._leave_confirmed = True  # the session is gone; the unsent changes wait in the replica
        self.sig_logout_requested.emit(exc)

    @Slot(object)
    def _on_sync_network_lost(self, _exc: object) -> None:
        self.monitor.mark_offline()

    @Slot(object)
    def _on_sync_auth_failed(self, exc: object) -> None:
        if self.session.online:
            self.monitor.check_now()  # the heartbeat tells a revoked session from a passing hiccup

    @Slot(object)
    def _on_sync_update_required(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.statusBar().showMessage(error_text(exc), 15000)
        if self.updates is not None:
            self.updates.check_now()  # the server wants a newer version: fetch it now

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        if not self.confirm_leave(logout=False):
            event.ignore()
            return
        self.sync.stop()
        self.monitor.stop()
        self.runner.cancel_all()
        self._bridge.detach()
        self.context.settings.set_geometry("main", self.saveGeometry())
        super().closeEvent(event)
