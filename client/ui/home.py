"""The overview page: who is logged in, with which scope, and the modules they can open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from client.services.modules import Module
from client.services.session import AuthSession
from client.ui.labels import module_name, role_name, scope_name

_CARD = ("QPushButton { text-align: left; padding: 14px 16px; border: 1px solid #dadce0; border-radius: 6px;"
         " background: #ffffff; font-size: 14px; } QPushButton:hover { border-color: #1a73e8; }")


class HomePage(QWidget):
    """Emits ``sig_module_requested(key)`` when a module card is clicked."""

    sig_module_requested = Signal(str)

    def __init__(self, session: AuthSession, modules: list[Module], server_shown: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.session = session
        user = session.user
        greeting = QLabel(self.tr("Welcome, %1").replace("%1", user.display_name or user.username))
        greeting.setStyleSheet("font-size: 22px; font-weight: 600;")
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #dadce0;")
        heading = QLabel(self.tr("Your modules"))
        heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)
        layout.addWidget(greeting)
        layout.addLayout(self._build_facts(server_shown))
        layout.addWidget(line)
        layout.addWidget(heading)
        layout.addLayout(self._build_cards(modules))
        layout.addStretch(1)

    def _build_facts(self, server_shown: str) -> QGridLayout:
        session, user = self.session, self.session.user
        facts = QGridLayout()
        rows = ((self.tr("Roles"), "、".join(role_name(r) for r in user.roles)),
                (self.tr("Data scope"), scope_name(user.scope)),
                (self.tr("Server"), server_shown or session.server),
                (self.tr("Connection"), self.tr("online") if session.online else self.tr("offline — changes are kept on this computer")))
        for row, (name, value) in enumerate(rows):
            caption = QLabel(name)
            caption.setStyleSheet("color: #5f6368;")
            facts.addWidget(caption, row, 0)
            facts.addWidget(QLabel(value), row, 1)
        facts.setColumnStretch(1, 1)
        return facts

    def _build_cards(self, modules: list[Module]) -> QGridLayout:
        cards = QGridLayout()
        cards.setSpacing(12)
        for index, module in enumerate(m for m in modules if m.key != "home"):
            state = self.tr("Available") if module.built else self.tr("Coming in a later version")
            card = QPushButton(f"{module_name(module.key)}\n{state}")
            card.setObjectName(f"card_{module.key}")
            card.setStyleSheet(_CARD + ("" if module.built else " QPushButton { color: #5f6368; }"))
            card.setMinimumHeight(64)
            card.clicked.connect(lambda _c=False, key=module.key: self.sig_module_requested.emit(key))
            cards.addWidget(card, index // 3, index % 3)
        return cards
