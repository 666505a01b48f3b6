"""Cards and certificates 证件证书: choose a kind and a student or a whole class, issue the
numbers (the server assigns them at the next sync), preview a document, and print one or a
whole class to PDF on a worker with progress and Cancel. Only synced certificates print: a
number exists once the server has issued it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.services.certificates import (
    CertificateRow,
    CertificateService,
    ClassChoice,
    IssueResult,
)
from client.services.status_changes import StatusChangeService
from client.ui.status_changes.common import iso_day, kind_label, refusal_text, text
from client.ui.widgets import ERROR_STYLE, BusyBar
from client.ui.workers import TaskRunner, local_pool
from core.rules.enums import CertificateKind

Index = QModelIndex | QPersistentModelIndex
WAITING_COLOUR = "#9a6700"


class CertificatesModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CertificateRow] = []

    def set_rows(self, rows: list[CertificateRow]) -> None:
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
        return (self.tr("Student no."), self.tr("Name"), self.tr("Kind"), self.tr("Certificate no."), self.tr("Issued on"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            number = row.number if row.printable else (
                self.tr("void") if row.void else self.tr("waiting for the server's number"))
            return (row.student_number, row.student_name, kind_label(row.kind), number, iso_day(row.issued_on))[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and not row.printable:
            return QBrush(QColor(WAITING_COLOUR))
        return None


def _preview_image(service: CertificateService, kind: str, student_id: str, *,
                   on_progress: Any = None, cancel: threading.Event | None = None) -> QImage:
    from client.ui.documents.renderer import render_preview

    return render_preview(kind, service.document_for(kind, student_id))


def _print(service: CertificateService, certificate_ids: list[str], path: Path, *,
           on_progress: Any = None, cancel: threading.Event | None = None) -> Path:
    from client.ui.documents.renderer import render_pdf

    kind, items = service.documents(certificate_ids)
    return render_pdf(kind, items, path, cancel=cancel, on_progress=on_progress)


class CertificatesDialog(QDialog):
    sig_issued = Signal(int)

    def __init__(self, service: CertificateService, changes: StatusChangeService, *, can_issue: bool,
                 student_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificatesDialog")
        self.service, self.changes, self.can_issue = service, changes, can_issue
        self.local = TaskRunner(self, pool=local_pool())
        self.render_runner = TaskRunner(self, pool=QThreadPool.globalInstance())  # PDF work (DESIGN §3)
        self.student_ids: list[str] = []
        self.last_pdf: Path | None = None
        self.preview_image: QImage | None = None
        self.setWindowTitle(self.tr("Cards and certificates"))
        self._build()
        self._connect()
        self.resize(1100, 680)
        self.local.start(service.classes, on_finished=self._on_classes_loaded)
        if student_id:
            self.student_radio.setChecked(True)
            self.local.start(changes.student, student_id, on_finished=self._on_student_loaded)

    def _build(self) -> None:
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("certificateKind")
        for kind in CertificateKind:
            self.kind_combo.addItem(kind_label(kind.value), kind.value)
        self.class_radio = QRadioButton(self.tr("A whole class"))
        self.student_radio = QRadioButton(self.tr("One student"))
        self.class_radio.setChecked(True)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("certificateClass")
        self.student_edit = QLineEdit()
        self.student_edit.setObjectName("certificateStudent")
        self.student_edit.setPlaceholderText(self.tr("Student number or name, then Enter"))
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.class_radio, self.class_combo)
        form.addRow(self.student_radio, self.student_edit)
        self.model = CertificatesModel(self)
        self.view = QTableView()
        self.view.setObjectName("certificatesTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.issue_button = QPushButton(self.tr("Issue numbers"))
        self.issue_button.setObjectName("issueButton")
        self.void_reason = QLineEdit()
        self.void_reason.setPlaceholderText(self.tr("Reason to void (lost, damaged…)"))
        self.void_button = QPushButton(self.tr("Void"))
        self.print_button = QPushButton(self.tr("Print to PDF…"))
        self.print_button.setObjectName("printButton")
        actions = QHBoxLayout()
        for widget in (self.issue_button, self.void_reason, self.void_button, self.print_button):
            actions.addWidget(widget)
        self.message = QLabel()
        self.message.setObjectName("certificatesMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.busy = BusyBar()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.busy)
        self.preview_label = QLabel(self.tr("Select a row to preview the document."))
        self.preview_label.setObjectName("certificatePreview")
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setMinimumWidth(420)
        self.preview_label.setStyleSheet("background: #eaeef2; border: 1px solid #d0d7de;")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview_label)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.issue_button.setVisible(self.can_issue)
        self.void_reason.setVisible(self.can_issue)
        self.void_button.setVisible(self.can_issue)

    def _connect(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_who_changed)
        self.class_combo.currentIndexChanged.connect(self._on_who_changed)
        self.class_radio.toggled.connect(self._on_who_changed)
        self.student_edit.returnPressed.connect(self._on_student_entered)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.issue_button.clicked.connect(self.issue)
        self.void_button.clicked.connect(self._on_void_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.render_runner.sig_busy_changed.connect(self.busy.set_busy)
        self.render_runner.sig_progress.connect(self.busy.set_progress)
        self.busy.sig_cancel_requested.connect(self._on_cancel)

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _say(self, message: str, *, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(message))

    # -- who -------------------------------------------------------------------------------
    def _on_classes_loaded(self, classes: object) -> None:
        assert isinstance(classes, list)
        self.class_combo.blockSignals(True)
        for choice in classes:
            assert isinstance(choice, ClassChoice)
            self.class_combo.addItem(self.tr("%1 (%2 students)").replace("%1", choice.name)
                                     .replace("%2", str(choice.students)), choice.id)
        self.class_combo.blockSignals(False)
        if self.class_radio.isChecked():
            self._on_who_changed()

    def choose_class(self, class_id: str) -> None:
        self.class_radio.setChecked(True)
        self.class_combo.setCurrentIndex(self.class_combo.findData(class_id))
        self._on_who_changed()

    def choose_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    @Slot()
    def _on_student_entered(self) -> None:
        self.local.start(self.changes.search_students, self.student_edit.text(), limit=1,
                         on_finished=lambda hits: self._on_student_loaded(hits[0]) if hits else self._say(
                             self.tr("No student matches."), error=True))

    def _on_student_loaded(self, student: object) -> None:
        self.student_radio.setChecked(True)
        self.student_edit.setText(f"{student.number} {student.name}")  # type: ignore[attr-defined]
        self.student_ids = [student.id]  # type: ignore[attr-defined]
        self.refresh()

    @Slot()
    def _on_who_changed(self, *_args: object) -> None:
        if self.class_radio.isChecked():
            class_id = self.class_combo.currentData()
            if class_id is None:
                return
            self.local.start(self.service.students_of_class, class_id, key="students",
                             on_finished=self._on_class_students)
        else:
            self.refresh()

    def _on_class_students(self, students: object) -> None:
        assert isinstance(students, list)
        self.student_ids = [s[0] for s in students]
        self.refresh()

    def refresh(self) -> None:
        self.local.start(self.service.list_certificates, kind=self.kind, student_ids=list(self.student_ids),
                         key="list", on_finished=self._on_listed)

    def _on_listed(self, rows: object) -> None:
        assert isinstance(rows, list)
        self.model.set_rows(rows)
        if rows and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)
        elif not rows and self.student_ids:
            self._render_preview(self.student_ids[0])  # what it would look like, number still empty

    # -- issue and void --------------------------------------------------------------------
    @Slot()
    def issue(self) -> None:
        have = {r.student_id for r in self.model.rows if not r.void}
        wanted = [i for i in self.student_ids if i not in have]
        self.local.start(self.service.issue, self.kind, wanted, on_finished=self._on_issued,
                         on_failed=lambda exc: self._say(refusal_text(exc), error=True))

    def _on_issued(self, result: object) -> None:
        assert isinstance(result, IssueResult)
        lines = [self.tr("%1 issued; the numbers arrive from the server with the next sync.")
                 .replace("%1", str(len(result.issued)))]
        lines += [f"{label}: {text(reason)}" for label, reason in result.skipped[:8]]
        if len(result.skipped) > 8:
            lines.append(self.tr("… and %1 more not issued.").replace("%1", str(len(result.skipped) - 8)))
        self._say("\n".join(lines))
        self.sig_issued.emit(len(result.issued))
        self.refresh()

    @Slot()
    def _on_void_clicked(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            self._say(self.tr("Select one certificate to void."), error=True)
            return
        self.local.start(self.service.void, rows[0].id, self.void_reason.text(),
                         on_finished=lambda _r: (self.void_reason.clear(), self.refresh()),
                         on_failed=lambda exc: self._say(refusal_text(exc), error=True))

    # -- preview and print -----------------------------------------------------------------
    def selected_rows(self) -> list[CertificateRow]:
        return [self.model.rows[i.row()] for i in self.view.selectionModel().selectedRows()]

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        rows = self.selected_rows()
        if rows:
            self._render_preview(rows[0].student_id)

    def _render_preview(self, student_id: str) -> None:
        self.render_runner.start(_preview_image, self.service, self.kind, student_id, key="preview",
                                 on_finished=self._on_preview_rendered,
                                 on_failed=lambda exc: self._say(refusal_text(exc), error=True))

    def _on_preview_rendered(self, image: object) -> None:
        assert isinstance(image, QImage)
        self.preview_image = image
        size = self.preview_label.size()
        self.preview_label.setPixmap(QPixmap.fromImage(image).scaled(
            size.width() - 12, size.height() - 12, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def printable_ids(self) -> tuple[list[str], list[CertificateRow]]:
        """The selected certificates (all when none is selected): printable ids, and the rest."""
        rows = self.selected_rows() or self.model.rows
        return [r.id for r in rows if r.printable], [r for r in rows if not r.printable and not r.void]

    @Slot()
    def _on_print_clicked(self) -> None:
        ids, waiting = self.printable_ids()
        if waiting or not ids:
            self._say(self.tr("%1 certificates have no number yet: they print once they have synced with the "
                              "server (the server issues the numbers). Sync, then print.")
                      .replace("%1", str(len(waiting))), error=True)
            return
        name = f"{kind_label(self.kind)}-{self.class_combo.currentText().split(' ')[0] if self.class_radio.isChecked() else self.student_edit.text().split(' ')[0]}.pdf"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Print to PDF"), name, self.tr("PDF files (*.pdf)"))
        if path:
            self.print_to(Path(path))

    def print_to(self, path: Path) -> bool:
        """Print the chosen certificates to ``path`` on a worker; False when some have no number yet."""
        ids, waiting = self.printable_ids()
        if waiting or not ids:
            self._say(self.tr("%1 certificates have no number yet: they print once they have synced with the "
                              "server (the server issues the numbers). Sync, then print.")
                      .replace("%1", str(len(waiting))), error=True)
            return False
        self._say(self.tr("Printing %1 documents…").replace("%1", str(len(ids))))
        self.print_button.setEnabled(False)
        self.render_runner.start(_print, self.service, ids, path, key="print", on_finished=self._on_printed,
                                 on_failed=self._on_print_failed)
        return True

    def _on_printed(self, path: object) -> None:
        assert isinstance(path, Path)
        self.last_pdf = path
        self.print_button.setEnabled(True)
        self._say(self.tr("Saved %1.").replace("%1", str(path)))

    def _on_print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        self._say(refusal_text(exc), error=True)

    @Slot()
    def _on_cancel(self) -> None:
        self.render_runner.cancel("print")
        self.print_button.setEnabled(True)
        self._say(self.tr("Printing cancelled; no file was written."))
