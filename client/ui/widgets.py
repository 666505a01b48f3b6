"""Small reusable widgets: a field with its error line, a busy bar with Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b3261e;"


class FieldError(QLabel):
    """The red line under a form field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def with_error(field: QWidget, error: FieldError) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class BusyBar(QWidget):
    """An indeterminate (or counting) progress bar with a Cancel button."""

    sig_cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.sig_cancel_requested)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self.hide()

    def set_busy(self, busy: bool) -> None:
        self.bar.setRange(0, 0)
        self.setVisible(busy)

    def set_progress(self, done: int, total: int) -> None:
        if total > 1:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
