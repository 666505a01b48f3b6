"""Store functions for :class:`KnownUser` (keyword-only, a session passed in)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from client.store.models import ClientState, KnownUser


def _key(server: str, username: str) -> tuple[str, str]:
    return server.rstrip("/"), username.strip().lower()


def get_known_user(*, session: Session, server: str, username: str) -> KnownUser | None:
    srv, name = _key(server, username)
    return session.scalar(select(KnownUser).where(KnownUser.server == srv, KnownUser.username == name))


def save_known_user(*, session: Session, server: str, username: str, user_id: str, verifier: str,
                    user_json: str, at: datetime) -> KnownUser:
    """Insert or update the record of a successful online login."""
    row = get_known_user(session=session, server=server, username=username)
    if row is None:
        srv, name = _key(server, username)
        row = KnownUser(server=srv, username=name, user_id=user_id, verifier=verifier,
                        user_json=user_json, last_online_login_at=at)
        session.add(row)
    else:
        row.user_id, row.verifier, row.user_json, row.last_online_login_at = user_id, verifier, user_json, at
    session.flush()
    return row


def update_user_json(*, session: Session, server: str, username: str, user_json: str) -> None:
    row = get_known_user(session=session, server=server, username=username)
    if row is not None:
        row.user_json = user_json


def forget_known_user(*, session: Session, server: str, username: str) -> None:
    srv, name = _key(server, username)
    session.execute(delete(KnownUser).where(KnownUser.server == srv, KnownUser.username == name))


def get_state(*, session: Session, key: str) -> str | None:
    row = session.get(ClientState, key)
    return None if row is None else row.value


def set_state(*, session: Session, key: str, value: str) -> None:
    row = session.get(ClientState, key)
    if row is None:
        session.add(ClientState(key=key, value=value))
    else:
        row.value = value
