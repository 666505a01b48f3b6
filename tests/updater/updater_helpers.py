"""Shared helpers for the updater tests: a fake application, a publisher, state snapshots."""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from updater.client import UpdateClient, UpdateClientConfig
from updater.repository import build_bundle, init_keys, init_repository, publish_release
from updater.repository.keys import KeyPaths

ROOT = Path(__file__).resolve().parents[2]

# The application inside test bundles. It logs that it ran, then behaves as its
# MODE says: "ok" confirms its self-check, "crash" exits 1 first, "hang" never
# confirms, "fail-late" crashes after confirming (not an update failure), "restart" asks the
# launcher for a restart once (exit 75, as the desktop does after installing an update).
FAKE_MAIN = textwrap.dedent(
    """
    import os, sys, time
    from updater.launcher import confirm_started
    MODE = {mode!r}
    log = os.environ.get("FAKEAPP_LOG")
    if log:
        with open(log, "a") as f:
            f.write(os.environ.get("JIAOWU_INSTALLED_VERSION", "?") + " " + MODE + "\\n")
    seen = os.environ.get("FAKEAPP_INSTALL_LOG")
    if seen:
        with open(seen, "w") as f:
            f.write(os.environ.get("JIAOWU_INSTALL_DIR", ""))
    if MODE == "crash":
        sys.exit(1)
    if MODE == "hang":
        time.sleep(600)
    confirm_started()
    if MODE == "restart" and log and not os.path.exists(log + ".restarted"):
        open(log + ".restarted", "w").close()
        sys.exit(75)
    sys.exit(7 if MODE == "fail-late" else 0)
    """
)


def write_fake_source(folder: Path, mode: str = "ok") -> Path:
    """Create a source tree with ``fakeapp`` and a copy of the real ``updater``."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "fakeapp").mkdir(parents=True)
    (folder / "fakeapp" / "__init__.py").write_text("")
    (folder / "fakeapp" / "__main__.py").write_text(FAKE_MAIN.format(mode=mode))
    shutil.copytree(
        ROOT / "updater", folder / "updater", ignore=shutil.ignore_patterns("__pycache__")
    )
    (folder / "assets" / "updater").mkdir(parents=True)
    return folder


@dataclass
class Publisher:
    """IT's side in tests: keys, a repository, and bundles of the fake app."""

    base: Path

    @property
    def key_dir(self) -> Path:
        return self.base / "keys"

    @property
    def repo_dir(self) -> Path:
        return self.base / "repo"

    @property
    def root_bytes(self) -> bytes:
        """The v1 trust root, as a client ships it."""
        return KeyPaths(self.key_dir).root_json.read_bytes()

    def setup(self) -> Publisher:
        init_keys(self.key_dir)
        init_repository(self.repo_dir, self.key_dir)
        return self

    def bundle(self, version: str, mode: str = "ok") -> Path:
        source = write_fake_source(self.base / f"src-{version}", mode)
        return build_bundle(
            source, version, self.base / "dist", packages=("fakeapp", "updater"), entry="fakeapp"
        )

    def publish(self, version: str, mode: str = "ok", **kwargs: object) -> None:
        publish_release(self.repo_dir, self.key_dir, self.bundle(version, mode), **kwargs)  # type: ignore[arg-type]


def client_for(
    install_dir: Path, publisher: Publisher, fetcher: object = None, **kw: object
) -> UpdateClient:
    """An UpdateClient on ``install_dir`` trusting the publisher's root."""
    config = UpdateClientConfig(
        install_dir=install_dir,
        server_url="http://sim.test",
        trusted_root=publisher.root_bytes,
        **kw,  # type: ignore[arg-type]
    )
    return UpdateClient(config, fetcher=fetcher)  # type: ignore[arg-type]


def install_state(install_dir: Path) -> dict[str, str]:
    """Pointers and the list of files under versions/: what a refusal must not change."""
    state: dict[str, str] = {}
    for name in ("current", "previous", "trial.json"):
        path = install_dir / name
        state[name] = path.read_text() if path.exists() else "<absent>"
    versions = install_dir / "versions"
    if versions.exists():
        for path in sorted(versions.rglob("*")):
            if "__pycache__" not in path.parts:
                state["versions/" + path.relative_to(versions).as_posix()] = (
                    str(path.stat().st_size) if path.is_file() else "dir"
                )
    return state
