"""The application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import RequestResponseEndpoint

from core.version import __version__
from server.api.errors import error_body, register_error_handlers
from server.api.routes import (
    aid,
    audit,
    auth,
    certificates,
    dorms,
    health,
    roles,
    status_changes,
    sync,
    users,
)
from server.db.engine import WRITE_INTENT, create_db_engine, make_sessions
from server.db.migrate import is_up_to_date, upgrade
from server.services.roles import ensure_builtin_roles
from server.services.sync_pull import database_epoch
from server.services.updates import TimestampJob, VersionPolicy
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
        database_epoch(session)
    settings.effective_secret()  # create the development secret now, not in a request

    updates_dir = settings.effective_updates_dir
    updates_dir.mkdir(parents=True, exist_ok=True)
    job = None
    if settings.timestamp_key is not None:
        job = TimestampJob(updates_dir, settings.timestamp_key, settings.snapshot_key,
                           settings.resign_interval_minutes * 60)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if job is not None:
            job.start()
        yield
        if job is not None:
            job.stop()

    app = FastAPI(title="Jiaowu 教务", version=__version__, lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine
    app.state.write_engine = engine.execution_options(**WRITE_INTENT)  # same pool, BEGIN IMMEDIATE on SQLite
    app.state.sessions = sessions
    app.state.version_policy = VersionPolicy(updates_dir, settings.min_client_version, settings.update_trusted_root)
    # The signed update repository: public, and outside the version gate, so an outdated
    # client can always fetch the release that lets it in again.
    app.mount("/updates", StaticFiles(directory=updates_dir, check_dir=False), name="updates")
    register_error_handlers(app)
    app.middleware("http")(_version_gate)
    app.middleware("http")(refuse_oversized_push)
    for module in (health, auth, users, roles, audit, sync):
        app.include_router(module.router)
    for module in (status_changes, certificates):
        app.include_router(module.router)
    for module in (aid, dorms):
        app.include_router(module.router)
    return app


async def _version_gate(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """DESIGN §5: a desktop client below the minimum version gets 426 with where to update.

    Requests without ``X-Client-Version`` (browsers: the student portal) are not desktop
    clients and pass; ``/updates`` and ``/health`` are never gated.
    """
    version = request.headers.get("x-client-version")
    if not version or request.url.path.startswith(("/updates", "/health")):
        return await call_next(request)
    policy: VersionPolicy = request.app.state.version_policy
    too_old, minimum = policy.is_too_old(version)
    if too_old:
        body = error_body(
            "client_too_old",
            f"客户端版本 {version} 过旧，请升级到 {minimum} 或更高版本 (client {version} is older than the required {minimum})",
            {"current": version, "required": minimum, "update_url": "/updates/"},
        )
        return JSONResponse(body, status_code=426)
    return await call_next(request)
