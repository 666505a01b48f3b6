"""Build a release bundle: a deterministic ``.tar.gz`` of the client at a version.

Deterministic means the same sources give the same bytes (sorted entries, fixed
times, owners and modes, no gzip timestamp), so IT can rebuild a release and
compare its hash with the published one.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from updater._manifest import APP_DIR, FORMAT, MANIFEST_NAME, PRODUCT, sha256_of
from updater._releases import parse_version, target_name
from updater.errors import ReleaseError

# What a desktop needs: the client half of the product, never the server.
DEFAULT_PACKAGES = ("core", "client", "sync", "updater", "cli")
DEFAULT_EXTRA_DIRS = ("assets",)
# 1980-01-01: the earliest time zip-based tools accept; any fixed value works.
FIXED_MTIME = 315532800
_SKIP_DIRS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "dev-keys"}
# Private keys never ship, whatever folder they were left in.
_SKIP_SUFFIXES = (".pyc", ".pyo", ".orig", ".rej", ".swp", ".pem", ".key")


def build_bundle(
    source_root: Path,
    version: str,
    out_dir: Path,
    *,
    packages: Iterable[str] = DEFAULT_PACKAGES,
    extra_dirs: Iterable[str] = DEFAULT_EXTRA_DIRS,
    entry: str = "cli",
) -> Path:
    """Build ``jiaowu-client-<version>.tar.gz`` from a source checkout.

    Args:
        source_root: Folder holding the packages (the repository root).
        version: Release version, dotted integers.
        out_dir: Where to write the archive.
        packages: Top-level package folders to include.
        extra_dirs: Data folders to include (``assets``); missing ones are skipped.
        entry: Module the launcher runs with ``python -m``.

    Returns:
        Path of the archive.

    Raises:
        ReleaseError: Bad version, a package is missing, or a source is a symlink.
    """
    try:
        parse_version(version)
    except ValueError as exc:
        raise ReleaseError(str(exc)) from exc
    files = dict(_collect(Path(source_root), list(packages), list(extra_dirs)))
    manifest = {
        "format": FORMAT,
        "product": PRODUCT,
        "version": version,
        "entry": entry,
        "files": {
            name: {"length": path.stat().st_size, "sha256": sha256_of(path)}
            for name, path in sorted(files.items())
        },
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / target_name(version)
    tmp = out.with_name(out.name + ".part")
    with tmp.open("wb") as raw:
        _write_archive(raw, manifest, files)
    os.replace(tmp, out)
    return out


def _collect(root: Path, packages: list[str], extra_dirs: list[str]) -> Iterator[tuple[str, Path]]:
    for name in packages:
        if not (root / name / "__init__.py").is_file():
            raise ReleaseError(f"package {name!r} not found", file=str(root / name))
        yield from _walk(root, root / name)
    for name in extra_dirs:
        if (root / name).is_dir():
            yield from _walk(root, root / name)


def _walk(root: Path, top: Path) -> Iterator[tuple[str, Path]]:
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            if filename.endswith(_SKIP_SUFFIXES) or filename.startswith("."):
                continue
            if path.is_symlink():
                raise ReleaseError("symlinks are not allowed in a bundle", file=str(path))
            yield f"{APP_DIR}/{path.relative_to(root).as_posix()}", path


def _write_archive(
    raw: io.BufferedWriter, manifest: dict[str, object], files: dict[str, Path]
) -> None:
    # filename="" and mtime=0 keep the gzip header free of build-machine details.
    with (
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        data = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False).encode()
        tar.addfile(_info(MANIFEST_NAME, len(data), 0o644), io.BytesIO(data))
        for name in sorted(files):
            path = files[name]
            mode = 0o755 if os.access(path, os.X_OK) else 0o644
            with path.open("rb") as handle:
                tar.addfile(_info(name, path.stat().st_size, mode), handle)


def _info(name: str, size: int, mode: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, mode, FIXED_MTIME
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info
