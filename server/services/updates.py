"""The server's part of smart update (DESIGN §6): the minimum client version and the
scheduled re-signing of the timestamp metadata."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from updater.errors import UpdateError
from updater.repository import PolicyCache, is_older, resign_timestamp

log = logging.getLogger(__name__)


class VersionPolicy:
    """The minimum client version: from signed update metadata when a repository is
    published, else from the ``JIAOWU_MIN_CLIENT_VERSION`` setting (a fallback for
    installations that do not publish updates through this server)."""

    def __init__(self, updates_dir: Path, fallback_minimum: str | None, trusted_root: Path | None = None) -> None:
        self._cache = PolicyCache(updates_dir, trusted_root)
        self._updates_dir = updates_dir
        self._fallback = fallback_minimum

    def minimum(self) -> str | None:
        if (self._updates_dir / "metadata" / "timestamp.json").exists():
            try:
                policy = self._cache.get()
            except UpdateError as exc:
                log.warning("update metadata unreadable, using the configured minimum: %s", exc)
            else:
                return policy.minimum_version or self._fallback
        return self._fallback

    def is_too_old(self, client_version: str) -> tuple[bool, str | None]:
        """(refuse?, the minimum). A version that does not parse is refused as too old."""
        minimum = self.minimum()
        if not minimum:
            return False, None
        try:
            return is_older(client_version, minimum), minimum
        except ValueError:
            return True, minimum


class TimestampJob:
    """Re-signs timestamp (and snapshot when due) every ``interval`` seconds in a thread."""

    def __init__(self, updates_dir: Path, timestamp_key: Path, snapshot_key: Path | None, interval: float) -> None:
        self._args = (updates_dir, timestamp_key, snapshot_key)
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="timestamp-resign", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def run_once(self) -> None:
        repo, key, snapshot_key = self._args
        if not (repo / "metadata" / "timestamp.json").exists():
            return
        try:
            result = resign_timestamp(repo, key, snapshot_key=snapshot_key)
            log.info("update timestamp re-signed: %s", result)
        except (UpdateError, OSError) as exc:
            log.error("could not re-sign the update timestamp: %s", exc)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self._interval)
