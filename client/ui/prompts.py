"""Blocking questions to the user, in one place so tests can answer them."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filter_text: str) -> str | None:
    path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    return path or None
