"""Renders the client's screens offscreen into docs/screenshots/, in Chinese and in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from client.ui.app import AppController
from client.ui.audit.page import AuditPage
from client.ui.dialogs import AboutDialog, SettingsDialog
from client.ui.main_window import MainWindow
from client.ui.roles.page import RolesPage
from client.ui.users.page import UsersPage
from client.ui.users.user_dialog import UserDialog

PASSWORD = "Correct-Horse-7"
SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
LANGS = {"zh_CN": "zh", "en": "en"}
SHOWN_SERVER = "http://jiaowu.example.edu.cn:8765"  # what the pictures show instead of the test port
pytestmark = pytest.mark.xdist_group("client_screenshots")


def _save(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / f"{name}.png"
    assert widget.grab().save(str(target))
    assert target.stat().st_size > 5_000
    return target


def _main(qtbot: QtBot, context, server, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    session = context.auth.login_online(server.url, username, PASSWORD)
    window = MainWindow(context, session)
    qtbot.addWidget(window)
    window.context.status.update(server=SHOWN_SERVER)
    window._on_monitor_session_changed(window.session)  # rebuilds the overview with the shown address
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("language", LANGS)
def test_login_window(qtbot: QtBot, server, make_context, language: str) -> None:
    context = make_context(server.url, language=language)
    context.settings.remembered_username = "registrar"
    window = AppController(context).start()
    qtbot.addWidget(window)
    window.set_server(SHOWN_SERVER)
    qtbot.waitExposed(window)
    _save(window, f"login_{LANGS[language]}")


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("username", ["admin", "registrar", "deptstaff", "teacher"])
def test_main_window_per_role(qtbot: QtBot, server, make_context, language: str, username: str) -> None:
    window = _main(qtbot, make_context(server.url, language=language), server, username)
    role = {"deptstaff": "dept_staff"}.get(username, username)
    window.context.status.set_sync_counters(unsent_changes=0, last_sync_at=None)
    qtbot.wait(50)
    _save(window, f"main_window_{role}_{LANGS[language]}")


@pytest.mark.parametrize("language", LANGS)
def test_administration_screens(qtbot: QtBot, server, make_context, language: str) -> None:
    lang = LANGS[language]
    window = _main(qtbot, make_context(server.url, language=language), server, "admin")
    users = window.show_module("users")
    assert isinstance(users, UsersPage)
    qtbot.waitUntil(lambda: users.model.rowCount() > 30 and len(users.roles) >= 5, timeout=10_000)
    users.view.selectRow(2)
    _save(window, f"users_{lang}")
    users.new_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in users.findChildren(UserDialog)), timeout=5_000)
    dialog = next(d for d in users.findChildren(UserDialog) if d.isVisible())
    dialog.username_edit.setText("li")
    dialog.display_name_edit.setText("李娜")
    dialog.password_edit.setText("1234")
    dialog.email_edit.setText("li.na@jiaowu")
    dialog._on_buttons_accepted()  # inline errors next to their fields
    qtbot.wait(50)
    _save(dialog, f"user_dialog_{lang}")
    dialog.reject()
    roles = window.show_module("roles")
    assert isinstance(roles, RolesPage)
    qtbot.waitUntil(lambda: roles.model.columnCount() >= 5, timeout=10_000)
    _save(window, f"roles_{lang}")
    audit = window.show_module("audit")
    assert isinstance(audit, AuditPage)
    qtbot.waitUntil(lambda: audit.model.rowCount() > 5, timeout=10_000)
    audit.view.selectRow(0)
    _save(window, f"audit_{lang}")
    window.context.settings.server = SHOWN_SERVER
    settings = SettingsDialog(window.context.settings, "/home/zhou.min/.local/share/jiaowu-client", window)
    qtbot.addWidget(settings)
    settings.show()
    _save(settings, f"settings_{lang}")
    about = AboutDialog(SHOWN_SERVER, window)
    qtbot.addWidget(about)
    about.show()
    _save(about, f"about_{lang}")
