"""insert_rows on PostgreSQL (runs when JIAOWU_TEST_PG_URL is set, as in CI)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import create_engine, select, text

from core.demo import DemoUniversity, insert_rows
from core.models import Base, Grade


@pytest.mark.pg
def test_insert_rows_on_postgresql(university: DemoUniversity, pg_empty_url: str) -> None:
    rows = dict(university.rows)
    rows["grade"] = rows["grade"][::50]  # the references matter here, not the volume
    sample = dataclasses.replace(university, rows=rows)
    engine = create_engine(pg_empty_url)
    try:
        Base.metadata.create_all(engine)
        with engine.begin() as connection:
            counts = insert_rows(connection, sample)
        assert counts == sample.counts()
        with engine.connect() as connection:
            for name, count in counts.items():
                assert connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar() == count
            grade = rows["grade"][-1]
            read = connection.execute(select(Grade.__table__).where(Grade.__table__.c.id == grade["id"])).one()
        assert dict(read._mapping) == grade
    finally:
        engine.dispose()
