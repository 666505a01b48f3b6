"""The status changes page: my drafts, changes awaiting approval, decided ones; the actions
each user may take on the selected change; the effects of the selected open change; the way
to a student's timeline, batch promotion and cards and certificates.

Everything reads and writes the local replica on the local worker (offline too); the sync
controller sends each step a few seconds later and brings the server's answer back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.services.certificates import CertificateService
from client.services.session import AuthSession
from client.services.status_changes import ChangeQuery, ChangeRow, StatusChangeService
from client.ui.status_changes.approve_dialog import ApproveDialog
from client.ui.status_changes.batch_dialog import BatchDialog
from client.ui.status_changes.certificates_dialog import CertificatesDialog
from client.ui.status_changes.change_dialog import ChangeDialog
from client.ui.status_changes.common import EffectsTable, change_type_label, refusal_text
from client.ui.status_changes.decide_many import DecideManyDialog
from client.ui.status_changes.table_model import ChangesTableModel
from client.ui.status_changes.timeline import TimelineDialog
from client.ui.widgets import ERROR_STYLE
from client.ui.workers import TaskRunner, local_pool
from core.rules.enums import StatusChangeType
from core.rules.student_status import Step

if TYPE_CHECKING:
    from client.ui.main_window import MainWindow

SEARCH_DELAY_MS = 150
VIEWS = ("drafts", "awaiting", "decided", "all")


class StatusChangesPage(QWidget):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusChangesPage")
        self.window_ = window
        self._session = window.session
        self.service = StatusChangeService(window.sync.service, window.session.user)
        self.certificates = CertificateService(window.sync.service, window.session.user.id)
        self.runner = TaskRunner(self, pool=local_pool())
        self.model = ChangesTableModel(self)
        self.dialogs: list[QWidget] = []  # open dialogs (tests reach them here)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self.tabs.setCurrentIndex(1 if self.service.can(Step.APPROVE) else 0)
        self._update_buttons()
        self.refresh()

    # The main window replaces ``session`` when the user's permissions change.
    @property
    def session(self) -> AuthSession:
        return self._session

    @session.setter
    def session(self, session: AuthSession) -> None:
        self._session = session
        self.service.user = session.user
        self._update_buttons()

    def _build(self) -> None:
        heading = QLabel(self.tr("Status changes"))
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.tabs = QTabBar()
        self.tabs.setObjectName("changeViews")
        for title in (self.tr("My drafts"), self.tr("Awaiting approval"), self.tr("Decided"), self.tr("All")):
            self.tabs.addTab(title)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("changeSearch")
        self.search_edit.setPlaceholderText(self.tr("Student number or name…"))
        self.search_edit.setClearButtonEnabled(True)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All changes"), None)
        for kind in StatusChangeType:
            self.type_combo.addItem(change_type_label(kind.value), kind.value)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.tabs)
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.type_combo, 1)
        filters.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("New…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.submit_button = QPushButton(self.tr("Submit"))
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.recall_button = QPushButton(self.tr("Recall"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.timeline_button = QPushButton(self.tr("Timeline…"))
        self.batch_button = QPushButton(self.tr("Batch promotion…"))
        self.certificates_button = QPushButton(self.tr("Cards and certificates…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportChangesButton")
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.submit_button, self.recall_button, self.delete_button,
                       self.approve_button, self.reject_button, self.timeline_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.batch_button)
        actions.addWidget(self.certificates_button)
        actions.addWidget(self.export_button)
        self.view = QTableView()
        self.view.setObjectName("changesTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several rows: the approver decides a morning's submitted changes in one go
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 70, 110, 80, 110, 130, 90, 120)):
            header.resizeSection(column, width)
        self.detail_label = QLabel(self.tr("Select a change to see its effects."))
        self.detail_label.setObjectName("changeDetail")
        self.detail_label.setWordWrap(True)
        self.effects_table = EffectsTable()
        self.message = QLabel()
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_label)
        detail_layout.addWidget(self.effects_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._on_filter_changed)
        self.type_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.new_button.clicked.connect(self.open_new)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.submit_button.clicked.connect(lambda: self._act(self.service.submit, self.tr("Submitted.")))
        self.recall_button.clicked.connect(lambda: self._act(self.service.recall, self.tr("Recalled to draft.")))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.approve_button.clicked.connect(self.open_decision)
        self.reject_button.clicked.connect(self.open_decision)
        self.timeline_button.clicked.connect(self._on_timeline_clicked)
        self.batch_button.clicked.connect(self.open_batch)
        self.certificates_button.clicked.connect(lambda: self.open_certificates())
        self.export_button.clicked.connect(self._on_export_clicked)
        sync = self.window_.sync
        sync.sig_data_changed.connect(self.refresh)
        sync.sig_finished.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.open_new)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search_edit.setFocus)

    # -- export --------------------------------------------------------------------------
    def table_contents(self) -> tuple[list[str], list[list[str]]]:
        """The list as shown: its headers and every row's texts."""
        model = self.model
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
        rows = [[str(model.index(r, c).data() or "") for c in range(model.columnCount())]
                for r in range(model.rowCount())]
        return headers, rows

    @Slot()
    def _on_export_clicked(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export status changes"),
                                              str(Path.home() / "status-changes.xlsx"), self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: object) -> None:
        """Write the list as shown to ``path`` (.xlsx) on a worker."""
        from pathlib import Path

        from client.services.students import export_list

        headers, rows = self.table_contents()
        target = Path(str(path))
        self.runner.start(export_list, target, headers, rows, sheet=self.tr("Status changes"), key="export",
                          on_finished=lambda count: self._say(self.tr("%1 rows exported to %2.")
                                                              .replace("%1", str(count)).replace("%2", str(target))),
                          on_failed=lambda exc: self._say(str(exc), error=True))

    # -- loading -------------------------------------------------------------------------
    def query(self) -> ChangeQuery:
        view = VIEWS[max(0, self.tabs.currentIndex())]
        return ChangeQuery(view=view, change_type=self.type_combo.currentData(), text=self.search_edit.text(),
                           mine=view == "drafts")

    @Slot()
    def refresh(self, *_args: object) -> None:
        self.runner.start(self.service.list_changes, self.query(), key="list", on_finished=self._on_listed,
                          on_failed=self._on_failed)

    @Slot()
    def _on_filter_changed(self, *_args: object) -> None:
        self.refresh()

    def _on_listed(self, rows: object) -> None:
        assert isinstance(rows, list)
        selected = self.selected()
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 changes").replace("%1", str(len(rows))))
        if selected is not None and self.model.row_of(selected.id) >= 0:
            self.view.selectRow(self.model.row_of(selected.id))
        self._on_selection_changed()

    def selected(self) -> ChangeRow | None:
        """The selected change when exactly one is selected (the single-change actions)."""
        chosen = self.selected_changes()
        return chosen[0] if len(chosen) == 1 else None

    def selected_changes(self) -> list[ChangeRow]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        found = (self.model.row_at(index.row()) for index in sorted(rows, key=lambda i: i.row()))
        return [change for change in found if change is not None]

    def select_change(self, change_id: str) -> bool:
        row = self.model.row_of(change_id)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        change = self.selected()
        if change is None:
            several = self.selected_changes()
            waiting = sum(c.state == "submitted" for c in several)
            self.detail_label.setText(
                self.tr("%1 changes selected, %2 of them submitted: Approve… or Reject… decides those together.")
                .replace("%1", str(len(several))).replace("%2", str(waiting)) if len(several) > 1
                else self.tr("Select a change to see its effects."))
            self.effects_table.show_effects([])
            return
        self.detail_label.setText(self.tr("%1 %2: %3").replace("%1", change.student_number)
                                  .replace("%2", change.student_name).replace("%3", change_type_label(change.change_type)))
        if change.state in ("draft", "submitted"):
            self.runner.start(self.service.preview, change.as_draft(), key="preview",
                              on_finished=self._on_preview_finished, on_failed=self._on_preview_failed)
        else:
            self.effects_table.show_effects([])

    def _on_preview_finished(self, effects: object) -> None:
        assert isinstance(effects, list)
        self.effects_table.show_effects(effects)

    def _on_preview_failed(self, exc: BaseException) -> None:
        self.effects_table.show_effects([])
        self.detail_label.setText(refusal_text(exc))

    def _update_buttons(self) -> None:
        change = self.selected()
        state = change.state if change is not None else None
        several = [c for c in self.selected_changes() if c.state == "submitted"] if change is None else []
        can_submit, can_approve = self.service.can(Step.SUBMIT), self.service.can(Step.APPROVE)
        self.new_button.setEnabled(can_submit)
        self.batch_button.setEnabled(can_submit)
        self.edit_button.setEnabled(can_submit and state == "draft")
        self.submit_button.setEnabled(can_submit and state == "draft")
        self.delete_button.setEnabled(can_submit and state == "draft")
        self.recall_button.setEnabled(can_submit and state == "submitted")
        self.approve_button.setEnabled(can_approve and (state == "submitted" or len(several) > 1))
        self.reject_button.setEnabled(can_approve and (state == "submitted" or len(several) > 1))
        self.timeline_button.setEnabled(change is not None)
        self.approve_button.setVisible(can_approve)
        self.reject_button.setVisible(can_approve)

    # -- actions -------------------------------------------------------------------------
    def _say(self, message: str, *, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1a7f37;")
        self.message.setVisible(bool(message))

    def _keep(self, dialog: QWidget) -> QWidget:
        self.dialogs = [d for d in self.dialogs if d.isVisible()]
        self.dialogs.append(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        return dialog

    @Slot()
    def open_new(self, student_id: str | None = None) -> ChangeDialog:
        dialog = ChangeDialog(self.service, None, self, student_id=student_id or None)
        dialog.sig_saved.connect(self._on_saved)
        self._keep(dialog)
        dialog.open()
        return dialog

    @Slot()
    def _on_edit_clicked(self) -> None:
        change = self.selected()
        if change is not None:
            dialog = ChangeDialog(self.service, change, self)
            dialog.sig_saved.connect(self._on_saved)
            self._keep(dialog)
            dialog.open()

    @Slot()
    def _on_view_double_clicked(self, *_args: object) -> None:
        change = self.selected()
        if change is None:
            return
        if change.state == "draft" and self.edit_button.isEnabled():
            self._on_edit_clicked()
        elif change.state == "submitted" and self.approve_button.isEnabled():
            self.open_decision()
        else:
            self._on_timeline_clicked()

    def _on_saved(self, change_id: str) -> None:
        self._say(self.tr("Saved on this computer; it is sent to the server with the next sync."))
        self._after_write(change_id)

    def _after_write(self, change_id: str) -> None:
        self._pending_select = change_id
        self.runner.start(self.service.list_changes, self.query(), key="list",
                          on_finished=self._on_listed_after_write)

    def _on_listed_after_write(self, rows: object) -> None:
        self._on_listed(rows)
        self.select_change(getattr(self, "_pending_select", ""))

    def _act(self, step: object, done_text: str) -> None:
        change = self.selected()
        if change is None:
            return
        self.runner.start(step, change.id, on_finished=lambda cid: (self._say(done_text), self._after_write(str(cid))),
                          on_failed=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self._say(refusal_text(exc), error=True)

    @Slot()
    def _on_delete_clicked(self) -> None:
        change = self.selected()
        if change is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete draft"),
                          self.tr("Delete the draft %1 of %2?").replace("%1", change_type_label(change.change_type))
                          .replace("%2", f"{change.student_number} {change.student_name}"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("deleteBox")
        box.accepted.connect(lambda: self._act(self.service.delete, self.tr("Draft deleted.")))
        self._keep(box)
        box.open()

    @Slot()
    def open_decision(self) -> ApproveDialog | DecideManyDialog | None:
        change = self.selected()
        if change is None:
            return self.open_decide_many()
        if change.state != "submitted":
            return None
        dialog = ApproveDialog(self.service, change, self)
        dialog.sig_decided.connect(lambda cid: (self._say(self.tr("Decided; the server applies it when it arrives.")),
                                                self._after_write(cid)))
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_decide_many(self) -> DecideManyDialog | None:
        """Decide every selected submitted change (a selection of other states is skipped)."""
        changes = [c for c in self.selected_changes() if c.state == "submitted"]
        if len(changes) < 2:
            return None
        dialog = DecideManyDialog(self.service, changes, self)
        dialog.sig_decided.connect(lambda n: (self._say(self.tr("%1 decided; the server applies them when they "
                                                                "arrive.").replace("%1", str(n))), self.refresh()))
        self._keep(dialog)
        dialog.open()
        return dialog

    @Slot()
    def _on_timeline_clicked(self) -> None:
        change = self.selected()
        if change is not None:
            self.open_timeline(change.student_id)

    def open_timeline(self, student_id: str) -> TimelineDialog:
        dialog = TimelineDialog(self.service, student_id, self)
        dialog.sig_certificates_requested.connect(self.open_certificates)
        self._keep(dialog)
        dialog.open()
        return dialog

    @Slot()
    def open_batch(self) -> BatchDialog:
        session = self.window_.session
        online = self.window_.sync.can_sync()
        dialog = BatchDialog(self.service, self.window_.context.auth.api(session.server), session.token,
                             online=online, parent=self)
        dialog.sig_committed.connect(lambda _b, _n: self.window_.sync.request_soon(0))
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_certificates(self, student_id: str | None = None) -> CertificatesDialog:
        can_issue = "certificates.issue" in self.window_.session.user.permissions
        dialog = CertificatesDialog(self.certificates, self.service, can_issue=can_issue,
                                    student_id=student_id or None, parent=self)
        dialog.sig_issued.connect(lambda _n: self.window_.sync.request_soon())
        self._keep(dialog)
        dialog.open()
        return dialog
