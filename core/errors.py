"""Domain errors shared by server and client.

One root, :class:`DomainError`, with narrow subclasses. Each carries a stable ``code`` (for
programs), a human ``message`` (for people) and ``details`` (field errors, ids). The server
maps each class to an HTTP status in exactly one place (``server/api/errors.py``); the
client maps them to dialogs in exactly one place (``client/ui/errors.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldError:
    """One invalid field: where (``field``, optional ``row``), and why."""

    field: str
    message: str
    row: int | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "message": self.message}
        if self.row is not None:
            out["row"] = self.row
        return out


@dataclass
class DomainError(Exception):
    """Base of every business-rule error."""

    message: str
    details: dict[str, Any] = field(default_factory=dict)
    code: str = "domain_error"

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


@dataclass
class NotFoundError(DomainError):
    code: str = "not_found"


@dataclass
class PermissionDeniedError(DomainError):
    code: str = "permission_denied"


@dataclass
class ConflictError(DomainError):
    code: str = "conflict"


@dataclass
class InvalidInputError(DomainError):
    """Input that breaks a value rule; ``details["fields"]`` lists each bad field."""

    code: str = "invalid_input"

    @classmethod
    def of(cls, *errors: FieldError, message: str | None = None) -> InvalidInputError:
        text = message or "; ".join(f"{e.field}: {e.message}" for e in errors)
        return cls(text, {"fields": [e.as_dict() for e in errors]})

    @classmethod
    def field(cls, name: str, message: str) -> InvalidInputError:
        return cls.of(FieldError(name, message))


@dataclass
class AuthenticationError(DomainError):
    """Wrong credentials or a missing, expired or revoked token."""

    code: str = "not_authenticated"


@dataclass
class AccountLockedError(DomainError):
    code: str = "account_locked"


@dataclass
class AccountDisabledError(DomainError):
    code: str = "account_disabled"


@dataclass
class ThrottledError(DomainError):
    code: str = "too_many_attempts"


@dataclass
class ClientTooOldError(DomainError):
    code: str = "client_too_old"
