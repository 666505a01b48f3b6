"""Deciding conflicts, exporting and importing unsent work, and switching online/offline."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sync_world import World

from sync.client.connectivity import ConnectivityMonitor
from sync.client.resolve import export_unsent, import_unsent, resolve
from sync.client.store import ReplicaStore


def _conflicted(world: World, n: int = 0) -> tuple[ReplicaStore, object, str]:
    a_store, a = world.client("reg", f"a{n}")
    b_store, b = world.client("reg2", f"b{n}")
    a.sync(), b.sync()
    sid = sorted(a_store.rows("student"))[n]
    a_store.write("student", sid, "patch", {"name": "甲"})
    b_store.write("student", sid, "patch", {"name": "乙"})
    a.sync(), b.sync()
    assert len(b_store.conflicts()) == 1
    return b_store, b, sid


def _server_name(world: World, sid: str) -> str:
    from core.models import Student

    with world.sessions() as s:
        return s.get(Student, sid).name  # type: ignore[union-attr]


def test_keep_mine_wins_on_the_next_sync(world: World) -> None:
    store, engine, sid = _conflicted(world)
    conflict = store.conflicts()[0]
    resolve(store, conflict["id"], "keep_mine")
    assert store.conflicts() == [] and store.row("student", sid)["name"] == "乙"  # type: ignore[index]
    engine.sync()  # type: ignore[attr-defined]
    assert _server_name(world, sid) == "乙" and store.pending_count() == 0


def test_take_theirs_and_edit(world: World) -> None:
    store, engine, sid = _conflicted(world)
    resolve(store, store.conflicts()[0]["id"], "take_theirs")
    engine.sync()  # type: ignore[attr-defined]
    assert _server_name(world, sid) == "甲" and store.row("student", sid)["name"] == "甲"  # type: ignore[index]
    store2, engine2, sid2 = _conflicted(world, 1)
    resolve(store2, store2.conflicts()[0]["id"], "edit", {"name": "甲乙合议"})
    engine2.sync()  # type: ignore[attr-defined]
    assert _server_name(world, sid2) == "甲乙合议"


def test_unsent_work_survives_export_and_import_exactly_once(world: World, tmp_path: Path) -> None:
    store, engine = world.client("reg", "exporter")
    engine.sync()
    sid = sorted(store.rows("student"))[0]
    store.write("student", sid, "patch", {"address": "上海市徐汇区"})
    file = tmp_path / "unsent.json"
    assert export_unsent(store, file) == 1
    other, other_engine = world.client("reg", "importer")
    other_engine.sync()
    assert import_unsent(other, file) == 1 and import_unsent(other, file) == 0
    other_engine.sync()
    engine.sync()  # the original client sends the same op: the server answers with the stored result
    from core.models import Student

    with world.sessions() as s:
        st = s.get(Student, sid)
        assert st is not None and st.address == "上海市徐汇区" and st.row_version == 2


class _Health(BaseHTTPRequestHandler):
    up = True

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200 if _Health.up else 503)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *_args: object) -> None:
        pass


def test_connectivity_switches_by_heartbeat_failures_and_the_user_switch() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    changes: list[bool] = []
    monitor = ConnectivityMonitor(f"http://127.0.0.1:{server.server_port}", interval=0.05, failures_to_offline=2,
                                  on_change=changes.append)
    try:
        assert monitor.probe() is True and changes == [True]
        _Health.up = False
        monitor.probe()
        assert monitor.online  # one failure is not enough
        monitor.probe()
        assert not monitor.online and changes == [True, False]
        _Health.up = True
        monitor.start()
        deadline = time.monotonic() + 5
        while not monitor.online and time.monotonic() < deadline:
            time.sleep(0.02)
        assert monitor.online and changes[-1] is True
        monitor.work_offline(True)
        assert not monitor.online and changes[-1] is False
        monitor.report_failure(), monitor.report_success()  # requests while switched off change nothing visible
        assert not monitor.online
        monitor.work_offline(False)
        assert monitor.online
    finally:
        monitor.stop()
        server.shutdown()
