"""The scholarship/aid and dormitory screens against the demo university (a real server
process): a secretary's application with its eligibility report, a refusal naming the failed
rule, the registrar's approval with the quota enforced, export; the occupancy overview, assign
with a gender clash refused, move with history, vacate, bulk assignment, an offline assign
synced later; screenshots of each screen in Chinese and English."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from client.services.aid import academic_year_of
from client.ui.aid.page import AidPage
from client.ui.dorms.page import DormsPage
from client.ui.main_window import MainWindow
from sync.client.schema import REPLICA

from .conftest import demo_password

pytestmark = pytest.mark.xdist_group("client_demo")
SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
YEAR = academic_year_of(date.today())


@pytest.fixture(scope="module")
def registrar_dir(tmp_path_factory: pytest.TempPathFactory, demo_replica) -> Path:  # type: ignore[no-untyped-def]
    """One registrar data folder for the module, holding the run's synced registrar replica."""
    folder = tmp_path_factory.mktemp("registrar-client")
    demo_replica(folder, "registrar")
    return folder


def _window(qtbot: QtBot, server, make_context, username: str, language: str = "en",
            data_dir: Path | None = None) -> MainWindow:
    context = make_context(server.url, language=language, data_dir=data_dir)
    window = MainWindow(context, context.auth.login_online(server.url, username, demo_password(username)))
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    qtbot.waitUntil(lambda: not window.sync.running and window.sync.service.last_report is not None,
                    timeout=900_000)
    return window


def _pushed(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.context.status.snapshot.unsent_changes == 0 and not window.sync.running,
                    timeout=60_000)


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def _choose(qtbot: QtBot, search, lst, number: str) -> None:
    search.setText(number)
    qtbot.waitUntil(lambda: any(lst.item(i).text().startswith(number) for i in range(lst.count())), timeout=10_000)
    row = next(i for i in range(lst.count()) if lst.item(i).text().startswith(number))
    lst.setCurrentRow(row)


def _candidates(page: AidPage, type_id: str) -> tuple[list[str], str]:
    """Two students eligible for the award and one refused on the GPA rank, from the replica."""
    eligible, refused = [], None
    for hit in page.service.search_students("", limit=400):
        report = page.service.eligibility(type_id, YEAR, hit.id)
        failed = [c.rule for c in report.checks if not c.passed]
        if report.passed and len(eligible) < 2:
            eligible.append(hit.number)
        elif failed == ["gpa_rank_share"] and refused is None:
            refused = hit.number
        if len(eligible) == 2 and refused:
            break
    assert len(eligible) == 2 and refused
    return eligible, refused


def test_aid_application_review_approval_quota_and_export(qtbot: QtBot, demo_server, make_context, registrar_dir,
                                                         tmp_path: Path) -> None:
    secretary = _window(qtbot, demo_server, make_context, "dept12")
    page = secretary.show_module("aid")
    assert isinstance(page, AidPage)
    qtbot.waitUntil(lambda: len(page.types) == 9, timeout=10_000)
    nat = next(t for t in page.types.values() if t.code == "NAT-SCH")
    eligible, refused = _candidates(page, nat.id)

    # An eligible student: the report is computed live, every rule passed with its figures.
    for number in eligible:
        dialog = page.open_new_application()
        qtbot.addWidget(dialog)
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(nat.id))
        dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(YEAR))
        _choose(qtbot, dialog.search_edit, dialog.student_list, number)
        qtbot.waitUntil(lambda d=dialog: d.submit_button.isEnabled(), timeout=10_000)
        assert dialog.verdict.text().startswith("Eligible")
        results = [dialog.report_view.item(r, 1).text() for r in range(dialog.report_view.rowCount())]
        assert results and set(results) == {"✓ Passed"}
        figures = [dialog.report_view.item(r, 2).text() for r in range(dialog.report_view.rowCount())]
        assert any("GPA rank" in f for f in figures)
        if number == eligible[0]:
            _shot(dialog, "aid_application_en")
        dialog.submit_button.click()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=10_000)

    # A refused one names the failed rule, and cannot be submitted.
    dialog = page.open_new_application()
    qtbot.addWidget(dialog)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(nat.id))
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(YEAR))
    _choose(qtbot, dialog.search_edit, dialog.student_list, refused)
    qtbot.waitUntil(lambda: dialog.verdict.text().startswith("Not eligible"), timeout=10_000)
    assert "GPA rank in the class" in dialog.verdict.text() and not dialog.submit_button.isEnabled()
    failed = [dialog.report_view.item(r, 0).text() for r in range(dialog.report_view.rowCount())
              if dialog.report_view.item(r, 1).text() == "✗ Failed"]
    assert failed == ["GPA rank in the class"]
    _shot(dialog, "aid_application_refused_en")
    dialog.reject()

    # The department reviews both; the sync sends everything.
    page.year_combo.setCurrentIndex(page.year_combo.findData(YEAR))
    qtbot.waitUntil(lambda: page.awards_model.rowCount() == 2, timeout=10_000)
    for row in range(2):
        page.awards_view.selectRow(row)
        review = page.open_decision("review")
        assert review is not None
        qtbot.addWidget(review)
        review.reason_edit.setPlainText("学习成绩优异，同意推荐")
        review.ok_button.click()
        qtbot.waitUntil(lambda r=review: not r.isVisible(), timeout=10_000)
    _pushed(qtbot, secretary)
    assert not [c for c in secretary.sync.service.conflicts()], secretary.sync.service.conflicts()
    qtbot.waitUntil(lambda: all(r.reviewed and r.synced for r in page.awards_model.rows), timeout=30_000)
    page.awards_view.selectRow(0)
    _shot(secretary, "aid_en")

    # The registrar approves one; the second is refused by the quota (1 place) before anything is sent.
    registrar = _window(qtbot, demo_server, make_context, "registrar", data_dir=registrar_dir)
    approver = registrar.show_module("aid")
    assert isinstance(approver, AidPage)
    qtbot.waitUntil(lambda: approver.year_combo.count() > 0 and approver.department_combo.count() > 1, timeout=10_000)
    approver.year_combo.setCurrentIndex(approver.year_combo.findData(YEAR))
    dept = next(d for d in approver.departments.values() if d.code == "12")
    approver.department_combo.setCurrentIndex(approver.department_combo.findData(dept.id))
    qtbot.waitUntil(lambda: approver.awards_model.rowCount() == 2, timeout=10_000)
    for row, expected in ((0, None), (1, "quota used up")):
        approver.awards_view.selectRow(row)
        decision = approver.open_decision("approve")
        assert decision is not None
        qtbot.addWidget(decision)
        decision.ok_button.click()
        if expected is None:
            qtbot.waitUntil(lambda d=decision: not d.isVisible(), timeout=10_000)
        else:
            qtbot.waitUntil(lambda d=decision: d.error.isVisible(), timeout=10_000)
            assert expected in decision.error.text()
            _shot(decision, "aid_quota_refused_en")
            decision.reject()
    _pushed(qtbot, registrar)
    assert not registrar.sync.service.conflicts()
    approved = demo_server.call("GET", f"/aid/awards?academic_year={YEAR}&department_id={dept.id}&state=approved",
                                username="registrar", password=demo_password("registrar"))
    assert approved["total"] == 1
    approver.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: any(q.used == 1 and q.quota == 1 for q in approver.quotas_model.rows), timeout=10_000)
    _shot(registrar, "aid_quotas_en")
    approver.tabs.setCurrentIndex(0)

    # Export: readable, one row per application, headers in the interface language.
    from openpyxl import load_workbook

    target = tmp_path / "aid.xlsx"
    approver.export_to(target)
    qtbot.waitUntil(lambda: getattr(approver, "last_export", None) is not None, timeout=20_000)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Year", "Department", "Award") and len(rows) == 3
    assert sorted(r[7] for r in rows[1:]) == ["Approved", "Submitted"]


def test_dorms_overview_assign_move_vacate_bulk_and_offline(qtbot: QtBot, demo_server, make_context,
                                                           registrar_dir) -> None:
    window = _window(qtbot, demo_server, make_context, "registrar", data_dir=registrar_dir)
    page = window.show_module("dorms")
    assert isinstance(page, DormsPage)
    qtbot.waitUntil(lambda: page.buildings_model.rowCount() == 12 and page.rooms_model.rowCount() > 0, timeout=20_000)
    store = window.sync.service.store
    bed = REPLICA["bed_assignment"]
    with store.engine.connect() as conn:
        current = conn.execute(select(func.count()).select_from(bed).where(bed.c.end_date.is_(None))).scalar_one()
        rooms = conn.execute(select(func.count()).select_from(REPLICA["dorm_room"])).scalar_one()
    assert sum(b.occupied for b in page.buildings) == current
    assert sum(b.figures.rooms for b in page.buildings if b.figures) == rooms
    assert page.totals.text().startswith("12 buildings")
    service = page.service

    # A woman without a bed into a men's building: refused with the reason, nothing written.
    woman = next(h for h in service.search_students("", limit=3000, housed=False)
                 if h.gender == "F" and h.status == "enrolled")
    men = next(b for b in page.buildings if b.gender == "M")
    page.select_building(men.code)
    dialog = page.open_bed_dialog("assign")
    qtbot.addWidget(dialog)
    dialog.building_combo.setCurrentIndex(dialog.building_combo.findData(men.id))
    _choose(qtbot, dialog.search_edit, dialog.student_list, woman.number)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "for M students, the student is F" in dialog.error.text() and not dialog.ok_button.isEnabled()
    _shot(dialog, "dorms_assign_refused_en")
    # The women's building takes her.
    women = next(b for b in page.buildings if b.gender == "F" and b.free > 0)
    dialog.building_combo.setCurrentIndex(dialog.building_combo.findData(women.id))
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=10_000)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert service.student(woman.id).bed is not None

    # Move keeps history: the old stay ends today, the new one starts today.
    mover = next(h for h in service.search_students("", limit=50, housed=True) if h.gender == "M")
    old_bed = mover.bed
    move = page.open_bed_dialog("move")
    qtbot.addWidget(move)
    move.building_combo.setCurrentIndex(move.building_combo.findData(men.id))
    _choose(qtbot, move.search_edit, move.student_list, mover.number)
    qtbot.waitUntil(lambda: move.ok_button.isEnabled(), timeout=10_000)
    move.reason_edit.setText("调宿")
    move.ok_button.click()
    qtbot.waitUntil(lambda: not move.isVisible() or move.error.isVisible(), timeout=30_000)
    assert not move.isVisible(), move.error.text()
    history = service.student_history(mover.id)
    assert [h.end_date for h in history][:2] == [None, date.today().isoformat()]
    assert service.student(mover.id).bed != old_bed

    # Vacate: the stay ends, the row stays.
    vacate = page.open_bed_dialog("vacate")
    qtbot.addWidget(vacate)
    _choose(qtbot, vacate.search_edit, vacate.student_list, woman.number)
    qtbot.waitUntil(lambda: vacate.ok_button.isEnabled(), timeout=10_000)
    vacate.ok_button.click()
    qtbot.waitUntil(lambda: not vacate.isVisible(), timeout=10_000)
    assert service.student(woman.id).bed is None and len(service.student_history(woman.id)) >= 1
    _pushed(qtbot, window)
    assert not window.sync.service.conflicts(), window.sync.service.conflicts()
    server_history = demo_server.call("GET", f"/dorms/students/{mover.id}/history", username="registrar",
                                      password=demo_password("registrar"))
    assert len(server_history) >= 2

    # Bulk assignment of the newest cohort of one department: preview, then confirm.
    bulk = page.open_bulk()
    qtbot.addWidget(bulk)
    qtbot.waitUntil(lambda: bulk.cohort_combo.count() > 0, timeout=10_000)
    dept = next(i for i in range(bulk.department_combo.count()) if bulk.department_combo.itemText(i).startswith("01 "))
    bulk.department_combo.setCurrentIndex(dept)
    bulk.run_preview()
    qtbot.waitUntil(lambda: bulk.preview is not None, timeout=60_000)
    placed, unplaced = bulk.placed_model.rowCount(), bulk.unplaced_model.rowCount()
    assert placed > 0 and unplaced > 0
    reasons = {bulk.unplaced_model.rows[r].reason for r in range(unplaced)}
    assert any("already has a bed" in r for r in reasons)
    bulk.tabs.setCurrentIndex(0)
    _shot(bulk, "dorms_bulk_en")
    bulk.confirm()
    qtbot.waitUntil(lambda: getattr(bulk, "written", None) == placed, timeout=60_000)
    bulk.reject()
    _pushed(qtbot, window)
    assert not window.sync.service.conflicts(), window.sync.service.conflicts()[:3]

    # Offline: assign, nothing goes out; back online, it is sent by itself.
    window.offline_action.trigger()
    someone = next(h for h in service.search_students("", limit=3000, housed=False)
                   if h.gender == "M" and h.status == "enrolled")
    room = next(r for r in service.rooms(men.id) if r.free > 0)
    free_bed = next(b.bed_number for b in service.room_detail(room.id).beds if b.student_id is None)
    service.assign(someone.id, room.id, free_bed, date.today(), "脱机办理 " + uuid.uuid4().hex[:4])
    qtbot.waitUntil(lambda: window.context.status.snapshot.unsent_changes == 1, timeout=5_000)
    qtbot.wait(3_500)
    assert window.context.status.snapshot.unsent_changes == 1
    window.offline_action.trigger()
    _pushed(qtbot, window)
    stays = demo_server.call("GET", f"/dorms/students/{someone.id}/history", username="registrar",
                             password=demo_password("registrar"))
    assert stays and stays[0]["end_date"] is None
    page.refresh()
    page.select_building(men.code)
    qtbot.waitUntil(lambda: page.detail is not None and bool(page.detail.history), timeout=10_000)
    _shot(window, "dorms_en")


@pytest.mark.parametrize("language", ["zh_CN"])
def test_screens_in_chinese(qtbot: QtBot, demo_server, make_context, registrar_dir, language: str) -> None:
    window = _window(qtbot, demo_server, make_context, "registrar", language=language, data_dir=registrar_dir)
    aid = window.show_module("aid")
    assert isinstance(aid, AidPage)
    qtbot.waitUntil(lambda: aid.year_combo.count() > 0, timeout=10_000)
    aid.year_combo.setCurrentIndex(aid.year_combo.findData(YEAR))
    # The list as it is (this test may run on a server where no application was filed yet).
    qtbot.waitUntil(lambda: not aid.runner.busy, timeout=60_000)
    if aid.awards_model.rowCount():
        aid.awards_view.selectRow(0)
    _shot(window, "aid_zh")
    aid.tabs.setCurrentIndex(1)
    _shot(window, "aid_quotas_zh")
    aid.tabs.setCurrentIndex(0)
    dialog = aid.open_new_application()
    qtbot.addWidget(dialog)
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(YEAR))
    students = REPLICA["student"]
    with window.sync.service.store.engine.connect() as conn:
        number = conn.execute(select(students.c.number).where(students.c.status == "enrolled")
                              .order_by(students.c.number).limit(1)).scalar_one()
    _choose(qtbot, dialog.search_edit, dialog.student_list, number)
    qtbot.waitUntil(lambda: dialog.report_view.rowCount() > 0, timeout=10_000)
    _shot(dialog, "aid_application_zh")
    dialog.reject()
    dorms = window.show_module("dorms")
    assert isinstance(dorms, DormsPage)
    qtbot.waitUntil(lambda: dorms.detail is not None, timeout=20_000)
    _shot(window, "dorms_zh")
    bulk = dorms.open_bulk()
    qtbot.addWidget(bulk)
    qtbot.waitUntil(lambda: bulk.cohort_combo.count() > 0, timeout=10_000)
    bulk.run_preview()
    qtbot.waitUntil(lambda: bulk.preview is not None, timeout=60_000)
    _shot(bulk, "dorms_bulk_zh")
    bulk.reject()
    assign = dorms.open_bed_dialog("assign")
    qtbot.addWidget(assign)
    _shot(assign, "dorms_assign_zh")
    assign.reject()
