"""A student's status history as a vertical timeline: one entry per change, oldest first."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from client.services.status_changes import ChangeRow, StatusChangeService, StudentHit
from client.ui.status_changes.common import (
    STATE_COLOURS,
    change_type_label,
    iso_day,
    iso_minute,
    state_label,
    status_label,
)
from client.ui.workers import TaskRunner, local_pool

RAIL_WIDTH = 28


class _Rail(QWidget):
    """The line and the dot of one entry; the dot in the colour of the change's state."""

    def __init__(self, colour: str, first: bool, last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour, self.first, self.last = QColor(colour), first, last
        self.setFixedWidth(RAIL_WIDTH)

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x, y = self.width() / 2, 14.0
        painter.setPen(QPen(QColor("#d0d7de"), 2))
        painter.drawLine(QPointF(x, 0 if not self.first else y), QPointF(x, self.height() if not self.last else y))
        painter.setPen(QPen(self.colour, 2))
        painter.setBrush(self.colour)
        painter.drawEllipse(QPointF(x, y), 6, 6)
        painter.end()


class TimelineEntry(QWidget):
    def __init__(self, change: ChangeRow, first: bool, last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.change = change
        title = QLabel(f"<b>{change_type_label(change.change_type)}</b> · "
                       f"<span style='color:{STATE_COLOURS.get(change.state, '#000')}'>{state_label(change.state)}</span>"
                       f"  <span style='color:#57606a'>{iso_day(change.effective_date) or iso_minute(change.when)}</span>")
        lines = []
        if change.from_status and change.to_status and change.state == "applied":
            lines.append(f"{status_label(change.from_status)} → {status_label(change.to_status)}"
                         + (f" · {change.to_class_label}" if change.to_class_label else ""))
        elif change.to_class_label:
            lines.append(self.tr("Target class: %1").replace("%1", change.to_class_label))
        lines.append(self.tr("Reason: %1").replace("%1", change.reason))
        if change.document_number:
            lines.append(self.tr("Document no.: %1").replace("%1", change.document_number))
        if change.decision_reason:
            lines.append(self.tr("Opinion: %1").replace("%1", change.decision_reason))
        if change.unsent:
            lines.append(self.tr("Saved on this computer; not yet accepted by the server."))
        body = QLabel("<br>".join(_escape(line) for line in lines))
        body.setWordWrap(True)
        body.setStyleSheet("color: #24292f;")
        column = QVBoxLayout()
        column.setContentsMargins(0, 4, 0, 14)
        column.addWidget(title)
        column.addWidget(body)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(_Rail(STATE_COLOURS.get(change.state, "#57606a"), first, last))
        row.addLayout(column, 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TimelineDialog(QDialog):
    sig_certificates_requested = Signal(str)  # the student id

    def __init__(self, service: StatusChangeService, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineDialog")
        self.service, self.student_id = service, student_id
        self.runner = TaskRunner(self, pool=local_pool())
        self.entries: list[TimelineEntry] = []
        self.setWindowTitle(self.tr("Status history"))
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.empty_label = QLabel(self.tr("No status changes yet."))
        self.empty_label.hide()
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list_widget)
        self.certificates_button = QPushButton(self.tr("Cards and certificates…"))
        self.certificates_button.setObjectName("timelineCertificates")
        self.certificates_button.clicked.connect(lambda: self.sig_certificates_requested.emit(self.student_id))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.certificates_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.empty_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)
        self.refresh()

    def refresh(self) -> None:
        self.runner.start(self.service.student, self.student_id, on_finished=self._on_student_loaded)
        self.runner.start(self.service.timeline, self.student_id, on_finished=self._on_timeline_loaded)

    def _on_student_loaded(self, student: object) -> None:
        assert isinstance(student, StudentHit)
        self.header.setText(f"{student.number} {student.name} · {student.class_label} · {status_label(student.status)}")

    def _on_timeline_loaded(self, rows: object) -> None:
        assert isinstance(rows, list)
        for entry in self.entries:
            entry.deleteLater()
        self.entries = [TimelineEntry(row, i == 0, i == len(rows) - 1) for i, row in enumerate(rows)]
        for i, entry in enumerate(self.entries):
            self.list_layout.insertWidget(i, entry)
        self.empty_label.setVisible(not rows)
