"""New or edit a student: core's rules checked under each field as the user leaves it (and all
of them on Save), then saved to the replica and queued for the server on the local thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from client.services.errors import ClientError, ErrorKind
from client.services.students import Lookups, StudentForm, StudentService, check_student_form
from client.ui.errors import server_message, show_error
from client.ui.labels import english
from client.ui.widgets import ERROR_STYLE, BusyBar, FieldError, with_error
from client.ui.workers import TaskRunner, local_pool
from core.imports.student_columns import POLITICAL_STATUSES
from core.rules.enums import Gender, StudentStatus

TEXT_FIELDS = ("number", "name", "id_number", "birth_date", "enrolled_on", "expected_graduation", "ethnicity",
               "native_place", "phone", "email", "address")
FIELDS = (*TEXT_FIELDS, "gender", "class_id", "status", "political_status", "notes")


class StudentDialog(QDialog):
    """Emits ``sig_saved(student_id)`` and closes once the change is in the replica."""

    sig_saved = Signal(object)

    def __init__(self, service: StudentService, lookups: Lookups, student_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studentDialog")
        self._service, self._lookups, self._student_id = service, lookups, student_id
        self._reference = lookups.reference()
        self._runner = TaskRunner(self, local_pool())
        self._touched: set[str] = set()
        self.errors = {name: FieldError() for name in FIELDS}
        self.setWindowTitle(self.tr("New student") if student_id is None else self.tr("Edit student"))
        self._build()
        if student_id is not None:
            self._runner.start(service.student, student_id, on_finished=self._on_student_loaded,
                               on_failed=lambda exc: show_error(self, exc))

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.edits = {name: QLineEdit() for name in TEXT_FIELDS}
        self.edits["number"].setPlaceholderText(self.tr("12 digits: year, department, major, class, sequence"))
        for name in ("birth_date", "enrolled_on", "expected_graduation"):
            self.edits[name].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.edits["birth_date"].setPlaceholderText(self.tr("YYYY-MM-DD (empty: from the ID number)"))
        self.gender_combo, self.class_combo, self.status_combo = QComboBox(), QComboBox(), QComboBox()
        language = "en" if english() else "zh"
        self.gender_combo.addItem("", "")
        for gender in Gender:
            self.gender_combo.addItem(gender.label(language), gender.value)
        self.class_combo.addItem("", "")
        user = self._service.user
        own = user.department_id if user.scope == "department" else None  # a secretary: own classes only
        for school_class in self._lookups.classes:
            if own is not None and school_class.department_id != own:
                continue
            self.class_combo.addItem(f"{school_class.name}（{school_class.code}）", school_class.id)
        self.class_combo.setEditable(True)  # type to find a class among hundreds
        self.class_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for status in StudentStatus:
            self.status_combo.addItem(status.label(language), status.value)
        self.status_combo.setEnabled(self._student_id is None)
        if self._student_id is not None:
            self.status_combo.setToolTip(self.tr("A student's status changes through a status change."))
        self.political_combo = QComboBox()
        self.political_combo.setEditable(True)
        self.political_combo.addItems(POLITICAL_STATUSES)
        self.political_combo.setCurrentText("共青团员")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(56)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.busy_bar = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        columns = QHBoxLayout()
        columns.addLayout(self._left_form(), 1)
        columns.addLayout(self._right_form(), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.message_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.buttons)
        self._connect()
        self.setMinimumWidth(860)

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget | None = None) -> None:
        form.addRow(label, with_error(widget or self.edits[name], self.errors[name]))

    def _left_form(self) -> QFormLayout:
        form = QFormLayout()
        self._row(form, self.tr("Student number"), "number")
        self._row(form, self.tr("Name"), "name")
        self._row(form, self.tr("Gender"), "gender", self.gender_combo)
        self._row(form, self.tr("ID number"), "id_number")
        self._row(form, self.tr("Birth date"), "birth_date")
        self._row(form, self.tr("Class"), "class_id", self.class_combo)
        self._row(form, self.tr("Status"), "status", self.status_combo)
        self._row(form, self.tr("Enrolled on"), "enrolled_on")
        self._row(form, self.tr("Expected graduation"), "expected_graduation")
        return form

    def _right_form(self) -> QFormLayout:
        form = QFormLayout()
        self._row(form, self.tr("Ethnicity"), "ethnicity")
        self._row(form, self.tr("Political status"), "political_status", self.political_combo)
        self._row(form, self.tr("Native place"), "native_place")
        self._row(form, self.tr("Phone"), "phone")
        self._row(form, self.tr("E-mail"), "email")
        self._row(form, self.tr("Home address"), "address")
        self._row(form, self.tr("Notes"), "notes", self.notes_edit)
        return form

    def _connect(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.busy_bar.sig_cancel_requested.connect(self._runner.cancel_all)
        self._runner.sig_busy_changed.connect(self.busy_bar.set_busy)
        for name, edit in self.edits.items():
            edit.editingFinished.connect(lambda name=name: self._on_field_left(name))
            edit.textEdited.connect(self._on_field_edited)
        for name, combo in (("gender", self.gender_combo), ("class_id", self.class_combo)):
            combo.activated.connect(lambda _i, name=name: self._on_field_left(name))
        self.edits["id_number"].editingFinished.connect(self._on_id_number_left)

    def _on_student_loaded(self, row: object) -> None:
        if not isinstance(row, dict):
            self.message_label.setText(self.tr("This student is no longer in your data."))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        form = StudentForm.of(row)
        for name, edit in self.edits.items():
            edit.setText(getattr(form, name))
        self.gender_combo.setCurrentIndex(max(self.gender_combo.findData(form.gender), 0))
        self.class_combo.setCurrentIndex(max(self.class_combo.findData(form.class_id), 0))
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(form.status), 0))
        self.political_combo.setCurrentText(form.political_status)
        self.notes_edit.setPlainText(form.notes)
        self.setWindowTitle(self.tr("Edit student %1").replace("%1", f"{form.number} {form.name}"))

    # -- the form -------------------------------------------------------------------------
    def form(self) -> StudentForm:
        typed = self.class_combo.currentText().strip()
        found = self.class_combo.findText(typed) if typed else 0
        class_id = self.class_combo.itemData(found) if found > 0 else ("?" if typed else "")  # "?": not a class
        return StudentForm(**{name: edit.text().strip() for name, edit in self.edits.items()},
                           gender=str(self.gender_combo.currentData() or ""), class_id=str(class_id or ""),
                           status=str(self.status_combo.currentData() or "enrolled"),
                           political_status=self.political_combo.currentText().strip(),
                           notes=self.notes_edit.toPlainText().strip())

    def show_field_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.show_message(server_message(problems[name]) if name in problems else "")

    def validate(self) -> dict[str, str]:
        """Check the form with core's rules (uniqueness is checked on save) and show the
        problems of the fields the user has left or tried to save."""
        problems, _values = check_student_form(self.form(), self._reference)
        self.show_field_errors({k: v for k, v in problems.items() if k in self._touched})
        return problems

    @Slot()
    def _on_field_left(self, name: str) -> None:
        self._touched.add(name)
        self.validate()

    @Slot()
    def _on_field_edited(self) -> None:
        if self._touched:
            self.validate()

    @Slot()
    def _on_id_number_left(self) -> None:
        """A valid ID number fills an empty birth date and gender (GB 11643 holds both)."""
        from core.errors import InvalidInputError
        from core.rules.values import validate_id_number

        try:
            info = validate_id_number(self.edits["id_number"].text())
        except InvalidInputError:
            return
        if not self.edits["birth_date"].text().strip():
            self.edits["birth_date"].setText(info.birth_date.isoformat())
        if self.gender_combo.currentIndex() <= 0:
            self.gender_combo.setCurrentIndex(max(self.gender_combo.findData(info.gender), 0))
        self.validate()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self._touched.update(FIELDS)
        self.message_label.setText("")
        if self._runner.busy or self.validate():
            return
        self._runner.start(self._service.save_student, self.form(), self._student_id, key="save",
                           on_finished=self._on_save_finished, on_failed=self._on_save_failed)

    def _on_save_finished(self, student_id: object) -> None:
        self.sig_saved.emit(student_id)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.VALIDATION and exc.field_errors:
            self.show_field_errors(exc.field_errors)
            self.message_label.setText(QCoreApplication.translate(
                "StudentDialog", "Some fields are not valid; see the messages under them."))
            return
        show_error(self, exc)
