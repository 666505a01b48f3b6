"""The desktop's own update checks (DESIGN §6): which installation this process belongs to,
what to trust, and check/apply through :mod:`updater.client` (python-tuf verifies everything
before anything is installed). Plain Python, run on worker threads.

A client started by the launcher knows its installation from ``JIAOWU_INSTALL_DIR``; a client
started otherwise (a developer's checkout, ``jiaowu demo``) has no installation to update and
says so instead of checking.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from updater._layout import InstallLayout, read_pointer
from updater.client import (
    ApplyResult,
    UpdateCheck,
    UpdateClient,
    UpdateClientConfig,
    shipped_trusted_root,
)
from updater.launcher import INSTALL_ENV, RESTART_CODE

Progress = Callable[[int, int], None]
__all__ = ["RESTART_CODE", "UpdateService", "UpdateState", "installation_dir"]


def _noop(_done: int, _total: int) -> None:
    return None


def installation_dir() -> Path | None:
    """The installation the running client was started from by the launcher, if any."""
    value = os.environ.get(INSTALL_ENV)
    return Path(value) if value else None


def trusted_root(install_dir: Path) -> bytes:
    """The trust anchor of the installed version (its ``assets/updater/root.json``): a
    release that rotated the root key brings the new anchor with it. Falls back to the
    anchor shipped with the running code."""
    layout = InstallLayout(install_dir)
    current = read_pointer(layout.current_file)
    if current:
        candidate = layout.version_dir(current) / "app" / "assets" / "updater" / "root.json"
        if candidate.is_file():
            return candidate.read_bytes()
    return shipped_trusted_root()


@dataclass(frozen=True)
class UpdateState:
    """What the last check found (for the About box and the status bar)."""

    installed: str | None
    offered: str | None
    notes: str
    mandatory: bool
    minimum_version: str | None


class UpdateService:
    def __init__(self, install_dir: Path, server_url: str, *, root: bytes | None = None) -> None:
        self.install_dir = install_dir
        self.client = UpdateClient(UpdateClientConfig(install_dir=install_dir, server_url=server_url,
                                                      trusted_root=root or trusted_root(install_dir)))

    def check(self, *, on_progress: Progress = _noop, cancel: threading.Event | None = None) -> UpdateState:
        """Ask the server's signed metadata; raises :class:`updater.errors.UpdateError`."""
        return _state(self.client.check(cancel=cancel))

    def apply(self, *, on_progress: Progress = _noop, cancel: threading.Event | None = None) -> ApplyResult:
        """Download, verify and install the offered release; ``current`` names it after."""
        return self.client.apply(on_progress=on_progress, cancel=cancel)


def _state(check: UpdateCheck) -> UpdateState:
    offered = check.offered
    return UpdateState(installed=check.installed, offered=offered.version if offered else None,
                       notes=offered.notes if offered else "", mandatory=check.mandatory,
                       minimum_version=check.minimum_version)
