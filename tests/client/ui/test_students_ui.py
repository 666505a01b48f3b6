"""The student records screen against the demo university, as the secretary of department 01:
the list over the replica, search and filters, a student created offline (inline errors first)
that reaches the server once back online, an edit that patches one field, an import whose
report names rows and columns and whose confirmation writes every row at once, an export, and
the screenshots."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from client.services.students import ClassRow
from client.ui.errors import open_error_boxes
from client.ui.main_window import MainWindow
from client.ui.students.import_dialog import ImportDialog
from client.ui.students.page import StudentsPage
from client.ui.students.student_dialog import StudentDialog
from core.rules.values import id_check_char
from tests.client.ui.conftest import demo_password

pytestmark = pytest.mark.xdist_group("client_demo")
SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One client data folder for the module: the replica fills once, later logins pull changes only."""
    return tmp_path_factory.mktemp("students-client")


def _window(qtbot: QtBot, demo_server, make_context, data_dir: Path, language: str = "en") -> MainWindow:  # type: ignore[no-untyped-def]
    context = make_context(demo_server.url, language=language, data_dir=data_dir)
    window = MainWindow(context, context.auth.login_online(demo_server.url, "dept01", demo_password("dept01")))
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitUntil(lambda: not window.sync.running and window.sync.service.last_report is not None, timeout=240_000)
    return window


def _page(qtbot: QtBot, window: MainWindow) -> StudentsPage:
    page = window.show_module("students")
    assert isinstance(page, StudentsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 100 and bool(page.lookups.classes), timeout=10_000)
    return page


def _search(qtbot: QtBot, page: StudentsPage, text: str) -> list[str]:
    page.search_edit.setText(text)
    qtbot.waitUntil(lambda: page._query.text == text and not page.runner.busy, timeout=10_000)
    return [page.model.row_at(r).number for r in range(min(page.model.rowCount(), 500))]  # type: ignore[union-attr]


def _own_class(page: StudentsPage) -> ClassRow:
    own = page.service.user.department_id
    return next(c for c in page.lookups.classes if c.department_id == own and c.cohort == max(page.lookups.cohorts))


def id_number(rng: random.Random) -> str:
    first = f"110105{rng.randint(2004, 2007)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
    return first + id_check_char(first)


def _fill(dialog: StudentDialog, **values: str) -> None:
    for name, value in values.items():
        if name == "class_id":
            dialog.class_combo.setCurrentIndex(dialog.class_combo.findData(value))
        else:
            dialog.edits[name].setText(value)
            dialog.edits[name].editingFinished.emit()


def test_list_search_and_filters(qtbot: QtBot, qtmodeltester, demo_server, make_context, data_dir) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_server, make_context, data_dir)
    page = _page(qtbot, window)
    qtmodeltester.check(page.model)
    assert not page.org_button.isVisible() and not page.department_combo.isEnabled()  # a secretary
    total = page.model.rowCount()
    student = page.model.row_at(total // 2)
    assert student is not None and page.count_label.text() == f"{total:,} students"
    assert student.number in _search(qtbot, page, student.number)
    assert student.number in _search(qtbot, page, student.name)
    assert _search(qtbot, page, student.id_number[:12].lower()) == [student.number] or student.number in _search(
        qtbot, page, student.id_number)
    in_class = _search(qtbot, page, student.class_name)
    assert student.number in in_class and all(page.model.row_at(r).class_name == student.class_name  # type: ignore[union-attr]
                                              for r in range(page.model.rowCount()))
    assert student.number in _search(qtbot, page, student.major_name)
    _search(qtbot, page, "")
    page.cohort_combo.setCurrentIndex(page.cohort_combo.findData(student.cohort))
    qtbot.waitUntil(lambda: not page.runner.busy and page._query.cohort == student.cohort, timeout=10_000)
    assert all(page.model.row_at(r).cohort == student.cohort for r in range(0, page.model.rowCount(), 37))  # type: ignore[union-attr]
    page.class_combo.setCurrentIndex(page.class_combo.findData(student.class_id))
    page.status_combo.setCurrentIndex(page.status_combo.findData(student.status))
    qtbot.waitUntil(lambda: not page.runner.busy and page._query.status == student.status, timeout=10_000)
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert student.id in [r.id for r in rows if r] and {(r.class_id, r.status) for r in rows if r} == {
        (student.class_id, student.status)}
    page.view.sortByColumn(1, page.view.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    qtbot.waitUntil(lambda: page._query.sort == "name" and not page.runner.busy, timeout=10_000)
    names = [page.model.row_at(r).name for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert names == sorted(names, reverse=True)
    assert not open_error_boxes()


def test_create_offline_with_inline_errors_then_synced(qtbot: QtBot, demo_server, make_context, data_dir) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_server, make_context, data_dir)
    page = _page(qtbot, window)
    window.offline_action.trigger()
    dialog = page.open_student(None)
    assert isinstance(dialog, StudentDialog)
    school_class = _own_class(page)
    good = id_number(random.Random(5))
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    _fill(dialog, number=school_class.code + "99", name="测试学生", id_number=bad, class_id=school_class.id)
    assert dialog.errors["id_number"].isVisible() and "check digit" in dialog.errors["id_number"].text()
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.errors["gender"].text()  # gender is required, shown once saving was tried
    _fill(dialog, id_number=good)  # a valid ID number fills the birth date and the gender
    assert not dialog.errors["id_number"].isVisible() and dialog.edits["birth_date"].text() == (
        f"{good[6:10]}-{good[10:12]}-{good[12:14]}")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        dialog.buttons.accepted.emit()
    student_id = str(saved.args[0])
    assert window.sync.service.counters().unsent == 1
    op = window.sync.service.unsent()[0]
    assert (op.kind, op.row_id, op.fields["id_number"]) == ("create", student_id, good)
    qtbot.waitUntil(lambda: page.selected_student_id() == student_id, timeout=10_000)
    window.offline_action.trigger()  # back online: the controller pushes it
    qtbot.waitUntil(lambda: window.sync.service.counters().unsent == 0, timeout=60_000)
    assert window.sync.service.counters().conflicts == 0
    password = demo_password("dept01")
    assert demo_server.call("GET", f"/students/{student_id}/status-changes", username="dept01", password=password) == []


def test_edit_patches_the_changed_field_only(qtbot: QtBot, demo_server, make_context, data_dir) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_server, make_context, data_dir)
    page = _page(qtbot, window)
    window.offline_action.trigger()
    page.view.selectRow(3)
    student_id = page.selected_student_id()
    page.edit_button.click()
    dialog = next(d for d in page.findChildren(StudentDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.edits["number"].text() != "", timeout=10_000)
    _fill(dialog, phone="13912345678")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.buttons.accepted.emit()
    [op] = window.sync.service.unsent()
    assert (op.kind, op.row_id, op.fields) == ("patch", student_id, {"phone": "13912345678"})
    qtbot.waitUntil(lambda: page.model.row_at(3) is not None and page.model.row_at(3).unsent, timeout=5_000)  # type: ignore[union-attr]


def _import_file(path: Path, page: StudentsPage, seqs: tuple[int, ...] = (91, 92, 93), seed: int = 11) -> Path:
    school_class = _own_class(page)
    rng = random.Random(seed)
    book = Workbook()
    sheet = book.active
    sheet.append(["学号", "姓名", "性别", "身份证号", "班级", "联系电话"])
    for seq in seqs:
        idn = id_number(rng)
        sheet.append([f"{school_class.code}{seq}", f"导入{seq}", "男" if int(idn[16]) % 2 else "女", idn,
                      school_class.code, "13800138000"])
    sheet.append([f"{school_class.code}94", "坏行", "男", "110105200601010010", school_class.code, ""])  # row 5
    sheet.append(["12345", "", "女", id_number(rng), "no-such-class", "abc"])  # row 6
    book.save(path)
    return path


def test_import_report_then_confirm_writes_all_rows_at_once(qtbot: QtBot, demo_server, make_context, data_dir,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    window = _window(qtbot, demo_server, make_context, data_dir)
    page = _page(qtbot, window)
    window.offline_action.trigger()
    dialog = page._on_import_button_clicked()
    assert isinstance(dialog, ImportDialog) and not dialog.confirm_button.isEnabled()
    dialog.check_file(_import_file(tmp_path / "students.xlsx", page))
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    problems = [(p.row, p.column) for p in dialog.rejected_model.problems]
    assert problems == [(5, "身份证号"), (6, "学号"), (6, "姓名"), (6, "班级"), (6, "联系电话")]
    assert dialog.rejected_model.index(0, 3).data().startswith("check digit should be")
    assert dialog.confirm_button.text() == "Import 3 students" and window.sync.service.counters().unsent == 0
    with qtbot.waitSignal(dialog.sig_imported, timeout=20_000):
        dialog.confirm_button.click()
    ops = window.sync.service.unsent()
    assert [o.kind for o in ops] == ["create"] * 3 and len({o.made_at for o in ops}) == 1  # one transaction
    assert {o.fields["name"] for o in ops} == {"导入91", "导入92", "导入93"}
    assert set(_search(qtbot, page, "导入")) == {o.fields["number"] for o in ops}


def test_export_writes_a_readable_xlsx(qtbot: QtBot, demo_server, make_context, data_dir, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_server, make_context, data_dir)
    page = _page(qtbot, window)
    _search(qtbot, page, _own_class(page).name)
    target = tmp_path / "export.xlsx"
    page.export(target)
    qtbot.waitUntil(target.exists, timeout=20_000)
    qtbot.waitUntil(lambda: not page.busy_bar.isVisible(), timeout=20_000)
    rows = list(load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Student number" and len(rows) - 1 == page.model.rowCount()
    assert {r[5] for r in rows[1:]} == {_own_class(page).code}


def _save(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots(qtbot: QtBot, demo_server, make_context, data_dir, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    lang = {"zh_CN": "zh", "en": "en"}[language]
    window = _window(qtbot, demo_server, make_context, data_dir, language)
    window.offline_action.trigger()  # the pictures show no half-finished sync
    window.context.status.update(server="http://jiaowu.example.edu.cn:8765")  # not the test's port
    page = _page(qtbot, window)
    page.view.selectRow(2)
    qtbot.wait(100)
    _save(window, f"students_list_{lang}")
    dialog = page.open_student(None)
    assert isinstance(dialog, StudentDialog)
    good = id_number(random.Random(3))
    _fill(dialog, number=_own_class(page).code + "98", name="林晓", id_number=good[:17] + ("1" if good[17] == "0" else "0"),
          phone="1380013", class_id=_own_class(page).id)
    dialog.buttons.accepted.emit()
    qtbot.wait(100)
    _save(dialog, f"students_form_{lang}")
    dialog.reject()
    importer = page._on_import_button_clicked()
    assert isinstance(importer, ImportDialog)
    importer.check_file(_import_file(tmp_path / "新生名单.xlsx", page, (81, 82, 83), 21))
    qtbot.waitUntil(lambda: importer.report is not None, timeout=20_000)
    qtbot.wait(100)
    _save(importer, f"students_import_report_{lang}")
    importer.reject()
