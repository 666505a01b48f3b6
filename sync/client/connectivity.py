"""Online/offline switching (DESIGN §5): a heartbeat to ``/health`` plus every failed request.

Qt-free: the desktop wraps it and shows its state. ``on_change(online)`` is called from the
monitor's thread when the state flips; going online is the moment to sync.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import httpx

from core.version import __version__


class ConnectivityMonitor:
    def __init__(self, base_url: str, *, interval: float = 15.0, failures_to_offline: int = 2,
                 on_change: Callable[[bool], None] | None = None, client: httpx.Client | None = None) -> None:
        self._client = client or httpx.Client(base_url=base_url.rstrip("/"), timeout=5.0)
        self._interval = interval
        self._threshold = failures_to_offline
        self._on_change = on_change
        self._lock = threading.Lock()
        self._failures = 0
        self._online = False
        self._forced_offline = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def online(self) -> bool:
        return self._online and not self._forced_offline

    def work_offline(self, offline: bool) -> None:
        """The user's own switch: no network until switched back."""
        before = self.online
        self._forced_offline = offline
        self._notify(before)

    def report_success(self) -> None:
        with self._lock:
            before = self.online
            self._failures, self._online = 0, True
        self._notify(before)

    def report_failure(self) -> None:
        with self._lock:
            before = self.online
            self._failures += 1
            if self._failures >= self._threshold:
                self._online = False
        self._notify(before)

    def probe(self) -> bool:
        """One heartbeat; returns the new state."""
        if self._forced_offline:
            return False
        try:
            ok = self._client.get("/health", headers={"X-Client-Version": __version__}).status_code == 200
        except httpx.HTTPError:
            ok = False
        (self.report_success if ok else self.report_failure)()
        return self.online

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="connectivity", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self._interval + 5)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.probe()
            self._stop.wait(self._interval)

    def _notify(self, before: bool) -> None:
        if self._on_change is not None and before != self.online:
            self._on_change(self.online)
