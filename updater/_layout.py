"""The installation folder, shared by the installer and the launcher (standard library only).

::

    <install>/current           text file: the version the launcher starts
    <install>/previous          text file: the version before the last switch
    <install>/trial.json        present while a new version has not confirmed its self-check
    <install>/failed.json       versions that failed their self-check (not offered again)
    <install>/versions/<v>/     one complete, verified version per folder (manifest.json, app/)
    <install>/versions/.staging-*   unpacking in progress; never pointed to, swept later
    <install>/downloads/        verified archives (``*.part`` while downloading)
    <install>/tuf/              python-tuf's metadata cache (root history, timestamp…)
    <install>/state/            self-check confirmations

Pointers are small files replaced with ``os.replace`` (atomic on POSIX and
Windows) rather than symlinks, which need extra privileges on Windows.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InstallLayout:
    """Paths inside one installation folder."""

    root: Path

    @property
    def versions(self) -> Path:
        """Folder of installed versions."""
        return self.root / "versions"

    @property
    def current_file(self) -> Path:
        """Pointer to the version to start."""
        return self.root / "current"

    @property
    def previous_file(self) -> Path:
        """Pointer to the version to fall back to."""
        return self.root / "previous"

    @property
    def trial_file(self) -> Path:
        """Marks a version that has not yet confirmed its self-check."""
        return self.root / "trial.json"

    @property
    def failed_file(self) -> Path:
        """Versions the launcher had to switch away from."""
        return self.root / "failed.json"

    @property
    def downloads(self) -> Path:
        """Downloaded archives."""
        return self.root / "downloads"

    @property
    def tuf_dir(self) -> Path:
        """python-tuf metadata cache."""
        return self.root / "tuf"

    @property
    def state(self) -> Path:
        """Self-check confirmations."""
        return self.root / "state"

    @property
    def lock_file(self) -> Path:
        """Held by the one updater process allowed to change the installation."""
        return self.root / ".update.lock"

    def version_dir(self, version: str) -> Path:
        """Folder of one installed version."""
        return self.versions / version


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` by a fully written, synced file with ``text``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    # Make the rename itself durable (POSIX); Windows cannot open directories.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_pointer(path: Path) -> str | None:
    """Return the version a pointer file names, or None if absent or empty."""
    try:
        text = path.read_text("utf-8").strip()
    except FileNotFoundError:
        return None
    return text or None


def write_pointer(path: Path, version: str) -> None:
    """Atomically point ``path`` at ``version``."""
    atomic_write_text(path, version + "\n")


@dataclass(frozen=True)
class Trial:
    """A version on probation: started but not yet confirmed."""

    version: str
    previous: str | None


def read_trial(layout: InstallLayout) -> Trial | None:
    """Return the pending trial, or None (also for an unreadable marker)."""
    try:
        data = json.loads(layout.trial_file.read_text("utf-8"))
        return Trial(version=str(data["version"]), previous=data.get("previous"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_trial(layout: InstallLayout, trial: Trial) -> None:
    """Record that ``trial.version`` must confirm before it is trusted."""
    payload = {"version": trial.version, "previous": trial.previous}
    atomic_write_text(layout.trial_file, json.dumps(payload))


def clear_trial(layout: InstallLayout) -> None:
    """Forget the trial marker."""
    layout.trial_file.unlink(missing_ok=True)


def read_failed(layout: InstallLayout) -> frozenset[str]:
    """Versions that failed their self-check on this machine."""
    try:
        data = json.loads(layout.failed_file.read_text("utf-8"))
        return frozenset(str(v) for v in data)
    except (OSError, ValueError, TypeError):
        return frozenset()


def mark_failed(layout: InstallLayout, version: str) -> None:
    """Remember that ``version`` failed, so it is not installed again automatically."""
    failed = sorted(read_failed(layout) | {version})
    atomic_write_text(layout.failed_file, json.dumps(failed))
