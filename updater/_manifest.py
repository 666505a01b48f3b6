"""The release bundle's manifest, shared by the builder, the installer and the launcher.

A bundle (``jiaowu-client-<version>.tar.gz``) holds ``manifest.json`` and the
tree ``app/``: the packages ``core``, ``client``, ``sync``, ``updater`` and
``cli`` plus ``assets/``. The manifest reads::

    {"format": 1, "product": "jiaowu-client", "version": "1.4.0",
     "entry": "cli", "files": {"app/core/__init__.py": {"length": 123, "sha256": "…"}, …}}

TUF vouches for the archive as a whole; the manifest lets the installer prove the
unpacked tree is exactly the archive's content, no file more or less. Standard
library only: the launcher uses it too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

FORMAT = 1
PRODUCT = "jiaowu-client"
MANIFEST_NAME = "manifest.json"
APP_DIR = "app"


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(version_dir: Path) -> dict[str, object]:
    """Load ``manifest.json`` from an unpacked version folder.

    Raises:
        ValueError: Missing, not JSON, or not a manifest of this product and format.
    """
    try:
        manifest = json.loads((version_dir / MANIFEST_NAME).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"unreadable manifest: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("product") != PRODUCT:
        raise ValueError("not a jiaowu-client manifest")
    if manifest.get("format") != FORMAT:
        raise ValueError(f"unsupported bundle format {manifest.get('format')!r}")
    if not isinstance(manifest.get("files"), Mapping):
        raise ValueError("manifest has no file list")
    return manifest


def tree_problems(version_dir: Path, manifest: Mapping[str, object]) -> list[str]:
    """List every difference between an unpacked tree and its manifest (empty: identical)."""
    files = manifest["files"]
    assert isinstance(files, Mapping)
    problems: list[str] = []
    for name, meta in sorted(files.items()):
        path = version_dir / name
        if not path.is_file() or path.is_symlink():
            problems.append(f"{name}: missing")
        elif path.stat().st_size != meta["length"] or sha256_of(path) != meta["sha256"]:
            problems.append(f"{name}: content differs")
    app = version_dir / APP_DIR
    if app.is_dir():
        for path in sorted(app.rglob("*")):
            rel = path.relative_to(version_dir).as_posix()
            if (path.is_file() or path.is_symlink()) and rel not in files and not _is_cache(rel):
                problems.append(f"{rel}: not in manifest")
    return problems


def _is_cache(rel: str) -> bool:
    # Python writes bytecode caches next to the sources when a version runs.
    return "/__pycache__/" in rel or rel.endswith((".pyc", ".pyo"))
