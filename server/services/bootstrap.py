"""Open a server database from settings outside a web request (CLI, demo, jobs)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from server.db.engine import create_db_engine, make_sessions
from server.db.migrate import upgrade
from server.services.roles import ensure_builtin_roles
from server.settings import Settings


def open_database(settings: Settings, *, migrate: bool = True) -> sessionmaker[Session]:
    engine = create_db_engine(settings.effective_database_url)
    if migrate:
        upgrade(engine)
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        ensure_builtin_roles(session)
    return sessions
