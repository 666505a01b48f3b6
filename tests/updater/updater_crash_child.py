"""Child process for the crash tests: run ``apply()`` and SIGKILL itself at one point.

Usage: ``python updater_crash_child.py <publisher_base> <install_dir> <point>``.
Exits 0 if the point was never reached (the parent treats that as a failure).
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tuf.ngclient.updater as tuf_updater  # noqa: E402
from tuf.api.metadata import TargetFile  # noqa: E402
from updater_helpers import Publisher, client_for  # noqa: E402
from updater_sim import RepositorySimulator  # noqa: E402

import updater._layout as layout_mod  # noqa: E402
from updater.client import _tuf, install  # noqa: E402


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def after_calls(n: int, fn: Callable[..., object], before: bool = True) -> Callable[..., object]:
    """Wrap ``fn`` to die at its n-th call (before or after running it)."""
    count = [0]

    def wrapper(*args: object, **kwargs: object) -> object:
        count[0] += 1
        if count[0] == n and before:
            die()
        result = fn(*args, **kwargs)
        if count[0] == n:
            die()
        return result

    return wrapper


class DyingSimulator(RepositorySimulator):
    """Dies after sending the first chunk of a release archive."""

    def _fetch(self, url: str) -> Iterator[bytes]:
        chunks = super()._fetch(url)
        if "/targets/" not in url:
            return chunks

        def first_then_die() -> Iterator[bytes]:
            yield next(chunks)
            die()

        return first_then_die()


def arm(point: str, client_layout: layout_mod.InstallLayout) -> None:
    current = str(client_layout.current_file)
    if point == "download-copy":
        real_copy = shutil.copyfileobj

        def half_copy(src, dst, length=0):  # type: ignore[no-untyped-def]
            dst.write(src.read(1000))
            dst.flush()
            die()

        tuf_updater.shutil.copyfileobj = half_copy  # type: ignore[attr-defined]
        assert real_copy
    elif point == "verify":
        TargetFile.verify_length_and_hashes = after_calls(1, TargetFile.verify_length_and_hashes)  # type: ignore[method-assign]
    elif point == "verify-on-disk":
        _tuf.cached_verified = after_calls(2, _tuf.cached_verified)  # type: ignore[assignment]
    elif point == "unpack":
        tarfile.TarFile.extract = after_calls(5, tarfile.TarFile.extract, before=False)  # type: ignore[method-assign]
    elif point == "unpack-check":
        install.verify_version_dir = after_calls(1, install.verify_version_dir)  # type: ignore[assignment]
    elif point == "unpack-rename":
        real_replace = os.replace

        def replace(src, dst):  # type: ignore[no-untyped-def]
            real_replace(src, dst)
            if Path(dst).parent.name == "versions":
                die()

        install.os.replace = replace  # type: ignore[attr-defined]
    elif point in ("switch-before", "switch-after"):
        real_write = install.write_pointer

        def write_pointer(path, version):  # type: ignore[no-untyped-def]
            if str(path) == current and point == "switch-before":
                die()
            real_write(path, version)
            if str(path) == current:
                die()

        install.write_pointer = write_pointer  # type: ignore[assignment]
    elif point == "switch-rename":
        real_replace = os.replace

        def replace_current(src, dst):  # type: ignore[no-untyped-def]
            if str(dst) == current:
                die()
            real_replace(src, dst)

        layout_mod.os.replace = replace_current  # type: ignore[attr-defined]
    elif point == "sweep":
        install.sweep = after_calls(1, install.sweep)  # type: ignore[assignment]
    elif point != "download":
        raise SystemExit(f"unknown point {point}")


def main() -> int:
    base, install_dir, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    publisher = Publisher(base)
    sim_type = DyingSimulator if point == "download" else RepositorySimulator
    client = client_for(install_dir, publisher, sim_type(publisher.repo_dir, chunk_size=1024))
    arm(point, client.layout)
    client.apply()
    return 0


if __name__ == "__main__":
    sys.exit(main())
