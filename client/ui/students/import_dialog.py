"""Import students from .xlsx: choose a file, every row is checked on a worker (progress and
Cancel), the report lists each rejected row with its column, value and reason, and only
Confirm writes the accepted rows, all in one local transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.services.errors import ClientError, ErrorKind
from client.services.students import StudentService, export_list
from client.ui.errors import server_message, show_error
from client.ui.widgets import ERROR_STYLE, BusyBar
from client.ui.workers import TaskRunner, local_pool
from core.imports.report import ImportReport, RowProblem

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ProblemTableModel(QAbstractTableModel):
    """Problems of an import (row, column, value, reason), in the interface language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[RowProblem] = []

    def set_problems(self, problems: list[RowProblem]) -> None:
        self.beginResetModel()
        self.problems = problems
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def titles(self) -> list[str]:
        return [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Reason")]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        return self.titles()[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.problems):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self.cells(self.problems[index.row()])[index.column()]

    @staticmethod
    def cells(problem: RowProblem) -> list[object]:
        return [problem.row, problem.column, problem.value, server_message(problem.reason)]


class ImportDialog(QDialog):
    """Emits ``sig_imported(count)`` after Confirm has written the rows."""

    sig_imported = Signal(object)

    def __init__(self, service: StudentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studentImportDialog")
        self._service = service
        self._runner = TaskRunner(self, local_pool())
        self.report: ImportReport | None = None
        self.path: Path | None = None
        self.setWindowTitle(self.tr("Import students"))
        self._build()
        self._connect()
        self._show_report(None)

    def _build(self) -> None:
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.file_label = QLabel(self.tr("Choose a filled-in template (.xlsx). Nothing is imported before you confirm."))
        self.file_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-weight: 600;")
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.rejected_model, self.warnings_model = ProblemTableModel(self), ProblemTableModel(self)
        self.tabs = QTabWidget()
        self.rejected_view = self._table(self.rejected_model)
        self.warnings_view = self._table(self.warnings_model)
        self.tabs.addTab(self.rejected_view, self.tr("Rejected rows"))
        self.tabs.addTab(self.warnings_view, self.tr("Warnings"))
        self.busy_bar = BusyBar()
        self.export_button = QPushButton(self.tr("Export report…"))
        self.confirm_button = QPushButton(self.tr("Import"))
        self.confirm_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.busy_bar)
        layout.addLayout(buttons)
        self.resize(900, 560)

    def _table(self, model: ProblemTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((50, 110, 170)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    def _connect(self) -> None:
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.busy_bar.sig_cancel_requested.connect(self._on_busy_bar_cancel_requested)

    # -- checking -------------------------------------------------------------------------
    @Slot()
    def _on_choose_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file to import"), str(Path.home()),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.check_file(Path(path))

    def check_file(self, path: Path) -> None:
        """Validate ``path`` on the local thread; the report replaces the previous one."""
        self.path = path
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        self._show_report(None)
        self._set_busy(True)
        self._runner.start(self._service.preview_import, path, key="check", on_finished=self._on_check_finished,
                           on_failed=self._on_check_failed, on_progress=self.busy_bar.set_progress)

    def _on_check_finished(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self._set_busy(False)
        self._show_report(report)

    def _on_check_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.CANCELLED:
            self.message_label.setText(self.tr("Cancelled; nothing was imported."))
        elif isinstance(exc, ClientError) and exc.kind is ErrorKind.VALIDATION and "file" in exc.details:
            self.message_label.setText(server_message(exc.message))  # the file as a whole: no header, not .xlsx…
        else:
            show_error(self, exc)

    def _show_report(self, report: ImportReport | None) -> None:
        self.report = report
        self.message_label.setText("")
        self.rejected_model.set_problems(report.rejected if report else [])
        self.warnings_model.set_problems(report.warnings if report else [])
        self.tabs.setTabText(0, self.tr("Rejected rows (%1)").replace("%1", str(len(report.rejected_rows) if report else 0)))
        self.tabs.setTabText(1, self.tr("Warnings (%1)").replace("%1", str(len(report.warnings) if report else 0)))
        accepted = len(report.accepted) if report else 0
        self.confirm_button.setText(self.tr("Import %1 students").replace("%1", f"{accepted:,}") if report
                                    else self.tr("Import"))
        self.confirm_button.setEnabled(accepted > 0)
        self.export_button.setEnabled(bool(report and (report.rejected or report.warnings)))
        if report is None:
            self.summary_label.setText("")
            return
        counts = report.counts()
        self.summary_label.setText(
            self.tr("%1 rows read: %2 can be imported, %3 rejected (%4 problems). Rejected rows are not imported; "
                    "correct them in the file and import them later.")
            .replace("%1", f"{counts['rows']:,}").replace("%2", f"{counts['accepted']:,}")
            .replace("%3", f"{counts['rejected']:,}").replace("%4", f"{counts['problems']:,}"))

    # -- confirming -----------------------------------------------------------------------
    @Slot()
    def _on_confirm_button_clicked(self) -> None:
        if self.report is None or not self.report.accepted or self._runner.busy:
            return
        self._set_busy(True)
        self._runner.start(self._service.import_confirmed, list(self.report.accepted), key="confirm",
                           on_finished=self._on_confirm_finished, on_failed=self._on_confirm_failed)

    def _on_confirm_finished(self, count: object) -> None:
        self._set_busy(False)
        self.sig_imported.emit(count)
        self.accept()

    def _on_confirm_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)

    # -- the report as .xlsx --------------------------------------------------------------
    @Slot()
    def _on_export_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"),
                                              str(Path.home() / self.tr("import-report.xlsx")),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_report(Path(path))

    def export_report(self, path: Path) -> None:
        assert self.report is not None
        kind_rejected, kind_warning = self.tr("Rejected"), self.tr("Warning")
        rows = [[kind_rejected, *ProblemTableModel.cells(p)] for p in self.report.rejected]
        rows += [[kind_warning, *ProblemTableModel.cells(p)] for p in self.report.warnings]
        headers = [self.tr("Kind"), *self.rejected_model.titles()]
        self._runner.start(export_list, path, headers, rows, sheet=self.tr("Import report"), key="export",
                           on_failed=self._on_confirm_failed)

    @Slot()
    def _on_busy_bar_cancel_requested(self) -> None:
        self._runner.cancel_all()
        self._set_busy(False)
        self.message_label.setText(self.tr("Cancelled; nothing was imported."))

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.set_busy(busy)
        self.choose_button.setEnabled(not busy)
        if busy:
            self.confirm_button.setEnabled(False)
        elif self.report is not None:
            self.confirm_button.setEnabled(bool(self.report.accepted))
