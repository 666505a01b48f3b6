"""The dormitory screen's dialogs: Assign…, Move… and Vacate… (rules checked locally as the
user chooses, refusals shown in the dialog) and the bulk assignment of a cohort (criteria,
a preview with the unplaced students and why, then Confirm)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.services.dorms import (
    BuildingRow,
    BulkPreview,
    BulkSpec,
    DormService,
    RoomRow,
    StudentHit,
)
from client.ui.aid.common import RowsModel, rule_error_text
from client.ui.errors import server_message
from client.ui.widgets import BusyBar, FieldError
from client.ui.workers import TaskRunner


def _date_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day or date.today()))
    return edit


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class BedDialog(QDialog):
    """Assign (a student without a bed), move (a housed student) or vacate (a housed student)."""

    sig_done = Signal()

    def __init__(self, service: DormService, runner: TaskRunner, mode: str, buildings: list[BuildingRow], *,
                 room: RoomRow | None = None, bed: int | None = None, student: StudentHit | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{mode}BedDialog")
        self.service, self.runner, self.mode = service, runner, mode
        self.setWindowTitle({"assign": self.tr("Assign a bed"), "move": self.tr("Move to another bed"),
                             "vacate": self.tr("Vacate a bed")}[mode])
        self._room, self._bed = room, bed
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("bedStudentSearch")
        self.search_edit.setPlaceholderText(self.tr("Student number or name…"))
        self.search_edit.setClearButtonEnabled(True)
        self.student_list = QListWidget()
        self.student_list.setObjectName("bedStudents")
        self.student_list.setMaximumHeight(140)
        self.building_combo = QComboBox()
        self.building_combo.setObjectName("bedBuilding")
        for b in buildings:
            self.building_combo.addItem(f"{b.code} {b.name} ({self.gender_text(b.gender)})", b.id)
        self.room_combo = QComboBox()
        self.room_combo.setObjectName("bedRoom")
        self.bed_combo = QComboBox()
        self.bed_combo.setObjectName("bedNumber")
        self.date_edit = _date_edit()
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("bedReason")
        self.check_label = QLabel()
        self.check_label.setObjectName("bedCheck")
        self.check_label.setWordWrap(True)
        self.error = FieldError()
        self.error.setObjectName("bedError")
        form = QFormLayout()
        form.addRow(self.tr("Student"), self.search_edit)
        form.addRow("", self.student_list)
        if mode != "vacate":
            form.addRow(self.tr("Building"), self.building_combo)
            form.addRow(self.tr("Room"), self.room_combo)
            form.addRow(self.tr("Bed"), self.bed_combo)
        form.addRow(self.tr("Moved out on") if mode == "vacate" else self.tr("From"), self.date_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton({"assign": self.tr("Assign"), "move": self.tr("Move"),
                                                 "vacate": self.tr("Vacate")}[mode], QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("bedOkButton")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 460)
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self._search)
        self._check_timer = QTimer(self, singleShot=True, interval=80)
        self._check_timer.timeout.connect(self._check)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.student_list.currentItemChanged.connect(lambda *_: self._check_timer.start())
        self.building_combo.currentIndexChanged.connect(self._load_rooms)
        self.room_combo.currentIndexChanged.connect(self._fill_beds)
        self.bed_combo.currentIndexChanged.connect(lambda _i: self._check_timer.start())
        self.buttons.rejected.connect(self.reject)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        if room is not None:
            self.building_combo.setCurrentIndex(max(self.building_combo.findData(room.info.building_id), 0))
        if student is not None:
            self.search_edit.setText(student.number)
        self._load_rooms()
        self._search()

    @staticmethod
    def gender_text(gender: str | None) -> str:
        return {"M": QCoreApplication.translate("welfare", "men"), "F": QCoreApplication.translate("welfare", "women")}.get(gender or "", QCoreApplication.translate("welfare", "mixed"))

    def student_id(self) -> str | None:
        item = self.student_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def room_id(self) -> str | None:
        return self.room_combo.currentData()

    def bed_number(self) -> int | None:
        return self.bed_combo.currentData()

    # -- choices ------------------------------------------------------------------------------
    @Slot()
    def _search(self) -> None:
        housed = self.mode != "assign"
        text = self.search_edit.text()
        self.runner.start(lambda **_: self.service.search_students(text, limit=40, housed=housed),
                          key="bed-students", on_finished=self._on_students, on_failed=self._show_failure)

    def _on_students(self, hits: object) -> None:
        current = self.student_id()
        self.student_list.clear()
        for hit in hits:  # type: ignore[attr-defined]
            assert isinstance(hit, StudentHit)
            where = f"  [{hit.bed}]" if hit.bed else ""
            item = QListWidgetItem(f"{hit.number}  {hit.name}  {self.gender_text(hit.gender)}  {hit.class_name}{where}")
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.student_list.addItem(item)
            if hit.id == current or (current is None and self.student_list.count() == 1):
                self.student_list.setCurrentItem(item)

    @Slot()
    def _load_rooms(self) -> None:
        building_id = self.building_combo.currentData()
        if building_id is None or self.mode == "vacate":
            self._check_timer.start()
            return
        self.runner.start(lambda **_: self.service.rooms(building_id), key="bed-rooms", on_finished=self._on_rooms,
                          on_failed=self._show_failure)

    def _on_rooms(self, rooms: object) -> None:
        self.room_combo.blockSignals(True)
        self.room_combo.clear()
        self._rooms: dict[str, RoomRow] = {}
        for room in rooms:  # type: ignore[attr-defined]
            assert isinstance(room, RoomRow)
            self._rooms[room.id] = room
            self.room_combo.addItem(self.tr("%1 (%2 free of %3)").replace("%1", room.info.label)
                                    .replace("%2", str(room.free)).replace("%3", str(room.info.beds)), room.id)
        wanted = self._room.id if self._room is not None else None
        index = self.room_combo.findData(wanted) if wanted else -1
        if index < 0:
            index = next((i for i in range(self.room_combo.count())
                          if self._rooms[self.room_combo.itemData(i)].free > 0), 0)
        self.room_combo.setCurrentIndex(index)
        self.room_combo.blockSignals(False)
        self._fill_beds()

    @Slot()
    def _fill_beds(self) -> None:
        room_id = self.room_id()
        if room_id is None:
            return
        # The beds shown must be this room's: none (and no OK) until its answer is in.
        self.bed_combo.blockSignals(True)
        self.bed_combo.clear()
        self.bed_combo.blockSignals(False)
        self.ok_button.setEnabled(False)
        self.runner.cancel("bed-check")  # a check of the previous room's bed no longer counts
        self.runner.start(lambda **_: self.service.room_detail(room_id), key="bed-beds", on_finished=self._on_beds,
                          on_failed=self._show_failure)

    def _on_beds(self, detail: Any) -> None:
        self.bed_combo.blockSignals(True)
        self.bed_combo.clear()
        for bed in detail.beds:
            taken = f" — {bed.student_number} {bed.student_name}" if bed.student_id else ""
            self.bed_combo.addItem(self.tr("Bed %1").replace("%1", str(bed.bed_number)) + taken, bed.bed_number)
        wanted = self._bed if self._room is not None and self._room.id == detail.room.id else None
        free = next((b.bed_number for b in detail.beds if b.student_id is None), 1)
        self.bed_combo.setCurrentIndex(max(self.bed_combo.findData(wanted or free), 0))
        self.bed_combo.blockSignals(False)
        self._check_timer.start()

    # -- live check ---------------------------------------------------------------------------
    @Slot()
    def _check(self) -> None:
        student_id = self.student_id()
        self.error.show_message("")
        if student_id is None:
            self.check_label.setText(self.tr("Choose a student."))
            self.ok_button.setEnabled(False)
            return
        if self.mode == "vacate":
            self.check_label.setText("")
            self.ok_button.setEnabled(True)
            return
        room_id, bed = self.room_id(), self.bed_number()
        if room_id is None or bed is None:
            return
        moving = self.mode == "move"
        self.runner.start(lambda **_: self.service.check_assign(student_id, room_id, bed, moving=moving),
                          key="bed-check", on_finished=self._on_checked, on_failed=self._on_check_failed)

    def _on_checked(self, _result: object) -> None:
        self.check_label.setText(self.tr("✓ The bed is free and the rules are met."))
        self.check_label.setStyleSheet("color: #1e8e3e;")
        self.ok_button.setEnabled(self.service.can_write)

    def _on_check_failed(self, exc: BaseException) -> None:
        self.check_label.setText("")
        self.error.show_message(rule_error_text(exc))
        self.ok_button.setEnabled(False)

    def _show_failure(self, exc: BaseException) -> None:
        self.error.show_message(rule_error_text(exc))

    @Slot()
    def _on_ok_clicked(self) -> None:
        student_id, room_id, bed = self.student_id(), self.room_id(), self.bed_number()
        if student_id is None or (self.mode != "vacate" and (room_id is None or bed is None)):
            return
        day, reason = _pydate(self.date_edit), self.reason_edit.text()
        if self.mode == "vacate":
            work: Any = lambda **_: self.service.vacate(student_id, day, reason)  # noqa: E731
        elif self.mode == "move":
            work = lambda **_: self.service.move(student_id, str(room_id), int(bed or 0), day, reason)  # noqa: E731
        else:
            work = lambda **_: self.service.assign(student_id, str(room_id), int(bed or 0), day, reason)  # noqa: E731
        self.ok_button.setEnabled(False)
        self.runner.start(work, key="bed-write", on_finished=self._on_done, on_failed=self._on_check_failed)

    def _on_done(self, _result: object) -> None:
        self.sig_done.emit()
        self.accept()


class BulkDialog(QDialog):
    """Bulk assignment of a cohort: criteria, Preview (on a worker, with Cancel), the placements
    and the unplaced students with the reason, then Confirm (all written at once)."""

    sig_done = Signal(int)

    def __init__(self, service: DormService, runner: TaskRunner, buildings: list[BuildingRow], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setWindowTitle(self.tr("Bulk assignment of a cohort"))
        self.service, self.runner = service, runner
        self.preview: BulkPreview | None = None
        self.cohort_combo = QComboBox()
        self.cohort_combo.setObjectName("bulkCohort")
        self.department_combo = QComboBox()
        self.department_combo.setObjectName("bulkDepartment")
        self.department_combo.addItem(self.tr("All departments"), None)
        for dept_id, code, name, name_en in service.departments():
            self.department_combo.addItem(f"{code} {name_en if language == 'en' and name_en else name}", dept_id)
        self.class_list = QListWidget()
        self.class_list.setObjectName("bulkClasses")
        self.building_list = QListWidget()
        self.building_list.setObjectName("bulkBuildings")
        for b in buildings:
            item = QListWidgetItem(f"{b.code} {b.name} ({BedDialog.gender_text(b.gender)}, "
                                   + self.tr("%1 free").replace("%1", str(b.free)) + ")")
            item.setData(Qt.ItemDataRole.UserRole, b.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.building_list.addItem(item)
        for lst in (self.class_list, self.building_list):
            lst.setMaximumHeight(120)
        self.date_edit = _date_edit()
        self.reason_edit = QLineEdit(self.tr("New students moving in"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("bulkPreviewButton")
        self.busy = BusyBar()
        self.summary = QLabel(self.tr("Choose the cohort, then Preview. Nothing is written before Confirm."))
        self.summary.setObjectName("bulkSummary")
        self.summary.setWordWrap(True)
        gender = BedDialog.gender_text
        self.placed_model = RowsModel([
            (self.tr("Number"), lambda p: p.student_number), (self.tr("Name"), lambda p: p.student_name),
            (self.tr("Gender"), lambda p: gender(p.gender)), (self.tr("Class"), lambda p: p.class_name),
            (self.tr("Room"), lambda p: p.room_label), (self.tr("Bed"), lambda p: p.bed_number)], self)
        self.unplaced_model = RowsModel([
            (self.tr("Number"), lambda u: u.student_number), (self.tr("Name"), lambda u: u.student_name),
            (self.tr("Gender"), lambda u: gender(u.gender)), (self.tr("Class"), lambda u: u.class_name),
            (self.tr("Why not placed"), lambda u: server_message(u.reason))], self, tone=lambda _u: "#b3261e")
        self.tabs = QTabWidget()
        for model, name in ((self.placed_model, "bulkPlacements"), (self.unplaced_model, "bulkUnplaced")):
            view = QTableView()
            view.setObjectName(name)
            view.setModel(model)
            view.verticalHeader().hide()
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.horizontalHeader().setStretchLastSection(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.tabs.addTab(view, "")
        self._set_tab_titles()
        self.error = FieldError()
        self.error.setObjectName("bulkError")
        form = QFormLayout()
        form.addRow(self.tr("Cohort"), self.cohort_combo)
        form.addRow(self.tr("Department"), self.department_combo)
        lists = QHBoxLayout()
        for caption, lst in ((self.tr("Classes (none ticked: all)"), self.class_list),
                             (self.tr("Buildings (none ticked: all)"), self.building_list)):
            box = QVBoxLayout()
            box.addWidget(QLabel(caption))
            box.addWidget(lst)
            lists.addLayout(box)
        form.addRow(lists)
        form.addRow(self.tr("Move-in date"), self.date_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        bar = QHBoxLayout()
        bar.addWidget(self.preview_button)
        bar.addWidget(self.busy, 1)
        bar.addStretch(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.confirm_button = self.buttons.addButton(self.tr("Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setObjectName("bulkConfirmButton")
        self.confirm_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(820, 760)
        self.cohort_combo.currentIndexChanged.connect(self._load_classes)
        self.department_combo.currentIndexChanged.connect(self._load_classes)
        self.preview_button.clicked.connect(self.run_preview)
        self.busy.sig_cancel_requested.connect(self._on_cancel)
        self.buttons.rejected.connect(self.reject)
        self.confirm_button.clicked.connect(self.confirm)
        self.building_list.itemChanged.connect(lambda _i: self._invalidate())
        self.class_list.itemChanged.connect(lambda _i: self._invalidate())
        self.date_edit.dateChanged.connect(lambda _d: None)
        self.runner.start(lambda **_: service.cohorts(), key="bulk-cohorts", on_finished=self._on_cohorts)

    def _set_tab_titles(self) -> None:
        self.tabs.setTabText(0, self.tr("To be placed (%1)").replace("%1", str(self.placed_model.rowCount())))
        self.tabs.setTabText(1, self.tr("Not placed (%1)").replace("%1", str(self.unplaced_model.rowCount())))

    def _on_cohorts(self, cohorts: object) -> None:
        self.cohort_combo.blockSignals(True)
        for c in cohorts:  # type: ignore[attr-defined]
            self.cohort_combo.addItem(str(c), c)
        self.cohort_combo.blockSignals(False)
        self._load_classes()

    @Slot()
    def _load_classes(self) -> None:
        self._invalidate()
        cohort, department = self.cohort_combo.currentData(), self.department_combo.currentData()
        if cohort is None:
            return
        self.runner.start(lambda **_: self.service.classes(int(cohort), department), key="bulk-classes",
                          on_finished=self._on_classes)

    def _on_classes(self, classes: object) -> None:
        self.class_list.blockSignals(True)
        self.class_list.clear()
        for c in classes:  # type: ignore[attr-defined]
            item = QListWidgetItem(f"{c.code} {c.name}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.class_list.addItem(item)
        self.class_list.blockSignals(False)

    @staticmethod
    def _ticked(lst: QListWidget) -> tuple[str, ...]:
        return tuple(str(lst.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(lst.count())
                     if lst.item(i).checkState() == Qt.CheckState.Checked)

    def spec(self) -> BulkSpec | None:
        cohort = self.cohort_combo.currentData()
        if cohort is None:
            return None
        return BulkSpec(int(cohort), self.department_combo.currentData(), self._ticked(self.class_list),
                        self._ticked(self.building_list))

    def _invalidate(self) -> None:
        self.preview = None
        self.confirm_button.setEnabled(False)

    @Slot()
    def run_preview(self) -> None:
        spec = self.spec()
        if spec is None:
            return
        self._invalidate()
        self.error.show_message("")
        self.busy.set_busy(True)
        self.preview_button.setEnabled(False)
        self.runner.start(self.service.bulk_preview, spec, key="bulk-preview", on_progress=self.busy.set_progress,
                          on_finished=self._on_preview, on_failed=self._on_failed)

    def _on_preview(self, preview: object) -> None:
        assert isinstance(preview, BulkPreview)
        self.busy.set_busy(False)
        self.preview_button.setEnabled(True)
        self.preview = preview
        self.placed_model.set_rows(preview.placements)
        self.unplaced_model.set_rows(preview.unplaced)
        self._set_tab_titles()
        self.summary.setText(self.tr("%1 students get a bed, %2 are not placed (see why). Confirm writes them all at once.")
                             .replace("%1", str(len(preview.placements))).replace("%2", str(len(preview.unplaced))))
        self.confirm_button.setEnabled(bool(preview.placements) and self.service.can_write)

    @Slot()
    def confirm(self) -> None:
        if self.preview is None:
            return
        preview, day, reason = self.preview, _pydate(self.date_edit), self.reason_edit.text()
        self.confirm_button.setEnabled(False)
        self.busy.set_busy(True)
        self.runner.start(lambda on_progress, cancel: self.service.bulk_commit(
            preview, day, reason, on_progress=on_progress, cancel=cancel), key="bulk-commit",
            on_progress=self.busy.set_progress, on_finished=self._on_committed, on_failed=self._on_failed)

    def _on_committed(self, count: object) -> None:
        self.busy.set_busy(False)
        self.written = int(count)  # type: ignore[call-overload]
        self.summary.setText(self.tr("%1 beds assigned; they are sent to the server with the next sync.")
                             .replace("%1", str(count)))
        self.sig_done.emit(self.written)
        self.preview = None

    def _on_failed(self, exc: BaseException) -> None:
        self.busy.set_busy(False)
        self.preview_button.setEnabled(True)
        self.error.show_message(rule_error_text(exc))

    @Slot()
    def _on_cancel(self) -> None:
        self.runner.cancel("bulk-preview")
        self.runner.cancel("bulk-commit")
        self.busy.set_busy(False)
        self.preview_button.setEnabled(True)
