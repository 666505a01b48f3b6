"""The Sync page: where things stand, Sync now (with progress and Cancel), the unsent changes,
the conflicts and rejections, and export/import of unsent work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.services.session import AuthSession
from client.services.status import StatusSnapshot
from client.services.sync import ConflictRow, UnsentOp
from client.ui.context import AppContext
from client.ui.errors import error_text, show_error
from client.ui.labels import english
from client.ui.status_bar import StatusBridge
from client.ui.sync.conflicts import ConflictsView, show_value
from client.ui.sync.controller import SyncController
from client.ui.widgets import BusyBar
from client.ui.workers import TaskRunner, local_pool
from core.models.labels import describe_row, field_label, table_label
from sync.client.engine import SyncReport

Index = QModelIndex | QPersistentModelIndex


class UnsentModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UnsentOp] = []

    def set_rows(self, rows: list[UnsentOp]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Edited at"), self.tr("Data"), self.tr("Record"), self.tr("Change"), self.tr("Values"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        op = self.rows[index.row()]
        language = "en" if english() else "zh"
        column = index.column()
        if column == 0:
            return op.made_at[:19].replace("T", " ")
        if column == 1:
            return table_label(op.table, language)
        if column == 2:
            return describe_row(op.fields) or op.row_id[:8]
        if column == 3:
            return {"create": self.tr("New"), "patch": self.tr("Changed"), "delete": self.tr("Deleted")}.get(op.kind, op.kind)
        return "; ".join(f"{field_label(op.table, k, language)}: {show_value(v)}" for k, v in list(op.fields.items())[:6])


class SyncPage(QWidget):
    def __init__(self, context: AppContext, controller: SyncController, session: AuthSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.context, self.controller, self.session = context, controller, session
        self.runner = TaskRunner(self, local_pool())
        self._build()
        self._bridge = StatusBridge(context.status, self)
        self._bridge.sig_changed.connect(self._on_status_changed)
        controller.sig_started.connect(self._on_sync_started)
        controller.sig_progress.connect(self.busy.set_progress)
        controller.sig_finished.connect(self._on_sync_finished)
        controller.sig_failed.connect(self._on_sync_failed)
        controller.sig_cancelled.connect(self._on_sync_cancelled)
        controller.sig_data_changed.connect(self.refresh)
        self._on_status_changed(context.status.snapshot)
        self.busy.set_busy(controller.running)
        if controller.service.last_report is not None and not controller.running:
            self._show_report(controller.service.last_report)
        self.refresh()

    def _build(self) -> None:
        title = QLabel(self.tr("Sync with the server"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        explain = QLabel(self.tr(
            "Your changes are saved on this computer first and sent to the server when it can be reached. "
            "The client syncs by itself when you log in, every few minutes, a few seconds after you change "
            "something, and when the connection comes back."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #5f6368;")
        self.connection_value = QLabel()
        self.last_sync_value = QLabel()
        self.unsent_value = QLabel()
        self.unsent_value.setObjectName("syncUnsentValue")
        self.conflicts_value = QLabel()
        self.conflicts_value.setObjectName("syncConflictsValue")
        self.result_value = QLabel()
        self.result_value.setObjectName("syncResultValue")
        self.result_value.setWordWrap(True)
        grid = QGridLayout()
        for row, (label, value) in enumerate([
            (self.tr("Connection"), self.connection_value), (self.tr("Last sync"), self.last_sync_value),
            (self.tr("Unsent changes"), self.unsent_value), (self.tr("Conflicts and rejections"), self.conflicts_value),
            (self.tr("Last result"), self.result_value),
        ]):
            name = QLabel(label)
            name.setStyleSheet("color: #5f6368;")
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        box = QGroupBox(self.tr("Status"))
        box.setLayout(grid)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.setDefault(True)
        self.busy = BusyBar()
        self.export_button = QPushButton(self.tr("Export unsent changes…"))
        self.export_button.setObjectName("exportUnsentButton")
        self.import_button = QPushButton(self.tr("Import unsent changes…"))
        self.import_button.setObjectName("importUnsentButton")
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.busy, 1)
        actions.addStretch(0)
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        self.conflicts = ConflictsView()
        self.unsent_model = UnsentModel(self)
        self.unsent_table = QTableView()
        self.unsent_table.setObjectName("unsentTable")
        self.unsent_table.setModel(self.unsent_model)
        self.unsent_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unsent_table.verticalHeader().hide()
        self.unsent_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.unsent_table, "")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(box)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        self.sync_button.clicked.connect(self._on_sync_clicked)
        self.busy.sig_cancel_requested.connect(self.controller.cancel)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.conflicts.sig_resolve_requested.connect(self._on_resolve_requested)

    # -- data ---------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        service = self.controller.service
        self.runner.start(lambda **_: (service.conflicts(), service.unsent()), key="load",
                          on_finished=self._on_loaded)

    def _on_loaded(self, loaded: object) -> None:
        conflicts, unsent = loaded  # type: ignore[misc]
        self.set_lists(conflicts, unsent)

    def set_lists(self, conflicts: list[ConflictRow], unsent: list[UnsentOp]) -> None:
        self.conflicts.set_conflicts(conflicts)
        self.unsent_model.set_rows(unsent)
        self.unsent_table.resizeColumnsToContents()
        self.tabs.setTabText(0, self.tr("Conflicts and rejections (%1)").replace("%1", str(len(conflicts))))
        self.tabs.setTabText(1, self.tr("Unsent changes (%1)").replace("%1", str(len(unsent))))

    @Slot(object)
    def _on_status_changed(self, snapshot: StatusSnapshot) -> None:
        if snapshot.online:
            self.connection_value.setText(self.tr("Online: %1").replace("%1", snapshot.server))
        elif snapshot.work_offline:
            self.connection_value.setText(self.tr("Working offline (switch it off in the View menu to sync)"))
        else:
            self.connection_value.setText(self.tr("Offline: the server cannot be reached; changes wait on this computer"))
        when = snapshot.last_sync_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if snapshot.last_sync_at else self.tr("never")
        self.last_sync_value.setText(when)
        self.unsent_value.setText(str(snapshot.unsent_changes))
        self.conflicts_value.setText(str(snapshot.conflicts))
        self.conflicts_value.setStyleSheet("color: #b3261e; font-weight: 600;" if snapshot.conflicts else "")
        self.sync_button.setEnabled(self.controller.can_sync() and not self.controller.running)
        if snapshot.sync_blocked:
            self.result_value.setText(self.tr("Sync paused: %1").replace("%1", snapshot.sync_blocked))

    # -- sync ---------------------------------------------------------------------------------
    @Slot()
    def _on_sync_clicked(self) -> None:
        self.controller.sync_now()

    @Slot()
    def _on_sync_started(self) -> None:
        self.busy.set_busy(True)
        self.sync_button.setEnabled(False)
        self.result_value.setText(self.tr("Syncing…"))

    @Slot(object)
    def _on_sync_finished(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        self.busy.set_busy(False)
        self.sync_button.setEnabled(self.controller.can_sync())
        self._show_report(report)
        if report.conflicts or report.rejected:
            self.tabs.setCurrentIndex(0)
        self.refresh()

    def _show_report(self, report: SyncReport) -> None:
        text = self.tr("Sent %1 (accepted %2, conflicts %3, rejected %4); received %5, removed %6.")
        for key, value in (("%1", report.pushed), ("%2", report.applied), ("%3", report.conflicts),
                           ("%4", report.rejected), ("%5", report.pulled), ("%6", report.removed)):
            text = text.replace(key, str(value))
        if report.resyncs:
            text += " " + self.tr("The server asked for a full resync (%1); unsent work was kept.").replace(
                "%1", "; ".join(report.resyncs))
        self.result_value.setText(text)

    @Slot(object)
    def _on_sync_failed(self, exc: object) -> None:
        self.busy.set_busy(False)
        self.sync_button.setEnabled(self.controller.can_sync())
        message = error_text(exc) if isinstance(exc, BaseException) else str(exc)
        self.result_value.setText(self.tr("Sync failed: %1").replace("%1", message))

    @Slot()
    def _on_sync_cancelled(self) -> None:
        self.busy.set_busy(False)
        self.sync_button.setEnabled(self.controller.can_sync())
        self.result_value.setText(self.tr("Cancelled; what was already sent and received is kept."))

    # -- conflicts ----------------------------------------------------------------------------
    @Slot(list, str, object)
    def _on_resolve_requested(self, ids: list[int], how: str, values: object) -> None:
        service = self.controller.service
        self.runner.start(service.resolve, list(ids), how, values if isinstance(values, dict) else None,
                          key="resolve", on_finished=self._on_resolved, on_failed=self._on_local_failed)

    def _on_resolved(self, op_ids: object) -> None:
        self.refresh()
        self.controller.request_soon(0)  # send the decisions now when online

    def _on_local_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.refresh()

    # -- export / import ----------------------------------------------------------------------
    @Slot()
    def _on_export_clicked(self) -> None:
        export_unsent_interactively(self, self.controller, self.runner)

    @Slot()
    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import unsent changes"), str(Path.home()),
                                              self.tr("Unsent changes (*.json)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self.runner.start(self.controller.service.import_unsent, path, key="import",
                          on_finished=self._on_imported, on_failed=self._on_local_failed)

    def _on_imported(self, count: object) -> None:
        self.result_value.setText(self.tr("Imported %1 unsent changes; they are sent at the next sync.")
                                  .replace("%1", str(count)))
        self.refresh()
        self.controller.request_soon(0)


def default_export_name(session: AuthSession) -> str:
    from datetime import datetime

    return f"jiaowu-unsent-{session.user.username}-{datetime.now():%Y%m%d-%H%M}.json"


def export_unsent_interactively(parent: QWidget, controller: SyncController, runner: TaskRunner,
                                on_done: Any = None) -> None:
    """Ask where, then write the unsent changes there on a worker; tell the user how many."""
    suggested = str(Path.home() / default_export_name(controller.session))
    title = QCoreApplication.translate("sync", "Export unsent changes")
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested,
                                          QCoreApplication.translate("sync", "Unsent changes (*.json)"))
    if not path:
        return

    def done(count: object) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, QCoreApplication.translate(
            "sync", "%1 unsent changes were written to %2. Import the file on any computer (Sync page) to send them.")
            .replace("%1", str(count)).replace("%2", path), QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("exportDoneBox")
        if on_done is not None:
            box.finished.connect(lambda _result: on_done())
        box.open()

    runner.start(controller.service.export_unsent, Path(path), key="export", on_finished=done,
                 on_failed=lambda exc: show_error(parent, exc))
