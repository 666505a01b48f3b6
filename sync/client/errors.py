"""The one error family of the sync client; ``kind`` tells the UI what to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SyncErrorKind(StrEnum):
    AUTH = "auth"  # log in again
    CONFLICT = "conflict"  # see the conflict list
    REJECTED = "rejected"  # the server refused the request as a whole
    NETWORK = "network"  # go offline, retry later
    CLIENT_TOO_OLD = "client_too_old"  # update first


@dataclass
class SyncError(Exception):
    kind: SyncErrorKind
    message: str
    status_code: int | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class SyncCancelledError(Exception):
    """The user cancelled; everything done so far is kept (each page is its own transaction)."""
