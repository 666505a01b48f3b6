"""Unreachable server → offline login → back online, with re-validation at the next contact."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from client.ui.app import AppController
from client.ui.main_window import MainWindow

PASSWORD = "Correct-Horse-7"
pytestmark = pytest.mark.xdist_group("client_offline")


def _submit(qtbot: QtBot, controller: AppController, username: str, password: str = PASSWORD) -> None:
    window = controller.login_window
    assert window is not None
    qtbot.addWidget(window)
    window.username_edit.setText(username)
    window.password_edit.setText(password)
    window.login_button.click()


def _main(qtbot: QtBot, controller: AppController) -> MainWindow:
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)
    assert controller.main_window is not None
    qtbot.addWidget(controller.main_window)
    return controller.main_window


def _online_then_offline(qtbot: QtBot, server, controller: AppController, username: str) -> MainWindow:
    """Log in online once, log out, stop the server, then log in offline."""
    _submit(qtbot, controller, username)
    window = _main(qtbot, controller)
    window._on_logout_triggered()
    qtbot.waitUntil(lambda: controller.login_window is not None and controller.main_window is None, timeout=10_000)
    server.stop()
    _submit(qtbot, controller, username)
    login = controller.login_window
    assert login is not None
    qtbot.waitUntil(lambda: login.offline_button.isVisible(), timeout=10_000)
    assert "cannot be reached" in login.message_label.text()
    assert "work offline" in login.message_label.text()
    login.offline_button.click()
    window = _main(qtbot, controller)
    assert not window.session.online
    assert not controller.context.status.snapshot.online
    assert "Offline" in window.status_bar.connection_label.text()
    return window


def test_offline_login_then_back_online(qtbot, server, make_context) -> None:
    controller = AppController(make_context(server.url, language="en"))
    controller.start()
    try:
        window = _online_then_offline(qtbot, server, controller, "u000")
        assert "grades" in window.module_keys()
    finally:
        server.start()
    window.monitor.check_now()
    qtbot.waitUntil(lambda: controller.context.status.snapshot.online, timeout=10_000)
    assert window.session.online and controller.main_window is window
    assert "Online" in window.status_bar.connection_label.text()


def test_offline_login_refuses_a_wrong_password_and_an_unknown_user(qtbot, server, make_context) -> None:
    controller = AppController(make_context(server.url, language="en"))
    controller.start()
    try:
        window = _online_then_offline(qtbot, server, controller, "u001")
        window._on_logout_triggered()
        qtbot.waitUntil(lambda: controller.login_window is not None, timeout=10_000)
        _submit(qtbot, controller, "u001", "Wrong-Password-1")
        login = controller.login_window
        assert login is not None
        qtbot.waitUntil(lambda: login.offline_button.isVisible(), timeout=10_000)
        login.offline_button.click()
        qtbot.waitUntil(lambda: login.message_label.text() == "Wrong username or password.", timeout=10_000)
        _submit(qtbot, controller, "u004")  # never logged in on this computer
        qtbot.waitUntil(lambda: "cannot be reached" in login.message_label.text(), timeout=10_000)
        assert not login.offline_button.isVisible()
    finally:
        server.start()


@pytest.mark.parametrize("change", ["password", "disable"])
def test_back_online_revalidation_applies_server_changes(qtbot, server, make_context, change: str) -> None:
    username = {"password": "u002", "disable": "u003"}[change]
    controller = AppController(make_context(server.url, language="en"))
    controller.start()
    try:
        window = _online_then_offline(qtbot, server, controller, username)
    finally:
        server.start()
    user_id = server.ids[f"user:{username}"]
    if change == "password":
        server.call("POST", f"/users/{user_id}/password", {"password": "Brand-New-Secret-9", "must_change_password": False})
    else:
        server.call("POST", f"/users/{user_id}/disable")
    window.monitor.check_now()
    qtbot.waitUntil(lambda: controller.main_window is None and controller.login_window is not None, timeout=10_000)
    login = controller.login_window
    assert login is not None
    qtbot.addWidget(login)
    expected = "password was changed" if change == "password" else "disabled"
    assert expected in login.message_label.text()
    assert not controller.context.auth.knows(server.url, username)  # offline login is no longer offered
