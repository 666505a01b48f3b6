"""Install verified archives into ``versions/<version>/`` and switch ``current``.

Order matters; each step leaves a state the launcher can start from:

1. unpack into ``versions/.staging-<version>-*`` and check every file against the
   manifest (a kill here leaves only a staging folder, swept next time);
2. ``os.replace`` the staging folder to ``versions/<version>`` (atomic rename);
3. write ``previous`` and ``trial.json`` (still harmless: ``current`` unchanged);
4. ``os.replace`` the ``current`` pointer: the one atomic switch.
"""

from __future__ import annotations

import os
import shutil
import tarfile
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from updater._layout import (
    InstallLayout,
    Trial,
    clear_trial,
    read_failed,
    read_pointer,
    read_trial,
    write_pointer,
    write_trial,
)
from updater._manifest import read_manifest, tree_problems
from updater._releases import parse_version
from updater.errors import BundleError, UpdateBusyError, UpdateInstallError

STAGING_PREFIX = ".staging-"


@dataclass(frozen=True)
class InstallStatus:
    """What is installed, read from the pointers (no network)."""

    current: str | None
    previous: str | None
    trial: str | None
    installed: tuple[str, ...]
    failed: frozenset[str] = frozenset()


def status(layout: InstallLayout) -> InstallStatus:
    """Read the installation state."""
    installed: tuple[str, ...] = ()
    if layout.versions.is_dir():
        names = [p.name for p in layout.versions.iterdir() if p.is_dir()]
        installed = tuple(sorted((n for n in names if not n.startswith(".")), key=_sort_key))
    trial = read_trial(layout)
    return InstallStatus(
        current=read_pointer(layout.current_file),
        previous=read_pointer(layout.previous_file),
        trial=trial.version if trial else None,
        installed=installed,
        failed=read_failed(layout),
    )


def _sort_key(name: str) -> tuple[int, ...]:
    try:
        return parse_version(name)
    except ValueError:
        return (-1,)


@contextmanager
def install_lock(layout: InstallLayout) -> Iterator[None]:
    """Hold the installation's lock: one updater process changes it at a time.

    A lock left by a killed process (its pid no longer runs) is taken over.

    Raises:
        UpdateBusyError: Another live process holds the lock.
    """
    layout.root.mkdir(parents=True, exist_ok=True)
    for _attempt in range(2):
        try:
            fd = os.open(layout.lock_file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if _holder_alive(layout.lock_file):
                raise UpdateBusyError(
                    "another update is running", file=str(layout.lock_file)
                ) from None
            layout.lock_file.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w") as handle:
            handle.write(str(os.getpid()))
        try:
            yield
        finally:
            layout.lock_file.unlink(missing_ok=True)
        return
    raise UpdateBusyError("could not take the lock", file=str(layout.lock_file))


def _holder_alive(lock: Path) -> bool:
    try:
        pid = int(lock.read_text().strip() or "0")
    except (OSError, ValueError):
        return False
    if pid <= 0 or os.name != "posix":
        # Without a portable liveness probe, trust locks younger than an hour.
        return os.name != "posix" and _age(lock) < 3600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def unpack(layout: InstallLayout, archive: Path, version: str) -> Path:
    """Unpack a verified archive into ``versions/<version>`` (complete or not at all).

    Raises:
        BundleError: Unsafe member, or the tree differs from the manifest/version.
        UpdateInstallError: Disk or permission trouble.
    """
    final = layout.version_dir(version)
    if final.is_dir() and not verify_version_dir(final, version):
        return final  # already unpacked by an earlier, interrupted run
    layout.versions.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{version}-", dir=layout.versions))
    try:
        _extract(archive, staging)
        problems = verify_version_dir(staging, version)
        if problems:
            raise BundleError("; ".join(problems[:5]), file=archive.name)
        if final.exists():
            _discard(final)  # a damaged leftover that never became current
        os.replace(staging, final)
    except OSError as exc:
        raise UpdateInstallError(f"cannot unpack: {exc}", file=str(final)) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return final


def verify_version_dir(folder: Path, version: str) -> list[str]:
    """Differences between an unpacked version folder and its manifest (empty: sound)."""
    try:
        manifest = read_manifest(folder)
    except ValueError as exc:
        return [f"manifest.json: {exc}"]
    if manifest.get("version") != version:
        return [f"manifest.json: version {manifest.get('version')!r}, expected {version!r}"]
    return tree_problems(folder, manifest)


def _extract(archive: Path, dest: Path) -> None:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                _check_member(member, archive)
                # The "data" filter refuses links, devices and paths escaping dest,
                # on top of the explicit check above.
                tar.extract(member, dest, filter="data")
    except (tarfile.TarError, EOFError, zlib.error) as exc:
        raise BundleError(f"unreadable archive: {exc}", file=archive.name) from exc


def _check_member(member: tarfile.TarInfo, archive: Path) -> None:
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
        raise BundleError(f"unsafe archive member {member.name!r}", file=archive.name)


def _discard(folder: Path) -> None:
    trash = folder.with_name(f"{STAGING_PREFIX}discard-{folder.name}-{os.getpid()}")
    os.replace(folder, trash)
    shutil.rmtree(trash, ignore_errors=True)


def switch_current(layout: InstallLayout, version: str) -> None:
    """Make ``version`` current, keep the old one as previous, and put it on trial.

    Raises:
        UpdateInstallError: The version folder is not a sound install.
    """
    problems = verify_version_dir(layout.version_dir(version), version)
    if problems:
        raise UpdateInstallError("; ".join(problems[:5]), file=str(layout.version_dir(version)))
    old = read_pointer(layout.current_file)
    if old == version:
        return
    pending = read_trial(layout)
    # An unconfirmed current version is a poor fallback: keep the last confirmed one
    # when there is one.
    fallback = old
    if pending is not None and pending.version == old and pending.previous is not None:
        fallback = pending.previous
    if fallback is not None:
        write_pointer(layout.previous_file, fallback)
    write_trial(layout, Trial(version=version, previous=fallback))
    write_pointer(layout.current_file, version)


def rollback(layout: InstallLayout) -> str:
    """Point ``current`` back at ``previous`` (the user's or IT's manual rollback).

    Returns:
        The version now current.

    Raises:
        UpdateInstallError: No sound previous version to return to.
    """
    previous = read_pointer(layout.previous_file)
    if previous is None or verify_version_dir(layout.version_dir(previous), previous):
        raise UpdateInstallError("no sound previous version to roll back to", file="previous")
    clear_trial(layout)
    write_pointer(layout.current_file, previous)
    return previous


def sweep(layout: InstallLayout, keep: int = 2) -> None:
    """Remove staging leftovers and versions beyond current, previous and ``keep`` newest."""
    if not layout.versions.is_dir():
        return
    for entry in layout.versions.iterdir():
        if entry.name.startswith(STAGING_PREFIX):
            shutil.rmtree(entry, ignore_errors=True)
    state = status(layout)
    protected = {state.current, state.previous, state.trial}
    for version in state.installed[:-keep] if keep else state.installed:
        if version not in protected:
            shutil.rmtree(layout.version_dir(version), ignore_errors=True)
    for part in layout.downloads.glob("*.part") if layout.downloads.is_dir() else ():
        part.unlink(missing_ok=True)
