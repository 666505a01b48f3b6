"""Loading the interface language: our catalogue plus Qt's own (dialog buttons)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parents[2] / "assets" / "i18n"
_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, language: str) -> bool:
    """Replace the installed translators with ``language``'s; True when ours was found."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English if language == "en" else QLocale.Language.Chinese,
                               QLocale.Country.UnitedStates if language == "en" else QLocale.Country.China))
    ours = QTranslator(app)
    found = ours.load(str(I18N_DIR / f"jiaowu_{language}.qm"))
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return found
