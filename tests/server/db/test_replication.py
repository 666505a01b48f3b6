"""row_version and server_seq are kept on every ORM write, and server_seq follows commit order."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.models import Department, Major
from server.db.engine import create_db_engine, make_sessions
from server.db.replication import current_seq, take_seq_range


@pytest.fixture
def sessions(db_url: str) -> sessionmaker[Session]:
    from server.db.migrate import upgrade

    engine = create_db_engine(db_url)
    upgrade(engine)
    yield make_sessions(engine)
    engine.dispose()


def test_insert_and_update_bump_version_and_sequence(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        d = Department(code="01", name="计算机学院")
        s.add(d)
        s.flush()
        m = Major(code="0101", name="软件工程", department_id=d.id)
        s.add(m)
    assert (d.row_version, m.row_version) == (1, 1)
    assert m.server_seq == d.server_seq + 1
    first_seq = m.server_seq
    with sessions.begin() as s:
        dept = s.get(Department, d.id)
        assert dept is not None
        dept.name = "计算机科学与技术学院"
    assert dept.row_version == 2 and dept.server_seq > first_seq
    with sessions.begin() as s:  # reading and assigning the same value is no change
        dept2 = s.get(Department, d.id)
        assert dept2 is not None
        dept2.name = "计算机科学与技术学院"
    assert dept2.row_version == 2 and dept2.server_seq == dept.server_seq
    with sessions() as s:
        assert current_seq(s.connection()) == dept.server_seq
        seqs = s.scalars(select(Department.server_seq).union_all(select(Major.server_seq))).all()
    assert len(set(seqs)) == len(seqs)


def test_tombstones_get_a_time(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        d = Department(code="09", name="临时学院")
        s.add(d)
    with sessions.begin() as s:
        row = s.get(Department, d.id)
        assert row is not None
        row.deleted = True
    assert row.deleted_at is not None and row.row_version == 2


def test_ranges_do_not_overlap(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        a = take_seq_range(s.connection(), 10)
        b = take_seq_range(s.connection(), 5)
    assert b == a + 10


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_later_writer_waits_for_an_earlier_one(sessions: sessionmaker[Session]) -> None:
    """The slow writer takes its number first; the fast one cannot commit a higher number before it."""
    events: list[tuple[str, int]] = []
    slow_has_number = threading.Event()

    def slow() -> None:
        with sessions.begin() as s:
            d = Department(code="S1", name="慢")
            s.add(d)
            s.flush()
            slow_has_number.set()
            time.sleep(1.0)
            events.append(("slow-commit", d.server_seq))

    def fast() -> None:
        slow_has_number.wait(5)
        with sessions.begin() as s:
            d = Department(code="F1", name="快")
            s.add(d)
            s.flush()  # blocks on the counter row until the slow writer commits
            events.append(("fast-flushed", d.server_seq))

    threads = [threading.Thread(target=slow), threading.Thread(target=fast)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert [e[0] for e in events] == ["slow-commit", "fast-flushed"]
    assert events[1][1] > events[0][1]
