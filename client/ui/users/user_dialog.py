"""Add or edit a user: inline validation, the server's field errors next to their fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.services import users as user_service
from client.services.api import ApiClient
from client.services.dto import RoleRow, UserRow
from client.services.errors import ClientError, ErrorKind
from client.ui.errors import error_text
from client.ui.labels import role_display, scope_name
from client.ui.widgets import ERROR_STYLE, BusyBar, FieldError, with_error
from client.ui.workers import TaskRunner
from core.rules.passwords import MIN_LENGTH

_SCOPE_ORDER = ("all", "department", "own_tasks", "self")
FIELDS = ("username", "display_name", "password", "email", "phone", "roles", "department_id", "teacher_id",
          "student_id")


def problem_text(code: str) -> str:
    """The inline message of a problem code from :func:`validate_user_form`."""
    from PySide6.QtCore import QCoreApplication

    texts = {
        "username_format": QCoreApplication.translate(
            "UserDialog", "3–64 letters, digits or _ . @ -, starting with a letter or digit."),
        "required": QCoreApplication.translate("UserDialog", "Required."),
        "too_short": QCoreApplication.translate("UserDialog", "At least %1 characters.").replace("%1", str(MIN_LENGTH)),
        "is_username": QCoreApplication.translate("UserDialog", "Must not be the same as the username."),
        "too_common": QCoreApplication.translate("UserDialog", "Too common; choose a less guessable password."),
        "email_format": QCoreApplication.translate("UserDialog", "Not a valid e-mail address."),
    }
    return texts.get(code, code)


class UserDialog(QDialog):
    """Emits ``sig_saved(UserRow)`` and closes when the server accepted the user."""

    sig_saved = Signal(object)

    def __init__(self, api: ApiClient, roles: tuple[RoleRow, ...], user: UserRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self._api, self._roles, self._user = api, roles, user
        self._runner = TaskRunner(self)
        self._touched = False
        self.setWindowTitle(self.tr("New user") if user is None else self.tr("Edit user %1").replace("%1", user.username))
        self.errors = {name: FieldError() for name in FIELDS}
        self._build()
        if user is not None:
            self._load(user)
        self._on_roles_changed()

    def _build(self) -> None:
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.busy_bar = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        layout.addWidget(self.message_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.buttons)
        self._connect()
        self.setMinimumWidth(520)

    def _build_roles_list(self) -> QListWidget:
        roles_list = QListWidget()
        for role in self._roles:
            item = QListWidgetItem(f"{role_display(role.code, role.name, role.name_en)} — {scope_name(role.scope)}")
            item.setData(Qt.ItemDataRole.UserRole, role.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            roles_list.addItem(item)
        rows = max(3, min(len(self._roles), 8))
        row_height = max(roles_list.sizeHintForRow(0), 20) if self._roles else 20
        roles_list.setFixedHeight(row_height * rows + 2 * roles_list.frameWidth() + 4)
        return roles_list

    def _build_form(self) -> QFormLayout:
        self.username_edit, self.display_name_edit = QLineEdit(), QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.email_edit, self.phone_edit = QLineEdit(), QLineEdit()
        self.department_edit, self.teacher_edit, self.student_edit = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.department_edit, self.teacher_edit, self.student_edit):
            edit.setPlaceholderText(self.tr("record ID from the reference data"))
        self.roles_list = self._build_roles_list()
        self.scope_label = QLabel()
        self.must_change_check = QCheckBox(self.tr("Must change the password at next login"))
        form = QFormLayout()
        e = self.errors
        form.addRow(self.tr("Username"), with_error(self.username_edit, e["username"]))
        form.addRow(self.tr("Name"), with_error(self.display_name_edit, e["display_name"]))
        if self._user is None:
            form.addRow(self.tr("Initial password"), with_error(self.password_edit, e["password"]))
        form.addRow(self.tr("E-mail"), with_error(self.email_edit, e["email"]))
        form.addRow(self.tr("Phone"), with_error(self.phone_edit, e["phone"]))
        form.addRow(self.tr("Roles"), with_error(self.roles_list, e["roles"]))
        form.addRow(self.tr("Scope"), self.scope_label)
        form.addRow(self.tr("Department"), with_error(self.department_edit, e["department_id"]))
        form.addRow(self.tr("Teacher record"), with_error(self.teacher_edit, e["teacher_id"]))
        form.addRow(self.tr("Student record"), with_error(self.student_edit, e["student_id"]))
        form.addRow("", self.must_change_check)
        return form

    def _connect(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self._on_buttons_rejected)
        self.roles_list.itemChanged.connect(self._on_roles_changed)
        self.busy_bar.sig_cancel_requested.connect(self._runner.cancel_all)
        self._runner.sig_busy_changed.connect(self._on_runner_busy_changed)
        for edit in (self.username_edit, self.display_name_edit, self.password_edit, self.email_edit):
            edit.textEdited.connect(self._on_field_edited)

    def _load(self, user: UserRow) -> None:
        self.username_edit.setText(user.username)
        self.display_name_edit.setText(user.display_name)
        self.email_edit.setText(user.email)
        self.phone_edit.setText(user.phone)
        self.department_edit.setText(user.department_id or "")
        self.teacher_edit.setText(user.teacher_id or "")
        self.student_edit.setText(user.student_id or "")
        self.must_change_check.setChecked(user.must_change_password)
        for i in range(self.roles_list.count()):
            item = self.roles_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in user.roles
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # -- reading the form -----------------------------------------------------------------
    def checked_roles(self) -> tuple[str, ...]:
        items = (self.roles_list.item(i) for i in range(self.roles_list.count()))
        return tuple(str(it.data(Qt.ItemDataRole.UserRole)) for it in items if it.checkState() == Qt.CheckState.Checked)

    def form(self) -> user_service.UserForm:
        return user_service.UserForm(
            username=self.username_edit.text(), display_name=self.display_name_edit.text(),
            roles=self.checked_roles(), email=self.email_edit.text(), phone=self.phone_edit.text(),
            password=self.password_edit.text() if self._user is None else None,
            department_id=self.department_edit.text().strip() or None,
            teacher_id=self.teacher_edit.text().strip() or None,
            student_id=self.student_edit.text().strip() or None,
            must_change_password=self.must_change_check.isChecked())

    def show_field_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.show_message(problems.get(name, ""))

    def _validate(self) -> bool:
        problems = user_service.validate_user_form(self.form())
        self.show_field_errors({k: " ".join(problem_text(c) for c in v) for k, v in problems.items()})
        return not problems

    # -- slots ----------------------------------------------------------------------------
    @Slot()
    def _on_field_edited(self) -> None:
        if self._touched:
            self._validate()

    @Slot()
    def _on_roles_changed(self, *_args: object) -> None:
        scopes = [r.scope for r in self._roles if r.code in self.checked_roles()]
        widest = next((s for s in _SCOPE_ORDER if s in scopes), None)
        self.scope_label.setText(scope_name(widest) if widest else "—")
        self.department_edit.setEnabled(widest in ("department", "own_tasks") or bool(self.department_edit.text()))
        self.teacher_edit.setEnabled("teacher" in self.checked_roles() or bool(self.teacher_edit.text()))
        self.student_edit.setEnabled("student" in self.checked_roles() or bool(self.student_edit.text()))
        if self._touched:
            self._validate()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self._touched = True
        self.message_label.setText("")
        if self._runner.busy or not self._validate():
            return
        if self._user is None:
            self._runner.start(user_service.create_user, self._api, self.form(), key="save",
                               on_finished=self._on_save_finished, on_failed=self._on_save_failed)
        else:
            self._runner.start(user_service.update_user, self._api, self._user.id, self.form(), key="save",
                               on_finished=self._on_save_finished, on_failed=self._on_save_failed)

    @Slot()
    def _on_buttons_rejected(self) -> None:
        self._runner.cancel_all()
        self.reject()

    def _on_save_finished(self, user: object) -> None:
        self.sig_saved.emit(user)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.VALIDATION and exc.field_errors:
            fields = exc.field_errors
            self.show_field_errors(fields)
            unplaced = [f"{k}: {v}" for k, v in fields.items() if k not in self.errors]
            self.message_label.setText("\n".join([error_text(exc), *unplaced]))
        elif isinstance(exc, ClientError) and exc.kind is ErrorKind.CONFLICT and "username" in exc.message.lower():
            self.show_field_errors({"username": self.tr("This username is already taken.")})
            self.message_label.setText(error_text(exc))
        else:
            self.message_label.setText(error_text(exc))

    @Slot(bool)
    def _on_runner_busy_changed(self, busy: bool) -> None:
        self.busy_bar.set_busy(busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)
