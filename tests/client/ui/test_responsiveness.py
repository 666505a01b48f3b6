"""The event loop keeps turning while a slow server call is in flight; Cancel stops waiting."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from client.ui.app import AppController

DELAY = 1.5


class _SlowHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        time.sleep(DELAY)
        body = json.dumps({"status": "ok", "version": "0.1.0", "protocol_version": 1, "schema_version": 1,
                           "min_client_version": None, "database": "sqlite"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        return None


@pytest.fixture
def slow_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _SlowHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_event_loop_turns_during_a_slow_login_and_cancel_stops_waiting(qtbot: QtBot, slow_server: str,
                                                                       make_context) -> None:
    controller = AppController(make_context(slow_server, language="en"))
    window = controller.start()
    qtbot.addWidget(window)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    window.username_edit.setText("admin")
    window.password_edit.setText("whatever-password")
    started = time.perf_counter()
    window.login_button.click()
    assert time.perf_counter() - started < 0.1  # the click returns at once: the call runs on a worker
    assert window.busy_bar.isVisible() and not window.login_button.isEnabled()
    qtbot.wait(int(DELAY * 1000 * 0.6))
    assert len(ticks) >= 20, "the GUI thread was blocked while the request was in flight"
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.25
    window.busy_bar.cancel_button.click()
    assert window.login_button.isEnabled() and not window.busy_bar.isVisible()
    assert window.message_label.text() == "Login cancelled."
    qtbot.wait(int(DELAY * 1000))  # the late answer arrives and is dropped
    assert controller.main_window is None
    assert window.message_label.text() == "Login cancelled."
    timer.stop()
