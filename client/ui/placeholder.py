"""The page of a module that later issues build."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderPage")
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        text = QLabel(self.tr("This module is not available in this version yet. It will arrive with a "
                              "later update of the client; your data is already kept on the server."))
        text.setWordWrap(True)
        text.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(1)
        for label in (heading, text):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft)
