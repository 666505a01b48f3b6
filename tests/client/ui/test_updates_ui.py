"""The desktop's own update check: a release published by IT is found, downloaded and verified
in the background with progress, installed beside the running version, and offered as
"restart now"; a tampered release is refused with the reason and changes nothing."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests" / "updater"))

from updater_helpers import Publisher, install_state  # noqa: E402

from client.services.updates import UpdateService  # noqa: E402
from client.ui.main_window import MainWindow  # noqa: E402
from client.ui.updates import UpdateController  # noqa: E402
from updater.client import UpdateClient, UpdateClientConfig  # noqa: E402

PASSWORD = "Correct-Horse-7"
pytestmark = pytest.mark.xdist_group("client_updates")


@pytest.fixture
def update_site(tmp_path: Path) -> Iterator[tuple[Publisher, str]]:
    """IT's repository served over HTTP at <url>/updates/ (as the Jiaowu server serves it)."""
    publisher = Publisher(tmp_path / "it").setup()
    publisher.publish("1.0")
    web = tmp_path / "web"
    web.mkdir()
    (web / "updates").symlink_to(publisher.repo_dir)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(web))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield publisher, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def _installed_v1(tmp_path: Path, publisher: Publisher, url: str) -> Path:
    desk = tmp_path / "desk"
    client = UpdateClient(UpdateClientConfig(install_dir=desk, server_url=url, trusted_root=publisher.root_bytes))
    assert client.apply().installed == "1.0"
    return desk


def _window(qtbot: QtBot, server, make_context, updates_for) -> tuple[MainWindow, UpdateController]:  # type: ignore[no-untyped-def]
    context = make_context(server.url, language="en")
    controller = UpdateController(context, install_dir=updates_for[0], factory=updates_for[1])
    window = MainWindow(context, context.auth.login_online(server.url, "registrar", PASSWORD), updates=controller)
    qtbot.addWidget(window)
    window.show()
    return window, controller


def test_update_downloads_in_background_and_offers_a_restart(qtbot: QtBot, server, make_context, tmp_path: Path,
                                                             update_site, monkeypatch: pytest.MonkeyPatch) -> None:
    publisher, url = update_site
    desk = _installed_v1(tmp_path, publisher, url)
    publisher.publish("2.0", notes="安全更新", minimum_version="2.0")
    factory = lambda folder, _server: UpdateService(folder, url, root=publisher.root_bytes)  # noqa: E731
    window, controller = _window(qtbot, server, make_context, (desk, factory))
    phases: list[tuple[str, tuple[int, int]]] = []
    controller.sig_state_changed.connect(lambda: phases.append((controller.phase, controller.progress)))
    window._on_check_updates_triggered()  # Help → Check for updates (start-up and the timer call the same)
    qtbot.waitUntil(lambda: controller.phase in (controller.INSTALLED, controller.FAILED), timeout=60_000)
    assert controller.phase == controller.INSTALLED, controller.message
    assert [p for p, _ in phases][:2] == ["checking", "downloading"]
    assert any(total > 0 and done > 0 for phase, (done, total) in phases if phase == "downloading")
    assert controller.state is not None and controller.state.mandatory and controller.state.offered == "2.0"
    assert (desk / "current").read_text().strip() == "2.0"  # installed beside 1.0, switched atomically
    assert (desk / "versions" / "1.0").is_dir()
    bar = window.update_bar
    assert bar is not None and bar.isVisible() and bar.restart_button.isVisible()
    assert "Version 2.0 is installed" in bar.label.text()
    restarts: list[bool] = []
    monkeypatch.setattr(controller, "restart", lambda: restarts.append(True))
    bar.restart_button.click()
    assert restarts == [True] and not window.isVisible()


def test_a_tampered_release_is_refused_and_nothing_changes(qtbot: QtBot, server, make_context, tmp_path: Path,
                                                          update_site) -> None:
    publisher, url = update_site
    desk = _installed_v1(tmp_path, publisher, url)
    publisher.publish("2.0")
    for archive in (publisher.repo_dir / "targets").rglob("*2.0*"):
        data = bytearray(archive.read_bytes())
        data[len(data) // 2] ^= 0xFF  # same length, different bytes
        archive.write_bytes(bytes(data))
    before = install_state(desk)
    factory = lambda folder, _server: UpdateService(folder, url, root=publisher.root_bytes)  # noqa: E731
    window, controller = _window(qtbot, server, make_context, (desk, factory))
    assert controller.check_now()
    qtbot.waitUntil(lambda: controller.phase in (controller.INSTALLED, controller.FAILED), timeout=60_000)
    assert controller.phase == controller.FAILED
    assert "could not be verified as genuine" in controller.message
    assert "2.0" in controller.message  # the check and the file are named for IT
    assert install_state(desk) == before
    assert window.update_bar is not None and window.update_bar.label.text() == "Update failed"


def test_a_client_not_started_by_the_launcher_says_so(qtbot: QtBot, server, make_context,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JIAOWU_INSTALL_DIR", raising=False)
    context = make_context(server.url, language="en")
    controller = UpdateController(context)
    assert not controller.available and controller.phase == controller.UNAVAILABLE
    assert not controller.check_now()
    window = MainWindow(context, context.auth.login_online(server.url, "registrar", PASSWORD), updates=controller)
    qtbot.addWidget(window)
    window._on_check_updates_triggered()
    assert "cannot update itself" in window.statusBar().currentMessage()
