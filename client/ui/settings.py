"""Client settings in QSettings (organisation "Jiaowu", application "Jiaowu Client")."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Jiaowu"
APPLICATION = "Jiaowu Client"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
DEFAULT_SERVER = "http://127.0.0.1:8765"
DEFAULT_UPDATE_HOURS = 24
DEFAULT_SYNC_MINUTES = 1


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("jiaowu-client", ORGANISATION))


class AppSettings:
    """Typed access to the stored settings; every read has a sensible default."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)

    def _str(self, key: str, default: str) -> str:
        value = self._s.value(key, default)
        return str(value) if value is not None else default

    @property
    def server(self) -> str:
        return self._str("server/address", DEFAULT_SERVER)

    @server.setter
    def server(self, value: str) -> None:
        self._s.setValue("server/address", value)

    @property
    def language(self) -> str:
        value = self._str("ui/language", DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else DEFAULT_LANGUAGE)

    @property
    def update_check_hours(self) -> int:
        try:
            return max(1, min(168, int(self._str("updates/check_hours", str(DEFAULT_UPDATE_HOURS)))))
        except ValueError:
            return DEFAULT_UPDATE_HOURS

    @update_check_hours.setter
    def update_check_hours(self, value: int) -> None:
        self._s.setValue("updates/check_hours", int(value))

    @property
    def sync_minutes(self) -> int:
        """How often the client syncs by itself while online (it also syncs on reconnection
        and a few seconds after each local change)."""
        try:
            return max(1, min(60, int(self._str("sync/minutes", str(DEFAULT_SYNC_MINUTES)))))
        except ValueError:
            return DEFAULT_SYNC_MINUTES

    @sync_minutes.setter
    def sync_minutes(self, value: int) -> None:
        self._s.setValue("sync/minutes", int(value))

    @property
    def remembered_username(self) -> str:
        return self._str("login/username", "")

    @remembered_username.setter
    def remembered_username(self, value: str) -> None:
        self._s.setValue("login/username", value)

    @property
    def remember_me(self) -> bool:
        return self._str("login/remember", "true").lower() == "true"

    @remember_me.setter
    def remember_me(self, value: bool) -> None:
        self._s.setValue("login/remember", "true" if value else "false")

    @property
    def data_dir(self) -> Path:
        return Path(self._str("storage/data_dir", str(default_data_dir())))

    @data_dir.setter
    def data_dir(self, value: Path) -> None:
        self._s.setValue("storage/data_dir", str(value))

    def geometry(self, name: str) -> QByteArray | None:
        value = self._s.value(f"windows/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"windows/{name}", value)

    def sync(self) -> None:
        self._s.sync()
