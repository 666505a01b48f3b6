"""The status-change and certificate screens against the demo university behind a real server:
a secretary drafts and submits offline, the change syncs back online, the registrar approves it
and the effects reach both replicas; a rejection with its reason; a secretary cannot approve
(buttons off, a forced write refused by the server with the reason); a resume into a class
chosen at approval; batch promotion with exceptions; certificates issued for a class, synced
and printed to one PDF. Screenshots of each screen in Chinese and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from client.services.status_changes import ChangeQuery, Draft
from client.ui.main_window import MainWindow
from client.ui.status_changes.approve_dialog import ApproveDialog
from client.ui.status_changes.batch_dialog import BatchDialog
from client.ui.status_changes.change_dialog import ChangeDialog
from client.ui.status_changes.decide_many import DecideManyDialog
from client.ui.status_changes.page import StatusChangesPage
from client.ui.status_changes.timeline import TimelineDialog
from sync.client import schema as s

pytestmark = pytest.mark.xdist_group("client_demo")
SHOTS = Path(__file__).parents[3] / "docs" / "screenshots"
SYNC_TIMEOUT = 300_000  # the registrar's first sync is the whole university


def demo_password(username: str) -> str:
    """As conftest.demo_password (docs/demo-university.md); conftest is not importable here."""
    passwords = {"registrar": "Registrar@2026", "dept": "Dept@2026"}
    return next(p for prefix, p in passwords.items() if username.startswith(prefix))


def _window(qtbot: QtBot, demo_server, make_context, tmp_path: Path, username: str,
            language: str = "en") -> MainWindow:
    context = make_context(demo_server.url, language=language, data_dir=tmp_path / f"data-{username}-{language}")
    window = MainWindow(context, context.auth.login_online(demo_server.url, username, demo_password(username)))
    qtbot.addWidget(window)
    window.show()
    for _attempt in range(3):  # a first sync that failed on a loaded machine (a timeout) is simply repeated
        qtbot.waitUntil(lambda: not window.sync.running and (window.sync.service.last_report is not None
                                                             or window.sync.last_error is not None),
                        timeout=SYNC_TIMEOUT)
        if window.sync.service.last_report is not None:
            return window
        window.sync.sync_now()
    raise AssertionError(f"the first sync failed: {window.sync.last_error!r}")


@pytest.fixture(autouse=True)
def _drain_workers(make_context):  # type: ignore[no-untyped-def]
    """Let the replica workers of a test finish before its contexts (and replicas) close."""
    yield
    from PySide6.QtCore import QThreadPool

    from client.ui.workers import local_pool

    local_pool().waitForDone(60_000)
    QThreadPool.globalInstance().waitForDone(60_000)


def _sync(qtbot: QtBot, window: MainWindow) -> None:
    """One complete sync started now (after any running one)."""
    qtbot.waitUntil(lambda: not window.sync.running, timeout=SYNC_TIMEOUT)
    with qtbot.waitSignal(window.sync.sig_finished, timeout=SYNC_TIMEOUT):
        assert window.sync.sync_now()


def _closed(dialog) -> bool:  # type: ignore[no-untyped-def]
    """Closed: hidden, or already deleted (the page's dialogs delete themselves on close)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _page(window: MainWindow) -> StatusChangesPage:
    page = window.show_module("status_changes")
    assert isinstance(page, StatusChangesPage)
    return page


def _students(window: MainWindow, status: str = "enrolled") -> list[dict]:
    st = s.REPLICA["student"]
    with window.sync.service.store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(st.select().where(st.c.status == status).order_by(st.c.number)).mappings()]


def _student(window: MainWindow, student_id: str) -> dict:
    row = window.sync.service.store.row("student", student_id)
    assert row is not None
    return row


def _server_changes(demo_server, student_id: str) -> list[dict]:
    return demo_server.call("GET", f"/status-changes?student_id={student_id}", username="registrar",
                            password=demo_password("registrar"))["items"]


def _draft_in_dialog(qtbot: QtBot, page: StatusChangesPage, number: str, change_type: str, reason: str,
                     document: str) -> ChangeDialog:
    dialog = page.open_new()
    dialog.search_edit.setText(number)
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=10_000)
    dialog.results.setCurrentRow(0)
    dialog.choose_type(change_type)
    dialog.reason_edit.setPlainText(reason)
    dialog.document_edit.setText(document)
    qtbot.waitUntil(lambda: bool(dialog.effects_table.rowCount()), timeout=10_000)
    return dialog


def _select(qtbot: QtBot, page: StatusChangesPage, change_id: str, view: int) -> None:
    page.tabs.setCurrentIndex(view)
    qtbot.waitUntil(lambda: page.select_change(change_id), timeout=10_000)


def test_approval_flow_offline_then_online_reject_resume_and_refused_approval(
        qtbot: QtBot, demo_server, make_context, tmp_path: Path) -> None:
    dept = _window(qtbot, demo_server, make_context, tmp_path, "dept01")
    page = _page(dept)
    first, second = _students(dept)[:2]
    # Offline: draft a suspension with its preview, submit; it waits on this computer.
    dept.offline_action.trigger()
    dialog = _draft_in_dialog(qtbot, page, first["number"], "suspend", "因病休学一年", "教学〔2026〕31号")
    assert dialog.effects_table.row_texts()[0][0] == "Status"
    assert dialog.effects_table.row_texts()[0][2].startswith("Suspended")
    dialog.submit_button.click()
    qtbot.waitUntil(lambda: _closed(dialog), timeout=10_000)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    change = page.model.row_at(0)
    assert change is not None and change.unsent and change.state == "submitted"
    assert "unsent" in page.model.index(0, 4).data()
    assert _server_changes(demo_server, first["id"]) == []
    # A secretary cannot approve: the buttons are hidden and off, the service refuses at once.
    page.select_change(change.id)
    assert not page.approve_button.isEnabled() and page.recall_button.isEnabled()
    # Back online: it goes out by itself.
    dept.offline_action.trigger()
    qtbot.waitUntil(lambda: dept.context.status.snapshot.unsent_changes == 0, timeout=SYNC_TIMEOUT)
    assert [c["state"] for c in _server_changes(demo_server, first["id"])] == ["submitted"]
    # A forced approval write (bypassing the checks) is refused by the server with the reason.
    dept.sync.service.write("status_change", change.id, "patch", {"state": "approved"})
    _sync(qtbot, dept)
    refused = [c for c in dept.sync.service.conflicts() if c.row_id == change.id]
    assert refused and refused[0].code == "permission_denied" and "status.approve" in refused[0].message
    # A second change, to be rejected.
    other = page.service.draft(Draft(second["id"], "withdraw", "本人申请退学", "教学〔2026〕32号"), submit=True)
    _sync(qtbot, dept)

    registrar = _window(qtbot, demo_server, make_context, tmp_path, "registrar")
    desk = _page(registrar)
    assert desk.tabs.currentIndex() == 1  # an approver starts on the queue
    _select(qtbot, desk, change.id, 1)
    assert desk.approve_button.isEnabled() and desk.reject_button.isEnabled()
    decision = desk.open_decision()
    assert isinstance(decision, ApproveDialog)
    qtbot.waitUntil(lambda: decision.effects_table.rowCount() == 1, timeout=10_000)
    decision.note_edit.setText("同意")
    decision.approve_button.click()
    qtbot.waitUntil(lambda: _closed(decision), timeout=10_000)
    qtbot.waitUntil(lambda: registrar.context.status.snapshot.unsent_changes == 0, timeout=SYNC_TIMEOUT)
    _sync(qtbot, registrar)
    assert _student(registrar, first["id"])["status"] == "suspended"
    assert registrar.sync.service.store.row("status_change", change.id)["state"] == "applied"
    _sync(qtbot, dept)
    assert _student(dept, first["id"])["status"] == "suspended"
    # Reject needs a reason, inline; with one it is filed.
    _select(qtbot, desk, other, 1)
    decision = desk.open_decision()
    assert decision is not None
    decision.reject_button.click()
    qtbot.waitUntil(lambda: decision.reason_error.isVisible(), timeout=10_000)
    decision.note_edit.setText("材料不全，请补交")
    decision.reject_button.click()
    qtbot.waitUntil(lambda: _closed(decision), timeout=10_000)
    qtbot.waitUntil(lambda: registrar.context.status.snapshot.unsent_changes == 0, timeout=SYNC_TIMEOUT)
    rejected = _server_changes(demo_server, second["id"])[0]
    assert (rejected["state"], rejected["decision_reason"]) == ("rejected", "材料不全，请补交")
    # Resume into a class of a later cohort chosen at approval.
    resume = page.service.draft(Draft(first["id"], "resume", "病愈复学", "教学〔2027〕3号"), submit=True)
    _sync(qtbot, dept)
    _sync(qtbot, registrar)
    _select(qtbot, desk, resume, 1)
    decision = desk.open_decision()
    assert decision is not None
    qtbot.waitUntil(lambda: decision.class_combo.count() > 1, timeout=10_000)
    decision.approve_button.click()  # no class yet: refused inline, nothing written
    qtbot.waitUntil(lambda: decision.class_error.isVisible(), timeout=10_000)
    target = decision.class_combo.itemData(decision.class_combo.count() - 1)
    decision.choose_class(target)
    qtbot.waitUntil(lambda: "class_id" in decision.effects_table.effect_fields(), timeout=10_000)
    decision.approve_button.click()
    qtbot.waitUntil(lambda: _closed(decision), timeout=10_000)
    qtbot.waitUntil(lambda: registrar.context.status.snapshot.unsent_changes == 0, timeout=SYNC_TIMEOUT)
    _sync(qtbot, dept)
    resumed = _student(dept, first["id"])
    assert (resumed["status"], resumed["class_id"]) == ("enrolled", target)
    # Several submitted changes decided together: one approval each, all synced.
    third, fourth = _students(dept)[2:4]
    together = [page.service.draft(Draft(st["id"], "suspend", "参军入伍", f"教学〔2027〕{n}号"), submit=True)
                for n, st in ((7, third), (8, fourth))]
    _sync(qtbot, dept)
    _sync(qtbot, registrar)
    desk.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: all(desk.model.row_of(c) >= 0 for c in together), timeout=10_000)
    desk.view.clearSelection()
    for change_id in together:
        desk.view.selectionModel().select(desk.model.index(desk.model.row_of(change_id), 0),
                                          QItemSelectionModel.SelectionFlag.Select
                                          | QItemSelectionModel.SelectionFlag.Rows)
    assert desk.selected() is None and len(desk.selected_changes()) == 2 and desk.approve_button.isEnabled()
    assert not desk.edit_button.isEnabled() and not desk.timeline_button.isEnabled()
    several = desk.open_decision()
    assert isinstance(several, DecideManyDialog) and several.table.rowCount() == 2
    several.reject_button.click()  # a rejection needs its reason: nothing is written
    assert several.result.isVisible() and several.report is None
    several.opinion_edit.setText("同意")
    several.approve_button.click()
    qtbot.waitUntil(lambda: several.report is not None, timeout=10_000)
    assert sorted(several.report.decided) == sorted(together) and not several.report.refused
    qtbot.waitUntil(lambda: registrar.context.status.snapshot.unsent_changes == 0, timeout=SYNC_TIMEOUT)
    assert [_server_changes(demo_server, st["id"])[0]["state"] for st in (third, fourth)] == ["applied", "applied"]
    several.close()
    # The student's timeline: suspended, then resumed, oldest first.
    timeline = page.open_timeline(first["id"])
    assert isinstance(timeline, TimelineDialog)
    qtbot.waitUntil(lambda: len(timeline.entries) == 2, timeout=10_000)
    assert [e.change.change_type for e in timeline.entries] == ["suspend", "resume"]


def test_batch_promotion_with_exceptions_and_certificates_for_a_class(
        qtbot: QtBot, demo_server, make_context, tmp_path: Path) -> None:
    dept = _window(qtbot, demo_server, make_context, tmp_path, "dept02")
    page = _page(dept)
    batch = page.open_batch()
    assert isinstance(batch, BatchDialog)
    qtbot.waitUntil(lambda: batch.cohort_combo.count() > 0 and batch.major_combo.count() > 1 or bool(batch.message.text()),
                    timeout=10_000)
    assert not batch.message.text()
    batch.choose(2025, batch.major_combo.itemData(1))
    batch.document_edit.setText("教学〔2027〕40号")
    batch.run_preview()
    qtbot.waitUntil(lambda: batch.preview is not None, timeout=30_000)
    assert batch.preview is not None
    promoted = batch.preview.counts["promote"]
    assert promoted > 30 and batch.commit_button.isEnabled()
    batch.view.selectRow(0)
    batch.skip_button.click()
    qtbot.waitUntil(lambda: batch.preview is not None and batch.preview.counts["promote"] == promoted - 1,
                    timeout=30_000)
    assert "exception" in batch.model.index(0, 4).data()
    batch.view.selectRow(1)
    qtbot.waitUntil(lambda: batch.repeat_class.count() > 0, timeout=10_000)
    batch.repeat_button.click()
    qtbot.waitUntil(lambda: batch.preview is not None and batch.preview.counts.get("repeat") == 1, timeout=30_000)
    filed = batch.preview.counts["promote"] + batch.preview.counts["repeat"]
    assert filed == promoted - 1  # one skipped, one repeating instead of promoted
    batch.commit_button.click()
    qtbot.waitUntil(lambda: "filed as one batch" in batch.message.text(), timeout=60_000)
    _sync(qtbot, dept)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.model.rowCount() == filed, timeout=10_000)
    batch.close()

    # Certificates: status cards for a whole class, synced, printed to one PDF.
    dialog = page.open_certificates()
    qtbot.waitUntil(lambda: dialog.class_combo.count() > 0, timeout=10_000)
    dialog.choose_kind("status_card")
    dialog.choose_class(dialog.class_combo.itemData(0))
    qtbot.waitUntil(lambda: bool(dialog.student_ids), timeout=10_000)
    size = len(dialog.student_ids)
    dialog.issue()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == size, timeout=10_000)
    assert not dialog.print_to(tmp_path / "refused.pdf")  # no numbers yet
    assert "synced" in dialog.message.text() and not (tmp_path / "refused.pdf").exists()
    qtbot.waitUntil(lambda: dept.context.status.snapshot.unsent_changes == 0, timeout=SYNC_TIMEOUT)
    _sync(qtbot, dept)
    dialog.refresh()
    qtbot.waitUntil(lambda: all(r.printable for r in dialog.model.rows), timeout=10_000)
    assert all(re.fullmatch(r"XJ\d{15}[\dX]", r.number) for r in dialog.model.rows)
    dialog.view.clearSelection()
    target = tmp_path / "class.pdf"
    assert dialog.print_to(target)
    qtbot.waitUntil(lambda: dialog.last_pdf == target, timeout=60_000)
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", target.read_bytes())) == size


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots(qtbot: QtBot, demo_server, make_context, tmp_path: Path, language: str) -> None:
    lang = "zh" if language == "zh_CN" else "en"
    dept = _window(qtbot, demo_server, make_context, tmp_path, "dept03", language)
    page = _page(dept)
    students = _students(dept)
    pick = students[10 if lang == "zh" else 20:]
    suspended = _students(dept, "suspended")[0 if lang == "zh" else 1]
    service = page.service
    applied_on = service.draft(Draft(pick[0]["id"], "suspend", "因病休学", "教学〔2026〕50号"), submit=True)
    service.draft(Draft(pick[1]["id"], "transfer_major", "申请转专业", "教学〔2026〕51号"), submit=True)
    service.draft(Draft(pick[2]["id"], "withdraw", "本人申请退学", ""))
    resume = service.draft(Draft(suspended["id"], "resume", "病愈复学", "教学〔2026〕52号"), submit=True)
    _sync(qtbot, dept)
    assert dept.context.status.snapshot.unsent_changes == 0
    page.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: page.model.rowCount() >= 4, timeout=10_000)
    page.select_change(resume)
    qtbot.waitUntil(lambda: page.effects_table.rowCount() == 2, timeout=10_000)
    dept.resize(1400, 820)
    _shot(dept, f"status_changes_page_{lang}")

    dialog = _draft_in_dialog(qtbot, page, students[30]["number"], "repeat", "成绩未达升级要求，留级一年",
                              "教学〔2026〕53号")
    qtbot.waitUntil(lambda: dialog.class_combo.count() > 1, timeout=10_000)
    dialog.class_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "cohort" in dialog.effects_table.effect_fields(), timeout=10_000)
    _shot(dialog, f"status_changes_dialog_{lang}")
    dialog.reject()

    decision = ApproveDialog(service, service.get(resume), page)
    qtbot.addWidget(decision)
    decision.show()
    qtbot.waitUntil(lambda: decision.class_combo.count() > 1, timeout=10_000)
    decision.choose_class(decision.class_combo.itemData(decision.class_combo.count() - 1))
    qtbot.waitUntil(lambda: "class_id" in decision.effects_table.effect_fields(), timeout=10_000)
    decision.note_edit.setText("同意复学，编入下一年级")
    _shot(decision, f"status_changes_approve_{lang}")
    decision.close()

    several = DecideManyDialog(service, [service.get(c) for c in (applied_on, resume)]
                               + [service.get(c.id) for c in service.list_changes(ChangeQuery(view="awaiting"))
                                  if c.id not in (applied_on, resume)][:3], page)
    qtbot.addWidget(several)
    several.show()
    several.opinion_edit.setText("同意")
    several._show(several.tr("%1 decided; the server applies them when they arrive.").replace("%1", "3"), error=False)
    _shot(several, f"status_changes_decide_many_{lang}")
    several.close()

    timeline = page.open_timeline(pick[0]["id"])
    qtbot.waitUntil(lambda: len(timeline.entries) == 1 and timeline.entries[0].isVisible()
                    and timeline.entries[0].height() > 20, timeout=10_000)
    _shot(timeline, f"status_changes_timeline_{lang}")
    timeline.close()
    assert applied_on

    batch = page.open_batch()
    qtbot.waitUntil(lambda: batch.cohort_combo.count() > 0 and batch.major_combo.count() > 1, timeout=10_000)
    batch.choose(2024, batch.major_combo.itemData(1))
    batch.document_edit.setText("教学〔2027〕41号")
    batch.run_preview()
    qtbot.waitUntil(lambda: batch.preview is not None, timeout=30_000)
    batch.view.selectRow(2)
    batch.skip_button.click()
    excepted = batch.model.tr("%1 (exception)").replace("%1", batch.model.action_label("skip"))
    qtbot.waitUntil(lambda: batch.model.index(2, 4).data() == excepted and not batch.runner.busy, timeout=30_000)
    qtbot.waitUntil(lambda: not batch.busy.isVisible(), timeout=10_000)
    _shot(batch, f"status_changes_batch_{lang}")
    batch.close()

    certificates = page.open_certificates(pick[3]["id"])
    certificates.choose_kind("student_id_card")
    qtbot.waitUntil(lambda: certificates.preview_image is not None, timeout=30_000)
    certificates.issue()
    qtbot.waitUntil(lambda: certificates.model.rowCount() == 1, timeout=10_000)
    _sync(qtbot, dept)
    assert dept.context.status.snapshot.unsent_changes == 0
    certificates.preview_image = None
    certificates.refresh()
    qtbot.waitUntil(lambda: certificates.model.rowCount() == 1 and certificates.model.rows[0].printable,
                    timeout=10_000)
    certificates.view.clearSelection()
    certificates.view.selectRow(0)
    qtbot.waitUntil(lambda: certificates.preview_image is not None, timeout=30_000)
    _shot(certificates, f"certificates_{lang}")


def test_the_list_exports_to_xlsx_as_shown(qtbot: QtBot, demo_server, make_context, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    window = _window(qtbot, demo_server, make_context, tmp_path, "dept01")
    page = _page(window)
    student = _students(window)[5]
    dialog = _draft_in_dialog(qtbot, page, student["number"], "suspend", "导出测试", "教学〔2026〕77号")
    dialog.submit_button.click()
    qtbot.waitUntil(lambda: _closed(dialog), timeout=10_000)
    page.tabs.setCurrentIndex(3)  # all changes
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=30_000)
    headers, rows = page.table_contents()
    target = tmp_path / "changes.xlsx"
    page.export_to(target)
    qtbot.waitUntil(target.exists, timeout=30_000)
    sheet = load_workbook(target).active
    written = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert written[0] == headers
    assert [[c or "" for c in r] for r in written[1:]] == rows
