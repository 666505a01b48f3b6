"""The desktop's sync service without Qt: one replica per (server, user), tokens only while a
session is attached, live counters, conflicts decided one by one or for a selection."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
import pytest

from client.services.status import ClientStatus
from client.services.sync import SyncService, replica_path
from sync.client.store import ReplicaStore
from sync.client.transport import HttpTransport

SERVER = "http://jiaowu.test:8765"


class FakeServer:
    """Answers the three sync endpoints; every push op becomes a conflict on ``notes``."""

    def __init__(self) -> None:
        self.tokens: list[str | None] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.tokens.append(request.headers.get("Authorization"))
        if request.url.path == "/sync/push":
            ops = json.loads(request.content)["ops"]
            results = [{"op_id": op["op_id"], "status": "conflict", "code": "version_conflict",
                        "message": "该记录已被他人修改 (changed by someone else)", "conflict_fields": ["notes"],
                        "server_row": {"id": op["row_id"], "name": "李明", "notes": "theirs", "row_version": 3}}
                       for op in ops]
            return httpx.Response(200, json={"results": results})
        if request.url.path == "/sync/pull":
            return httpx.Response(200, json={"upserts": {}, "removes": {}, "next_cursor": "e1:5",
                                             "has_more": False, "scope_key": "k"})
        return httpx.Response(200, json={"cursor": "e1:0", "tables": {}})


def _service(tmp_path: Path, fake: FakeServer, status: ClientStatus | None = None) -> SyncService:
    store = ReplicaStore(tmp_path / "replica.db")
    service: SyncService
    transport = HttpTransport(SERVER, lambda: service.token(), client=httpx.Client(
        base_url=SERVER, transport=httpx.MockTransport(fake)))
    service = SyncService(store, transport, status)
    return service


def _student(service: SyncService) -> str:
    row_id = str(uuid.uuid4())
    service.store.apply_page(_page(row_id))
    return row_id


def _page(row_id: str):  # type: ignore[no-untyped-def]
    from sync.protocol import PullResponse, TableRows

    return PullResponse(upserts={"student": TableRows(columns=["id", "name", "notes", "row_version", "server_seq", "deleted"],
                                                      rows=[[row_id, "李明", "", 1, 1, False]])},
                        next_cursor="e1:1", has_more=False, scope_key="k")


def test_each_server_and_user_has_its_own_replica(tmp_path: Path) -> None:
    paths = {replica_path(tmp_path, server, user) for server in (SERVER, "http://other:8765")
             for user in ("zhou", "chen")}
    assert len(paths) == 4
    assert all(p.parent == tmp_path / "replicas" and p.suffix == ".db" for p in paths)
    assert "zhou" in replica_path(tmp_path, SERVER, "zhou").name


def test_requests_carry_a_token_only_while_a_session_is_attached(tmp_path: Path) -> None:
    fake = FakeServer()
    service = _service(tmp_path, fake)
    service.attach(lambda: "token-of-zhou")
    service.sync()
    assert fake.tokens and set(fake.tokens) == {"Bearer token-of-zhou"}
    fake.tokens.clear()
    service.detach()  # logged out: another user's token can never carry this user's ops
    service.sync()
    assert fake.tokens and set(fake.tokens) == {None}


def test_counters_are_published_on_each_edit_and_sync(tmp_path: Path) -> None:
    status = ClientStatus()
    seen: list[tuple[int, int]] = []
    status.subscribe(lambda s: seen.append((s.unsent_changes, s.conflicts)))
    service = _service(tmp_path, FakeServer(), status)
    service.attach(lambda: "t")
    row_id = _student(service)
    service.write("student", row_id, "patch", {"notes": "mine"})
    assert status.snapshot.unsent_changes == 1
    assert [op.fields for op in service.unsent()] == [{"notes": "mine"}]
    service.sync()
    assert (status.snapshot.unsent_changes, status.snapshot.conflicts) == (0, 1)
    assert status.snapshot.last_sync_at is not None
    assert (1, 0) in seen and seen[-1] == (0, 1)


def test_conflicts_show_both_versions_and_are_decided_for_a_selection(tmp_path: Path) -> None:
    service = _service(tmp_path, FakeServer(), ClientStatus())
    service.attach(lambda: "t")
    rows = [_student(service) for _ in range(3)]
    for row_id in rows:
        service.write("student", row_id, "patch", {"notes": f"mine {row_id[:4]}"})
    service.sync()
    conflicts = service.conflicts()
    assert len(conflicts) == 3
    first = conflicts[0]
    assert first.mine == {"notes": f"mine {rows[0][:4]}"} and first.theirs is not None and first.theirs["notes"] == "theirs"
    assert first.fields[0] == "notes" and "name" in first.fields
    with pytest.raises(ValueError, match="one conflict"):
        service.resolve([c.id for c in conflicts[:2]], "edit", {"notes": "x"})
    assert service.resolve([conflicts[0].id, conflicts[1].id], "take_theirs") == []
    op_ids = service.resolve([conflicts[2].id], "edit", {"notes": "agreed"})
    assert len(op_ids) == 1
    assert [c.id for c in service.conflicts()] == []
    assert [op.fields for op in service.unsent()] == [{"notes": "agreed"}]
    assert service.counters().unsent == 1


def test_export_and_import_of_unsent_changes(tmp_path: Path) -> None:
    service = _service(tmp_path, FakeServer(), ClientStatus())
    row_id = _student(service)
    service.write("student", row_id, "patch", {"notes": "carried"})
    target = tmp_path / "unsent.json"
    assert service.export_unsent(target) == 1
    other = SyncService(ReplicaStore(tmp_path / "other.db"), service._transport, ClientStatus())
    other.store.apply_page(_page(row_id))
    assert other.import_unsent(target) == 1
    assert other.import_unsent(target) == 0  # a second import adds nothing (ops keep their ids)
    assert [op.fields for op in other.unsent()] == [{"notes": "carried"}]
