"""Shared pieces of the status-change screens: labels of codes, the effects list, field errors."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from client.services.errors import ClientError, ErrorKind
from client.ui.errors import server_message
from client.ui.labels import english
from core.rules.enums import ApprovalState, CertificateKind, StatusChangeType, StudentStatus
from core.rules.student_status import Effect

PENDING_COLOUR = QColor("#9a6700")
STATE_COLOURS = {"draft": "#57606a", "submitted": "#0969da", "approved": "#1a7f37", "applied": "#1a7f37",
                 "rejected": "#cf222e"}


def _label(enum: type[StatusChangeType] | type[ApprovalState] | type[StudentStatus] | type[CertificateKind],
           code: str | None) -> str:
    try:
        return enum(code or "").label("en" if english() else "zh")
    except ValueError:
        return code or ""


def change_type_label(code: str | None) -> str:
    return _label(StatusChangeType, code)


def state_label(code: str | None) -> str:
    return _label(ApprovalState, code)


def status_label(code: str | None) -> str:
    return _label(StudentStatus, code)


def kind_label(code: str | None) -> str:
    return _label(CertificateKind, code)


def text(message: str) -> str:
    """A rule's bilingual message "中文 (English)" in the interface language."""
    return server_message(message)


def iso_day(value: str | date | None) -> str:
    if value is None or value == "":
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def iso_minute(value: str | None) -> str:
    return (value or "")[:16].replace("T", " ")


def field_label(name: str) -> str:
    names = {"status": QCoreApplication.translate("status_changes", "Status"),
             "class_id": QCoreApplication.translate("status_changes", "Class"),
             "major_id": QCoreApplication.translate("status_changes", "Major"),
             "department_id": QCoreApplication.translate("status_changes", "Department"),
             "cohort": QCoreApplication.translate("status_changes", "Cohort"),
             "expected_graduation": QCoreApplication.translate("status_changes", "Expected graduation"),
             "year_level": QCoreApplication.translate("status_changes", "Year level")}
    return names.get(name, name)


def field_errors(exc: BaseException) -> dict[str, str] | None:
    """``{field: message}`` in the interface language for a validation error, else None."""
    if isinstance(exc, ClientError) and exc.kind is ErrorKind.VALIDATION and exc.field_errors:
        return {name: text(message) for name, message in exc.field_errors.items()}
    return None


def refusal_text(exc: BaseException) -> str:
    """One line for an inline message: the rule's reason, or the error sink's sentence."""
    errors = field_errors(exc)
    if errors:
        return "; ".join(errors.values())
    if isinstance(exc, ClientError) and exc.message:
        return text(exc.message)
    from client.ui.errors import error_text

    return error_text(exc)


class EffectsTable(QTableWidget):
    """What a change does to the student: field, before, after; pending and derived ones marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("effectsTable")
        self.setHorizontalHeaderLabels([self.tr("What"), self.tr("Before"), self.tr("After")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(110)

    def show_effects(self, effects: list[Effect]) -> None:
        self.setRowCount(len(effects))
        for row, effect in enumerate(effects):
            what = field_label(effect.field)
            if not effect.stored:
                what = self.tr("%1 (derived, not stored)").replace("%1", what)
            after = self.tr("chosen at approval") if effect.pending else text(effect.new_label)
            items = [QTableWidgetItem(what), QTableWidgetItem(text(effect.old_label)), QTableWidgetItem(after)]
            if effect.pending:
                items[2].setForeground(QBrush(PENDING_COLOUR))
                items[2].setToolTip(self.tr("The approver chooses the class when approving."))
            for column, item in enumerate(items):
                item.setData(Qt.ItemDataRole.UserRole, effect.field)
                self.setItem(row, column, item)

    def effect_fields(self) -> list[str]:
        return [str(self.item(r, 0).data(Qt.ItemDataRole.UserRole)) for r in range(self.rowCount())]

    def row_texts(self) -> list[tuple[str, str, str]]:
        return [tuple(self.item(r, c).text() for c in range(3)) for r in range(self.rowCount())]  # type: ignore[misc]
