"""Server-side bookkeeping of the sync protocol (DESIGN §5): the commit-ordered counter and
the record of applied client operations that makes retries exactly-once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, IdStr, utcnow


class SyncCounter(Base):
    """Named counters; ``server_seq`` is taken under this row's lock inside the writing
    transaction, so sequence numbers become visible in commit order."""

    __tablename__ = "sync_counter"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AppliedOp(Base):
    """The server's answer to one client operation, replayed when the op arrives again."""

    __tablename__ = "applied_op"
    client_id: Mapped[str] = mapped_column(IdStr, primary_key=True)
    op_id: Mapped[str] = mapped_column(IdStr, primary_key=True)
    user_id: Mapped[str | None] = mapped_column(IdStr)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    result: Mapped[str] = mapped_column(Text)  # JSON of the op result
