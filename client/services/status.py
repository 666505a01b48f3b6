"""What the status bar shows, as a plain object the sync service updates.

Listeners are called on the thread that changed the state; the Qt bridge re-emits the change
as a queued signal, so this module needs no Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime


@dataclass(frozen=True)
class StatusSnapshot:
    online: bool = False
    work_offline: bool = False  # the user chose to work offline
    server: str = ""
    username: str = ""
    display_name: str = ""
    roles: tuple[str, ...] = ()
    unsent_changes: int = 0
    conflicts: int = 0  # unresolved conflicts and rejections
    last_sync_at: datetime | None = None
    syncing: bool = False
    sync_blocked: str = ""  # why syncs cannot run now (e.g. an update is required), "" when they can


Listener = Callable[[StatusSnapshot], None]


class ClientStatus:
    """Thread-safe holder of the :class:`StatusSnapshot`; notifies listeners on change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot = StatusSnapshot()
        self._listeners: list[Listener] = []

    @property
    def snapshot(self) -> StatusSnapshot:
        with self._lock:
            return self._snapshot

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def update(self, **changes: object) -> StatusSnapshot:
        with self._lock:
            self._snapshot = replace(self._snapshot, **changes)  # type: ignore[arg-type]
            snapshot = self._snapshot
        for listener in list(self._listeners):
            listener(snapshot)
        return snapshot

    def set_sync_counters(self, *, unsent_changes: int, last_sync_at: datetime | None, conflicts: int = 0) -> None:
        """What :class:`client.services.sync.SyncService` publishes after each change."""
        self.update(unsent_changes=unsent_changes, last_sync_at=last_sync_at, conflicts=conflicts)
