"""Create a role: code, names and scope; permissions are then ticked in the matrix."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from client.services import roles as role_service
from client.services.api import ApiClient
from client.services.errors import ClientError, ErrorKind
from client.ui.errors import error_text
from client.ui.labels import scope_name
from client.ui.widgets import ERROR_STYLE, BusyBar, FieldError, with_error
from client.ui.workers import TaskRunner

CODE_RE = re.compile(r"^[a-z][a-z0-9_]{1,31}$")


class RoleDialog(QDialog):
    sig_saved = Signal(object)

    def __init__(self, api: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleDialog")
        self.setWindowTitle(self.tr("New role"))
        self._api = api
        self._runner = TaskRunner(self)
        self.code_edit, self.name_edit, self.name_en_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.code_edit.setPlaceholderText("exam_office")
        self.scope_combo = QComboBox()
        for scope in ("all", "department", "own_tasks", "self"):
            self.scope_combo.addItem(scope_name(scope), scope)
        self.errors = {name: FieldError() for name in ("code", "name", "name_en", "scope")}
        form = QFormLayout()
        form.addRow(self.tr("Code"), with_error(self.code_edit, self.errors["code"]))
        form.addRow(self.tr("Name"), with_error(self.name_edit, self.errors["name"]))
        form.addRow(self.tr("English name"), with_error(self.name_en_edit, self.errors["name_en"]))
        form.addRow(self.tr("Scope"), with_error(self.scope_combo, self.errors["scope"]))
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.busy_bar = BusyBar()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self._runner.sig_busy_changed.connect(self.busy_bar.set_busy)
        self.busy_bar.sig_cancel_requested.connect(self._runner.cancel_all)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _validate(self) -> bool:
        problems = {}
        if not CODE_RE.match(self.code_edit.text().strip()):
            problems["code"] = self.tr("2–32 lowercase letters, digits or _, starting with a letter.")
        if not self.name_edit.text().strip():
            problems["name"] = self.tr("Required.")
        self.show_field_errors(problems)
        return not problems

    def show_field_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.show_message(problems.get(name, ""))

    @Slot()
    def _on_buttons_accepted(self) -> None:
        if self._runner.busy or not self._validate():
            return
        self._runner.start(role_service.create_role, self._api, self.code_edit.text(), self.name_edit.text(),
                           self.name_en_edit.text(), str(self.scope_combo.currentData()), [],
                           on_finished=self._on_save_finished, on_failed=self._on_save_failed)

    def _on_save_finished(self, role: object) -> None:
        self.sig_saved.emit(role)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.VALIDATION:
            self.show_field_errors(exc.field_errors)
        elif isinstance(exc, ClientError) and exc.kind is ErrorKind.CONFLICT:
            self.show_field_errors({"code": self.tr("A role with this code already exists.")})
        self.message_label.setText(error_text(exc))
