"""The sync engine against the real server in-process: nothing lost, scope kept, conflicts kept."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select, update
from sync_world import World

from core.models import ServerSetting, Student, TeachingTaskClass
from sync.client import schema as local
from sync.client.store import ReplicaStore


def server_rows(world: World, table: str, ids: set[str] | None = None) -> dict[str, dict]:
    from core.models import Base

    t = Base.metadata.tables[table]
    with world.sessions() as s:
        rows = {r["id"]: dict(r) for r in s.execute(select(t).where(t.c.deleted.is_(False))).mappings()}
    return {k: v for k, v in rows.items() if ids is None or k in ids}


def same(local_rows: dict[str, dict], remote: dict[str, dict], columns: tuple[str, ...]) -> bool:
    return {k: tuple(v[c] for c in columns) for k, v in local_rows.items()} == {
        k: tuple(v[c] for c in columns) for k, v in remote.items()}


def test_initial_sync_then_offline_edits_round_trip(world: World) -> None:
    store, engine = world.client("reg")
    report = engine.sync()
    assert report.pages >= 1 and report.check_mismatches == []
    assert same(store.rows("student"), server_rows(world, "student"), ("name", "row_version", "class_id"))
    assert store.rows("department").keys() == server_rows(world, "department").keys()
    # offline: edit, create, delete; nothing reaches the server until a sync
    sid = next(iter(store.rows("student")))
    store.write("student", sid, "patch", {"phone": "13812345678"})
    new_id = str(uuid.uuid4())
    store.write("department", new_id, "create", {"code": "03", "name": "数学学院", "name_en": "Maths"})
    store.write("department", new_id, "patch", {"name": "数学与统计学院"})
    assert store.pending_count() == 3
    assert server_rows(world, "student")[sid]["phone"] == ""
    report = engine.sync()
    assert (report.applied, report.conflicts, report.rejected) == (3, 0, 0)
    assert store.pending_count() == 0
    assert server_rows(world, "student")[sid]["phone"] == "13812345678"
    assert server_rows(world, "department")[new_id]["name"] == "数学与统计学院"
    assert same(store.rows("department"), server_rows(world, "department"), ("name", "row_version"))


def test_same_field_conflict_is_kept_with_both_versions(world: World) -> None:
    a_store, a = world.client("reg", "a")
    b_store, b = world.client("reg2", "b")
    a.sync(), b.sync()
    sid = next(iter(a_store.rows("student")))
    a_store.write("student", sid, "patch", {"name": "甲改的名字"})
    b_store.write("student", sid, "patch", {"name": "乙改的名字", "email": "b@example.edu.cn"})
    a.sync()
    report = b.sync()
    assert report.conflicts == 1
    [conflict] = b_store.conflicts()
    assert conflict["status"] == "conflict" and "甲改的名字" in conflict["server_row"]
    assert "乙改的名字" in conflict["fields"] and '"name"' in conflict["conflict_fields"]
    assert b_store.row("student", sid)["name"] == "甲改的名字"  # type: ignore[index]
    assert server_rows(world, "student")[sid]["email"] == ""  # manual policy: nothing of the op applied


def test_rejected_edit_is_kept_and_the_row_restored(world: World) -> None:
    store, engine = world.client("reg")
    engine.sync()
    sid = next(iter(store.rows("student")))
    before = store.row("student", sid)
    store.write("student", sid, "patch", {"id_number": "110105200501010010"})
    engine.sync()
    [rejected] = store.conflicts()
    assert rejected["status"] == "rejected" and "身份证" in rejected["message"]
    assert store.row("student", sid)["id_number"] == before["id_number"]  # type: ignore[index]


def test_local_write_gate_keeps_unsent_edits(world: World) -> None:
    store, engine = world.client("reg")
    engine.sync()
    sid = next(iter(store.rows("student")))
    store.write("student", sid, "patch", {"phone": "13912345678"})
    with world.sessions.begin() as s:
        s.get(Student, sid).email = "server@example.edu.cn"  # type: ignore[union-attr]
    engine.pull(__import__("sync.client.engine", fromlist=["SyncReport"]).SyncReport(), None, None)
    assert store.row("student", sid)["phone"] == "13912345678"  # type: ignore[index]
    engine.sync()
    row = store.row("student", sid)
    assert row is not None and row["phone"] == "13912345678" and row["email"] == "server@example.edu.cn"
    assert same({sid: row}, server_rows(world, "student", {sid}), ("phone", "email", "row_version"))


def test_teacher_replica_holds_only_its_scope_before_and_after_a_change(world: World) -> None:
    store, engine = world.client("teach")
    engine.sync()
    c1 = world.ids["c1"]
    mine = {k for k, v in server_rows(world, "student").items() if v["class_id"] == c1}
    assert set(store.rows("student")) == mine and mine
    assert store.rows("status_change") == {} and set(store.rows("teaching_task")) == {world.ids["task"]}
    moved = sorted(mine)[0]
    with world.sessions.begin() as s:
        s.get(Student, moved).class_id = world.ids["c2"]  # type: ignore[union-attr]
    engine.sync()
    assert set(store.rows("student")) == mine - {moved}
    with world.sessions.begin() as s:
        s.execute(update(TeachingTaskClass).values(deleted=True))
    report = engine.sync()
    assert store.rows("student") == {} and report.swept > 0


def test_restored_database_forces_a_resync_that_keeps_unsent_work(world: World) -> None:
    store, engine = world.client("reg")
    engine.sync()
    sid = next(iter(store.rows("student")))
    store.write("student", sid, "patch", {"phone": "13700001111"})
    with world.sessions.begin() as s:
        s.get(ServerSetting, "db_epoch").value = "restored-epoch"  # type: ignore[union-attr]
    report = engine.sync()
    assert report.resyncs == ["epoch"] and store.pending_count() == 0
    assert server_rows(world, "student")[sid]["phone"] == "13700001111"
    assert store.get_state("cursor", ).startswith("restored-epoch:")  # type: ignore[union-attr]


def test_check_mismatch_repairs_the_replica(world: World) -> None:
    store, engine = world.client("reg")
    engine.sync()
    sid = next(iter(store.rows("student")))
    with store.engine.begin() as conn:  # corrupt the replica behind the engine's back
        conn.execute(local.REPLICA["student"].delete().where(local.REPLICA["student"].c.id == sid))
        conn.execute(local.REPLICA["department"].insert().values(id="ghost", code="99", name="幽灵", row_version=1,
                                                                  server_seq=1, deleted=False))
    report = engine.sync()
    assert "student" in report.check_mismatches and "department" in report.check_mismatches
    assert sid in store.rows("student") and "ghost" not in store.rows("department")
    assert engine.sync().check_mismatches == []


def test_a_crash_after_the_data_but_before_the_answer_is_recorded_loses_nothing(world: World) -> None:
    store, engine = world.client("reg")
    engine.sync()
    sid = next(iter(store.rows("student")))
    store.write("student", sid, "patch", {"address": "北京市海淀区"})
    ops = [op for _c, op in store.pending_ops(10)]
    from sync.protocol import PushRequest

    engine.transport.push(PushRequest(client_id=store.client_id, ops=ops))  # the answer is "lost"
    reopened = ReplicaStore(store.path)  # the client restarts
    assert reopened.pending_count() == 1
    report = type(engine)(reopened, engine.transport).sync()
    assert report.applied == 1 and reopened.pending_count() == 0
    assert server_rows(world, "student")[sid]["row_version"] == 2  # applied once, not twice
    _ = date


def test_prefetched_pages_are_applied_in_order_and_a_cancel_drops_the_one_in_flight(world: World) -> None:
    """Over HTTP the engine asks for the next page while it applies one; a cancel between pages
    keeps what was committed (the cursor after it) and the next sync resumes from there."""
    import threading

    from sync.client.errors import SyncCancelledError

    store, engine = world.client("reg")
    assert getattr(engine.transport, "prefetch", False)
    engine.page_limit = 3
    cursors: list[str | None] = []
    requested: list[str | None] = []
    pull = engine.transport.pull

    def recording_pull(cursor, limit, scope_key):  # type: ignore[no-untyped-def]
        requested.append(cursor)
        return pull(cursor, limit, scope_key)

    engine.transport.pull = recording_pull  # type: ignore[method-assign]
    cancel = threading.Event()

    def on_progress(done: int, _total: int) -> None:
        cursors.append(store.get_state("cursor"))
        if done == 2:
            cancel.set()

    try:
        engine.sync(on_progress=on_progress, cancel=cancel)
        raise AssertionError("the sync should have been cancelled")
    except SyncCancelledError:
        pass
    assert len(requested) == 3  # pages 1, 2 and the prefetched page 3, which is dropped
    assert requested[1] == cursors[0] and requested[2] == cursors[1]  # each asked with its predecessor's cursor
    assert store.get_state("cursor") == cursors[1]  # the committed cursor is the second page's
    report = engine.sync()
    assert report.check_mismatches == [] and report.pages > 1
    assert same(store.rows("student"), server_rows(world, "student"), ("name", "row_version", "class_id"))
