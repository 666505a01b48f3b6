"""Who is logged in (a light module: the login window imports it before the heavy services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from client.services.dto import UserRow


@dataclass(frozen=True)
class AuthSession:
    """Who is logged in, against which server, and whether the server has confirmed it."""

    server: str
    user: UserRow
    online: bool
    token: str | None = None
    logged_in_at: datetime | None = None


def normalise_server(address: str) -> str:
    """``host:port`` → ``http://host:port``; no trailing slash."""
    text = address.strip().rstrip("/")
    if text and "://" not in text:
        text = "http://" + text
    return text
