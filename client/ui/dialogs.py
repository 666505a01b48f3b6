"""The About and Settings dialogs."""

from __future__ import annotations

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from client.services.session import normalise_server
from client.ui.settings import AppSettings
from client.ui.widgets import FieldError, with_error
from core.version import PROTOCOL_VERSION, SCHEMA_VERSION, __version__


class AboutDialog(QDialog):
    def __init__(self, server: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Jiaowu"))
        title = QLabel(self.tr("Jiaowu Academic Administration"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        text = QLabel(self.tr("Desktop client version %1\nProtocol %2, schema %3\nQt %4\nServer: %5")
                      .replace("%1", __version__).replace("%2", str(PROTOCOL_VERSION))
                      .replace("%3", str(SCHEMA_VERSION)).replace("%4", qVersion())
                      .replace("%5", server or "—"))
        text.setObjectName("aboutText")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(buttons)


class SettingsDialog(QDialog):
    """Edits the stored settings; a language change applies at the next start."""

    def __init__(self, settings: AppSettings, data_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.server_edit = QLineEdit(settings.server)
        self.server_error = FieldError()
        self.language_combo = QComboBox()
        self.language_combo.addItem("中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.update_spin = QSpinBox()
        self.update_spin.setRange(1, 168)
        self.update_spin.setSuffix(self.tr(" hours"))
        self.update_spin.setValue(settings.update_check_hours)
        self.sync_spin = QSpinBox()
        self.sync_spin.setRange(1, 60)
        self.sync_spin.setSuffix(self.tr(" minutes"))
        self.sync_spin.setValue(settings.sync_minutes)
        self.data_edit = QLineEdit(data_dir)
        self.data_edit.setReadOnly(True)
        note = QLabel(self.tr("A new language applies the next time the client starts."))
        note.setStyleSheet("color: #5f6368;")
        form = QFormLayout()
        form.addRow(self.tr("Server address"), with_error(self.server_edit, self.server_error))
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Check for updates every"), self.update_spin)
        form.addRow(self.tr("Sync with the server every"), self.sync_spin)
        form.addRow(self.tr("Data folder"), self.data_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.data_edit.setCursorPosition(0)

    def _on_buttons_accepted(self) -> None:
        address = normalise_server(self.server_edit.text())
        if not address.startswith(("http://", "https://")) or address.count("://") != 1:
            self.server_error.show_message(self.tr("Enter an address like http://jiaowu.example.edu.cn:8765"))
            return
        self._settings.server = address
        self._settings.language = str(self.language_combo.currentData())
        self._settings.update_check_hours = self.update_spin.value()
        self._settings.sync_minutes = self.sync_spin.value()
        self._settings.sync()
        self.accept()
