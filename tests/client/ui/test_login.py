"""Login window against a real server: success, wrong password, lockout, student refused, roles."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from client.ui.app import AppController
from client.ui.login_window import LoginWindow
from client.ui.main_window import MainWindow

PASSWORD = "Correct-Horse-7"
pytestmark = pytest.mark.xdist_group("client_login")


def _login(qtbot: QtBot, controller: AppController, username: str, password: str = PASSWORD) -> LoginWindow:
    window = controller.login_window
    assert window is not None
    qtbot.addWidget(window)
    window.username_edit.setText(username)
    window.password_edit.setText(password)
    window.login_button.click()
    return window


def _wait_main(qtbot: QtBot, controller: AppController) -> MainWindow:
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    return window


def test_login_success_opens_the_main_window_with_permitted_modules(qtbot, server, make_context) -> None:
    controller = AppController(make_context(server.url))
    controller.start()
    _login(qtbot, controller, "admin")
    window = _wait_main(qtbot, controller)
    assert window.module_keys() == ["home", "students", "status_changes", "aid", "dorms", "grades", "exams", "plans", "tasks", "timetable",
                                    "users", "roles", "audit", "sync"]
    assert "●" in window.status_bar.connection_label.text()
    assert window.context.status.snapshot.online
    assert controller.context.settings.remembered_username == "admin"


def test_wrong_password_gives_a_clear_message_and_keeps_the_input(qtbot, server, make_context) -> None:
    controller = AppController(make_context(server.url, language="en"))
    window = controller.start()
    _login(qtbot, controller, "registrar", "not-the-password")
    qtbot.waitUntil(lambda: window.message_label.text() != "", timeout=10_000)
    assert window.message_label.text() == "Wrong username or password."
    assert window.username_edit.text() == "registrar"
    assert controller.main_window is None


def test_teacher_sees_no_administration_modules(qtbot, server, make_context) -> None:
    controller = AppController(make_context(server.url))
    controller.start()
    _login(qtbot, controller, "teacher")
    window = _wait_main(qtbot, controller)
    keys = window.module_keys()
    assert "users" not in keys and "roles" not in keys and "audit" not in keys
    assert {"students", "grades", "tasks", "timetable", "sync"} <= set(keys)
    assert window.page("users") is None


def test_student_is_refused_with_a_pointer_to_the_web_portal(qtbot, server, make_context) -> None:
    controller = AppController(make_context(server.url, language="en"))
    window = controller.start()
    _login(qtbot, controller, "student")
    qtbot.waitUntil(lambda: window.message_label.text() != "", timeout=10_000)
    assert "web portal" in window.message_label.text()
    assert f"{server.url}/portal/" in window.message_label.text()
    assert controller.main_window is None


def test_lockout_message_says_until_when(qtbot, server, make_context) -> None:
    controller = AppController(make_context(server.url, language="en"))
    window = controller.start()
    for attempt in range(6):
        _login(qtbot, controller, "u030", f"wrong-{attempt}")
        qtbot.waitUntil(lambda: window.message_label.text() != "" and window.login_button.isEnabled(), timeout=10_000)
        if "locked" in window.message_label.text():
            break
        window.show_message("")
    assert "locked" in window.message_label.text()
    assert "Try again after" in window.message_label.text()


def test_must_change_password_opens_the_dialog_after_login(qtbot, server, make_context) -> None:
    from client.ui.own_password_dialog import OwnPasswordDialog

    user_id = server.ids["user:u031"]
    server.call("POST", f"/users/{user_id}/password", {"password": "Temporary-Pass-3", "must_change_password": True})
    controller = AppController(make_context(server.url, language="en"))
    controller.start()
    _login(qtbot, controller, "u031", "Temporary-Pass-3")
    window = _wait_main(qtbot, controller)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(OwnPasswordDialog)), timeout=5_000)
    dialog = next(d for d in window.findChildren(OwnPasswordDialog) if d.isVisible())
    dialog.current_edit.setText("not-it-at-all")
    dialog.new_edit.setText("My-Own-Secret-8")
    dialog.repeat_edit.setText("My-Own-Secret-8")
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: dialog.current_error.text() == "The current password is not right.", timeout=10_000)
    assert dialog.isVisible() and dialog.new_edit.text() == "My-Own-Secret-8"
    dialog.current_edit.setText("Temporary-Pass-3")
    with qtbot.waitSignal(dialog.sig_changed, timeout=10_000):
        dialog._on_buttons_accepted()
    assert not window.session.user.must_change_password
    me = server.call("GET", "/auth/me", username="u031", password="My-Own-Secret-8")
    assert me["must_change_password"] is False
    assert window.session.online  # the session that made the change stays valid
