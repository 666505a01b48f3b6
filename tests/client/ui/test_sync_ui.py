"""The desktop's offline work against a real server process: the replica fills at login, local
edits count in the status bar and go out by themselves, a conflict is shown side by side and
decided on the Sync page, and logout or quit with unsent changes warns and can export them."""

from __future__ import annotations

import json
import threading
import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from client.ui.errors import open_error_boxes
from client.ui.main_window import MainWindow
from client.ui.sync.page import SyncPage

PASSWORD = "Correct-Horse-7"
pytestmark = pytest.mark.xdist_group("client_sync")


def _window(qtbot: QtBot, server, make_context, username: str = "registrar", language: str = "en") -> MainWindow:
    context = make_context(server.url, language=language)
    window = MainWindow(context, context.auth.login_online(server.url, username, PASSWORD))
    qtbot.addWidget(window)
    window.show()
    return window


def _synced(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.sync.running and window.sync.service.last_report is not None, timeout=30_000)


def _server_student(server, username: str = "registrar") -> dict:
    """The student row as the server holds it (through a pull of a fresh cursor)."""
    page = server.call("GET", "/sync/pull?limit=5000", username=username)
    block = page["upserts"]["student"]
    rows = [dict(zip(block["columns"], r, strict=True)) for r in block["rows"]]
    return next(r for r in rows if r["id"] == server.ids["student"])


def _push_as(server, username: str, student: dict, **fields: object) -> dict:
    """Another desktop (``username``) changes the student, as its sync would."""
    op = {"op_id": str(uuid.uuid4()), "table": "student", "row_id": student["id"], "kind": "patch",
          "base_version": student["row_version"], "fields": fields, "base": {k: student[k] for k in fields}}
    answer = server.call("POST", "/sync/push", {"client_id": str(uuid.uuid4()), "ops": [op]}, username=username)
    assert answer["results"][0]["status"] == "applied", answer
    return answer


def _edit_in_background(window: MainWindow, **fields: object) -> None:
    """A client service editing the replica on a worker thread (as the module screens do)."""
    service = window.sync.service
    thread = threading.Thread(target=service.write, args=("student", fields.pop("row_id"), "patch", fields))
    thread.start()
    thread.join()


def test_login_fills_the_replica_and_edits_go_out_by_themselves(qtbot: QtBot, server, make_context) -> None:
    window = _window(qtbot, server, make_context)
    _synced(qtbot, window)
    service = window.sync.service
    assert service.store.row("student", server.ids["student"])["name"] == "李明"
    assert window.status_bar.sync_label.text().startswith("Last sync:") and "never" not in window.status_bar.sync_label.text()
    # An edit made by a service on another thread: the counter moves at once, the push follows.
    note = f"note {uuid.uuid4().hex[:6]}"
    _edit_in_background(window, row_id=server.ids["student"], notes=note)
    qtbot.waitUntil(lambda: window.status_bar.unsent_label.text() == "Unsent changes: 1", timeout=5_000)
    qtbot.waitUntil(lambda: window.status_bar.unsent_label.text() == "Unsent changes: 0", timeout=20_000)
    assert _server_student(server)["notes"] == note
    assert not open_error_boxes()


def test_offline_edit_is_kept_and_sent_when_back_online(qtbot: QtBot, server, make_context) -> None:
    window = _window(qtbot, server, make_context)
    _synced(qtbot, window)
    window.offline_action.trigger()
    address = f"offline {uuid.uuid4().hex[:6]}"
    _edit_in_background(window, row_id=server.ids["student"], address=address)
    qtbot.waitUntil(lambda: window.context.status.snapshot.unsent_changes == 1, timeout=5_000)
    qtbot.wait(3_500)  # longer than the post-edit delay: offline, nothing is sent
    assert window.context.status.snapshot.unsent_changes == 1
    assert window.sync.service.store.row("student", server.ids["student"])["address"] == address
    window.offline_action.trigger()  # back online: the heartbeat confirms, the controller syncs
    qtbot.waitUntil(lambda: window.context.status.snapshot.unsent_changes == 0, timeout=20_000)
    assert _server_student(server)["address"] == address


def test_conflict_is_shown_side_by_side_and_kept_mine(qtbot: QtBot, server, make_context) -> None:
    window = _window(qtbot, server, make_context)
    _synced(qtbot, window)
    window.offline_action.trigger()
    before = _server_student(server)
    mine, theirs = f"mine {uuid.uuid4().hex[:6]}", f"theirs {uuid.uuid4().hex[:6]}"
    _edit_in_background(window, row_id=server.ids["student"], notes=mine)
    _push_as(server, "u008", before, notes=theirs)  # another registrar changed the same field meanwhile
    window.offline_action.trigger()
    qtbot.waitUntil(lambda: window.context.status.snapshot.conflicts == 1, timeout=20_000)
    assert window.status_bar.conflicts_label.isVisible() or not window.isVisible()
    assert window.status_bar.conflicts_label.text() == "Conflicts: 1"
    page = window.show_module("sync")
    assert isinstance(page, SyncPage)
    view = page.conflicts
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    assert view.model.index(0, 0).data() == "Conflict"
    assert view.model.index(0, 2).data().startswith(before["number"])  # the record is named, not an id
    detail = view.detail
    rows = {detail.item(r, 0).text(): (detail.item(r, 1).text(), detail.item(r, 2).text())
            for r in range(detail.rowCount())}
    assert rows["Notes"] == (mine, theirs)  # the clashing field, both versions side by side
    assert rows["Name"] == ("(not changed)", "李明")
    view.table.selectRow(0)
    view.keep_button.click()
    qtbot.waitUntil(lambda: window.context.status.snapshot.conflicts == 0, timeout=10_000)
    qtbot.waitUntil(lambda: _server_student(server)["notes"] == mine, timeout=20_000)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5_000)
    assert "No conflicts" in view.hint.text()


def test_conflicts_take_theirs_for_a_selection_and_edit_one(qtbot: QtBot, server, make_context) -> None:
    window = _window(qtbot, server, make_context)
    _synced(qtbot, window)
    page = window.show_module("sync")
    assert isinstance(page, SyncPage)
    view = page.conflicts
    # Two conflicts, on two fields; the first is decided for the server, the second edited.
    window.offline_action.trigger()
    before = _server_student(server)
    _edit_in_background(window, row_id=server.ids["student"], notes="mine-1")
    _edit_in_background(window, row_id=server.ids["student"], address="mine-2")
    _push_as(server, "u008", before, notes="theirs-1", address="theirs-2")
    window.offline_action.trigger()
    qtbot.waitUntil(lambda: window.context.status.snapshot.conflicts == 2, timeout=20_000)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5_000)
    view.table.selectRow(0)
    assert view.edit_button.isEnabled()
    view.table.selectAll()
    assert not view.edit_button.isEnabled() and view.keep_button.isEnabled()  # edit is one at a time
    view.table.selectRow(0)
    view.theirs_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    view.table.selectRow(0)
    view.edit_button.click()
    dialog = view.edit_dialog
    qtbot.addWidget(dialog)
    assert set(dialog.edits) == {"address"} and dialog.edits["address"].text() == "mine-2"
    dialog.edits["address"].setText("agreed address")
    dialog.accept()
    qtbot.waitUntil(lambda: window.context.status.snapshot.conflicts == 0, timeout=10_000)
    qtbot.waitUntil(lambda: _server_student(server)["address"] == "agreed address", timeout=20_000)
    server_row = _server_student(server)
    assert server_row["notes"] == "theirs-1"
    assert window.sync.service.store.row("student", server.ids["student"])["notes"] == "theirs-1"


def test_logout_with_unsent_changes_warns_and_exports(qtbot: QtBot, server, make_context, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, server, make_context)
    _synced(qtbot, window)
    window.offline_action.trigger()
    _edit_in_background(window, row_id=server.ids["student"], notes="to carry")
    qtbot.waitUntil(lambda: window.context.status.snapshot.unsent_changes == 1, timeout=5_000)
    logged_out: list[object] = []
    window.sig_logout_requested.connect(logged_out.append)
    window._on_logout_triggered()
    box = window.findChild(QMessageBox, "unsentChangesBox")
    assert box is not None and box.isVisible() and "1 of your changes" in box.text()
    assert not logged_out
    texts = {b.text(): b for b in box.buttons()}
    assert "Sync now" not in texts  # offline: only export, leave them here, or stay
    target = tmp_path / "carry.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    texts["Export…"].click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDoneBox") is not None, timeout=5_000)
    done = window.findChild(QMessageBox, "exportDoneBox")
    assert str(target) in done.text()
    done.accept()
    qtbot.waitUntil(lambda: logged_out == [None], timeout=5_000)
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert [op["fields"] for op in exported["ops"]] == [{"notes": "to carry"}]
    # The change also stays in this user's replica, sent at the next login here.
    assert window.sync.service.counters().unsent == 1


def test_quit_with_unsent_changes_asks_first(qtbot: QtBot, server, make_context) -> None:
    window = _window(qtbot, server, make_context)
    _synced(qtbot, window)
    window.offline_action.trigger()
    _edit_in_background(window, row_id=server.ids["student"], notes="quit test")
    qtbot.waitUntil(lambda: window.context.status.snapshot.unsent_changes == 1, timeout=5_000)
    window.close()
    assert window.isVisible()  # the close waits for an answer
    box = window.findChild(QMessageBox, "unsentChangesBox")
    assert box is not None
    buttons = {b.text(): b for b in box.buttons()}
    buttons["Cancel"].click()
    assert window.isVisible()
    window.close()
    box = window.findChild(QMessageBox, "unsentChangesBox")
    {b.text(): b for b in box.buttons()}["Quit anyway"].click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    # Next time this user logs in here, the change is still waiting.
    assert window.sync.service.counters().unsent == 1


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_sync_page_screenshot(qtbot: QtBot, server, make_context, language: str) -> None:
    """The Sync page with one conflict selected, both versions side by side, and one unsent change."""
    window = _window(qtbot, server, make_context, language=language)
    window.resize(1280, 800)
    _synced(qtbot, window)
    window.offline_action.trigger()
    before = _server_student(server)
    _edit_in_background(window, row_id=server.ids["student"], notes="已核对户籍信息", phone="13800138000")
    _push_as(server, "u008", before, notes=f"待补交身份证复印件（{language}）")
    window.offline_action.trigger()
    qtbot.waitUntil(lambda: window.context.status.snapshot.conflicts == 1, timeout=20_000)
    window.offline_action.trigger()  # an edit waiting offline, for the second tab's count
    _edit_in_background(window, row_id=server.ids["student"], address="北京市海淀区学院路 37 号")
    page = window.show_module("sync")
    assert isinstance(page, SyncPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.conflicts.model.rowCount() == 1 and page.unsent_model.rowCount() == 1, timeout=5_000)
    page.conflicts.table.selectRow(0)
    window.context.status.update(server="http://jiaowu.example.edu.cn:8765")
    qtbot.wait(100)
    shots = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
    target = shots / f"sync_{'zh' if language == 'zh_CN' else 'en'}.png"
    assert window.grab().save(str(target)) and target.stat().st_size > 5_000
    # Leave the shared student as the server has it: take theirs, drop the offline edit.
    page.conflicts.theirs_button.click()
    qtbot.waitUntil(lambda: window.context.status.snapshot.conflicts == 0, timeout=5_000)
    window.close_confirmed()
