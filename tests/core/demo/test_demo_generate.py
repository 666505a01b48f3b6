"""Determinism, completeness and referential integrity of the generated rows."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from datetime import date

from sqlalchemy import Engine, select, text

from core.demo import DemoUniversity, generate
from core.demo.checks import term_figures
from core.models import Base, Grade, Student

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_same_seed_gives_identical_rows_and_accounts(university: DemoUniversity) -> None:
    again = generate(1, today=university.today)
    assert again.rows == university.rows
    assert again.accounts == university.accounts


def test_another_seed_and_a_spring_day(university: DemoUniversity) -> None:
    other = generate(2, today=date(2027, 3, 15))
    assert other.rows["student"][0]["id"] != university.rows["student"][0]["id"]
    names = {s["name"] for s in university.rows["student"][:200]}
    assert names != {s["name"] for s in other.rows["student"][:200]}
    # The structure is the same school: same departments and majors.
    assert [d["name"] for d in other.rows["department"]] == [d["name"] for d in university.rows["department"]]
    # In spring the spring term is current; the cohorts are those of the academic year.
    assert other.current_term["code"] == "2026-2027-2"
    assert sorted({c["cohort"] for c in other.rows["school_class"]}) == [2023, 2024, 2025, 2026]
    assert [t["code"] for t in other.rows["term"]][0] == "2023-2024-1"
    assert sum(t["is_current"] for t in other.rows["term"]) == 1
    assert not term_figures(other).problems()


def test_tables_in_foreign_key_order_without_accounts(university: DemoUniversity) -> None:
    order = [t.name for t in Base.metadata.sorted_tables]
    names = list(university.rows)
    assert names == sorted(names, key=order.index)
    assert not {"app_user", "role", "user_role", "role_permission"} & set(names)


def test_every_row_is_complete_with_replication_columns(university: DemoUniversity) -> None:
    seq = 0
    stamp = university.rows["department"][0]["updated_at"]
    assert stamp.tzinfo is not None and stamp.date() == university.today
    for name, rows in university.rows.items():
        columns = set(Base.metadata.tables[name].columns.keys())
        for row in rows:
            assert row.keys() == columns, name
            seq += 1
            assert row["server_seq"] == seq
            assert (row["row_version"], row["deleted"], row["deleted_at"]) == (1, False, None)
            assert row["updated_at"] == stamp


def test_ids_are_unique_version4_uuids(university: DemoUniversity) -> None:
    ids = [row["id"] for rows in university.rows.values() for row in rows]
    assert len(ids) == len(set(ids))
    assert all(UUID4.match(i) for i in ids[:: 97])
    assert str(uuid.UUID(ids[0])) == ids[0]


def test_natural_and_unique_keys_are_unique(university: DemoUniversity) -> None:
    for name, rows in university.rows.items():
        table = Base.metadata.tables[name]
        keys = [(c.name,) for c in table.columns if c.unique]
        keys += [tuple(c.name for c in con.columns) for con in table.constraints
                 if con.__class__.__name__ == "UniqueConstraint"]
        for key in keys:
            values = Counter(tuple(r[k] for k in key) for r in rows)
            duplicate = next((v for v, n in values.items() if n > 1), None)
            assert duplicate is None, f"{name}{key} repeats {duplicate}"


def test_every_foreign_key_resolves_in_memory(university: DemoUniversity) -> None:
    ids = {name: {r["id"] for r in rows} for name, rows in university.rows.items()}
    for name, rows in university.rows.items():
        for fk in Base.metadata.tables[name].foreign_keys:
            target = ids.get(fk.column.table.name, set())
            column = fk.parent.name
            missing = [r[column] for r in rows if r[column] is not None and r[column] not in target]
            assert not missing, f"{name}.{column} -> {fk.column.table.name}: {missing[:3]}"


def test_insert_into_sqlite_with_foreign_keys_on(university: DemoUniversity,
                                                  loaded: tuple[Engine, dict[str, int]]) -> None:
    engine, counts = loaded
    expected = university.counts()
    expected["grade"] = len(university.rows["grade"][::8])  # conftest.GRADE_SAMPLE
    assert counts == expected
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        for name, count in counts.items():
            assert connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar() == count


def test_inserted_values_read_back_as_generated(university: DemoUniversity,
                                                 loaded: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = loaded
    for model, sample in ((Student, university.rows["student"][123]), (Grade, university.rows["grade"][4560]),
                          (Grade, university.rows["grade"][::8][-1])):
        with engine.connect() as connection:
            row = connection.execute(select(model.__table__).where(model.__table__.c.id == sample["id"])).one()
        assert dict(row._mapping) == sample


def test_the_grade_indexes_are_back_after_the_load(loaded: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = loaded
    with engine.connect() as connection:
        present = {name for (name,) in connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'grade'"))}
    assert {str(ix.name) for ix in Base.metadata.tables["grade"].indexes} <= present
