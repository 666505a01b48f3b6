"""Users, roles and audit screens end to end against a real server, plus qtmodeltester."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from client.ui import prompts
from client.ui.audit.page import AuditPage
from client.ui.errors import open_error_boxes
from client.ui.main_window import MainWindow
from client.ui.roles.page import RolesPage
from client.ui.roles.role_dialog import RoleDialog
from client.ui.users.page import UsersPage
from client.ui.users.password_dialog import ResetPasswordDialog
from client.ui.users.user_dialog import UserDialog

PASSWORD = "Correct-Horse-7"
pytestmark = pytest.mark.xdist_group("client_admin")


@pytest.fixture
def admin_window(qtbot: QtBot, server, make_context) -> MainWindow:
    context = make_context(server.url, language="en")
    session = context.auth.login_online(server.url, "admin", PASSWORD)
    window = MainWindow(context, session)
    qtbot.addWidget(window)
    window.show()
    return window


def _users_page(qtbot: QtBot, window: MainWindow) -> UsersPage:
    page = window.show_module("users")
    assert isinstance(page, UsersPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and len(page.roles) >= 5, timeout=10_000)
    return page


def _search(qtbot: QtBot, page: UsersPage, text: str) -> None:
    page.search_edit.setText(text)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and all(
        text in (page.model.row_at(r).username + page.model.row_at(r).display_name) for r in range(page.model.rowCount())
    ), timeout=10_000)


def _dialog(qtbot: QtBot, page, kind):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(kind)), timeout=5_000)
    return next(d for d in page.findChildren(kind) if d.isVisible())


def test_users_table_model_and_search_as_you_type(qtbot, admin_window, qtmodeltester) -> None:
    page = _users_page(qtbot, admin_window)
    assert page.model.total >= 40
    qtmodeltester.check(page.model)
    for text in ("u", "u0", "u00"):  # every keystroke starts a request; the newest one wins
        page.search_edit.setText(text)
    qtbot.waitUntil(lambda: page.model.total == 10, timeout=10_000)
    assert {page.model.row_at(r).username for r in range(10)} == {f"u00{i}" for i in range(10)}
    page.search_edit.clear()
    page.status_combo.setCurrentIndex(page.status_combo.findData("active"))
    qtbot.waitUntil(lambda: page.model.total >= 40, timeout=10_000)
    page.model.sort(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: page.model.row_at(0) is not None and page.model.row_at(0).display_name >= page.model.row_at(1).display_name
                    and page.model.row_at(0).username not in ("admin",), timeout=10_000)
    qtmodeltester.check(page.model)


def test_users_model_pages_on_demand_until_every_row_is_loaded(qtbot, admin_window, qtmodeltester) -> None:
    from client.services import users as user_service
    from client.services.dto import UserQuery
    from client.ui.users.table_model import UsersTableModel

    page = _users_page(qtbot, admin_window)
    model = UsersTableModel(page_size=10)
    model.sig_page_requested.connect(lambda n: page._runner.start(
        user_service.search_users, page.api, UserQuery(), n, 10, on_finished=model.append_page))
    page._runner.start(user_service.search_users, page.api, UserQuery(), 1, 10, on_finished=model.reset_rows)
    qtbot.waitUntil(lambda: model.rowCount() == 10, timeout=10_000)
    assert model.total > 40 and model.canFetchMore()
    while model.canFetchMore():
        loaded = model.rowCount()
        model.fetchMore()
        assert not model.canFetchMore()  # one page request at a time
        qtbot.waitUntil(lambda loaded=loaded: model.rowCount() > loaded, timeout=10_000)
    assert model.rowCount() == model.total
    assert len({model.row_at(r).id for r in range(model.rowCount())}) == model.total
    qtmodeltester.check(model)


def test_user_create_with_inline_and_server_errors_then_edit_reset_disable_delete(qtbot, admin_window, server,
                                                                                   monkeypatch) -> None:
    page = _users_page(qtbot, admin_window)
    page.new_button.click()
    dialog = _dialog(qtbot, page, UserDialog)
    dialog.username_edit.setText("x")
    dialog.password_edit.setText("123")
    dialog._on_buttons_accepted()
    assert dialog.isVisible()
    assert "letters" in dialog.errors["username"].text() and "8 characters" in dialog.errors["password"].text()
    assert dialog.errors["display_name"].text() == "Required." and dialog.errors["roles"].text() == "Required."
    # Valid locally, refused by the server: a department role without its department.
    dialog.username_edit.setText("zhao.lei")
    dialog.display_name_edit.setText("赵磊")
    dialog.password_edit.setText("Zhao-Lei-2024")
    dialog.email_edit.setText("zhao.lei@jiaowu.edu.cn")
    for i in range(dialog.roles_list.count()):
        if dialog.roles_list.item(i).data(Qt.ItemDataRole.UserRole) == "dept_staff":
            dialog.roles_list.item(i).setCheckState(Qt.CheckState.Checked)
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: dialog.errors["department_id"].text() != "", timeout=10_000)
    assert dialog.isVisible() and dialog.username_edit.text() == "zhao.lei" and dialog.password_edit.text()
    assert "department" in dialog.errors["department_id"].text()
    dialog.department_edit.setText(server.ids["dept"])
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog._on_buttons_accepted()
    _search(qtbot, page, "zhao.lei")
    assert page.select_username("zhao.lei")
    user = page.selected_user()
    assert user is not None and user.roles == ("dept_staff",)

    page.edit_button.click()
    edit = _dialog(qtbot, page, UserDialog)
    assert edit.username_edit.text() == "zhao.lei" and edit.department_edit.text() == server.ids["dept"]
    edit.display_name_edit.setText("赵磊（教务员）")
    with qtbot.waitSignal(edit.sig_saved, timeout=10_000):
        edit._on_buttons_accepted()
    qtbot.waitUntil(lambda: page.model.row_at(0).display_name == "赵磊（教务员）", timeout=5_000)

    page.password_button.click()
    reset = _dialog(qtbot, page, ResetPasswordDialog)
    reset.password_edit.setText("Another-Secret-5")
    reset.repeat_edit.setText("Another-Secret-6")
    reset._on_buttons_accepted()
    assert "differ" in reset.repeat_error.text()
    reset.repeat_edit.setText("Another-Secret-5")
    with qtbot.waitSignal(reset.accepted, timeout=10_000):
        reset._on_buttons_accepted()
    assert server.call("GET", "/auth/me", username="zhao.lei", password="Another-Secret-5")["username"] == "zhao.lei"

    page.enable_button.click()
    qtbot.waitUntil(lambda: page.model.row_at(0).status == "disabled", timeout=10_000)
    assert page.enable_button.text() == "Enable"
    page.enable_button.click()
    qtbot.waitUntil(lambda: page.model.row_at(0).status == "active", timeout=10_000)

    monkeypatch.setattr(prompts, "confirm", lambda *_a: True)
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    assert all(u["username"] != "zhao.lei" for u in server.call("GET", "/users?q=zhao")["items"])


def test_roles_matrix_create_grant_delete_and_last_admin_refusal(qtbot, admin_window, server, monkeypatch,
                                                                  qtmodeltester) -> None:
    page = admin_window.show_module("roles")
    assert isinstance(page, RolesPage)
    qtbot.waitUntil(lambda: page.model.columnCount() >= 5, timeout=10_000)
    qtmodeltester.check(page.model)
    page.new_button.click()
    dialog = _dialog(qtbot, page, RoleDialog)
    dialog.code_edit.setText("Exam Office")
    dialog._on_buttons_accepted()
    assert "lowercase" in dialog.errors["code"].text() and dialog.errors["name"].text() == "Required."
    dialog.code_edit.setText("exam_office")
    dialog.name_edit.setText("考务办公室")
    dialog.name_en_edit.setText("Exam office")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: any(r.code == "exam_office" for r in page.model.roles()), timeout=10_000)
    column = next(i for i, r in enumerate(page.model.roles()) if r.code == "exam_office")
    row = next(i for i in range(page.model.rowCount())
               if page.model.headerData(i, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "exams.arrange")
    assert page.model.setData(page.model.index(row, column), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert page.save_button.isEnabled()
    page.save_button.click()
    qtbot.waitUntil(lambda: not page.save_button.isEnabled() and any(
        r.code == "exam_office" and "exams.arrange" in r.permissions for r in page.model.roles()), timeout=10_000)
    saved = [r for r in server.call("GET", "/roles") if r["code"] == "exam_office"][0]
    assert saved["permissions"] == ["exams.arrange"]

    page.view.setCurrentIndex(page.model.index(0, column))
    assert page.delete_button.isEnabled()
    monkeypatch.setattr(prompts, "confirm", lambda *_a: True)
    page.delete_button.click()
    qtbot.waitUntil(lambda: all(r.code != "exam_office" for r in page.model.roles()), timeout=10_000)

    admin_col = next(i for i, r in enumerate(page.model.roles()) if r.code == "admin")
    manage_row = next(i for i in range(page.model.rowCount())
                      if page.model.headerData(i, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "users.manage")
    page.model.setData(page.model.index(manage_row, admin_col), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    page.save_button.click()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in open_error_boxes()), timeout=10_000)
    box = next(b for b in open_error_boxes() if b.isVisible())
    assert "administrator" in box.text()
    box.close()
    qtbot.waitUntil(lambda: not page.save_button.isEnabled(), timeout=10_000)  # reloaded: the server's truth


def test_audit_filters_and_export(qtbot, admin_window, monkeypatch, tmp_path: Path, qtmodeltester) -> None:
    page = admin_window.show_module("audit")
    assert isinstance(page, AuditPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(page.model)
    page.user_edit.setText("admin")
    page.action_combo.setEditText("login.success")
    page.since_check.setChecked(True)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and all(
        page.model.row_at(r).action == "login.success" for r in range(page.model.rowCount())), timeout=10_000)
    page.view.selectRow(0)
    assert "login.success" in page.details.toPlainText()
    target = tmp_path / "audit.xlsx"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: str(target))
    page.export_button.click()
    qtbot.waitUntil(lambda: page.last_export == target, timeout=10_000)
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Time" and rows[0][2] == "Action"
    assert len(rows) - 1 == page.model.total and all(r[2] == "login.success" for r in rows[1:])


def test_narrowing_a_complete_result_filters_at_once_and_the_server_confirms(qtbot, admin_window) -> None:
    page = _users_page(qtbot, admin_window)
    _search(qtbot, page, "u01")  # u010 … u019: every row loaded
    qtbot.waitUntil(lambda: page.model.total == 10 and page.model.complete, timeout=10_000)
    page.search_edit.setText("u015")  # the keystroke itself narrows the rows on screen
    assert [page.model.row_at(r).username for r in range(page.model.rowCount())] == ["u015"]
    page.search_edit.setText("u01")  # widening needs the server again: nothing is guessed locally
    qtbot.waitUntil(lambda: page.model.total == 10, timeout=10_000)
