"""Distinct login messages from odd servers, settings, work-offline switch, status bar, About."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from client.ui.app import AppController
from client.ui.dialogs import AboutDialog, SettingsDialog
from client.ui.main_window import MainWindow
from client.ui.settings import APPLICATION, ORGANISATION, AppSettings
from core.version import __version__

PASSWORD = "Correct-Horse-7"
HEALTH = {"status": "ok", "version": "0.1.0", "protocol_version": 1, "schema_version": 1, "min_client_version": None}
pytestmark = pytest.mark.xdist_group("client_shell")


def _answer(status: int, body: dict[str, object], headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    class Handler(BaseHTTPRequestHandler):
        def _send(self, code: int, payload: dict[str, object]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802
            self._send(200, body if self.path == "/health" and status == 200 else HEALTH)

        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self._send(status, body)

        def log_message(self, *_args: object) -> None:
            return None

    return Handler


@pytest.fixture
def odd_server(request: pytest.FixtureRequest) -> Iterator[str]:
    status, body, headers = request.param
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _answer(status, body, headers))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(("odd_server", "expected"), [
    ((426, {"code": "client_too_old", "message": "m", "details": {"required": "0.2.0", "update_url": "/updates/"}}, None),
     "too old for the server. Please update to version 0.2.0"),
    ((200, {**HEALTH, "protocol_version": 0, "schema_version": 0, "version": "0.0.9"}, None),
     "older version than this client"),
    ((429, {"code": "too_many_attempts", "message": "m", "details": {}}, {"Retry-After": "60"}),
     "Too many failed logins from this computer"),
    ((403, {"code": "account_disabled", "message": "m", "details": {}}, None), "This account is disabled"),
    ((423, {"code": "account_locked", "message": "m", "details": {"locked_until": "2030-01-01T08:30:00+00:00"}}, None),
     "Try again after"),
], indirect=["odd_server"], ids=["client-too-old", "server-too-old", "throttled", "disabled", "locked"])
def test_each_refusal_has_its_own_message(qtbot: QtBot, odd_server: str, expected: str, make_context) -> None:
    window = AppController(make_context(odd_server, language="en")).start()
    qtbot.addWidget(window)
    window.username_edit.setText("someone")
    window.password_edit.setText("Some-Password-1")
    window.login_button.click()
    qtbot.waitUntil(lambda: window.message_label.text() != "", timeout=10_000)
    assert expected in window.message_label.text()
    assert window.password_edit.text() == "Some-Password-1"  # nothing typed is lost


def test_empty_fields_are_named_before_anything_is_sent(qtbot: QtBot, make_context) -> None:
    window = AppController(make_context(language="en")).start()
    qtbot.addWidget(window)
    window.server_edit.clear()
    window.login_button.click()
    assert window.server_error.text() == "Enter the server address."
    assert window.username_error.text() == "Enter your username."
    assert window.password_error.text() == "Enter your password."
    assert not window.busy_bar.isVisible()


def test_settings_are_stored_under_the_organisation_and_application(qtbot: QtBot, make_context, isolated_settings) -> None:
    context = make_context(language="en")
    dialog = SettingsDialog(context.settings, str(context.data_dir))
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == "zh_CN"  # the default
    dialog.server_edit.setText("ftp://nonsense://")
    dialog._on_buttons_accepted()
    assert "http://jiaowu.example.edu.cn:8765" in dialog.server_error.text() and dialog.result() == 0
    dialog.server_edit.setText("jiaowu.example.edu.cn:8765")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.update_spin.setValue(6)
    assert dialog.data_edit.isReadOnly() and dialog.data_edit.text() == str(context.data_dir)
    dialog._on_buttons_accepted()
    stored = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
    assert stored.fileName().startswith(str(isolated_settings))
    assert stored.value("server/address") == "http://jiaowu.example.edu.cn:8765"
    again = AppSettings()
    assert (again.language, again.update_check_hours) == ("en", 6)


def test_work_offline_switch_status_bar_and_about(qtbot: QtBot, server, make_context) -> None:
    context = make_context(server.url, language="en")
    window = MainWindow(context, context.auth.login_online(server.url, "registrar", PASSWORD))
    qtbot.addWidget(window)
    window.show()
    assert window.status_bar.connection_label.text() == "● Online"
    assert "Registrar" in window.status_bar.user_label.text() and server.url in window.status_bar.server_label.text()
    window.offline_action.trigger()
    qtbot.waitUntil(lambda: window.status_bar.connection_label.text() == "● Working offline", timeout=5_000)
    window.monitor.check_now()  # the heartbeat leaves a user who chose to work offline alone
    qtbot.wait(200)
    assert window.status_bar.connection_label.text() == "● Working offline"
    window.offline_action.trigger()
    qtbot.waitUntil(lambda: window.status_bar.connection_label.text() == "● Online", timeout=10_000)
    # Back online, the client syncs by itself; the status bar says so, then shows the time.
    qtbot.waitUntil(lambda: not window.sync.running and not context.status.snapshot.syncing, timeout=30_000)
    assert "Last sync:" in window.status_bar.sync_label.text()
    # The sync engine reports from its own thread; the bridge brings it to the GUI thread.
    at = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)
    thread = threading.Thread(target=context.status.set_sync_counters, kwargs={"unsent_changes": 7, "last_sync_at": at})
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: window.status_bar.unsent_label.text() == "Unsent changes: 7", timeout=5_000)
    assert at.astimezone().strftime("%Y-%m-%d %H:%M") in window.status_bar.sync_label.text()
    about = AboutDialog(server.url, window)
    qtbot.addWidget(about)
    assert f"version {__version__}" in about.findChild(type(window.status_bar.user_label), "aboutText").text()
