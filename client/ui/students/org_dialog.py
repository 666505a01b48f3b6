"""Departments, majors and classes (``reference.write``, the registrar): three lists with the
number of students of each, New/Edit with inline checks, and export of each list to .xlsx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.services.errors import ClientError, ErrorKind
from client.services.students import Lookups, StudentService, check_org_form, export_list
from client.ui.errors import server_message, show_error
from client.ui.students.page import org_name
from client.ui.widgets import FieldError, with_error
from client.ui.workers import TaskRunner, local_pool

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
TABLES = ("department", "major", "school_class")
# The form's fields per table: (field, kind) where kind is "text", "int" or a lookup.
FORM_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "department": (("code", "text"), ("name", "text"), ("name_en", "text")),
    "major": (("code", "text"), ("name", "text"), ("name_en", "text"), ("department_id", "department"),
              ("duration_years", "int"), ("degree", "text")),
    "school_class": (("code", "text"), ("name", "text"), ("major_id", "major"), ("cohort", "int"),
                     ("size_limit", "int")),
}


class OrgTableModel(QAbstractTableModel):
    def __init__(self, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.rows: list[Any] = []
        self.lookups = Lookups((), (), (), ())

    def set_lookups(self, lookups: Lookups) -> None:
        self.beginResetModel()
        self.lookups = lookups
        self.rows = list({"department": lookups.departments, "major": lookups.majors,
                          "school_class": lookups.classes}[self.table])
        self.endResetModel()

    def titles(self) -> list[str]:
        common = [self.tr("Code"), self.tr("Name")]
        if self.table == "department":
            return [*common, self.tr("English name"), self.tr("Students")]
        if self.table == "major":
            return [*common, self.tr("Department"), self.tr("Years"), self.tr("Degree"), self.tr("Students")]
        return [*common, self.tr("Major"), self.tr("Cohort"), self.tr("Size limit"), self.tr("Students")]

    def cells(self, row: Any) -> list[object]:
        depts = {d.id: org_name(d.name, d.name_en) for d in self.lookups.departments}
        majors = {m.id: org_name(m.name, m.name_en) for m in self.lookups.majors}
        if self.table == "department":
            return [row.code, row.name, row.name_en, row.students]
        if self.table == "major":
            return [row.code, row.name, depts.get(row.department_id, ""), row.duration_years, row.degree, row.students]
        return [row.code, row.name, majors.get(row.major_id, ""), row.cohort, row.size_limit, row.students]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.titles())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        cells = self.cells(self.rows[index.row()])
        return str(cells[index.column()]) if 0 <= index.column() < len(cells) else None


class OrgFormDialog(QDialog):
    """New or edit one department, major or class; emits ``sig_saved(id)``."""

    sig_saved = Signal(object)

    def __init__(self, service: StudentService, lookups: Lookups, table: str, row: Any | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orgFormDialog")
        self._service, self._lookups, self._table, self._row = service, lookups, table, row
        self._runner = TaskRunner(self, local_pool())
        self._tried = False
        titles = {"department": (self.tr("New department"), self.tr("Edit department")),
                  "major": (self.tr("New major"), self.tr("Edit major")),
                  "school_class": (self.tr("New class"), self.tr("Edit class"))}
        self.setWindowTitle(titles[table][row is not None])
        labels = {"code": self.tr("Code"), "name": self.tr("Name"), "name_en": self.tr("English name"),
                  "department_id": self.tr("Department"), "duration_years": self.tr("Years of study"),
                  "degree": self.tr("Degree"), "major_id": self.tr("Major"), "cohort": self.tr("Cohort"),
                  "size_limit": self.tr("Size limit")}
        self.widgets: dict[str, QLineEdit | QComboBox] = {}
        self.errors = {name: FieldError() for name, _kind in FORM_FIELDS[table]}
        form = QFormLayout()
        for name, kind in FORM_FIELDS[table]:
            widget = self._widget(name, kind, row)
            self.widgets[name] = widget
            form.addRow(labels[name], with_error(widget, self.errors[name]))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _widget(self, name: str, kind: str, row: Any | None) -> QLineEdit | QComboBox:
        if kind in ("department", "major"):
            combo = QComboBox()
            combo.addItem("", None)
            items = self._lookups.departments if kind == "department" else self._lookups.majors
            for item in items:
                combo.addItem(f"{org_name(item.name, item.name_en)}（{item.code}）", item.id)
            combo.setCurrentIndex(max(combo.findData(getattr(row, name, None)), 0))
            combo.currentIndexChanged.connect(self._on_field_changed)
            return combo
        defaults = {"duration_years": "4", "size_limit": "50"}
        edit = QLineEdit(str(getattr(row, name)) if row is not None else defaults.get(name, ""))
        edit.textEdited.connect(self._on_field_changed)
        return edit

    def values(self) -> dict[str, object]:
        return {name: w.currentData() if isinstance(w, QComboBox) else w.text() for name, w in self.widgets.items()}

    def validate(self) -> bool:
        problems, _typed = check_org_form(self._table, self.values(), getattr(self._row, "id", None), self._lookups)
        self.show_field_errors(problems)
        return not problems

    def show_field_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.show_message(server_message(problems[name]) if name in problems else "")

    @Slot()
    def _on_field_changed(self, *_args: object) -> None:
        if self._tried:
            self.validate()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self._tried = True
        if self._runner.busy or not self.validate():
            return
        self._runner.start(self._service.save_org, self._table, self.values(), getattr(self._row, "id", None),
                           on_finished=self._on_saved, on_failed=self._on_failed)

    def _on_saved(self, row_id: object) -> None:
        self.sig_saved.emit(row_id)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ClientError) and exc.kind is ErrorKind.VALIDATION and exc.field_errors:
            self.show_field_errors(exc.field_errors)
        else:
            show_error(self, exc)


class OrgDialog(QDialog):
    """The three lists; emits ``sig_changed`` after a save (the student list re-reads names)."""

    sig_changed = Signal()

    def __init__(self, service: StudentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orgDialog")
        self._service = service
        self._runner = TaskRunner(self, local_pool())
        self.lookups = Lookups((), (), (), ())
        self.setWindowTitle(self.tr("Departments, majors and classes"))
        self.tabs = QTabWidget()
        self.models = {table: OrgTableModel(table, self) for table in TABLES}
        self.views: dict[str, QTableView] = {}
        for table, title in zip(TABLES, (self.tr("Departments"), self.tr("Majors"), self.tr("Classes")), strict=True):
            self.tabs.addTab(self._view(table), title)
        self.new_button, self.edit_button = QPushButton(self.tr("New…")), QPushButton(self.tr("Edit…"))
        self.export_button, close_button = QPushButton(self.tr("Export…")), QPushButton(self.tr("Close"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(820, 520)
        self.reload()

    def _view(self, table: str) -> QTableView:
        view = QTableView()
        view.setModel(self.models[table])
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().resizeSection(1, 220)
        view.doubleClicked.connect(self._on_edit_button_clicked)
        self.views[table] = view
        return view

    def reload(self) -> None:
        self._runner.start(self._service.lookups, counts=True, key="lookups", on_finished=self._on_lookups_loaded,
                           on_failed=lambda exc: show_error(self, exc))

    def _on_lookups_loaded(self, lookups: object) -> None:
        assert isinstance(lookups, Lookups)
        self.lookups = lookups
        for model in self.models.values():
            model.set_lookups(lookups)

    @property
    def table(self) -> str:
        return TABLES[self.tabs.currentIndex()]

    def open_form(self, row: Any | None) -> OrgFormDialog:
        dialog = OrgFormDialog(self._service, self.lookups, self.table, row, self)
        dialog.sig_saved.connect(self._on_saved)
        dialog.open()
        return dialog

    def _on_saved(self, _row_id: object) -> None:
        self.reload()
        self.sig_changed.emit()

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.open_form(None)

    @Slot()
    def _on_edit_button_clicked(self, *_args: object) -> None:
        rows = self.views[self.table].selectionModel().selectedRows()
        if rows:
            self.open_form(self.models[self.table].rows[rows[0].row()])

    @Slot()
    def _on_export_button_clicked(self) -> None:
        name = self.tabs.tabText(self.tabs.currentIndex())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the list"), str(Path.home() / f"{name}.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        model = self.models[self.table]
        self._runner.start(export_list, path, model.titles(), [model.cells(r) for r in model.rows],
                           sheet=self.tabs.tabText(self.tabs.currentIndex()), key="export",
                           on_failed=lambda exc: show_error(self, exc))
