"""An in-memory update repository that can lie, after python-tuf's RepositorySimulator.

It loads a published repository directory into a dict of bytes and serves it
through tuf's ``FetcherInterface``; tests then tamper with the dict (or install a
chunk generator for a path) to play the attacker between server and client.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tuf.api import exceptions
from tuf.api.metadata import Metadata
from tuf.ngclient import FetcherInterface

BASE = "http://sim.test"
UPDATES = "/updates/"


class RepositorySimulator(FetcherInterface):
    """Serve ``<repo_dir>`` as ``http://sim.test/updates/…`` from memory.

    Attributes:
        files: Served path (``metadata/timestamp.json``, ``targets/<hash>.<name>``) → bytes.
        streams: Served path → function returning a chunk iterator (endless data).
        fetched: Every URL requested, in order.
    """

    def __init__(self, repo_dir: Path, chunk_size: int = 4096) -> None:
        self.repo_dir = Path(repo_dir)
        self.chunk_size = chunk_size
        self.files: dict[str, bytes] = {}
        self.streams: dict[str, Callable[[], Iterator[bytes]]] = {}
        self.fetched: list[str] = []
        self.reload()

    def reload(self) -> None:
        """Re-read the directory (after a publish); drops tampering on changed files."""
        self.files = {
            p.relative_to(self.repo_dir).as_posix(): p.read_bytes()
            for p in sorted(self.repo_dir.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
        }

    def _fetch(self, url: str) -> Iterator[bytes]:
        self.fetched.append(url)
        path = unquote(urlsplit(url).path)
        if not path.startswith(UPDATES):
            raise exceptions.DownloadHTTPError(f"not found: {path}", 404)
        rel = path[len(UPDATES) :]
        if rel in self.streams:
            return self.streams[rel]()
        if rel not in self.files:
            raise exceptions.DownloadHTTPError(f"not found: {rel}", 404)
        data = self.files[rel]
        return iter(
            [data[i : i + self.chunk_size] for i in range(0, len(data), self.chunk_size)] or [b""]
        )

    # --- attacker helpers ----------------------------------------------------------

    def target_path(self, name: str) -> str:
        """Served path of a release archive (hash-prefixed)."""
        matches = [p for p in self.files if p.startswith("targets/") and p.endswith("." + name)]
        assert len(matches) == 1, matches
        return matches[0]

    def metadata(self, name: str) -> Metadata:
        """Parse a served metadata file (``timestamp.json``, ``3.snapshot.json``)."""
        return Metadata.from_bytes(self.files[f"metadata/{name}"])

    def put_metadata(self, name: str, md: Metadata) -> None:
        """Serve ``md`` as ``metadata/<name>``."""
        self.files[f"metadata/{name}"] = md.to_bytes()

    def latest(self, role: str) -> int:
        """Highest served version of ``role``."""
        names = [p.split("/")[1] for p in self.files if p.endswith(f".{role}.json")]
        return max(int(n.split(".")[0]) for n in names if n.split(".")[0].isdigit())


def endless(chunk: bytes = b"x" * 1024) -> Callable[[], Iterator[bytes]]:
    """A stream that never ends."""
    return lambda: itertools.repeat(chunk)


def stalled() -> Callable[[], Iterator[bytes]]:
    """A stream that keeps the connection open without sending data."""
    return lambda: itertools.repeat(b"")
