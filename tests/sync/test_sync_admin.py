"""Purged tombstones and a new epoch make clients resync, and they lose nothing doing it."""

from __future__ import annotations

from datetime import timedelta

from sync_world import World

from core.models import Department
from server.services.sync_admin import new_epoch, purge_tombstones


def test_purged_tombstones_force_a_resync_that_drops_the_deleted_row(world: World) -> None:
    store, engine = world.client("reg")
    engine.sync()
    with world.sessions.begin() as s:
        ghost = Department(code="77", name="将撤销学院")
        s.add(ghost)
    engine.sync()
    assert ghost.id in store.rows("department")
    other, other_engine = world.client("reg2", "late")
    other_engine.sync()
    sid = sorted(other.rows("student"))[0]
    other.write("student", sid, "patch", {"address": "待同步"})
    with world.sessions.begin() as s:
        s.get(Department, ghost.id).deleted = True  # type: ignore[union-attr]
    engine.sync()
    assert ghost.id not in store.rows("department")
    with world.sessions.begin() as s:
        purged, _ = purge_tombstones(s, older_than=timedelta(seconds=-1))
    assert purged >= 1
    report = other_engine.sync()  # its cursor predates the purged deletion
    assert report.resyncs == ["tombstones_purged"]
    assert ghost.id not in other.rows("department") and other.pending_count() == 0
    assert other.row("student", sid)["address"] == "待同步"  # type: ignore[index]


def test_a_new_epoch_after_a_restore(world: World) -> None:
    store, engine = world.client("reg")
    engine.sync()
    with world.sessions.begin() as s:
        epoch = new_epoch(s)
    report = engine.sync()
    assert report.resyncs == ["epoch"] and store.get_state("cursor").startswith(epoch)  # type: ignore[union-attr]
