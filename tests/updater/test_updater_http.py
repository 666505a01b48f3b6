"""End to end over real HTTP: a v1 installation updates to v2 and v2 starts."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from updater_helpers import Publisher

from updater.client import UpdateClient, UpdateClientConfig
from updater.errors import UpdateHTTPError, UpdateSlowDownloadError
from updater.launcher import launch
from updater.repository import read_policy


class _QuietHandler(SimpleHTTPRequestHandler):
    client_versions: list[str | None] = []

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.client_versions.append(self.headers.get("X-Client-Version"))
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture
def server(publisher: Publisher, tmp_path: Path) -> Iterator[str]:
    """Serve the publisher's repository as http://127.0.0.1:<port>/updates/."""
    www = tmp_path / "www"
    www.mkdir()
    (www / "updates").symlink_to(publisher.repo_dir, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(www))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_update_v1_to_v2_over_http(
    server: str, publisher: Publisher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _QuietHandler.client_versions.clear()
    config = UpdateClientConfig(
        install_dir=tmp_path / "install", server_url=server, trusted_root=publisher.root_bytes
    )
    client = UpdateClient(config)
    assert client.apply().installed == "1.0"
    log = tmp_path / "ran.log"
    monkeypatch.setenv("FAKEAPP_LOG", str(log))
    assert launch(config.install_dir, timeout=20) == 0

    publisher.publish("2.0", notes="v2 over HTTP", minimum_version="2.0")
    assert read_policy(publisher.repo_dir, publisher.root_bytes) == ("2.0", "2.0")
    check = client.check()
    assert check.mandatory and check.offered is not None and check.offered.notes == "v2 over HTTP"
    progress: list[tuple[int, int]] = []
    assert client.apply(on_progress=lambda d, t: progress.append((d, t))).installed == "2.0"
    assert progress[-1][0] == progress[-1][1] > 0
    assert launch(config.install_dir, timeout=20) == 0
    assert log.read_text().split()[-2:] == ["2.0", "ok"]
    assert client.status().trial is None
    # every request told the server which version asked (the 426 gate reads it)
    assert _QuietHandler.client_versions[0] == "0" and _QuietHandler.client_versions[-1] == "1.0"


class _StallingHandler(_QuietHandler):
    """Sends headers for timestamp.json, then nothing (a slow-retrieval attack)."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.flush()
        threading.Event().wait(3)


def test_stalling_server_times_out(publisher: Publisher, tmp_path: Path) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _StallingHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        config = UpdateClientConfig(
            install_dir=tmp_path / "install",
            server_url=f"http://127.0.0.1:{httpd.server_address[1]}",
            trusted_root=publisher.root_bytes,
            socket_timeout=0.5,
        )
        with pytest.raises(UpdateSlowDownloadError) as info:
            UpdateClient(config).check()
        assert info.value.file == "2.root.json"  # the first file a client asks for
        assert not (tmp_path / "install" / "versions").exists()
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_missing_repository_is_a_download_error(
    server: str, publisher: Publisher, tmp_path: Path
) -> None:
    config = UpdateClientConfig(
        install_dir=tmp_path / "install",
        server_url=server + "/nowhere",
        trusted_root=publisher.root_bytes,
    )
    with pytest.raises(UpdateHTTPError) as info:
        UpdateClient(config).check()
    assert info.value.status_code == 404 and info.value.file == "timestamp.json"
