"""The audit log viewer: filters by user, action and date range; details; export to .xlsx."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.services import audit as audit_service
from client.services.api import ApiClient
from client.services.dto import AuditQuery, Page
from client.services.session import AuthSession
from client.ui import prompts
from client.ui.audit.table_model import AuditTableModel
from client.ui.context import AppContext
from client.ui.workers import TaskRunner

KNOWN_ACTIONS = ("login.success", "login.failure", "login.locked", "login.disabled", "user.create", "user.update",
                 "user.delete", "user.disable", "user.enable", "user.password_reset", "role.create", "role.update",
                 "role.delete")


def _local_midnight(day: QDate) -> datetime:
    return datetime.combine(day.toPython(), time()).astimezone().astimezone(UTC)


class AuditPage(QWidget):
    def __init__(self, context: AppContext, runner: TaskRunner, session: AuthSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self._context, self._runner, self.session = context, runner, session
        self.model = AuditTableModel(200, self)
        self.last_export: Path | None = None
        self._build()
        self.refresh()

    @property
    def api(self) -> ApiClient:
        return self._context.auth.api(self.session.server)

    def _build(self) -> None:
        heading = QLabel(self.tr("Audit log"))
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_table_and_details(), 1)
        layout.addWidget(self.count_label)
        self._connect()

    def _build_filters(self) -> QHBoxLayout:
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("Username"))
        self.action_combo = QComboBox()
        self.action_combo.setEditable(True)
        self.action_combo.addItem("")
        self.action_combo.addItems(list(KNOWN_ACTIONS))
        self.action_combo.lineEdit().setPlaceholderText(self.tr("Any action"))
        today = QDate.currentDate()
        self.since_check, self.until_check = QCheckBox(self.tr("From")), QCheckBox(self.tr("To"))
        self.since_edit, self.until_edit = QDateEdit(today.addDays(-30)), QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.search_button = QPushButton(self.tr("Search"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        filters = QHBoxLayout()
        for widget in (self.user_edit, self.action_combo, self.since_check, self.since_edit, self.until_check,
                       self.until_edit, self.search_button):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        return filters

    def _build_table_and_details(self) -> QSplitter:
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((150, 110, 150, 70, 420, 110)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select an entry to see the old and new values."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _connect(self) -> None:
        self.search_button.clicked.connect(self.refresh)
        self.user_edit.returnPressed.connect(self.refresh)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.model.sig_page_requested.connect(self._on_model_page_requested)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_row_changed)

    def query(self) -> AuditQuery:
        since = _local_midnight(self.since_edit.date()) if self.since_check.isChecked() else None
        until = _local_midnight(self.until_edit.date()) + timedelta(days=1) if self.until_check.isChecked() else None
        return AuditQuery(user=self.user_edit.text().strip() or None,
                          action=self.action_combo.currentText().strip() or None, since=since, until=until)

    def refresh(self) -> None:
        self._runner.cancel("audit-page")
        self._runner.start(audit_service.search_audit, self.api, self.query(), 1, key="audit-search",
                           on_finished=self._on_search_finished)

    def _on_search_finished(self, page: object) -> None:
        assert isinstance(page, Page)
        self.model.reset_rows(page)
        self.details.clear()

    @Slot(int)
    def _on_model_page_requested(self, number: int) -> None:
        self._runner.start(audit_service.search_audit, self.api, self.query(), number, key="audit-page",
                           on_finished=self.model.append_page, on_failed=self._on_page_failed)

    def _on_page_failed(self, exc: BaseException) -> None:
        self.model.page_failed()
        self._runner.sig_failed.emit(exc)

    @Slot()
    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(self.tr("%1 entries").replace("%1", str(self.model.total)))

    @Slot()
    def _on_view_row_changed(self, *_args: object) -> None:
        entry = self.model.row_at(self.view.currentIndex().row())
        if entry is None:
            self.details.clear()
            return
        self.details.setPlainText("\n".join([
            f"{entry.action}  {entry.entity} {entry.entity_id}", entry.summary,
            self.tr("Old values: %1").replace("%1", entry.old_values or "—"),
            self.tr("New values: %1").replace("%1", entry.new_values or "—")]))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        suggested = str(Path.home() / f"audit-{datetime.now():%Y%m%d-%H%M}.xlsx")
        path = prompts.ask_save_path(self, self.tr("Export audit log"), suggested, self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path if path.endswith(".xlsx") else path + ".xlsx")
        headers = [*self.model.headers(), self.tr("Entity ID"), self.tr("Old values"), self.tr("New values")]
        headers = [headers[0], headers[1], headers[2], headers[3], headers[6], headers[4], headers[5], headers[7],
                   headers[8]]
        self._runner.start(audit_service.export_audit, self.api, self.query(), target, headers, key="audit-export",
                           on_finished=lambda _n: self._on_export_finished(target))

    def _on_export_finished(self, target: Path) -> None:
        self.last_export = target
        bar = getattr(self.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(self.tr("Exported to %1").replace("%1", str(target)), 8000)
