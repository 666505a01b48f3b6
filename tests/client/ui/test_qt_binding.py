"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 dropped a reference to ``None`` on every call of a method returning nothing;
on Python 3.11 the interpreter aborted ("deallocating None") after a few thousand calls, i.e.
within minutes of real use. pyproject.toml keeps that release out; this test fails (or
crashes) on any binding with the same bug.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_methods_do_not_consume_references_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("教务")
        painter.drawLine(0, 0, 8, 8)
    after = sys.getrefcount(None)
    painter.end()
    assert abs(after - before) < 100, f"None lost {before - after} references in 4,000 void calls"
