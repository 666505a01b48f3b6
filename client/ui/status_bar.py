"""The status bar: online/offline, server, user and role, unsent changes, last sync, busy."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from client.services.status import ClientStatus, StatusSnapshot
from client.ui.labels import role_name
from client.ui.widgets import BusyBar


class StatusBridge(QObject):
    """Re-emits :class:`ClientStatus` changes on the GUI thread (they may come from workers)."""

    sig_changed = Signal(object)

    def __init__(self, status: ClientStatus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status
        self._listener = self.sig_changed.emit  # queued to the GUI thread when emitted elsewhere
        status.subscribe(self._listener)

    def detach(self) -> None:
        self._status.unsubscribe(self._listener)


class MainStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainStatusBar")
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        self.server_label = QLabel()
        self.user_label = QLabel()
        self.unsent_label = QLabel()
        self.unsent_label.setObjectName("unsentLabel")
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("conflictsLabel")
        self.conflicts_label.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("lastSyncLabel")
        self.busy_bar = BusyBar()
        self.busy_bar.setMaximumWidth(260)
        self.addWidget(self.busy_bar)
        for label in (self.connection_label, self.server_label, self.user_label, self.unsent_label, self.conflicts_label,
                      self.sync_label):
            label.setContentsMargins(6, 0, 6, 0)
            self.addPermanentWidget(label)

    @Slot(object)
    def show_snapshot(self, snapshot: StatusSnapshot) -> None:
        if snapshot.online:
            text, colour = self.tr("● Online"), "#188038"
        elif snapshot.work_offline:
            text, colour = self.tr("● Working offline"), "#b06000"
        else:
            text, colour = self.tr("● Offline"), "#b3261e"
        self.connection_label.setText(text)
        self.connection_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.server_label.setText(self.tr("Server: %1").replace("%1", snapshot.server))
        roles = "、".join(role_name(r) for r in snapshot.roles)
        self.user_label.setText(f"{snapshot.display_name} ({snapshot.username}) · {roles}")
        self.unsent_label.setText(self.tr("Unsent changes: %1").replace("%1", str(snapshot.unsent_changes)))
        self.conflicts_label.setText(self.tr("Conflicts: %1").replace("%1", str(snapshot.conflicts)))
        self.conflicts_label.setVisible(snapshot.conflicts > 0)
        if snapshot.sync_blocked:
            self.sync_label.setText(self.tr("Sync paused: %1").replace("%1", snapshot.sync_blocked))
        elif snapshot.syncing:
            self.sync_label.setText(self.tr("Syncing…"))
        else:
            when = snapshot.last_sync_at.astimezone().strftime("%Y-%m-%d %H:%M") if snapshot.last_sync_at else self.tr("never")
            self.sync_label.setText(self.tr("Last sync: %1").replace("%1", when))
