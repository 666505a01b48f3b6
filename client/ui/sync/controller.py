"""When the client syncs: at login, every few minutes, on reconnection, a few seconds after
each local change, and when the user asks. One sync at a time; never on the GUI thread.

The controller belongs to the main window and dies with it; the :class:`SyncService` it
drives belongs to the application context, so a sync still finishing after a logout has
somewhere to finish (its result is dropped, its committed work kept).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from client.services.session import AuthSession
from client.services.status import StatusSnapshot
from client.services.sync import SyncService
from client.ui.context import AppContext
from client.ui.status_bar import StatusBridge
from client.ui.workers import TaskRunner
from sync.client.engine import SyncReport
from sync.client.errors import SyncCancelledError, SyncError, SyncErrorKind

log = logging.getLogger(__name__)
SOON_MS = 3_000  # after a local change: long enough to gather a burst of edits into one push


class SyncController(QObject):
    sig_started = Signal()
    sig_progress = Signal(int, int)
    sig_finished = Signal(object)  # SyncReport
    sig_failed = Signal(object)  # the exception (never a cancel)
    sig_cancelled = Signal()
    sig_data_changed = Signal()  # a sync changed local rows: views over the replica refresh
    sig_network_lost = Signal(object)
    sig_auth_failed = Signal(object)
    sig_update_required = Signal(object)

    def __init__(self, context: AppContext, service: SyncService, session: AuthSession,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context, self.service, self.session = context, service, session
        self.running = False
        self._again = False
        self.last_error: BaseException | None = None
        self._runner = TaskRunner(self)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.sync_now)
        self._bridge = StatusBridge(context.status, self)
        self._bridge.sig_changed.connect(self._on_status_changed)
        self._unsent = context.status.snapshot.unsent_changes
        service.attach(self._token)

    def _token(self) -> str | None:
        return self.session.token if self.session.online else None

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> None:
        self._timer.start(self.context.settings.sync_minutes * 60_000)
        self._unsent = self.service.publish_counters().unsent
        if self.can_sync():
            self._soon.start(0)

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()
        self._runner.cancel_all()
        self._bridge.detach()
        self.service.detach()
        self.running = False
        self.context.status.update(syncing=False, sync_blocked="")

    def set_session(self, session: AuthSession) -> None:
        came_online = session.online and not self.session.online
        self.session = session
        if came_online:
            self.context.status.update(sync_blocked="")
            self.request_soon(0)  # reconnected (or an offline login confirmed): send what waited

    # -- syncing ------------------------------------------------------------------------------
    def can_sync(self) -> bool:
        snapshot = self.context.status.snapshot
        return self.session.online and not snapshot.work_offline and not snapshot.sync_blocked

    def request_soon(self, delay_ms: int = SOON_MS) -> None:
        """Sync after ``delay_ms``; while a sync runs, once more right after it (its push may
        have started before the change that asks)."""
        if not self.can_sync():
            return
        if self.running:
            self._again = True
        elif not self._soon.isActive() or self._soon.remainingTime() > delay_ms:
            self._soon.start(delay_ms)

    @Slot()
    def sync_now(self) -> bool:
        """Start a sync unless one runs or the client is offline; True when one started."""
        if self.running or not self.can_sync():
            return False
        self._soon.stop()
        self._again = False
        self.running = True
        self.context.status.update(syncing=True)
        self.sig_started.emit()
        self._runner.start(self.service.sync, key="sync", on_finished=self._on_sync_finished,
                           on_failed=self._on_sync_failed, on_progress=self.sig_progress.emit)
        return True

    def cancel(self) -> None:
        """Stop the running sync; batches and pages already committed stay."""
        if self.running:
            self._runner.cancel("sync")
            self.running = False
            self.context.status.update(syncing=False)
            self.sig_cancelled.emit()

    def _on_sync_finished(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        self.running = False
        self.last_error = None
        self.context.status.update(syncing=False)
        self.sig_finished.emit(report)
        if report.pulled or report.removed or report.swept or report.conflicts or report.rejected:
            self.sig_data_changed.emit()
        if self._again:
            self.request_soon(0)

    def _on_sync_failed(self, exc: BaseException) -> None:
        self.running = False
        self.context.status.update(syncing=False)
        if isinstance(exc, SyncCancelledError):
            return
        self.last_error = exc
        if isinstance(exc, SyncError) and exc.kind is SyncErrorKind.NETWORK:
            self.sig_network_lost.emit(exc)
        elif isinstance(exc, SyncError) and exc.kind is SyncErrorKind.AUTH:
            self.sig_auth_failed.emit(exc)
        elif isinstance(exc, SyncError) and exc.kind is SyncErrorKind.CLIENT_TOO_OLD:
            self.context.status.update(sync_blocked=self.tr("an update is required"))
            self.sig_update_required.emit(exc)
        else:
            log.warning("sync failed: %s", exc)
        self.sig_failed.emit(exc)
        self.sig_data_changed.emit()  # batches committed before the failure may have changed rows

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._timer.setInterval(self.context.settings.sync_minutes * 60_000)  # the setting may have changed
        self.sync_now()

    @Slot(object)
    def _on_status_changed(self, snapshot: StatusSnapshot) -> None:
        if snapshot.unsent_changes > self._unsent:
            self.request_soon()  # a local change: push it shortly
        self._unsent = snapshot.unsent_changes
