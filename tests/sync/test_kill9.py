"""kill -9 a client process in the middle of a push and of a pull; restart; nothing is lost."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sync_world import PASSWORD, build_world

from server.api.app import create_app
from server.settings import Settings
from sync.client.checks import local_checks
from sync.client.store import ReplicaStore

CHILD = Path(__file__).with_name("sync_child.py")
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("live")
    app = create_app(Settings(data_dir=data, secret_key="k" * 40))
    build_world(app.state.sessions, students=30)
    app.state.engine.dispose()
    port = _free_port()
    env = {**os.environ, "JIAOWU_SECRET_KEY": "k" * 40}
    proc = subprocess.Popen([sys.executable, "-m", "cli", "server", "--port", str(port), "--data-dir", str(data)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _run_until(args: list[str], marker: str, nth: int) -> None:
    """Start the child and SIGKILL it when it has printed ``marker`` ``nth`` times."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(CHILD), *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    seen = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(marker):
            seen += 1
            if seen >= nth:
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the child finished before it could be killed"


def _finish(args: list[str]) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(CHILD), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _server_check(url: str) -> dict[str, tuple[int, str]]:
    token = httpx.post(f"{url}/auth/login", json={"username": "reg", "password": PASSWORD}).json()["token"]
    body = httpx.get(f"{url}/sync/check", headers={"Authorization": f"Bearer {token}"}).json()
    return {name: (t["count"], t["digest"]) for name, t in body["tables"].items()}


@pytest.mark.slow
def test_kill_during_pull_then_during_push(live_server: str, tmp_path: Path) -> None:
    store_path = str(tmp_path / "desk.db")
    args = [live_server, store_path, "reg", PASSWORD]
    _run_until([*args, "sync"], "progress", 3)  # killed after the third page was committed
    cursor_after_kill = ReplicaStore(store_path).get_state("cursor")
    assert cursor_after_kill  # some pages were committed, with their cursor
    assert "done pending=0" in _finish([*args, "sync"])
    _run_until([*args, "edit-and-sync"], "progress", 2)  # killed after two push batches were answered
    store = ReplicaStore(store_path)
    left = store.pending_count()
    assert 0 < left < 60
    store.close()
    assert "done pending=0" in _finish([*args, "sync"])
    store = ReplicaStore(store_path)
    assert local_checks(store) == _server_check(live_server)
    addresses = {row["address"] for row in store.rows("student").values()}
    assert {f"第{i}号" for i in range(30, 60)} <= addresses  # the last edit of each student won, once
