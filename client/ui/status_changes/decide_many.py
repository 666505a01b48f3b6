"""Decide several submitted changes at once: the registrar's morning list of suspensions and
withdrawals, approved (with one opinion) or rejected (with one reason) in one go.

Each change is checked by the same rules as a decision taken on its own; one the rules refuse
(a resumption whose class is still to be chosen, a change decided meanwhile) is listed with its
reason and the others go ahead. The work runs on the local-store thread with a progress bar
and Cancel; what was decided before a cancel stays decided.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.services.status_changes import ChangeRow, DecisionReport, StatusChangeService
from client.ui.status_changes.common import change_type_label, refusal_text
from client.ui.widgets import ERROR_STYLE, BusyBar
from client.ui.workers import TaskRunner, local_pool
from core.rules.student_status import NEEDS_CLASS, StatusChangeType


class DecideManyDialog(QDialog):
    sig_decided = Signal(int)  # how many were decided

    def __init__(self, service: StatusChangeService, changes: Sequence[ChangeRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decideManyDialog")
        self.service, self.changes = service, list(changes)
        self.runner = TaskRunner(self, pool=local_pool())
        self.report: DecisionReport | None = None
        self.setWindowTitle(self.tr("Decide %1 status changes").replace("%1", str(len(self.changes))))
        self._build()
        self.resize(720, 520)
        self.approve_button.clicked.connect(lambda: self._decide(approve=True))
        self.reject_button.clicked.connect(lambda: self._decide(approve=False))
        self.buttons.rejected.connect(self.reject)
        self.busy_bar.sig_cancel_requested.connect(self._on_cancel_requested)
        self._worker: object | None = None

    def _build(self) -> None:
        kinds = Counter(change_type_label(c.change_type) for c in self.changes)
        summary = QLabel(self.tr("%1 changes: %2").replace("%1", str(len(self.changes)))
                         .replace("%2", ", ".join(f"{name} {n}" for name, n in kinds.most_common())))
        summary.setObjectName("decideManySummary")
        summary.setWordWrap(True)
        self.table = QTableWidget(len(self.changes), 4)
        self.table.setObjectName("decideManyTable")
        self.table.setHorizontalHeaderLabels([self.tr("Student no."), self.tr("Name"), self.tr("Change type"),
                                              self.tr("Class")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, change in enumerate(self.changes):
            for column, text in enumerate((change.student_number, change.student_name,
                                           change_type_label(change.change_type), change.class_label)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        need_class = [c for c in self.changes
                      if StatusChangeType(c.change_type) in NEEDS_CLASS and not c.to_class_id]
        self.hint = QLabel(self.tr("%1 of them need a class chosen at approval: approve those one by one "
                                   "(rejecting them together is possible).").replace("%1", str(len(need_class))))
        self.hint.setObjectName("decideManyHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #9a6700;")
        self.hint.setVisible(bool(need_class))
        form = QFormLayout()
        self.opinion_edit = QLineEdit()
        self.opinion_edit.setObjectName("decideManyOpinion")
        self.opinion_edit.setPlaceholderText(self.tr("Opinion (optional when approving, required to reject)"))
        form.addRow(self.tr("Opinion"), self.opinion_edit)
        self.busy_bar = BusyBar()
        self.result = QLabel()
        self.result.setObjectName("decideManyResult")
        self.result.setWordWrap(True)
        self.result.hide()
        self.buttons = QDialogButtonBox()
        self.approve_button = QPushButton(self.tr("Approve all"))
        self.approve_button.setObjectName("approveAllButton")
        self.reject_button = QPushButton(self.tr("Reject all"))
        self.reject_button.setObjectName("rejectAllButton")
        self.buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)

    def _decide(self, *, approve: bool) -> None:
        if not approve and not self.opinion_edit.text().strip():
            self._show(self.tr("Write the reason for the rejection in Opinion."), error=True)
            self.opinion_edit.setFocus()
            return
        self._busy(True)
        self.busy_bar.set_progress(0, len(self.changes))
        self._worker = self.runner.start(self.service.decide_many, [c.id for c in self.changes], approve=approve,
                          opinion=self.opinion_edit.text(), on_progress=self.busy_bar.set_progress,
                          on_finished=self._on_finished, on_failed=self._on_failed)

    @Slot()
    def _on_cancel_requested(self) -> None:
        """Stop before the next change; the report of what was decided still arrives."""
        worker = self._worker
        if worker is not None:
            worker.cancel.set()  # type: ignore[attr-defined]

    def _busy(self, busy: bool) -> None:
        self.busy_bar.set_busy(busy)
        self.approve_button.setEnabled(not busy)
        self.reject_button.setEnabled(not busy)
        self.opinion_edit.setEnabled(not busy)

    @Slot(object)
    def _on_finished(self, report: object) -> None:
        assert isinstance(report, DecisionReport)
        self.report = report
        self._busy(False)
        by_id = {c.id: c for c in self.changes}
        lines = [self.tr("%1 decided; the server applies them when they arrive.").replace("%1", str(len(report.decided)))]
        if report.cancelled:
            lines.append(self.tr("Cancelled: the others are still waiting for a decision."))
        if report.refused:
            lines.append(self.tr("%1 not decided:").replace("%1", str(len(report.refused))))
            lines += [f"· {by_id[cid].student_number} {by_id[cid].student_name}"
                      f" ({change_type_label(by_id[cid].change_type)}): {reason}" for cid, reason in report.refused]
        self._show("\n".join(lines), error=bool(report.refused) or report.cancelled)
        decided = set(report.decided)
        self.changes = [c for c in self.changes if c.id not in decided]  # what is left to decide
        self.approve_button.setEnabled(bool(self.changes))
        self.reject_button.setEnabled(bool(self.changes))
        if report.decided:
            self.sig_decided.emit(len(report.decided))

    def _on_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._show(refusal_text(exc), error=True)

    def _show(self, text: str, *, error: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(ERROR_STYLE if error else "color: #1a7f37;")
        self.result.show()
