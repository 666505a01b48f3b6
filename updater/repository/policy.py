"""Read the release policy from the signed metadata, as the server's 426 gate needs it.

The minimum client version is a field of targets metadata signed with the
offline targets key, so it is read *through verification*: starting from the
trusted root shipped in ``assets/updater/root.json``, walk the root chain, then
check timestamp → snapshot → targets signatures and versions, exactly as a
client would, except expiry: the server must keep enforcing its minimum even if
the timestamp job has stopped (clients will refuse the stale metadata anyway).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import NamedTuple

from tuf.api.exceptions import RepositoryError
from tuf.api.metadata import Metadata, Root, Snapshot, Targets, Timestamp

from updater._releases import Release, minimum_of
from updater.errors import RepositoryStateError
from updater.repository import _store
from updater.repository.publish import published_releases

logger = logging.getLogger(__name__)

# assets/ sits next to the packages, both in a checkout and in a release bundle.
DEFAULT_TRUSTED_ROOT = Path(__file__).resolve().parents[2] / "assets" / "updater" / "root.json"


class RepositoryPolicy(NamedTuple):
    """What the server enforces: unpack as ``latest, minimum = read_policy(...)``."""

    latest_version: str | None
    minimum_version: str | None


def read_policy(repo_dir: Path, trusted_root: Path | bytes | None = None) -> RepositoryPolicy:
    """Return ``(latest_version, minimum_version)`` from verified metadata.

    Args:
        repo_dir: The update repository directory.
        trusted_root: The trust anchor (bytes or path); default
            ``assets/updater/root.json``. Never the repository's own root.json:
            the point is to refuse a repository someone else signed.

    Returns:
        Latest published version and minimum client version (None if unset).

    Raises:
        RepositoryStateError: Missing files, or a signature/version check failed
            (the message names the file).
    """
    releases = read_releases(repo_dir, trusted_root)
    latest = releases[-1].version if releases else None
    return RepositoryPolicy(latest, minimum_of(releases))


def read_releases(repo_dir: Path, trusted_root: Path | bytes | None = None) -> list[Release]:
    """All published releases, oldest first, from verified metadata (see :func:`read_policy`).

    Raises:
        RepositoryStateError: As for :func:`read_policy`.
    """
    repo_dir = Path(repo_dir)
    root = _verified_root(repo_dir, _root_bytes(trusted_root))
    timestamp: Metadata[Timestamp] = _checked(repo_dir, root, "timestamp", None)
    snap_version = timestamp.signed.snapshot_meta.version
    snapshot: Metadata[Snapshot] = _checked(repo_dir, root, "snapshot", snap_version)
    targets_version = snapshot.signed.meta["targets.json"].version
    targets: Metadata[Targets] = _checked(repo_dir, root, "targets", targets_version)
    return published_releases(targets.signed)


def _root_bytes(trusted_root: Path | bytes | None) -> bytes:
    if isinstance(trusted_root, bytes):
        return trusted_root
    path = Path(trusted_root) if trusted_root is not None else DEFAULT_TRUSTED_ROOT
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RepositoryStateError(f"no trusted root: {exc.strerror}", file=str(path)) from exc


def _verified_root(repo_dir: Path, trusted: bytes) -> Metadata[Root]:
    root: Metadata[Root] = Metadata.from_bytes(trusted)
    newest = _store.latest_version(repo_dir, "root")
    for version in range(root.signed.version + 1, newest + 1):
        candidate: Metadata[Root] = _store.load(repo_dir, "root", version)
        name = f"{version}.root.json"
        # A new root must satisfy both the old root's threshold and its own.
        _verify(root.signed, "root", candidate, name)
        _verify(candidate.signed, "root", candidate, name)
        if candidate.signed.version != version:
            raise RepositoryStateError("version inside differs from its name", file=name)
        root = candidate
    return root


def _checked(repo_dir: Path, root: Metadata[Root], role: str, version: int | None) -> Metadata:
    md = _store.load(repo_dir, role, version)
    name = _store.file_of(repo_dir, role, version).name
    _verify(root.signed, role, md, name)
    if version is not None and md.signed.version != version:
        raise RepositoryStateError(
            f"expected version {version}, found {md.signed.version}", file=name
        )
    return md


def _verify(delegator: Root, role: str, md: Metadata, name: str) -> None:
    try:
        delegator.verify_delegate(role, md.signed_bytes, md.signatures)
    except (RepositoryError, ValueError) as exc:
        raise RepositoryStateError(f"signature check failed: {exc}", file=name) from exc


class PolicyCache:
    """Re-read the policy only when ``timestamp.json`` changes (cheap per-request check).

    The 426 gate runs on every request; verification costs a few signature
    checks, so cache the answer keyed on the timestamp file's identity. If a
    re-read fails after a good one (say, an upload in progress), the last verified
    policy is kept and the failure logged; the next call tries again. Thread-safe.
    """

    def __init__(self, repo_dir: Path, trusted_root: Path | bytes | None = None) -> None:
        self._repo_dir = Path(repo_dir)
        self._trusted_root = trusted_root
        self._lock = threading.Lock()
        self._key: tuple[int, int, int] | None = None
        self._value: RepositoryPolicy | None = None

    def get(self) -> RepositoryPolicy:
        """Return the current policy, re-verifying if the timestamp changed.

        Raises:
            RepositoryStateError: No policy could ever be verified (missing or
                untrusted repository).
        """
        try:
            stat = os.stat(_store.file_of(self._repo_dir, "timestamp"))
            key = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        except OSError:
            key = None
        with self._lock:
            if key is not None and key == self._key and self._value is not None:
                return self._value
            try:
                self._value = read_policy(self._repo_dir, self._trusted_root)
                self._key = key
            except RepositoryStateError as exc:
                if self._value is None:
                    raise
                logger.warning("keeping the last verified update policy: %s", exc)
            return self._value
