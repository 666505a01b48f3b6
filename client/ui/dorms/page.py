"""The dormitories screen 学生公寓: buildings with occupancy bars, the rooms of the chosen
building (free beds and gender), the chosen room's occupants and history; Assign…, Move…,
Vacate…, Bulk assignment…, Export…. Reads and writes the local replica on the local worker
thread; the sync pushes the changes and the server applies the same rules."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.services.dorms import BedRow, BuildingRow, DormService, RoomDetail, RoomRow
from client.ui.aid.common import BarDelegate, RowsModel, ask_xlsx_path, rule_error_text
from client.ui.dorms.dialogs import BedDialog, BulkDialog
from client.ui.errors import show_error
from client.ui.labels import english
from client.ui.widgets import BusyBar
from client.ui.workers import TaskRunner, local_pool


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class DormsPage(QWidget):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dormsPage")
        self.window_, self.session = window, window.session
        self.service = DormService(window.sync.service, window.session.user)
        self.runner = TaskRunner(self, local_pool())
        self.language = "en" if english() else "zh"
        self.buildings: list[BuildingRow] = []
        self.detail: RoomDetail | None = None
        self.dialog: Any = None
        self._build()
        self._connect()
        window.sync.sig_data_changed.connect(self.refresh)
        self.refresh()

    def gender(self, g: str | None) -> str:
        return BedDialog.gender_text(g)

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("Dormitories"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.note = QLabel()
        self.note.setObjectName("dormsNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368;")
        if not self.service.complete:
            self.note.setText(self.tr("This computer holds the beds of your department's students only: the figures "
                                      "below count them, and beds of other departments look free here."))
        elif "dorms.write" not in self.session.user.permissions:
            self.note.setText(self.tr("You can view the dormitories; assigning beds needs the dormitory permission."))
        self.note.setVisible(bool(self.note.text()))
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.assign_button.setObjectName("assignButton")
        self.move_button = QPushButton(self.tr("Move…"))
        self.move_button.setObjectName("moveButton")
        self.vacate_button = QPushButton(self.tr("Vacate…"))
        self.vacate_button.setObjectName("vacateButton")
        self.bulk_button = QPushButton(self.tr("Bulk assignment…"))
        self.bulk_button.setObjectName("bulkButton")
        for button in (self.assign_button, self.move_button, self.vacate_button, self.bulk_button):
            button.setVisible(self.service.can_write)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("dormsExportButton")
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Occupancy per building and floor…"), lambda: self._ask_export("occupancy"))
        menu.addAction(self.tr("Residents of the chosen building…"), lambda: self._ask_export("building"))
        menu.addAction(self.tr("All residents…"), lambda: self._ask_export("residents"))
        self.export_button.setMenu(menu)
        self.busy = BusyBar()
        self.totals = QLabel()
        self.totals.setObjectName("dormsTotals")
        actions = QHBoxLayout()
        for button in (self.assign_button, self.move_button, self.vacate_button, self.bulk_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.totals)
        actions.addWidget(self.busy, 1)
        actions.addWidget(self.export_button)

        self.buildings_model = RowsModel([
            (self.tr("Building"), lambda b: f"{b.code} {b.name}"), (self.tr("Gender"), lambda b: self.gender(b.gender)),
            (self.tr("Beds"), lambda b: b.beds), (self.tr("Occupied"), lambda b: b.occupied),
            (self.tr("Free"), lambda b: b.free), (self.tr("Occupancy"), lambda b: f"{b.rate:.1%}"),
        ], self)
        self.buildings_view = _table(self.buildings_model, "buildingsTable")
        self.buildings_view.setItemDelegateForColumn(5, BarDelegate(lambda b: b.rate, self.buildings_view))

        self.floor_combo = QComboBox()
        self.floor_combo.setObjectName("floorFilter")
        self.rooms_model = RowsModel([
            (self.tr("Room"), lambda r: r.info.label), (self.tr("Floor"), lambda r: r.info.floor),
            (self.tr("Gender"), lambda r: self.gender(r.gender)), (self.tr("Beds"), lambda r: r.info.beds),
            (self.tr("Occupied"), lambda r: r.occupied), (self.tr("Free"), lambda r: r.free),
            (self.tr("Occupancy"), lambda r: ""),
        ], self, tone=lambda r: "#5f6368" if r.free == 0 else None)
        self.rooms_view = _table(self.rooms_model, "roomsTable")
        self.rooms_view.setItemDelegateForColumn(6, BarDelegate(
            lambda r: r.occupied / r.info.beds if r.info.beds else 0.0, self.rooms_view))
        rooms_box = QWidget()
        rooms_layout = QVBoxLayout(rooms_box)
        rooms_layout.setContentsMargins(0, 0, 0, 0)
        floor_bar = QHBoxLayout()
        self.rooms_title = QLabel()
        self.rooms_title.setStyleSheet("font-weight: 600;")
        floor_bar.addWidget(self.rooms_title, 1)
        floor_bar.addWidget(QLabel(self.tr("Floor")))
        floor_bar.addWidget(self.floor_combo)
        rooms_layout.addLayout(floor_bar)
        rooms_layout.addWidget(self.rooms_view)

        self.room_title = QLabel(self.tr("Choose a room."))
        self.room_title.setObjectName("roomTitle")
        self.room_title.setStyleSheet("font-weight: 600;")
        self.beds_model = RowsModel([
            (self.tr("Bed"), lambda b: b.bed_number), (self.tr("Number"), lambda b: b.student_number),
            (self.tr("Name"), lambda b: b.student_name or (self.tr("(free)") if not b.student_id else "")),
            (self.tr("Class"), lambda b: b.class_name), (self.tr("Since"), lambda b: b.start_date),
        ], self, tone=lambda b: "#1e8e3e" if not b.student_id else None)
        self.beds_view = _table(self.beds_model, "bedsTable")
        self.history_model = RowsModel([
            (self.tr("Student"), lambda s: f"{s.student_number} {s.student_name}"),
            (self.tr("Bed"), lambda s: s.bed_number), (self.tr("From"), lambda s: s.start_date),
            (self.tr("To"), lambda s: s.end_date or self.tr("(current)")),
            (self.tr("Reason"), lambda s: s.reason + ("" if s.synced else " ⟳")),
        ], self, tone=lambda s: "#5f6368" if s.end_date else None)
        self.history_view = _table(self.history_model, "roomHistoryTable")
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.room_title)
        detail_layout.addWidget(self.beds_view, 2)
        detail_layout.addWidget(QLabel(self.tr("History of the room")))
        detail_layout.addWidget(self.history_view, 3)

        right = QSplitter(Qt.Orientation.Horizontal)
        right.addWidget(rooms_box)
        right.addWidget(detail)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 4)
        main = QSplitter(Qt.Orientation.Vertical)
        main.addWidget(self.buildings_view)
        main.addWidget(right)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addLayout(actions)
        layout.addWidget(main, 1)

    def _connect(self) -> None:
        self.buildings_view.selectionModel().selectionChanged.connect(lambda *_: self.load_rooms())
        self.floor_combo.currentIndexChanged.connect(lambda _i: self.load_rooms())
        self.rooms_view.selectionModel().selectionChanged.connect(lambda *_: self.load_room())
        self.beds_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.assign_button.clicked.connect(lambda: self.open_bed_dialog("assign"))
        self.move_button.clicked.connect(lambda: self.open_bed_dialog("move"))
        self.vacate_button.clicked.connect(lambda: self.open_bed_dialog("vacate"))
        self.bulk_button.clicked.connect(self.open_bulk)
        self.busy.sig_cancel_requested.connect(lambda: self.runner.cancel("dorms-export"))

    # -- data ---------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        self.runner.start(lambda **_: self.service.overview(), key="dorms-overview", on_finished=self._on_overview,
                          on_failed=lambda exc: show_error(self, exc))

    def _on_overview(self, buildings: object) -> None:
        chosen = self.selected_building()
        self.buildings = list(buildings)  # type: ignore[call-overload]
        self.buildings_model.set_rows(self.buildings)
        self.buildings_view.resizeColumnsToContents()
        self.buildings_view.setColumnWidth(5, 220)
        beds = sum(b.beds for b in self.buildings)
        occupied = sum(b.occupied for b in self.buildings)
        self.totals.setText(self.tr("%1 buildings · %2 beds · %3 occupied · %4 free")
                            .replace("%1", str(len(self.buildings))).replace("%2", str(beds))
                            .replace("%3", str(occupied)).replace("%4", str(beds - occupied)))
        index = next((n for n, b in enumerate(self.buildings) if chosen and b.id == chosen.id), 0)
        if self.buildings:
            self.buildings_view.selectRow(index)
            self.load_rooms()

    def selected_building(self) -> BuildingRow | None:
        rows = self.buildings_view.selectionModel().selectedRows()
        return self.buildings_model.row_at(rows[0].row()) if rows else None

    def select_building(self, code: str) -> bool:
        for n, b in enumerate(self.buildings):
            if b.code == code:
                self.buildings_view.selectRow(n)
                return True
        return False

    def load_rooms(self) -> None:
        building = self.selected_building()
        if building is None:
            return
        if self.floor_combo.property("building") != building.id:
            self.floor_combo.blockSignals(True)
            self.floor_combo.clear()
            self.floor_combo.addItem(self.tr("All"), None)
            for f in range(1, building.floors + 1):
                self.floor_combo.addItem(str(f), f)
            self.floor_combo.setProperty("building", building.id)
            self.floor_combo.blockSignals(False)
        floor = self.floor_combo.currentData()
        self.rooms_title.setText(f"{building.code} {building.name} · {self.gender(building.gender)}")
        self.runner.start(lambda **_: self.service.rooms(building.id, floor), key="dorms-rooms",
                          on_finished=self._on_rooms, on_failed=lambda exc: show_error(self, exc))

    def _on_rooms(self, rooms: object) -> None:
        chosen = self.selected_room()
        self.rooms_model.set_rows(list(rooms))  # type: ignore[call-overload]
        self.rooms_view.resizeColumnsToContents()
        self.rooms_view.setColumnWidth(6, 110)
        if chosen is not None:
            self.select_room(chosen.id)
        elif self.rooms_model.rows:
            self.rooms_view.selectRow(0)
        self.load_room()

    def selected_room(self) -> RoomRow | None:
        rows = self.rooms_view.selectionModel().selectedRows()
        return self.rooms_model.row_at(rows[0].row()) if rows else None

    def select_room(self, room_id: str) -> bool:
        for n, r in enumerate(self.rooms_model.rows):
            if r.id == room_id:
                self.rooms_view.selectRow(n)
                return True
        return False

    def load_room(self) -> None:
        room = self.selected_room()
        if room is None:
            return
        self.runner.start(lambda **_: self.service.room_detail(room.id), key="dorms-room",
                          on_finished=self._on_room, on_failed=lambda exc: show_error(self, exc))

    def _on_room(self, detail: object) -> None:
        assert isinstance(detail, RoomDetail)
        self.detail = detail
        r = detail.room
        self.room_title.setText(self.tr("Room %1 · floor %2 · %3 · %4 of %5 beds free")
                                .replace("%1", r.info.label).replace("%2", str(r.info.floor))
                                .replace("%3", self.gender(r.gender)).replace("%4", str(r.free))
                                .replace("%5", str(r.info.beds)))
        self.beds_model.set_rows(detail.beds)
        self.history_model.set_rows(detail.history)
        for view in (self.beds_view, self.history_view):
            view.resizeColumnsToContents()
        self._update_buttons()

    def selected_bed(self) -> BedRow | None:
        rows = self.beds_view.selectionModel().selectedRows()
        return self.beds_model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        bed = self.selected_bed()
        self.move_button.setEnabled(True)
        self.vacate_button.setEnabled(True)
        self.assign_button.setEnabled(bed is None or bed.student_id is None)

    # -- actions ------------------------------------------------------------------------------
    def open_bed_dialog(self, mode: str) -> BedDialog:
        bed = self.selected_bed()
        room = self.detail.room if self.detail is not None else None
        student = None
        if bed is not None and bed.student_id and mode != "assign":
            student = self.service.student(bed.student_id)
        dialog = BedDialog(self.service, self.runner, mode, self.buildings, room=room if mode == "assign" else None,
                           bed=bed.bed_number if bed is not None and mode == "assign" else None, student=student,
                           parent=self)
        dialog.sig_done.connect(self._on_changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_bulk(self) -> BulkDialog:
        dialog = BulkDialog(self.service, self.runner, self.buildings, self.language, self)
        dialog.sig_done.connect(self._on_changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_changed(self, *_args: object) -> None:
        self.refresh()

    # -- export -------------------------------------------------------------------------------
    def _ask_export(self, what: str) -> None:
        path = ask_xlsx_path(self, f"dorms-{what}-{datetime.now():%Y%m%d-%H%M}.xlsx")
        if path is not None:
            self.export_to(path, what)

    def export_to(self, path: Path, what: str = "occupancy") -> None:
        """Write a list to ``path`` on a worker with progress and Cancel; headers in the interface language."""
        if what == "occupancy":
            headers = [self.tr("Building"), self.tr("Name"), self.tr("Gender"), self.tr("Floor"), self.tr("Rooms"),
                       self.tr("Beds"), self.tr("Occupied"), self.tr("Free"), self.tr("Occupancy"),
                       self.tr("Full rooms"), self.tr("Empty rooms")]
            work: Any = lambda on_progress, cancel: self.service.export_overview(  # noqa: E731
                path, headers, on_progress=on_progress, cancel=cancel)
        else:
            building = self.selected_building() if what == "building" else None
            headers = [self.tr("Building"), self.tr("Room"), self.tr("Bed"), self.tr("Number"), self.tr("Name"),
                       self.tr("Gender"), self.tr("Class"), self.tr("Since"), self.tr("Reason")]
            building_id = building.id if building is not None else None
            work = lambda on_progress, cancel: self.service.export_residents(  # noqa: E731
                path, headers, building_id, on_progress=on_progress, cancel=cancel)
        self.busy.set_busy(True)
        self.last_export: tuple[Path, int] | None = None
        self.runner.start(work, key="dorms-export", on_progress=self.busy.set_progress,
                          on_finished=lambda count: self._on_exported(path, count), on_failed=self._on_export_failed)

    def _on_exported(self, path: Path, count: object) -> None:
        self.busy.set_busy(False)
        self.last_export = (path, int(count))  # type: ignore[call-overload]
        self.window_.statusBar().showMessage(self.tr("%1 rows written to %2").replace("%1", str(count))
                                             .replace("%2", str(path)), 10_000)

    def _on_export_failed(self, exc: BaseException) -> None:
        self.busy.set_busy(False)
        self.totals.setText(rule_error_text(exc))
