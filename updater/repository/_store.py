"""Reading and writing the update repository directory.

The directory is served as is under ``/updates/``::

    metadata/<N>.root.json        every root version (clients walk the chain)
    metadata/root.json            copy of the newest root, for people and tools
    metadata/timestamp.json       re-signed often by the server's scheduled job
    metadata/<N>.snapshot.json    consistent snapshots: versioned names, so a client
    metadata/<N>.targets.json     mid-update never sees a mix of two publications
    targets/<sha256>.jiaowu-client-<version>.tar.gz

Files are written to a temporary name and moved with ``os.replace``; metadata is
written bottom-up (targets, snapshot, then timestamp) so the repository seen
through ``timestamp.json`` is always complete.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from securesystemslib.signer import Signer
from tuf.api.metadata import Metadata, MetaFile, Root, Snapshot, Targets, Timestamp

from updater.errors import RepositoryStateError

METADATA = "metadata"
TARGETS = "targets"

# Lifetimes: root and targets are signed offline, so they last long; snapshot and
# timestamp are online and short, so a frozen or replayed repository is noticed.
EXPIRY = {
    "root": timedelta(days=365),
    "targets": timedelta(days=180),
    "snapshot": timedelta(days=7),
    "timestamp": timedelta(days=1),
}
_VERSIONED = re.compile(r"^(\d+)\.(root|snapshot|targets)\.json$")


def utc_now() -> datetime:
    """Current time, UTC, whole seconds (TUF's expiry format)."""
    return datetime.now(UTC).replace(microsecond=0)


def expiry(role: str, now: datetime | None = None, lifetime: timedelta | None = None) -> datetime:
    """Return the expiry for a freshly signed ``role``."""
    return (now or utc_now()).replace(microsecond=0) + (lifetime or EXPIRY[role])


def metadata_dir(repo_dir: Path) -> Path:
    """The ``metadata/`` folder of a repository."""
    return Path(repo_dir) / METADATA


def targets_dir(repo_dir: Path) -> Path:
    """The ``targets/`` folder of a repository."""
    return Path(repo_dir) / TARGETS


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def latest_version(repo_dir: Path, role: str) -> int:
    """Highest ``N`` of ``metadata/N.<role>.json`` (0 if none)."""
    best = 0
    folder = metadata_dir(repo_dir)
    if folder.is_dir():
        for entry in folder.iterdir():
            match = _VERSIONED.match(entry.name)
            if match and match.group(2) == role:
                best = max(best, int(match.group(1)))
    return best


def file_of(repo_dir: Path, role: str, version: int | None = None) -> Path:
    """Path of a role's metadata file (timestamp is never versioned)."""
    if role == "timestamp":
        return metadata_dir(repo_dir) / "timestamp.json"
    if version is None:
        version = latest_version(repo_dir, role)
    return metadata_dir(repo_dir) / f"{version}.{role}.json"


def load(repo_dir: Path, role: str, version: int | None = None) -> Metadata:
    """Load a role's metadata (newest by default) without verifying it.

    Raises:
        RepositoryStateError: The file is missing or unreadable.
    """
    path = file_of(repo_dir, role, version)
    try:
        return Metadata.from_file(str(path))
    except Exception as exc:  # boundary: any parse failure means a broken repository
        raise RepositoryStateError(f"cannot load metadata: {exc}", file=str(path)) from exc


def save(repo_dir: Path, metadata: Metadata) -> Path:
    """Write ``metadata`` under its consistent-snapshot name and return the path."""
    role = metadata.signed.type
    version = None if role == "timestamp" else metadata.signed.version
    path = file_of(repo_dir, role, version)
    data = metadata.to_bytes()
    atomic_write(path, data)
    if role == "root":
        atomic_write(metadata_dir(repo_dir) / "root.json", data)
    return path


def sign(metadata: Metadata, signers: list[Signer]) -> None:
    """Replace the signatures of ``metadata`` with one from each signer."""
    metadata.signatures.clear()
    for signer in signers:
        metadata.sign(signer, append=True)


def bump(
    metadata: Metadata,
    now: datetime | None = None,
    lifetime: timedelta | None = None,
    repo_dir: Path | None = None,
) -> None:
    """Increase the version and renew the expiry before re-signing.

    Snapshot and timestamp are signed in two places (IT's publishing machine and
    the server's job), each from its own copy. Their versions follow the clock
    (seconds since 1970, and always at least one more than before), so whichever
    copy was signed last carries the higher version and clients never see a
    later signing as a rollback. Root and targets are only signed by IT: +1.
    With ``repo_dir``, a version number already on disk is never reused.
    """
    moment = (now or utc_now()).replace(microsecond=0)
    role = metadata.signed.type
    version = metadata.signed.version + 1
    if role in ("snapshot", "timestamp"):
        version = max(version, int(moment.timestamp()))
    if repo_dir is not None and role != "timestamp":
        version = max(version, latest_version(repo_dir, role) + 1)
    metadata.signed.version = version
    metadata.signed.expires = expiry(role, moment, lifetime)


def current(repo_dir: Path, role: str) -> Metadata:
    """The snapshot or targets that the served ``timestamp.json`` leads to.

    Not simply the highest-numbered file: after IT uploads a publication, the
    server may still hold a snapshot it renewed meanwhile with a higher number
    but older content. The timestamp is what clients follow, so the tools do too.

    Raises:
        RepositoryStateError: A file in the chain is missing.
    """
    timestamp: Metadata[Timestamp] = load(repo_dir, "timestamp")
    snapshot: Metadata[Snapshot] = load(
        repo_dir, "snapshot", timestamp.signed.snapshot_meta.version
    )
    if role == "snapshot":
        return snapshot
    return load(repo_dir, "targets", snapshot.signed.meta["targets.json"].version)


def meta_file(repo_dir: Path, metadata: Metadata) -> MetaFile:
    """Describe a saved metadata file (version, length, sha256) for the role above it.

    Length and hashes are included so a client rejects a swapped file of the right
    version number, not only a wrong version.
    """
    path = file_of(repo_dir, metadata.signed.type, metadata.signed.version)
    data = path.read_bytes()
    return MetaFile.from_data(metadata.signed.version, data, ["sha256"])


def publish_snapshot_and_timestamp(
    repo_dir: Path,
    targets: Metadata[Targets],
    snapshot_signer: Signer,
    timestamp_signer: Signer,
    now: datetime | None = None,
) -> tuple[Metadata[Snapshot], Metadata[Timestamp]]:
    """Sign a new snapshot naming ``targets`` and a new timestamp naming that snapshot."""
    snapshot: Metadata[Snapshot] = current(repo_dir, "snapshot")
    snapshot.signed.meta["targets.json"] = meta_file(repo_dir, targets)
    bump(snapshot, now, repo_dir=repo_dir)
    sign(snapshot, [snapshot_signer])
    save(repo_dir, snapshot)
    timestamp = new_timestamp(repo_dir, snapshot, timestamp_signer, now)
    return snapshot, timestamp


def new_timestamp(
    repo_dir: Path,
    snapshot: Metadata[Snapshot],
    signer: Signer,
    now: datetime | None = None,
    lifetime: timedelta | None = None,
) -> Metadata[Timestamp]:
    """Sign and save the next timestamp naming ``snapshot``."""
    timestamp: Metadata[Timestamp] = load(repo_dir, "timestamp")
    timestamp.signed.snapshot_meta = meta_file(repo_dir, snapshot)
    bump(timestamp, now, lifetime)
    sign(timestamp, [signer])
    save(repo_dir, timestamp)
    return timestamp


def root_of(repo_dir: Path) -> Metadata[Root]:
    """The newest root of a repository (unverified)."""
    return load(repo_dir, "root")
