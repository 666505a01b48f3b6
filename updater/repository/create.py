"""Create the keys and an empty update repository (``jiaowu release init-keys``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tuf.api.metadata import Metadata, Root, Snapshot, Targets, Timestamp

from updater.errors import KeyFileError, RepositoryStateError
from updater.repository import _store
from updater.repository.keys import KeyPaths, generate_signer, load_signer, write_key


def init_keys(
    key_dir: Path,
    *,
    root_keys: int = 3,
    root_threshold: int = 2,
    root_lifetime: timedelta | None = None,
    now: datetime | None = None,
) -> Path:
    """Generate every role's keys and sign root version 1.

    Root gets ``root_keys`` keys of which ``root_threshold`` must sign (2 of 3 by
    default, so one lost or stolen root key neither blocks nor compromises IT);
    targets, snapshot and timestamp get one key each.

    Args:
        key_dir: New folder for the private keys (mode 0700).
        root_keys: Number of root keys.
        root_threshold: Root signatures required.
        root_lifetime: Validity of root v1 (default one year).
        now: Signing time (tests).

    Returns:
        Path of the signed ``root.json`` to ship as ``assets/updater/root.json``.

    Raises:
        KeyFileError: ``key_dir`` already holds keys, or the threshold is impossible.
    """
    if not 1 <= root_threshold <= root_keys:
        raise KeyFileError(f"root threshold {root_threshold} of {root_keys} keys is impossible")
    paths = KeyPaths(Path(key_dir))
    if paths.root() or paths.root_json.exists():
        raise KeyFileError("key directory already initialised", file=str(key_dir))
    root_signers = [generate_signer() for _ in range(root_keys)]
    role_signers = {role: generate_signer() for role in ("targets", "snapshot", "timestamp")}
    for index, signer in enumerate(root_signers, start=1):
        write_key(paths.root_key(index), signer)
    for role, signer in role_signers.items():
        write_key(paths.role(role), signer)
    root = Metadata(
        Root(expires=_store.expiry("root", now, root_lifetime), consistent_snapshot=True)
    )
    for signer in root_signers:
        root.signed.add_key(signer.public_key, "root")
    for role, signer in role_signers.items():
        root.signed.add_key(signer.public_key, role)
    root.signed.roles["root"].threshold = root_threshold
    _store.sign(root, root_signers)
    _store.atomic_write(paths.root_json, root.to_bytes())
    return paths.root_json


def init_repository(repo_dir: Path, key_dir: Path, *, now: datetime | None = None) -> None:
    """Create an empty repository: root v1 from the key dir, empty targets, snapshot, timestamp.

    Raises:
        RepositoryStateError: ``repo_dir`` already holds metadata.
        KeyFileError: A key is missing.
    """
    repo_dir = Path(repo_dir)
    if _store.latest_version(repo_dir, "root"):
        raise RepositoryStateError("repository already initialised", file=str(repo_dir))
    paths = KeyPaths(Path(key_dir))
    try:
        root = Metadata[Root].from_bytes(paths.root_json.read_bytes())
    except OSError as exc:
        raise KeyFileError("no root.json; run init-keys first", file=str(paths.root_json)) from exc
    signers = {role: load_signer(paths.role(role)) for role in ("targets", "snapshot", "timestamp")}
    _store.targets_dir(repo_dir).mkdir(parents=True, exist_ok=True)
    _store.save(repo_dir, root)
    targets = Metadata(Targets(expires=_store.expiry("targets", now)))
    _store.sign(targets, [signers["targets"]])
    _store.save(repo_dir, targets)
    snapshot = Metadata(Snapshot(expires=_store.expiry("snapshot", now)))
    snapshot.signed.meta["targets.json"] = _store.meta_file(repo_dir, targets)
    _store.sign(snapshot, [signers["snapshot"]])
    _store.save(repo_dir, snapshot)
    timestamp = Metadata(Timestamp(expires=_store.expiry("timestamp", now)))
    timestamp.signed.snapshot_meta = _store.meta_file(repo_dir, snapshot)
    _store.sign(timestamp, [signers["timestamp"]])
    _store.save(repo_dir, timestamp)
