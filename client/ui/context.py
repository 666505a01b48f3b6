"""What every window of one running client shares.

The services (SQLAlchemy store, httpx, argon2) take most of the start-up time, and the login
window needs none of them to appear. So :attr:`AppContext.auth` is built on first use, and
:meth:`AppContext.warm_up` builds it on a background thread while the user types.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from client.services.status import ClientStatus
from client.ui.settings import AppSettings

if TYPE_CHECKING:
    from client.services.auth import AuthService
    from client.services.sync import SyncService


class AppContext:
    def __init__(self, *, settings: AppSettings, status: ClientStatus, data_dir: Path, language: str,
                 auth: AuthService | None = None, auth_factory: Callable[[], AuthService] | None = None,
                 heartbeat_ms: int = 15_000) -> None:
        if auth is None and auth_factory is None:
            raise ValueError("give auth or auth_factory")
        self.settings, self.status, self.data_dir, self.language = settings, status, data_dir, language
        self.heartbeat_ms = heartbeat_ms
        self._auth, self._auth_factory = auth, auth_factory
        self._lock = threading.Lock()
        self._sync: dict[tuple[str, str], SyncService] = {}

    @property
    def auth(self) -> AuthService:
        with self._lock:
            if self._auth is None:
                assert self._auth_factory is not None
                self._auth = self._auth_factory()
            return self._auth

    def warm_up(self, *modules: str) -> threading.Thread:
        """Build the services and import ``modules`` on a background thread."""

        def work() -> None:
            self.auth  # noqa: B018 (the property builds the services)
            for name in modules:
                importlib.import_module(name)

        thread = threading.Thread(target=work, name="jiaowu-warm-up", daemon=True)
        thread.start()
        return thread

    def sync_service(self, server: str, username: str) -> SyncService:
        """The replica and sync engine of one (server, user), opened on first use and kept
        until the application closes (a sync may still be finishing after a logout)."""
        from client.services.sync import SyncService

        with self._lock:
            service = self._sync.get((server, username))
            if service is None:
                service = SyncService.open(self.data_dir, server, username, self.status)
                self._sync[(server, username)] = service
            return service

    def close(self) -> None:
        with self._lock:
            for service in self._sync.values():
                service.close()
            self._sync.clear()
            if self._auth is not None:
                self._auth.close()
