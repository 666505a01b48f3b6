"""End to end (issue 7): a client below the signed minimum gets 426 on sync, keeps its unsent
edit, updates over HTTP from the live server's /updates, starts the new version, then syncs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
for helper_dir in (ROOT / "tests" / "sync", ROOT / "tests" / "updater"):
    sys.path.insert(0, str(helper_dir))

from sync_world import PASSWORD, build_world  # noqa: E402
from updater_helpers import Publisher  # noqa: E402

from server.api.app import create_app  # noqa: E402
from server.settings import Settings  # noqa: E402
from sync.client.engine import SyncEngine  # noqa: E402
from sync.client.errors import SyncError, SyncErrorKind  # noqa: E402
from sync.client.store import ReplicaStore  # noqa: E402
from sync.client.transport import HttpTransport  # noqa: E402
from updater.client import UpdateClient, UpdateClientConfig  # noqa: E402
from updater.launcher import launch  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def published(tmp_path: Path) -> Publisher:
    publisher = Publisher(tmp_path / "it").setup()
    publisher.publish("1.0", notes="first release")
    return publisher


@pytest.fixture
def live_server(tmp_path: Path, published: Publisher) -> Iterator[str]:
    data = tmp_path / "server"
    app = create_app(Settings(data_dir=data, secret_key="e" * 40))
    build_world(app.state.sessions)
    app.state.engine.dispose()
    port = _free_port()
    env = {**os.environ, "JIAOWU_SECRET_KEY": "e" * 40, "JIAOWU_UPDATES_DIR": str(published.repo_dir),
           "JIAOWU_UPDATE_TRUSTED_ROOT": str(published.key_dir / "root.json")}
    proc = subprocess.Popen([sys.executable, "-m", "cli", "server", "--port", str(port), "--data-dir", str(data)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_too_old_client_keeps_its_edit_updates_and_then_syncs(
    live_server: str, published: Publisher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install = UpdateClient(UpdateClientConfig(install_dir=tmp_path / "desk", server_url=live_server,
                                              trusted_root=published.root_bytes))
    assert install.apply().installed == "1.0"
    token = httpx.post(f"{live_server}/auth/login", json={"username": "reg", "password": PASSWORD}).json()["token"]
    store = ReplicaStore(tmp_path / "desk" / "replica.db")
    v1 = SyncEngine(store, HttpTransport(live_server, lambda: token, client_version="1.0"))
    v1.sync()
    sid = sorted(store.rows("student"))[0]
    store.write("student", sid, "patch", {"address": "更新前的修改"})

    published.publish("2.0", notes="安全更新", minimum_version="2.0")
    with pytest.raises(SyncError) as refused:
        v1.sync()
    assert refused.value.kind == SyncErrorKind.CLIENT_TOO_OLD and refused.value.status_code == 426
    assert store.pending_count() == 1  # the unsent edit survives the refusal

    check = install.check()
    assert check.offered is not None and check.mandatory
    assert install.apply().installed == "2.0"
    monkeypatch.setenv("FAKEAPP_LOG", str(tmp_path / "ran.log"))
    assert launch(tmp_path / "desk", timeout=30) == 0  # v2 starts and confirms its self-check
    assert "2.0 ok" in (tmp_path / "ran.log").read_text()

    store.close()
    reopened = ReplicaStore(tmp_path / "desk" / "replica.db")  # the new version opens the same data
    v2 = SyncEngine(reopened, HttpTransport(live_server, lambda: token, client_version="2.0"))
    report = v2.sync()
    assert report.applied == 1 and reopened.pending_count() == 0
    assert reopened.row("student", sid)["address"] == "更新前的修改"  # type: ignore[index]
