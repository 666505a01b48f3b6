"""Smart update in the desktop: a check at start-up and on the settings interval, the offered
release downloaded and verified in the background with a progress bar, then "restart to use
it". Mandatory releases (below the server's minimum) say so: the client keeps working
offline, keeps its unsent changes, and syncs again once updated.

The controller belongs to the application (it outlives logins); the main window shows its
state in an :class:`UpdateBar` in the status bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from client.services.updates import RESTART_CODE, UpdateService, UpdateState, installation_dir
from client.ui.context import AppContext
from client.ui.errors import error_text
from client.ui.workers import TaskRunner
from updater.client import ApplyResult

log = logging.getLogger(__name__)
FIRST_CHECK_MS = 5_000  # after start-up, when the login window is up
ServiceFactory = Callable[[Path, str], UpdateService]


class UpdateController(QObject):
    sig_state_changed = Signal()  # read .phase, .state, .progress, .message

    IDLE, CHECKING, DOWNLOADING, INSTALLED, FAILED, UNAVAILABLE = (
        "idle", "checking", "downloading", "installed", "failed", "unavailable")

    def __init__(self, context: AppContext, parent: QObject | None = None, *,
                 install_dir: Path | None = None, factory: ServiceFactory | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.install_dir = install_dir if install_dir is not None else installation_dir()
        self._factory = factory or (lambda folder, server: UpdateService(folder, server))
        self.phase = self.IDLE if self.install_dir else self.UNAVAILABLE
        self.state: UpdateState | None = None
        self.installed: ApplyResult | None = None
        self.progress = (0, 0)
        self.message = ""
        self._runner = TaskRunner(self)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_now)

    @property
    def available(self) -> bool:
        """False when this process was not started by the launcher (nothing to update)."""
        return self.install_dir is not None

    def start(self, first_ms: int = FIRST_CHECK_MS) -> None:
        if not self.available:
            log.info("no installation (not started by the launcher): update checks are off")
            return
        self._timer.start(self.context.settings.update_check_hours * 3_600_000)
        QTimer.singleShot(first_ms, self, self.check_now)

    def stop(self) -> None:
        self._timer.stop()
        self._runner.cancel_all()

    @Slot()
    def check_now(self) -> bool:
        """Check (and, when something is offered, download and install in the background)."""
        if not self.available or self.phase in (self.CHECKING, self.DOWNLOADING, self.INSTALLED):
            return False
        assert self.install_dir is not None
        self._timer.setInterval(self.context.settings.update_check_hours * 3_600_000)
        service = self._factory(self.install_dir, self.context.settings.server)
        self._set(self.CHECKING, "")
        self._runner.start(service.check, key="update", on_finished=lambda state: self._on_checked(service, state),
                           on_failed=self._on_failed)
        return True

    def cancel(self) -> None:
        if self.phase in (self.CHECKING, self.DOWNLOADING):
            self._runner.cancel("update")
            self._set(self.IDLE, QCoreApplication.translate("updates", "The update was cancelled. Nothing was changed."))

    def _on_checked(self, service: UpdateService, state: object) -> None:
        assert isinstance(state, UpdateState)
        self.state = state
        if state.offered is None:
            self._set(self.IDLE, "")
            return
        self.progress = (0, 0)
        self._set(self.DOWNLOADING, "")
        self._runner.start(service.apply, key="update", on_finished=self._on_applied, on_failed=self._on_failed,
                           on_progress=self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress = (done, total)
        self.sig_state_changed.emit()

    def _on_applied(self, result: object) -> None:
        assert isinstance(result, ApplyResult)
        self.installed = result
        self._set(self.INSTALLED, "")

    def _on_failed(self, exc: BaseException) -> None:
        log.warning("update: %s", exc)
        self._set(self.FAILED, error_text(exc))

    def _set(self, phase: str, message: str) -> None:
        self.phase, self.message = phase, message
        self.sig_state_changed.emit()

    def restart(self) -> None:
        """Quit with the launcher's restart code; the launcher starts the new version."""
        QApplication.exit(RESTART_CODE)


class UpdateBar(QWidget):
    """The status-bar part: "Downloading version 2.1… [====] Cancel", then "Version 2.1 is
    installed [Restart now]", or a mandatory update's warning."""

    sig_restart_requested = Signal()

    def __init__(self, controller: UpdateController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateBar")
        self.controller = controller
        self.label = QLabel()
        self.label.setObjectName("updateLabel")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(140)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.setObjectName("restartButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button, self.restart_button):
            layout.addWidget(widget)
        self.cancel_button.clicked.connect(controller.cancel)
        self.restart_button.clicked.connect(self.sig_restart_requested)
        controller.sig_state_changed.connect(self.show_state)
        self.show_state()

    @Slot()
    def show_state(self) -> None:
        c = self.controller
        version = c.state.offered if c.state and c.state.offered else ""
        downloading, installed = c.phase == c.DOWNLOADING, c.phase == c.INSTALLED
        self.bar.setVisible(downloading)
        self.cancel_button.setVisible(downloading)
        self.restart_button.setVisible(installed)
        if downloading:
            done, total = c.progress
            self.bar.setRange(0, total if total > 0 else 0)
            self.bar.setValue(done)
            text = self.tr("Downloading version %1…").replace("%1", version)
        elif installed:
            text = self.tr("Version %1 is installed; restart to use it.").replace("%1", c.installed.installed if c.installed else version)
        elif c.phase == c.FAILED:
            text = self.tr("Update failed")
            self.label.setToolTip(c.message)
        else:
            text = ""
        if c.state is not None and c.state.mandatory and not installed:
            text = (text + " " if text else "") + self.tr("This version is below the server's minimum: sync resumes after the update.")
        self.label.setText(text)
        self.label.setStyleSheet("color: #b3261e;" if c.phase == c.FAILED or (c.state and c.state.mandatory) else "")
        self.setVisible(bool(text))
