"""Replace a signing key (``jiaowu release rotate-key``).

A key change is a new root version listing the new key. Clients accept it only
if it is signed by a threshold of the *old* root keys and a threshold of the
*new* ones, so a thief holding one old key cannot rotate IT out.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from securesystemslib.signer import CryptoSigner
from tuf.api.exceptions import UnsignedMetadataError
from tuf.api.metadata import Metadata, Root, Snapshot, Targets

from updater.errors import KeyFileError, ReleaseError
from updater.repository import _store
from updater.repository.keys import (
    ROLES,
    KeyPaths,
    generate_signer,
    load_signer,
    retire_key,
    write_key,
)


def rotate_key(
    repo_dir: Path,
    key_dir: Path,
    role: str,
    *,
    index: int | None = None,
    now: datetime | None = None,
) -> int:
    """Replace one key of ``role`` and publish root version N+1.

    The new private key replaces the old file in ``key_dir``; the old one is kept
    as ``*.retired.pem``. For targets, snapshot and timestamp the role's current
    metadata is re-signed with the new key right away.

    Args:
        repo_dir: The update repository directory.
        key_dir: Holds the root keys available for signing (a threshold of the
            old ones) and the role's current key.
        role: ``root``, ``targets``, ``snapshot`` or ``timestamp``.
        index: Which root key (1-based) to replace; required for ``root``.
        now: Signing time (tests).

    Returns:
        The new root version.

    Raises:
        ReleaseError: Unknown role or missing index.
        KeyFileError: Not enough root keys to reach both thresholds, or keys missing.
    """
    if role not in ROLES:
        raise ReleaseError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    paths = KeyPaths(Path(key_dir))
    old_path = _old_key_path(paths, role, index)
    old_signer = load_signer(old_path)
    new_signer = generate_signer()
    # Write the new key before publishing the root that names it: a crash in
    # between must never leave a published key whose private half is lost.
    staged = old_path.with_name(old_path.stem + ".new.pem")
    staged.unlink(missing_ok=True)
    write_key(staged, new_signer)
    try:
        root = _new_root(Path(repo_dir), paths, role, old_signer, new_signer, now)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    _store.save(Path(repo_dir), root)
    retire_key(old_path)
    os.replace(staged, old_path)
    _resign_role(Path(repo_dir), paths, role, new_signer, now)
    return root.signed.version


def _new_root(
    repo_dir: Path,
    paths: KeyPaths,
    role: str,
    old_signer: CryptoSigner,
    new_signer: CryptoSigner,
    now: datetime | None,
) -> Metadata[Root]:
    root: Metadata[Root] = _store.root_of(repo_dir)
    old_root = Metadata[Root].from_bytes(root.to_bytes())
    root.signed.revoke_key(old_signer.public_key.keyid, role)
    root.signed.add_key(new_signer.public_key, role)
    _store.bump(root, now)
    signers = [load_signer(p) for p in paths.root()]
    if role == "root":
        signers.append(new_signer)
    _store.sign(root, signers)
    _check_thresholds(old_root, root)
    return root


def _old_key_path(paths: KeyPaths, role: str, index: int | None) -> Path:
    if role != "root":
        return paths.role(role)
    if index is None:
        raise ReleaseError("rotating a root key needs --index (which root key, from 1)")
    return paths.root_key(index)


def _check_thresholds(old_root: Metadata[Root], new_root: Metadata[Root]) -> None:
    for label, delegator in (("old", old_root), ("new", new_root)):
        try:
            delegator.signed.verify_delegate("root", new_root.signed_bytes, new_root.signatures)
        except UnsignedMetadataError as exc:
            raise KeyFileError(f"not enough root keys for the {label} threshold: {exc}") from exc


def _resign_role(
    repo_dir: Path, paths: KeyPaths, role: str, signer: CryptoSigner, now: datetime | None
) -> None:
    if role == "root":
        return
    signers = {r: load_signer(paths.role(r)) for r in ("targets", "snapshot", "timestamp")}
    signers[role] = signer
    if role == "targets":
        targets: Metadata[Targets] = _store.current(repo_dir, "targets")
        _store.bump(targets, now, repo_dir=repo_dir)
        _store.sign(targets, [signers["targets"]])
        _store.save(repo_dir, targets)
        _store.publish_snapshot_and_timestamp(
            repo_dir, targets, signers["snapshot"], signers["timestamp"], now
        )
    elif role == "snapshot":
        snapshot: Metadata[Snapshot] = _store.current(repo_dir, "snapshot")
        _store.bump(snapshot, now, repo_dir=repo_dir)
        _store.sign(snapshot, [signers["snapshot"]])
        _store.save(repo_dir, snapshot)
        _store.new_timestamp(repo_dir, snapshot, signers["timestamp"], now)
    else:
        snapshot = _store.current(repo_dir, "snapshot")
        _store.new_timestamp(repo_dir, snapshot, signers["timestamp"], now)


def renew(repo_dir: Path, key_dir: Path, role: str, *, now: datetime | None = None) -> int:
    """Re-sign ``root`` or ``targets`` with a fresh expiry, keys unchanged.

    Offline metadata expires too (root after a year, targets after 180 days);
    IT renews it ahead of time with the offline keys. Snapshot and timestamp are
    renewed by :func:`updater.repository.resign_timestamp`.

    Returns:
        The new version of the renewed metadata.

    Raises:
        ReleaseError: ``role`` is not root or targets.
        KeyFileError: Keys missing or below the root threshold.
    """
    repo_dir, paths = Path(repo_dir), KeyPaths(Path(key_dir))
    if role == "root":
        root: Metadata[Root] = _store.root_of(repo_dir)
        old_root = Metadata[Root].from_bytes(root.to_bytes())
        _store.bump(root, now)
        _store.sign(root, [load_signer(p) for p in paths.root()])
        _check_thresholds(old_root, root)
        _store.save(repo_dir, root)
        return root.signed.version
    if role == "targets":
        signer = load_signer(paths.role("targets"))
        _resign_role(repo_dir, paths, "targets", signer, now)
        return _store.latest_version(repo_dir, "targets")
    raise ReleaseError(
        "only root and targets are renewed here; use resign-timestamp for the others"
    )
