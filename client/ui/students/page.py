"""The student list over the local replica: search as you type, filters, sorting in SQL,
new/edit, import, template, export, and (for the registrar) departments, majors and classes.

Every query and write runs on the single local-store thread (``local_pool``); the newest search
wins (an older one still waiting is skipped). Works the same online and offline: changes go to
the outbox and the sync controller pushes them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.services.students import (
    Lookups,
    QueryCancelledError,
    StudentIds,
    StudentQuery,
    StudentService,
)
from client.ui.errors import show_error
from client.ui.labels import english
from client.ui.students.model import StudentTableModel
from client.ui.widgets import BusyBar
from client.ui.workers import TaskRunner, local_pool
from core.rules.enums import StudentStatus

SEARCH_DELAY_MS = 60  # a pause in typing; local queries are fast, so the wait is short


def org_name(name: str, name_en: str) -> str:
    return (name_en or name) if english() else name


class StudentsPage(QWidget):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studentsPage")
        self.window_ = window
        self.service = StudentService(window.sync.service, window.session.user)
        self.runner = TaskRunner(self, local_pool())
        self.lookups = Lookups((), (), (), ())
        self._query = StudentQuery()
        self.model = StudentTableModel(self.service.rows_by_ids, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self._update_buttons()
        self.reload_lookups()
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        heading = QLabel(self.tr("Students"))
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.busy_bar = BusyBar()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_actions())
        layout.addWidget(self._build_view(), 1)
        layout.addWidget(self.busy_bar)

    def _build_filters(self) -> QHBoxLayout:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("studentSearch")
        self.search_edit.setPlaceholderText(self.tr("Search student number, name, ID number, class or major…"))
        self.search_edit.setClearButtonEnabled(True)
        self.department_combo, self.cohort_combo = QComboBox(), QComboBox()
        self.class_combo, self.status_combo = QComboBox(), QComboBox()
        self.department_combo.setMinimumContentsLength(12)
        self.class_combo.setMinimumContentsLength(10)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in StudentStatus:
            self.status_combo.addItem(status.label("en" if english() else "zh"), status.value)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        for combo in (self.department_combo, self.cohort_combo, self.class_combo, self.status_combo):
            filters.addWidget(combo, 1)
        filters.addWidget(self.count_label)
        return filters

    def _build_actions(self) -> QHBoxLayout:
        self.new_button = QPushButton(self.tr("New student…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.template_button = QPushButton(self.tr("Download template…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.org_button = QPushButton(self.tr("Departments, majors and classes…"))
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.import_button, self.template_button,
                       self.export_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.org_button)
        self.new_button.setVisible(self.service.can_write)
        self.edit_button.setVisible(self.service.can_write)
        self.import_button.setVisible(self.service.can_import)
        self.template_button.setVisible(self.service.can_import)
        self.org_button.setVisible(self.service.can_edit_reference)
        return actions

    def _build_view(self) -> QTableView:
        self.view = QTableView()
        self.view.setObjectName("studentsTable")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        vertical = self.view.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size hints for 50,000 rows
        vertical.setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 76, 60, 110, 150, 180, 56, 70, 160, 110)):
            header.resizeSection(column, width)
        return self.view

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        for combo in (self.department_combo, self.cohort_combo):
            combo.currentIndexChanged.connect(self._on_scope_filter_changed)
        for combo in (self.class_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.model.sig_sort_requested.connect(self._on_model_sort_requested)
        self.model.modelReset.connect(self._update_count)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.doubleClicked.connect(self._on_edit_button_clicked)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.template_button.clicked.connect(self._on_template_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.org_button.clicked.connect(self._on_org_button_clicked)
        self.busy_bar.sig_cancel_requested.connect(self._on_busy_bar_cancel_requested)
        self.window_.sync.sig_data_changed.connect(self._on_sync_data_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search_edit.setFocus)
        if self.service.can_write:
            QShortcut(QKeySequence.StandardKey.New, self, activated=self._on_new_button_clicked)

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Run the id query of the current search and filters; the newest request wins."""
        self.runner.start(self.service.student_ids, self._query, key="students-ids",
                          on_finished=self._on_ids_loaded, on_failed=self._on_query_failed)

    def reload_lookups(self) -> None:
        self.runner.start(self.service.lookups, key="students-lookups", on_finished=self._on_lookups_loaded,
                          on_failed=self._on_query_failed)

    def _on_ids_loaded(self, result: object) -> None:
        assert isinstance(result, StudentIds)
        selected = self.selected_student_id()
        self.model.set_ids(result.ids)
        if selected is not None:
            self.select_student(selected)
        if not result.query.text.strip():
            # build the search's index now, so the first keystroke only narrows it
            self.runner.start(self.service.prepare_search, result.query, key="students-index",
                              on_failed=self._on_query_failed)

    def _on_query_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, QueryCancelledError):
            show_error(self, exc)

    def _on_lookups_loaded(self, lookups: object) -> None:
        assert isinstance(lookups, Lookups)
        self.lookups = lookups
        user = self.service.user
        own = user.department_id if user.scope == "department" else None
        self._fill(self.department_combo, self.tr("All departments"),
                   [(org_name(d.name, d.name_en), d.id) for d in lookups.departments if own in (None, d.id)])
        if own is not None:
            self.department_combo.setCurrentIndex(max(self.department_combo.findData(own), 0))
            self.department_combo.setEnabled(False)
        self._fill(self.cohort_combo, self.tr("All cohorts"), [(str(c), c) for c in lookups.cohorts])
        self._fill_classes()

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        combo.blockSignals(False)

    def _fill_classes(self) -> None:
        department, cohort = self.department_combo.currentData(), self.cohort_combo.currentData()
        self._fill(self.class_combo, self.tr("All classes"),
                   [(c.name, c.id) for c in self.lookups.classes
                    if department in (None, c.department_id) and cohort in (None, c.cohort)])

    # -- selection ------------------------------------------------------------------------
    def selected_student_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.model.ids):
            return None
        return self.model.ids[rows[0].row()]

    def select_student(self, student_id: str) -> bool:
        row = self.model.row_of(student_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    # -- slots ----------------------------------------------------------------------------
    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self._query = replace(self._query, text=self.search_edit.text())
        self.refresh()

    @Slot()
    def _on_scope_filter_changed(self, *_args: object) -> None:
        self._fill_classes()
        self._on_filter_changed()

    @Slot()
    def _on_filter_changed(self, *_args: object) -> None:
        self._query = replace(self._query, department_id=self.department_combo.currentData(),
                              cohort=self.cohort_combo.currentData(), class_id=self.class_combo.currentData(),
                              status=self.status_combo.currentData())
        self.refresh()

    @Slot(str, bool)
    def _on_model_sort_requested(self, key: str, descending: bool) -> None:
        self._query = replace(self._query, sort=key, descending=descending)
        self.refresh()

    @Slot()
    def _on_sync_data_changed(self) -> None:
        self.reload_lookups()
        self.model.refresh_rows()
        self.refresh()

    @Slot()
    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(self.tr("%1 students").replace("%1", f"{self.model.rowCount():,}"))
        self._update_buttons()

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_student_id() is not None)

    # -- actions --------------------------------------------------------------------------
    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.open_student(None)

    @Slot()
    def _on_edit_button_clicked(self, *_args: object) -> None:
        student_id = self.selected_student_id()
        if student_id is not None and self.service.can_write:
            self.open_student(student_id)

    def open_student(self, student_id: str | None) -> QWidget:
        from client.ui.students.student_dialog import StudentDialog

        dialog = StudentDialog(self.service, self.lookups, student_id, self)
        dialog.sig_saved.connect(self._on_student_saved)
        dialog.open()
        return dialog

    def _on_student_saved(self, student_id: object) -> None:
        self.model.refresh_rows()
        self._pending_select = str(student_id)
        self.runner.start(self.service.student_ids, self._query, key="students-ids",
                          on_finished=self._on_ids_after_save, on_failed=self._on_query_failed)

    def _on_ids_after_save(self, result: object) -> None:
        self._on_ids_loaded(result)
        self.select_student(self._pending_select)

    @Slot()
    def _on_import_button_clicked(self) -> QWidget:
        from client.ui.students.import_dialog import ImportDialog

        dialog = ImportDialog(self.service, self)
        dialog.sig_imported.connect(self._on_imported)
        dialog.open()
        return dialog

    def _on_imported(self, _count: object) -> None:
        self.model.refresh_rows()
        self.refresh()

    @Slot()
    def _on_template_button_clicked(self) -> None:
        name = self.tr("student-import-template.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the import template"), str(Path.home() / name),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> None:
        self.busy_bar.set_busy(True)
        self.runner.start(self.service.write_template, path, key="students-file", on_finished=self._on_file_written,
                          on_failed=self._on_file_failed)

    @Slot()
    def _on_export_button_clicked(self) -> None:
        name = self.tr("students.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export students"), str(Path.home() / name),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Every student of the current search and filters (not only the rows on screen)."""
        self.busy_bar.set_busy(True)
        self.runner.start(self.service.export_students, path, self._query, language="en" if english() else "zh",
                          key="students-file", on_finished=self._on_file_written, on_failed=self._on_file_failed,
                          on_progress=self.busy_bar.set_progress)

    def _on_file_written(self, _result: object) -> None:
        self.busy_bar.set_busy(False)

    def _on_file_failed(self, exc: BaseException) -> None:
        self.busy_bar.set_busy(False)
        show_error(self, exc)

    @Slot()
    def _on_busy_bar_cancel_requested(self) -> None:
        self.runner.cancel("students-file")
        self.busy_bar.set_busy(False)

    @Slot()
    def _on_org_button_clicked(self) -> QWidget:
        from client.ui.students.org_dialog import OrgDialog

        dialog = OrgDialog(self.service, self)
        dialog.sig_changed.connect(self._on_sync_data_changed)
        dialog.open()
        return dialog
