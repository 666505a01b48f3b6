"""Session tokens in the OS keyring (``keyring``); tests install an in-memory backend."""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)
SERVICE = "Jiaowu Client"


def _account(server: str, username: str) -> str:
    return f"{username.strip().lower()}@{server.rstrip('/')}"


def save_token(server: str, username: str, token: str) -> bool:
    """Keep the token; False (logged) when no keyring is available on this desktop."""
    try:
        keyring.set_password(SERVICE, _account(server, username), token)
        return True
    except KeyringError as exc:
        log.warning("no usable keyring, the token is kept in memory only: %s", exc)
        return False


def load_token(server: str, username: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _account(server, username))
    except KeyringError as exc:
        log.warning("keyring not readable: %s", exc)
        return None


def delete_token(server: str, username: str) -> None:
    with contextlib.suppress(KeyringError):  # nothing stored, or no keyring: nothing is left
        keyring.delete_password(SERVICE, _account(server, username))
