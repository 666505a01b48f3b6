"""Tables of the local store that belong to the client shell (accounts seen on this desktop)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class KnownUser(Base):
    """A user who logged in online on this desktop: what offline login needs.

    ``verifier`` is an argon2 hash of the password (never the password); ``user_json`` is the
    server's last answer about the user (roles, permissions, scope), so an offline session
    shows the same screens as the last online one.
    """

    __tablename__ = "known_user"
    __table_args__ = (UniqueConstraint("server", "username"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    server: Mapped[str] = mapped_column(String(300))
    username: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(String(36))
    verifier: Mapped[str] = mapped_column(Text)
    user_json: Mapped[str] = mapped_column(Text)
    last_online_login_at: Mapped[datetime]


class ClientState(Base):
    """Small key/value facts of this installation (last sync time, client id, ...)."""

    __tablename__ = "client_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
