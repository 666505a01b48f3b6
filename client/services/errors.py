"""The client's error family: one root with a ``kind`` the UI uses to choose its message.

Every failure of a server call leaves :mod:`client.services.api` as a :class:`ClientError`,
so widgets never see httpx exceptions (STYLE §5, tuf's ``fetch()``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class ErrorKind(StrEnum):
    WRONG_CREDENTIALS = "wrong_credentials"
    NOT_AUTHENTICATED = "not_authenticated"  # token missing, expired or revoked
    LOCKED = "locked"
    DISABLED = "disabled"
    THROTTLED = "throttled"
    UNREACHABLE = "unreachable"
    CLIENT_TOO_OLD = "client_too_old"
    SERVER_TOO_OLD = "server_too_old"
    VALIDATION = "validation"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    STUDENT_ACCOUNT = "student_account"  # students use the web portal, not this client
    OFFLINE_UNKNOWN = "offline_unknown"  # offline login for a user never seen here
    CANCELLED = "cancelled"
    SERVER = "server"


@dataclass
class ClientError(Exception):
    """A failure the UI knows how to explain; ``message`` is the server's bilingual text if any."""

    kind: ErrorKind
    message: str = ""
    status_code: int | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.message or self.kind.value)

    def __str__(self) -> str:
        return self.message or self.kind.value

    @property
    def field_errors(self) -> dict[str, str]:
        """``{field: message}`` of a validation error (422 ``details.fields``)."""
        out: dict[str, str] = {}
        for item in self.details.get("fields", []) or []:
            name = str(item.get("field", ""))
            out[name] = f"{out[name]}; {item.get('message', '')}" if name in out else str(item.get("message", ""))
        return out

    @property
    def locked_until(self) -> datetime | None:
        raw = self.details.get("locked_until")
        try:
            return datetime.fromisoformat(str(raw)) if raw else None
        except ValueError:
            return None


class CancelledError(ClientError):
    def __init__(self) -> None:
        super().__init__(ErrorKind.CANCELLED)
