"""Year-end batch promotion of a cohort as one reviewed operation: choose the cohort (and a
major), see what happens to each student, mark exceptions (repeat into a class of the next
cohort, or skip), then file the whole batch in one server transaction.

The server previews and files it (REST, online only): it holds every student of the cohort
and their open changes, and it gives the batch one ``batch_id`` that a registrar can approve
as a whole. The filed changes reach the replica with the next sync.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.services import status_batches
from client.services.api import ApiClient
from client.services.status_batches import BatchException, BatchLine, BatchPreview, BatchRequest
from client.services.status_changes import ClassOption, StatusChangeService
from client.ui.status_changes.common import field_errors, refusal_text, status_label, text
from client.ui.widgets import ERROR_STYLE, BusyBar
from client.ui.workers import TaskRunner, local_pool

Index = QModelIndex | QPersistentModelIndex
ACTION_COLOURS = {"promote": "#1a7f37", "repeat": "#9a6700", "skip": "#57606a", "error": "#cf222e"}


class BatchLinesModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[BatchLine] = []
        self.excepted: set[str] = set()

    def set_lines(self, lines: list[BatchLine], excepted: set[str]) -> None:
        self.beginResetModel()
        self.lines, self.excepted = lines, excepted
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Student no."), self.tr("Name"), self.tr("Class"), self.tr("Status"), self.tr("Outcome"),
                self.tr("Details"))[section]

    def action_label(self, action: str) -> str:
        return {"promote": self.tr("Promote"), "repeat": self.tr("Repeat a year"), "skip": self.tr("Skip"),
                "error": self.tr("Cannot file")}.get(action, action)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 4:
                label = self.action_label(line.action)
                return self.tr("%1 (exception)").replace("%1", label) if line.student_id in self.excepted else label
            if column == 5:
                details = [f"{text(e.old_label)} → {text(e.new_label)}" for e in line.effects]
                return "; ".join([*details, text(line.note)] if line.note else details)
            return (line.number, line.name, line.class_label, status_label(line.status))[column] if column < 4 else None
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            return QBrush(QColor(ACTION_COLOURS.get(line.action, "#000000")))
        return None


class BatchDialog(QDialog):
    sig_committed = Signal(str, int)  # batch id, changes filed

    def __init__(self, service: StatusChangeService, api: ApiClient, token: str | None, *, online: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.service, self.api, self.token, self.online = service, api, token, online
        self.runner = TaskRunner(self)  # server calls: the network pool
        self.local = TaskRunner(self, pool=local_pool())
        self.request: BatchRequest | None = None
        self.preview: BatchPreview | None = None
        self.setWindowTitle(self.tr("Batch promotion"))
        self._build()
        self._connect()
        self.resize(900, 640)
        self.local.start(service.cohorts, on_finished=self._on_cohorts_loaded, on_failed=self._on_failed)
        self.local.start(service.majors, on_finished=self._on_majors_loaded, on_failed=self._on_failed)
        if not online:
            self._say(self.tr("Batch promotion is filed by the server in one transaction: connect to the "
                              "server (turn off Work offline) to preview and file it."))
            self.preview_button.setEnabled(False)
        self._update_buttons()

    def _build(self) -> None:
        self.cohort_combo = QComboBox()
        self.cohort_combo.setObjectName("batchCohort")
        self.major_combo = QComboBox()
        self.major_combo.setObjectName("batchMajor")
        self.major_combo.addItem(self.tr("All majors"), None)
        today = date.today()
        self.date_edit = QDateEdit(QDate(today.year + (1 if today.month >= 7 else 0), 7, 1))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.reason_edit = QLineEdit(self.tr("Year-end promotion"))
        self.reason_edit.setObjectName("batchReason")
        self.document_edit = QLineEdit()
        self.document_edit.setObjectName("batchDocument")
        self.approve_check = QCheckBox(self.tr("Approve and apply at once"))
        self.approve_check.setVisible("status.approve" in self.service.permissions)
        form = QFormLayout()
        form.addRow(self.tr("Cohort"), self.cohort_combo)
        form.addRow(self.tr("Major"), self.major_combo)
        form.addRow(self.tr("Effective on"), self.date_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.tr("Document no."), self.document_edit)
        form.addRow("", self.approve_check)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("batchPreview")
        self.model = BatchLinesModel(self)
        self.view = QTableView()
        self.view.setObjectName("batchTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((120, 80, 110, 60, 120)):
            self.view.horizontalHeader().resizeSection(column, width)
        self.repeat_class = QComboBox()
        self.repeat_class.setObjectName("repeatClass")
        self.repeat_button = QPushButton(self.tr("Repeat a year"))
        self.repeat_button.setObjectName("markRepeat")
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setObjectName("markSkip")
        self.clear_button = QPushButton(self.tr("Clear exception"))
        exceptions = QHBoxLayout()
        exceptions.addWidget(QLabel(self.tr("Selected students:")))
        exceptions.addWidget(self.repeat_button)
        exceptions.addWidget(QLabel(self.tr("into")))
        exceptions.addWidget(self.repeat_class, 1)
        exceptions.addWidget(self.skip_button)
        exceptions.addWidget(self.clear_button)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("batchCounts")
        self.message = QLabel()
        self.message.setObjectName("batchMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.busy = BusyBar()
        self.commit_button = QPushButton(self.tr("File the batch"))
        self.commit_button.setObjectName("batchCommit")
        self.close_button = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts_label, 1)
        bottom.addWidget(self.commit_button)
        bottom.addWidget(self.close_button)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(exceptions)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.preview_button.clicked.connect(self.run_preview)
        self.commit_button.clicked.connect(self._on_commit_clicked)
        self.close_button.clicked.connect(self.reject)
        self.repeat_button.clicked.connect(lambda: self._mark("repeat"))
        self.skip_button.clicked.connect(lambda: self._mark("skip"))
        self.clear_button.clicked.connect(lambda: self._mark(None))
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.runner.sig_busy_changed.connect(self.busy.set_busy)
        self.runner.sig_progress.connect(self.busy.set_progress)
        self.busy.sig_cancel_requested.connect(self._on_cancel)
        for widget in (self.cohort_combo, self.major_combo):
            widget.currentIndexChanged.connect(self._on_request_changed)

    def _on_cohorts_loaded(self, cohorts: object) -> None:
        assert isinstance(cohorts, list)
        for cohort in cohorts:
            self.cohort_combo.addItem(str(cohort), cohort)

    def _on_majors_loaded(self, majors: object) -> None:
        assert isinstance(majors, list)
        for major_id, name in majors:
            self.major_combo.addItem(name, major_id)

    def choose(self, cohort: int, major_id: str | None = None) -> None:
        self.cohort_combo.setCurrentIndex(self.cohort_combo.findData(cohort))
        if major_id:
            self.major_combo.setCurrentIndex(self.major_combo.findData(major_id))

    def _say(self, message: str, *, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(message))

    def _form_request(self) -> BatchRequest | None:
        cohort = self.cohort_combo.currentData()
        if cohort is None:
            return None
        day = self.date_edit.date().toPython()
        assert isinstance(day, date)
        kept = self.request.exceptions if self.request is not None else ()
        return BatchRequest(int(cohort), day, self.reason_edit.text(), self.document_edit.text(),
                            major_id=self.major_combo.currentData(), exceptions=kept,
                            approve=self.approve_check.isChecked())

    @Slot()
    def _on_request_changed(self, *_args: object) -> None:
        self.request, self.preview = None, None  # exceptions belong to one cohort's list
        self.model.set_lines([], set())
        self._update_buttons()

    # -- preview and exceptions ---------------------------------------------------------
    @Slot()
    def run_preview(self) -> None:
        request = self._form_request()
        if request is None or not self.online:
            return
        self.request = request
        self._say("")
        self.runner.start(status_batches.preview, self.api, self.token, request, key="preview",
                          on_finished=self._on_preview_finished, on_failed=self._on_failed)

    def _on_preview_finished(self, preview: object) -> None:
        assert isinstance(preview, BatchPreview) and self.request is not None
        self.preview = preview
        self.model.set_lines(preview.lines, {e.student_id for e in self.request.exceptions})
        c = preview.counts
        self.counts_label.setText(self.tr("%1 promoted, %2 repeat a year, %3 skipped, %4 cannot be filed")
                                  .replace("%1", str(c.get("promote", 0))).replace("%2", str(c.get("repeat", 0)))
                                  .replace("%3", str(c.get("skip", 0))).replace("%4", str(c.get("error", 0))))
        self._update_buttons()

    def selected_lines(self) -> list[BatchLine]:
        return [self.model.lines[i.row()] for i in self.view.selectionModel().selectedRows()]

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        lines = self.selected_lines()
        self.repeat_class.clear()
        if len(lines) == 1:
            self.local.start(self.service.target_classes, lines[0].student_id, "repeat", key="classes",
                             on_finished=self._on_classes_loaded)
        self._update_buttons()

    def _on_classes_loaded(self, options: object) -> None:
        assert isinstance(options, list)
        self.repeat_class.clear()
        for option in options:
            assert isinstance(option, ClassOption)
            self.repeat_class.addItem(f"{option.name} ({option.cohort})", option.id)

    def _mark(self, change_type: str | None) -> None:
        if self.request is None:
            return
        request = self.request
        for line in self.selected_lines():
            exception = None if change_type is None else BatchException(
                line.student_id, change_type, self.repeat_class.currentData() if change_type == "repeat" else None,
                self.tr("Excepted by hand") if change_type == "skip" else "")
            request = request.with_exception(exception, line.student_id)
        self.request = request
        self.runner.start(status_batches.preview, self.api, self.token, request, key="preview",
                          on_finished=self._on_preview_finished, on_failed=self._on_failed)

    # -- filing ---------------------------------------------------------------------------
    @Slot()
    def _on_commit_clicked(self) -> None:
        request = self._form_request()
        if request is None or self.request is None:
            return
        request = replace(request, exceptions=self.request.exceptions)
        self.commit_button.setEnabled(False)
        self.runner.start(status_batches.commit, self.api, self.token, request, key="commit",
                          on_finished=self._on_committed, on_failed=self._on_failed)

    def _on_committed(self, result: object) -> None:
        assert isinstance(result, tuple)
        batch_id, count = result
        self.preview = None
        self.model.set_lines([], set())
        self._say(self.tr("%1 status changes were filed as one batch. They reach this computer with the next sync.")
                  .replace("%1", str(count)))
        self.sig_committed.emit(batch_id, count)
        self._update_buttons()

    def _on_failed(self, exc: BaseException) -> None:
        errors = field_errors(exc)
        self._say("; ".join(f"{k}: {v}" for k, v in errors.items()) if errors else refusal_text(exc), error=True)
        self._update_buttons()

    @Slot()
    def _on_cancel(self) -> None:
        self.runner.cancel_all()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_preview = self.preview is not None and bool(self.preview.lines)
        selected = bool(self.selected_lines()) if has_preview else False
        for button in (self.repeat_button, self.skip_button, self.clear_button):
            button.setEnabled(selected)
        self.repeat_class.setEnabled(selected)
        filed = sum(self.preview.counts.get(k, 0) for k in ("promote", "repeat")) if self.preview else 0
        self.commit_button.setEnabled(self.online and has_preview and filed > 0)
        self.commit_button.setText(self.tr("File %1 changes").replace("%1", str(filed)) if filed
                                   else self.tr("File the batch"))
