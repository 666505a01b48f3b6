"""Publish a release bundle into the update repository (``jiaowu release publish``)."""

from __future__ import annotations

import json
import shutil
import tarfile
from datetime import datetime
from pathlib import Path

from tuf.api.metadata import Metadata, TargetFile, Targets

from updater._manifest import MANIFEST_NAME, PRODUCT
from updater._releases import Release, is_older, parse_version, release_from_target, target_name
from updater.errors import ReleaseError, RepositoryStateError
from updater.repository import _store
from updater.repository.keys import KeyPaths, load_signer


def bundle_version(bundle: Path) -> str:
    """Read the version from a bundle's manifest.

    Raises:
        ReleaseError: Not a readable jiaowu-client bundle.
    """
    try:
        with tarfile.open(bundle, "r:gz") as tar:
            member = tar.extractfile(MANIFEST_NAME)
            manifest = json.loads(member.read()) if member else None
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError) as exc:
        raise ReleaseError(f"not a release bundle: {exc}", file=str(bundle)) from exc
    if not isinstance(manifest, dict) or manifest.get("product") != PRODUCT:
        raise ReleaseError("not a jiaowu-client bundle", file=str(bundle))
    return str(manifest["version"])


def published_releases(targets: Targets) -> list[Release]:
    """Releases listed in (already verified or locally trusted) targets metadata."""
    found = []
    for path, info in targets.targets.items():
        release = release_from_target(path, info.length, info.unrecognized_fields.get("custom"))
        if release is not None:
            found.append(release)
    return sorted(found, key=lambda r: r.key)


def publish_release(
    repo_dir: Path,
    key_dir: Path,
    bundle: Path,
    *,
    notes: str = "",
    minimum_version: str | None = None,
    required: bool = False,
    now: datetime | None = None,
) -> Release:
    """Add ``bundle`` as the newest release, signing targets, snapshot and timestamp.

    Args:
        repo_dir: The update repository (served under ``/updates/``).
        key_dir: Holds ``offline/targets.pem`` and ``online/{snapshot,timestamp}.pem``.
        bundle: Archive from :func:`updater.repository.build_bundle`.
        notes: Release notes shown to users.
        minimum_version: Lowest client version the server accepts from now on;
            None keeps the current minimum, ``"0"`` removes it.
        required: Mark as a stepping stone no client may skip.
        now: Signing time (tests).

    Returns:
        The published release.

    Raises:
        ReleaseError: Bad bundle, version not newer than the latest, bad minimum.
        RepositoryStateError: The repository is not initialised.
        KeyFileError: A key is missing.
    """
    repo_dir, bundle = Path(repo_dir), Path(bundle)
    version = bundle_version(bundle)
    paths = KeyPaths(Path(key_dir))
    targets: Metadata[Targets] = _store.current(repo_dir, "targets")
    existing = published_releases(targets.signed)
    _check_new_version(version, existing)
    minimum = _minimum(minimum_version, existing, version)
    release = Release(
        version=version,
        target=target_name(version),
        length=bundle.stat().st_size,
        notes=notes,
        minimum_version=minimum,
        required=required,
        published=_store.utc_now().isoformat() if now is None else now.isoformat(),
    )
    info = TargetFile.from_file(release.target, str(bundle), ["sha256"])
    info.unrecognized_fields["custom"] = release.custom()
    _copy_target(repo_dir, bundle, info)
    signers = [load_signer(paths.role(r)) for r in ("targets", "snapshot", "timestamp")]
    targets.signed.targets[release.target] = info
    _store.bump(targets, now, repo_dir=repo_dir)
    _store.sign(targets, [signers[0]])
    _store.save(repo_dir, targets)
    _store.publish_snapshot_and_timestamp(repo_dir, targets, signers[1], signers[2], now)
    return release


def _check_new_version(version: str, existing: list[Release]) -> None:
    if any(parse_version(r.version) == parse_version(version) for r in existing):
        raise ReleaseError(f"version {version} is already published")
    if existing and is_older(version, existing[-1].version):
        raise ReleaseError(
            f"version {version} is older than the latest release {existing[-1].version}"
        )


def _minimum(requested: str | None, existing: list[Release], version: str) -> str | None:
    if requested is None:
        return existing[-1].minimum_version if existing else None
    try:
        value = parse_version(requested)
    except ValueError as exc:
        raise ReleaseError(str(exc)) from exc
    if value == (0,):
        return None
    if is_older(version, requested):
        raise ReleaseError(f"minimum version {requested} is newer than the release {version}")
    return requested


def _copy_target(repo_dir: Path, bundle: Path, info: TargetFile) -> None:
    # Consistent snapshots: the served name is prefixed with the file's hash, so a
    # republished name can never be confused with an older file.
    folder = _store.targets_dir(repo_dir)
    if not folder.is_dir():
        raise RepositoryStateError("repository has no targets folder", file=str(folder))
    dest = folder / f"{info.hashes['sha256']}.{info.path}"
    tmp = dest.with_name(f".{dest.name}.part")
    shutil.copyfile(bundle, tmp)
    tmp.replace(dest)
