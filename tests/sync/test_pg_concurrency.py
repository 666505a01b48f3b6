"""PostgreSQL, concurrent writers: a client pulling all the while misses neither change."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest
from sqlalchemy import select
from sync_world import World

from core.models import Student
from sync.client.errors import SyncError


@pytest.mark.parametrize("server_url", ["postgresql"], indirect=True)
def test_slow_and_fast_writers_are_both_pulled(world: World) -> None:
    store, engine = world.client("reg")
    engine.sync()
    with world.sessions() as s:
        slow_id, fast_id = [st.id for st in s.scalars(select(Student).order_by(Student.number)).all()[:2]]
    slow_has_number = threading.Event()
    writers_done = threading.Event()

    def slow() -> None:
        with world.sessions.begin() as s:
            s.get(Student, slow_id).address = "慢事务"  # type: ignore[union-attr]
            s.flush()  # takes its server_seq now…
            slow_has_number.set()
            time.sleep(1.5)  # …and commits late

    def fast() -> None:
        slow_has_number.wait(5)
        with world.sessions.begin() as s:
            s.get(Student, fast_id).address = "快事务"  # type: ignore[union-attr]
        writers_done.set()

    def pull_all_the_while() -> None:
        while not writers_done.is_set():
            with contextlib.suppress(SyncError):  # a transient failure: the next round retries
                engine.sync()
            time.sleep(0.05)

    threads = [threading.Thread(target=f) for f in (slow, fast)]
    for t in threads:
        t.start()
    pull_all_the_while()
    for t in threads:
        t.join(10)
    engine.sync()
    assert store.row("student", slow_id)["address"] == "慢事务"  # type: ignore[index]
    assert store.row("student", fast_id)["address"] == "快事务"  # type: ignore[index]
