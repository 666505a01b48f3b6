"""Heartbeat to ``/health``: switches online/offline and re-validates an offline login.

Failed requests of any worker (and of the sync controller) switch to offline at once; the
heartbeat switches back, and the main window then syncs what waited.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from client.services.errors import ClientError, ErrorKind
from client.services.session import AuthSession
from client.ui.context import AppContext
from client.ui.workers import TaskRunner


class ConnectivityMonitor(QObject):
    """Emits ``sig_session_changed`` with a confirmed session, ``sig_session_ended`` with why."""

    sig_session_changed = Signal(object)
    sig_session_ended = Signal(object)

    def __init__(self, context: AppContext, session: AuthSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.session = session
        self._runner = TaskRunner(self)
        self._timer = QTimer(self)
        self._timer.setInterval(context.heartbeat_ms)
        self._timer.timeout.connect(self.check_now)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._runner.cancel_all()

    @Slot()
    def check_now(self) -> None:
        if self._context.status.snapshot.work_offline:
            return
        if self.session.online:
            api = self._context.auth.api(self.session.server)
            self._runner.start(lambda **kw: api.health(cancel=kw["cancel"]), key="heartbeat",
                               on_finished=self._on_health_ok, on_failed=self._on_health_failed)
        else:
            self._runner.start(self._context.auth.revalidate, self.session, key="heartbeat",
                               on_finished=self._on_revalidated, on_failed=self._on_health_failed)

    def report_failure(self, exc: BaseException) -> None:
        """Any worker's UNREACHABLE failure switches to offline at once."""
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.UNREACHABLE and self.session.online:
            self._set_online(False)

    def mark_offline(self) -> None:
        """Something else (the sync engine) found the server unreachable."""
        if self.session.online:
            self._set_online(False)

    def _set_online(self, online: bool) -> None:
        from dataclasses import replace

        self.session = replace(self.session, online=online)
        self._context.status.update(online=online)
        self.sig_session_changed.emit(self.session)

    def _on_health_ok(self, _info: object) -> None:
        self._context.status.update(online=True)

    def _on_revalidated(self, session: object) -> None:
        assert isinstance(session, AuthSession)
        self.session = session
        user = session.user
        self._context.status.update(online=True, roles=user.roles, display_name=user.display_name)
        self.sig_session_changed.emit(session)

    def _on_health_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.CANCELLED:
            return
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.UNREACHABLE:
            if self.session.online:
                self._set_online(False)
            return
        if isinstance(exc, ClientError) and exc.kind in (
            ErrorKind.NOT_AUTHENTICATED, ErrorKind.DISABLED, ErrorKind.PERMISSION_DENIED, ErrorKind.STUDENT_ACCOUNT,
        ):
            self.stop()
            self.sig_session_ended.emit(exc)
