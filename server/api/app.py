"""The application factory."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.middleware.base import RequestResponseEndpoint

from core.version import __version__
from server.api.errors import error_body, register_error_handlers
from server.api.routes import audit, auth, health, roles, sync, users
from server.api.versions import is_older
from server.db.engine import create_db_engine, make_sessions
from server.db.migrate import is_up_to_date, upgrade
from server.services.roles import ensure_builtin_roles
from server.settings import Settings, get_settings
from sync.server.router import refuse_oversized_push

log = logging.getLogger(__name__)


class MigrationsPendingError(RuntimeError):
    """The database schema is older than this server and automatic migration is off."""


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the web service: database, migrations, built-in roles, routes, error mapping."""
    settings = settings or get_settings()
    engine = create_db_engine(settings.effective_database_url, echo=settings.sql_echo)
    if not is_up_to_date(engine):
        if not settings.auto_migrate:
            raise MigrationsPendingError(
                "数据库结构需要升级：请运行 `jiaowu db upgrade` (the database schema is behind this "
                "server; run `jiaowu db upgrade`, or set JIAOWU_AUTO_MIGRATE=true)"
            )
        log.info("applying database migrations")
        upgrade(engine)
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        ensure_builtin_roles(session)
    settings.effective_secret()  # create the development secret now, not in a request

    app = FastAPI(title="Jiaowu 教务", version=__version__)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = sessions
    register_error_handlers(app)
    app.middleware("http")(_version_gate)
    app.middleware("http")(refuse_oversized_push)
    for module in (health, auth, users, roles, audit, sync):
        app.include_router(module.router)
    return app


async def _version_gate(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """DESIGN §5: a desktop client below the minimum version gets 426 with where to update."""
    settings: Settings = request.app.state.settings
    version = request.headers.get("x-client-version")
    minimum = settings.min_client_version
    if version and minimum and not request.url.path.startswith(("/updates", "/health")) and is_older(version, minimum):
        body = error_body(
            "client_too_old",
            f"客户端版本 {version} 过旧，请升级到 {minimum} 或更高版本 (client {version} is older than the required {minimum})",
            {"current": version, "required": minimum, "update_url": "/updates/"},
        )
        return JSONResponse(body, status_code=426)
    return await call_next(request)
