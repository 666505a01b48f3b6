"""Signing keys of the update repository: generation, storage and loading.

Layout of a key directory (created with mode 0700, key files 0600)::

    <key_dir>/offline/root-1.pem … root-N.pem   root keys: threshold signing, offline
    <key_dir>/offline/targets.pem               signs releases: offline
    <key_dir>/online/snapshot.pem               on the server (re-signed by the job)
    <key_dir>/online/timestamp.pem              on the server (re-signed by the job)
    <key_dir>/root.json                         the signed trust root to ship in assets/

In a real deployment each root key lives on its own removable medium held by a
different person; the tooling only needs the files present while it signs.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner, Signer

from updater.errors import KeyFileError

OFFLINE = "offline"
ONLINE = "online"
ROLES = ("root", "targets", "snapshot", "timestamp")


@dataclass(frozen=True)
class KeyPaths:
    """Where each role's private keys live inside a key directory."""

    key_dir: Path

    def root(self) -> list[Path]:
        """Root key files, in index order."""
        # Only root-<n>.pem: staged (*.new.pem) and retired keys are not signers.
        found = (self.key_dir / OFFLINE).glob("root-*.pem")
        return sorted((p for p in found if p.stem[5:].isdigit()), key=_index_of)

    def root_key(self, index: int) -> Path:
        """Path of root key number ``index`` (1-based)."""
        return self.key_dir / OFFLINE / f"root-{index}.pem"

    def role(self, role: str) -> Path:
        """Path of the single key of ``targets``, ``snapshot`` or ``timestamp``."""
        place = OFFLINE if role == "targets" else ONLINE
        return self.key_dir / place / f"{role}.pem"

    @property
    def root_json(self) -> Path:
        """The signed trust root written next to the keys."""
        return self.key_dir / "root.json"


def _index_of(path: Path) -> int:
    try:
        return int(path.stem.split("-", 1)[1])
    except (IndexError, ValueError):
        return 1 << 30


def generate_signer() -> CryptoSigner:
    """Return a fresh Ed25519 signer."""
    return CryptoSigner.generate_ed25519()


def write_key(path: Path, signer: CryptoSigner) -> None:
    """Write ``signer``'s private key to ``path`` readable by the owner only.

    Raises:
        KeyFileError: ``path`` already exists (keys are never overwritten silently).
    """
    for directory in (path.parent.parent, path.parent):
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(directory, 0o700)
    try:
        # O_EXCL: refuse to overwrite; 0o600 from creation, so no window where the
        # key is world-readable.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise KeyFileError("key file exists; refusing to overwrite", file=str(path)) from exc
    with os.fdopen(fd, "wb") as handle:
        handle.write(signer.private_bytes)


def load_signer(path: Path | str) -> CryptoSigner:
    """Load a private key file written by :func:`write_key`.

    Raises:
        KeyFileError: The file is missing, unreadable, not a key, or readable by others.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode
        data = path.read_bytes()
    except OSError as exc:
        raise KeyFileError(f"cannot read key: {exc.strerror}", file=str(path)) from exc
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileError("key file is readable by group or others; chmod 600 it", file=str(path))
    try:
        return CryptoSigner(load_pem_private_key(data, None))
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"not a PEM private key: {exc}", file=str(path)) from exc


def as_signer(key: Signer | Path | str) -> Signer:
    """Accept either a ready signer or the path of a key file."""
    if isinstance(key, Signer):
        return key
    return load_signer(key)


def retire_key(path: Path) -> Path:
    """Rename a replaced key file out of the way (kept for the audit trail).

    Returns:
        The new path of the retired key.
    """
    retired = path.with_suffix(".retired.pem")
    counter = 1
    while retired.exists():
        counter += 1
        retired = path.with_suffix(f".retired{counter}.pem")
    os.replace(path, retired)
    return retired
