"""What every window of one running client shares."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from client.services.auth import AuthService
from client.services.status import ClientStatus
from client.ui.settings import AppSettings


@dataclass
class AppContext:
    settings: AppSettings
    auth: AuthService
    status: ClientStatus
    data_dir: Path
    language: str
    heartbeat_ms: int = 15_000
