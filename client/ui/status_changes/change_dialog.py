"""New or edit a status change: the student by search, type, reason, document number,
effective date, target class where relevant; the effects previewed live; errors inline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from client.services.status_changes import (
    ChangeRow,
    ClassOption,
    Draft,
    StatusChangeService,
    StudentHit,
)
from client.ui.status_changes.common import (
    EffectsTable,
    change_type_label,
    field_errors,
    refusal_text,
    status_label,
)
from client.ui.widgets import ERROR_STYLE, FieldError, with_error
from client.ui.workers import TaskRunner, local_pool
from core.rules.enums import StatusChangeType
from core.rules.student_status import NEEDS_CLASS, Effect

PREVIEW_DELAY_MS = 150
FIELDS = ("student_id", "change_type", "reason", "document_number", "effective_date", "to_class_id")


class ChangeDialog(QDialog):
    sig_saved = Signal(str)  # the change id

    def __init__(self, service: StatusChangeService, change: ChangeRow | None = None,
                 parent: QWidget | None = None, *, student_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeDialog")
        self.service, self.change = service, change
        self.runner = TaskRunner(self, pool=local_pool())
        self.student: StudentHit | None = None
        self.effects: list[Effect] = []
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.setWindowTitle(self.tr("Edit status change") if change else self.tr("New status change"))
        self._build()
        self._connect()
        self.resize(640, 680)
        if change is not None:
            self._fill(change)
        elif student_id:
            self.runner.start(self.service.student, student_id, on_finished=self._on_student_loaded)
        else:
            self._on_search_timer()

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("studentSearch")
        self.search_edit.setPlaceholderText(self.tr("Student number or name…"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("studentResults")
        self.results.setMaximumHeight(110)
        self.student_label = QLabel(self.tr("No student chosen"))
        self.student_label.setObjectName("studentLabel")
        self.student_label.setWordWrap(True)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("changeType")
        for kind in StatusChangeType:
            self.type_combo.addItem(change_type_label(kind.value), kind.value)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setMaximumHeight(70)
        self.document_edit = QLineEdit()
        self.document_edit.setObjectName("documentNumber")
        self.document_edit.setPlaceholderText(self.tr("e.g. 教学〔2026〕12号"))
        self.date_check = QCheckBox(self.tr("Effective on"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setEnabled(False)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("targetClass")
        self.errors = {name: FieldError() for name in FIELDS}
        date_row = QWidget()
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.date_check)
        date_layout.addWidget(self.date_edit, 1)
        form = QFormLayout()
        form.addRow(self.tr("Find student"), self.search_edit)
        form.addRow("", self.results)
        form.addRow(self.tr("Student"), with_error(self.student_label, self.errors["student_id"]))
        form.addRow(self.tr("Change type"), with_error(self.type_combo, self.errors["change_type"]))
        form.addRow(self.tr("Reason"), with_error(self.reason_edit, self.errors["reason"]))
        form.addRow(self.tr("Document no."), with_error(self.document_edit, self.errors["document_number"]))
        form.addRow(self.tr("Date"), with_error(date_row, self.errors["effective_date"]))
        form.addRow(self.tr("Target class"), with_error(self.class_combo, self.errors["to_class_id"]))
        self.effects_table = EffectsTable()
        self.preview_message = QLabel()
        self.preview_message.setObjectName("previewMessage")
        self.preview_message.setWordWrap(True)
        self.preview_message.setStyleSheet(ERROR_STYLE)
        self.preview_message.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setObjectName("saveButton")
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        heading = QLabel(self.tr("What it will change"))
        heading.setStyleSheet("font-weight: 600;")
        layout.addWidget(heading)
        layout.addWidget(self.effects_table, 1)
        layout.addWidget(self.preview_message)
        layout.addWidget(self.buttons)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self._on_search_timer)
        self.results.currentItemChanged.connect(self._on_result_changed)
        self.type_combo.currentIndexChanged.connect(self._on_type_changed)
        self.class_combo.currentIndexChanged.connect(self._schedule_preview)
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        self.date_check.toggled.connect(self._schedule_preview)
        self.date_edit.dateChanged.connect(self._schedule_preview)
        self._preview_timer.timeout.connect(self._on_preview_timer)
        self.save_button.clicked.connect(lambda: self._save(submit=False))
        self.submit_button.clicked.connect(lambda: self._save(submit=True))
        self.buttons.rejected.connect(self.reject)

    # -- filling -------------------------------------------------------------------------
    def _fill(self, change: ChangeRow) -> None:
        self.search_edit.setEnabled(False)
        self.results.hide()
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(change.change_type)))
        self.reason_edit.setPlainText(change.reason)
        self.document_edit.setText(change.document_number)
        if change.effective_date is not None:
            self.date_check.setChecked(True)
            day = change.effective_date
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self._wanted_class = change.to_class_id
        self.runner.start(self.service.student, change.student_id, on_finished=self._on_student_loaded)

    def set_student(self, student: StudentHit) -> None:
        self.student = student
        self.student_label.setText(f"{student.number} {student.name} · {student.class_label} · "
                                   f"{student.major_label} · {status_label(student.status)}")
        self.errors["student_id"].show_message("")
        self._load_classes()

    def _on_student_loaded(self, student: object) -> None:
        assert isinstance(student, StudentHit)
        self.set_student(student)

    @Slot()
    def _on_search_timer(self) -> None:
        self.runner.start(self.service.search_students, self.search_edit.text(), key="search",
                          on_finished=self._on_search_finished)

    def _on_search_finished(self, hits: object) -> None:
        assert isinstance(hits, list)
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.number}  {hit.name}  {hit.class_label}  {status_label(hit.status)}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)

    @Slot(object, object)
    def _on_result_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.set_student(current.data(Qt.ItemDataRole.UserRole))

    def choose_type(self, code: str) -> None:
        self.type_combo.setCurrentIndex(self.type_combo.findData(code))

    @Slot()
    def _on_type_changed(self, *_args: object) -> None:
        self._wanted_class = self.class_combo.currentData()
        self._load_classes()

    def _load_classes(self) -> None:
        kind = StatusChangeType(self.type_combo.currentData())
        needs = kind in NEEDS_CLASS
        self.class_combo.setEnabled(needs and self.student is not None)
        if not needs or self.student is None:
            self.class_combo.clear()
            self._schedule_preview()
            return
        self.runner.start(self.service.target_classes, self.student.id, kind.value, key="classes",
                          on_finished=self._on_classes_loaded)

    def _on_classes_loaded(self, options: object) -> None:
        assert isinstance(options, list)
        wanted = getattr(self, "_wanted_class", None)
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        self.class_combo.addItem(self.tr("(chosen at approval)"), None)
        for option in options:
            assert isinstance(option, ClassOption)
            self.class_combo.addItem(f"{option.name} ({option.cohort}, {option.major_label})", option.id)
        index = self.class_combo.findData(wanted) if wanted else 0
        self.class_combo.setCurrentIndex(max(0, index))
        self.class_combo.blockSignals(False)
        self._schedule_preview()

    # -- preview -------------------------------------------------------------------------
    def draft(self) -> Draft | None:
        if self.student is None:
            return None
        day = self.date_edit.date().toPython() if self.date_check.isChecked() else None
        assert day is None or isinstance(day, date)
        return Draft(self.student.id, str(self.type_combo.currentData()), self.reason_edit.toPlainText(),
                     self.document_edit.text(), day, self.class_combo.currentData())

    @Slot()
    def _schedule_preview(self, *_args: object) -> None:
        self._preview_timer.start()

    @Slot()
    def _on_preview_timer(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        self.runner.start(self.service.preview, draft, key="preview", on_finished=self._on_preview_finished,
                          on_failed=self._on_preview_failed)

    def _on_preview_finished(self, effects: object) -> None:
        assert isinstance(effects, list)
        self.effects = effects
        self.effects_table.show_effects(effects)
        self.preview_message.hide()
        for name in ("change_type", "to_class_id", "effective_date"):
            self.errors[name].show_message("")

    def _on_preview_failed(self, exc: BaseException) -> None:
        self.effects = []
        self.effects_table.show_effects([])
        self.preview_message.setText(refusal_text(exc))
        self.preview_message.show()

    # -- saving --------------------------------------------------------------------------
    def _save(self, *, submit: bool) -> None:
        for error in self.errors.values():
            error.show_message("")
        draft = self.draft()
        if draft is None:
            self.errors["student_id"].show_message(self.tr("Choose a student first."))
            return
        self.save_button.setEnabled(False)
        self.submit_button.setEnabled(False)
        if self.change is None:
            self.runner.start(self.service.draft, draft, submit=submit, on_finished=self._on_saved,
                              on_failed=self._on_save_failed)
        else:
            self.runner.start(self.service.update, self.change.id, draft, submit=submit, on_finished=self._on_saved,
                              on_failed=self._on_save_failed)

    def _on_saved(self, change_id: object) -> None:
        self.sig_saved.emit(str(change_id))
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.submit_button.setEnabled(True)
        errors = field_errors(exc) or {}
        shown = False
        for name, message in errors.items():
            if name in self.errors:
                self.errors[name].show_message(message)
                shown = True
        if not shown:
            self.preview_message.setText(refusal_text(exc))
            self.preview_message.show()
