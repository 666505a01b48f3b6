"""``jiaowu server``, ``jiaowu db``, ``jiaowu admin`` and ``jiaowu demo``."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

DEFAULT_PORT = 8765


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("server", help="start the web service (zero configuration: SQLite under the data dir)",
                              description="Start the Jiaowu web service. DATABASE_URL switches to PostgreSQL.")
    _common(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--no-migrate", action="store_true", help="refuse to start if migrations are pending instead of applying them")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1; use about one per core)")
    p.set_defaults(handler=_server)

    db = subparsers.add_parser("db", help="database maintenance", description="Database maintenance.")
    db_sub = db.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    up = db_sub.add_parser("upgrade", help="apply pending schema migrations", description="Apply pending Alembic migrations.")
    _common(up)
    up.set_defaults(handler=_db_upgrade)

    epoch = db_sub.add_parser("new-epoch", help="after restoring a backup: make every client resync safely",
                              description="Start a new database epoch; clients push unsent work, then resync.")
    _common(epoch)
    epoch.set_defaults(handler=_db_new_epoch)
    purge = db_sub.add_parser("purge-tombstones", help="delete deleted rows older than N days",
                              description="Delete tombstones older than --days; older client cursors must resync.")
    _common(purge)
    purge.add_argument("--days", type=int, default=180, help="keep tombstones this many days (default 180)")
    purge.set_defaults(handler=_db_purge)

    admin = subparsers.add_parser("admin", help="administration from the command line", description="Administration tasks.")
    admin_sub = admin.add_subparsers(dest="admin_command", metavar="COMMAND", required=True)
    cu = admin_sub.add_parser("create-user", help="create a user account", description="Create a user with one role.")
    _common(cu)
    cu.add_argument("--username", required=True)
    cu.add_argument("--password", required=True)
    cu.add_argument("--role", required=True, help="role code: admin, registrar, dept_staff, teacher, student or a custom one")
    cu.add_argument("--display-name", default=None, help="shown name (default: the username)")
    cu.add_argument("--department-id", default=None)
    cu.add_argument("--teacher-id", default=None)
    cu.add_argument("--student-id", default=None)
    cu.set_defaults(handler=_create_user)

    demo = subparsers.add_parser("demo", help="seed the demo university, start the server and open the client",
                                 description="Seed a demo university (deterministic per seed), serve it and open the client.")
    _common(demo)
    demo.add_argument("--seed", type=int, default=1, help="random seed of the generator (default 1)")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=DEFAULT_PORT)
    demo.add_argument("--no-client", action="store_true", help="only seed and serve")
    demo.add_argument("--reset", action="store_true", help="delete an existing demo database first")
    demo.add_argument("--seed-only", action="store_true", help="seed and exit without serving")
    demo.set_defaults(handler=_demo)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="data directory (default: the platform's user data dir; env JIAOWU_DATA_DIR)")


def _settings(args: argparse.Namespace, **overrides: Any) -> Any:
    from server.settings import Settings

    values: dict[str, Any] = dict(overrides)
    if getattr(args, "data_dir", None) is not None:
        values["data_dir"] = args.data_dir.resolve()
    try:
        return Settings(**values)
    except ValueError as exc:
        raise SystemExit(f"jiaowu: configuration error: {exc}") from None


def _server(args: argparse.Namespace) -> int:
    import uvicorn

    from server.api.app import MigrationsPendingError, create_app

    settings = _settings(args, **({"auto_migrate": False} if args.no_migrate else {}))
    try:
        app = create_app(settings)  # migrations, built-in roles and the epoch, once, before any worker
    except MigrationsPendingError as exc:
        print(f"jiaowu: {exc}", file=sys.stderr)
        return 2
    print(f"Jiaowu server on http://{args.host}:{args.port}  database: {_safe_url(settings.effective_database_url)}")
    workers = getattr(args, "workers", 1)
    if workers > 1:
        app.state.engine.dispose()
        os.environ["JIAOWU_DATA_DIR"] = str(settings.data_dir)
        uvicorn.run("server.api.main:create", factory=True, workers=workers, host=args.host, port=args.port,
                    log_level="warning")
    else:
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    from server.db.engine import create_db_engine
    from server.db.migrate import current_revision, upgrade

    settings = _settings(args)
    engine = create_db_engine(settings.effective_database_url)
    before = current_revision(engine)
    upgrade(engine)
    print(f"database {_safe_url(settings.effective_database_url)}: {before or 'empty'} -> {current_revision(engine)}")
    return 0


def _db_new_epoch(args: argparse.Namespace) -> int:
    from server.services.bootstrap import open_database
    from server.services.sync_admin import new_epoch

    with open_database(_settings(args)).begin() as session:
        print(f"new database epoch {new_epoch(session)}: clients will push their unsent work, then resync")
    return 0


def _db_purge(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from server.services.bootstrap import open_database
    from server.services.sync_admin import purge_tombstones

    with open_database(_settings(args)).begin() as session:
        purged, horizon = purge_tombstones(session, older_than=timedelta(days=args.days))
    print(f"purged {purged} tombstones; cursors before {horizon} will resync")
    return 0


def _create_user(args: argparse.Namespace) -> int:
    from core.errors import DomainError
    from server.services.bootstrap import open_database
    from server.services.principal import SYSTEM
    from server.services.users import UserInput, create_user

    sessions = open_database(_settings(args))
    data = UserInput(username=args.username, password=args.password, display_name=args.display_name or args.username,
                     roles=[args.role], department_id=args.department_id, teacher_id=args.teacher_id,
                     student_id=args.student_id)
    try:
        with sessions.begin() as session:
            user = create_user(session, SYSTEM, data)
            print(f"created user {user.username} ({args.role}), id {user.id}")
    except DomainError as exc:
        print(f"jiaowu: {exc.message}", file=sys.stderr)
        for item in exc.details.get("fields", []):
            print(f"  {item['field']}: {item['message']}", file=sys.stderr)
        return 2
    return 0


def _demo(args: argparse.Namespace) -> int:
    from server.services.demo import print_accounts, seed_demo

    settings = _settings(args)
    db_file = settings.data_dir / "jiaowu.db"
    if args.reset and not settings.database_url:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    accounts = seed_demo(settings, seed=args.seed, progress=lambda msg: print(msg, flush=True))
    print_accounts(accounts)
    if args.seed_only:
        return 0
    url = f"http://{args.host}:{args.port}"
    client = None
    if not args.no_client:
        env = {**os.environ, "JIAOWU_SERVER_URL": url}
        client = subprocess.Popen([sys.executable, "-m", "cli", "client", "--server", url], env=env)
    try:
        return _server(argparse.Namespace(data_dir=settings.data_dir, host=args.host, port=args.port, no_migrate=False,
                                          workers=1))
    finally:
        if client is not None and client.poll() is None:
            client.terminate()


def _safe_url(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
