"""Fixtures shared by every test package (DESIGN §8, STYLE snippet F).

PostgreSQL: when ``JIAOWU_TEST_PG_URL`` is set (CI sets it), each test run creates its own
database on that server and drops it afterwards; a PostgreSQL test that is skipped while
the variable is set is turned into a failure, so it can never pass silently.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest

PG_ENV = "JIAOWU_TEST_PG_URL"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    if report.skipped and os.environ.get(PG_ENV) and _uses_postgres(item):
        report.outcome = "failed"
        report.longrepr = f"PostgreSQL test skipped although {PG_ENV} is set: {report.longrepr}"
    return report


def _uses_postgres(item: pytest.Item) -> bool:
    if item.get_closest_marker("pg") is not None:
        return True
    callspec = getattr(item, "callspec", None)
    return bool(callspec and "postgresql" in callspec.id)


def _admin_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set")
    return _admin_url(url)


@pytest.fixture(scope="session")
def pg_database_factory(pg_server_url: str) -> Iterator[Callable[..., str]]:
    """Creates uniquely named databases on the test server and drops them all at the end.

    ``factory()`` gives a database already migrated to head (copied from a template made
    once per run, which is much faster than migrating each time); ``factory(empty=True)``
    gives an empty one.
    """
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    run = f"jiaowu_t_{os.getpid()}_{secrets.token_hex(3)}"
    created: list[str] = []
    template: list[str] = []

    def url_of(name: str) -> str:
        return make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)

    def create(*, empty: bool = False) -> str:
        if not empty and not template:
            template.append(_make_template(admin, f"{run}_tmpl", url_of))
            created.append(template[0])
        name = f"{run}_{len(created)}"
        with admin.connect() as conn:
            suffix = "" if empty else f' TEMPLATE "{template[0]}"'
            conn.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
        created.append(name)
        return url_of(name)

    yield create
    with admin.connect() as conn:
        for name in reversed(created):
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _make_template(admin: Any, name: str, url_of: Callable[[str], str]) -> str:
    from sqlalchemy import text

    from server.db.engine import create_db_engine
    from server.db.migrate import upgrade

    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_db_engine(url_of(name))
    upgrade(engine)
    engine.dispose()
    return name


@pytest.fixture
def pg_url(pg_database_factory: Callable[..., str]) -> str:
    """A fresh PostgreSQL database for one test, migrated to head."""
    return pg_database_factory()


@pytest.fixture
def pg_empty_url(pg_database_factory: Callable[..., str]) -> str:
    """A fresh, empty PostgreSQL database for one test."""
    return pg_database_factory(empty=True)
