"""Decide a submitted change: every effect previewed, the class chosen at approval where the
change moves the student, approve (with a note) or reject (with a reason)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from client.services.status_changes import ChangeRow, ClassOption, StatusChangeService
from client.ui.status_changes.common import (
    EffectsTable,
    change_type_label,
    field_errors,
    iso_day,
    refusal_text,
    state_label,
)
from client.ui.widgets import ERROR_STYLE, FieldError, with_error
from client.ui.workers import TaskRunner, local_pool
from core.rules.student_status import NEEDS_CLASS, StatusChangeType


class ApproveDialog(QDialog):
    sig_decided = Signal(str)  # the change id

    def __init__(self, service: StatusChangeService, change: ChangeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approveDialog")
        self.service, self.change = service, change
        self.runner = TaskRunner(self, pool=local_pool())
        self.setWindowTitle(self.tr("Decide status change"))
        self._build()
        self.resize(640, 560)
        self.class_combo.currentIndexChanged.connect(self._on_class_changed)
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self.buttons.rejected.connect(self.reject)
        if StatusChangeType(change.change_type) in NEEDS_CLASS:
            self.runner.start(service.target_classes, change.student_id, change.change_type,
                              on_finished=self._on_classes_loaded)
        else:
            self.class_combo.setEnabled(False)
            self._preview()

    def _build(self) -> None:
        c = self.change
        summary = QFormLayout()
        summary.addRow(self.tr("Student"), QLabel(f"{c.student_number} {c.student_name} · {c.class_label}"))
        summary.addRow(self.tr("Change type"), QLabel(f"{change_type_label(c.change_type)} · {state_label(c.state)}"))
        reason = QLabel(c.reason)
        reason.setWordWrap(True)
        summary.addRow(self.tr("Reason"), reason)
        summary.addRow(self.tr("Document no."), QLabel(c.document_number))
        summary.addRow(self.tr("Effective"), QLabel(iso_day(c.effective_date) or self.tr("on approval")))
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("approveClass")
        self.class_error = FieldError()
        summary.addRow(self.tr("Target class"), with_error(self.class_combo, self.class_error))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("decisionNote")
        self.note_edit.setPlaceholderText(self.tr("Opinion (optional when approving, required to reject)"))
        self.reason_error = FieldError()
        summary.addRow(self.tr("Opinion"), with_error(self.note_edit, self.reason_error))
        self.effects_table = EffectsTable()
        self.message = QLabel()
        self.message.setObjectName("approveMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approveButton")
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("rejectButton")
        self.buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(summary)
        heading = QLabel(self.tr("Effects on approval"))
        heading.setStyleSheet("font-weight: 600;")
        layout.addWidget(heading)
        layout.addWidget(self.effects_table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _on_classes_loaded(self, options: object) -> None:
        assert isinstance(options, list)
        self.class_combo.blockSignals(True)
        self.class_combo.addItem(self.tr("(choose a class)"), None)
        for option in options:
            assert isinstance(option, ClassOption)
            self.class_combo.addItem(f"{option.name} ({option.cohort}, {option.major_label})", option.id)
        index = self.class_combo.findData(self.change.to_class_id) if self.change.to_class_id else 0
        if index <= 0 and len(options) == 1 and StatusChangeType(self.change.change_type) in (
                StatusChangeType.REPEAT, StatusChangeType.DEMOTE):
            index = 1  # the only class of the next cohort: the server would take it anyway
        self.class_combo.setCurrentIndex(max(0, index))
        self.class_combo.blockSignals(False)
        self._preview()

    def choose_class(self, class_id: str) -> None:
        self.class_combo.setCurrentIndex(self.class_combo.findData(class_id))

    @Slot()
    def _on_class_changed(self, *_args: object) -> None:
        self.class_error.show_message("")
        self._preview()

    def _preview(self) -> None:
        draft = replace(self.change.as_draft(), to_class_id=self.class_combo.currentData() or self.change.to_class_id)
        self.runner.start(self.service.preview, draft, key="preview", on_finished=self._on_preview_finished,
                          on_failed=self._on_failed)

    def _on_preview_finished(self, effects: object) -> None:
        assert isinstance(effects, list)
        self.effects_table.show_effects(effects)
        self.message.hide()

    @Slot()
    def _on_approve_clicked(self) -> None:
        self._busy(True)
        self.runner.start(self.service.approve, self.change.id, self.class_combo.currentData(), self.note_edit.text(),
                          on_finished=self._on_decided, on_failed=self._on_failed)

    @Slot()
    def _on_reject_clicked(self) -> None:
        self._busy(True)
        self.runner.start(self.service.reject, self.change.id, self.note_edit.text(), on_finished=self._on_decided,
                          on_failed=self._on_failed)

    def _busy(self, busy: bool) -> None:
        self.approve_button.setEnabled(not busy)
        self.reject_button.setEnabled(not busy)

    def _on_decided(self, change_id: object) -> None:
        self.sig_decided.emit(str(change_id))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy(False)
        errors = field_errors(exc) or {}
        if "to_class_id" in errors:
            self.class_error.show_message(errors.pop("to_class_id"))
        if "decision_reason" in errors:
            self.reason_error.show_message(errors.pop("decision_reason"))
        if errors or field_errors(exc) is None:
            self.message.setText("; ".join(errors.values()) if errors else refusal_text(exc))
            self.message.show()
