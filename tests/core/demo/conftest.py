"""Fixtures of the demo generator tests: one university per session, inserted once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event

from core.demo import DemoUniversity, generate, insert_rows
from core.models import Base

TODAY = date(2026, 12, 3)  # autumn term 2026-2027-1: cohorts 2023–2026
GRADE_SAMPLE = 8  # 54k grades: enough to take the deferred-index path of insert_rows


@pytest.fixture(scope="session")
def university() -> DemoUniversity:
    """Seed 1 on 3 December 2026: what the tests check (generated once per session)."""
    return generate(1, today=TODAY)


@pytest.fixture(scope="session")
def loaded(tmp_path_factory: pytest.TempPathFactory, university: DemoUniversity) -> Iterator[tuple[Engine, dict[str, int]]]:
    """The university inserted into a real SQLite file with foreign keys enforced.

    Every table goes in whole except the grades (leaves of the schema), of which every
    eighth row is enough for the references; bench/demo_generate.py loads them all.
    """
    rows = dict(university.rows)
    rows["grade"] = rows["grade"][::GRADE_SAMPLE]
    sample = dataclasses.replace(university, rows=rows)
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    Base.metadata.create_all(engine)
    progress: list[tuple[int, int]] = []
    with engine.begin() as connection:
        counts = insert_rows(connection, sample, on_progress=lambda d, t: progress.append((d, t)))
    assert progress[-1][0] == progress[-1][1] == sum(counts.values())
    yield engine, counts
    engine.dispose()
