"""A state machine of 2–5 clients and the server with faults: nothing a client committed is lost.

Faults: the request is dropped, the response is dropped after the server committed, a request
is delivered twice, and the client dies between writing a pulled page's rows and its cursor
(then restarts from what is on disk). Invariants: every op a client
committed locally is in its outbox, in its conflict list, or applied on the server; after
quiescence every client's replica equals the server's rows in its scope.
"""

from __future__ import annotations

import random
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select
from sync_world import World

from core.models import AppliedOp, Base, Student
from server.services.principal import Principal
from server.services.sync_scope import SYNC_TABLES, scope_filter
from sync.client.engine import SyncEngine
from sync.client.errors import SyncError, SyncErrorKind
from sync.client.store import ReplicaStore
from sync.client.transport import HttpTransport
from sync.protocol import PullResponse, PushRequest, PushResponse

FAULTS = ("none", "none", "drop_request", "drop_response", "duplicate")
FIELDS = ("name", "phone", "email", "address")
USERS = ("reg", "reg2", "dept", "teach")


class FaultyTransport:
    def __init__(self, inner: HttpTransport) -> None:
        self.inner = inner
        self.fault = "none"

    def _call(self, fn: Any, *args: Any) -> Any:
        fault, self.fault = self.fault, "none"  # one fault per sync attempt
        if fault == "drop_request":
            raise SyncError(SyncErrorKind.NETWORK, "request dropped")
        result = fn(*args)
        if fault == "drop_response":
            raise SyncError(SyncErrorKind.NETWORK, "response dropped")
        if fault == "duplicate":
            result = fn(*args)
        return result

    def push(self, request: PushRequest) -> PushResponse:
        return self._call(self.inner.push, request)  # type: ignore[no-any-return]

    def pull(self, cursor: str | None, limit: int, scope_key: str | None) -> PullResponse:
        return self._call(self.inner.pull, cursor, limit, scope_key)  # type: ignore[no-any-return]

    def check(self, tables: list[str] | None) -> Any:
        return self.inner.check(tables)


class SimulatedCrashError(Exception):
    pass


class Client:
    def __init__(self, world: World, username: str, index: int) -> None:
        self.username = username
        token = world.login(username)
        self.path = world.tmp / f"m{uuid.uuid4().hex[:8]}-{index}.db"
        self.transport = FaultyTransport(HttpTransport("http://testserver", lambda: token, client=world.api))
        self.open()
        self.committed: list[str] = []

    def open(self) -> None:
        self.store = ReplicaStore(self.path)
        self.engine = SyncEngine(self.store, self.transport, page_limit=7, push_batch=3, check=False)
        self.crash_at_cursor = False
        real_set = self.store._set

        def set_or_crash(conn: Any, key: str, value: str | None) -> None:
            # Dies after a page's rows are written and before its cursor is: the process
            # is gone, so the open transaction never commits.
            if key == "cursor" and self.crash_at_cursor:
                raise SimulatedCrashError()
            real_set(conn, key, value)

        self.store._set = set_or_crash  # type: ignore[method-assign]


class NothingLost(RuleBasedStateMachine):
    world: World

    def __init__(self) -> None:
        super().__init__()
        self.clients: list[Client] = []
        self.rng = random.Random(0)

    @initialize(users=st.lists(st.sampled_from(USERS), min_size=2, max_size=5))
    def start(self, users: list[str]) -> None:
        self.clients = [Client(self.world, u, i) for i, u in enumerate(users)]
        for c in self.clients:
            c.engine.sync()

    @rule(data=st.data())
    def edit(self, data: st.DataObject) -> None:
        client = data.draw(st.sampled_from(self.clients))
        if client.username == "teach":
            grades = client.store.rows("grade")
            if grades:
                gid = data.draw(st.sampled_from(sorted(grades)))
                client.committed.append(client.store.write("grade", gid, "patch", {"score": data.draw(st.integers(0, 100))}))
            return
        students = client.store.rows("student")
        if students:
            sid = data.draw(st.sampled_from(sorted(students)))
            field = data.draw(st.sampled_from(FIELDS))
            value = {"name": f"名{data.draw(st.integers(0, 9))}", "phone": f"1380000{data.draw(st.integers(1000, 9999))}",
                     "email": f"x{data.draw(st.integers(0, 9))}@e.cn", "address": f"地址{data.draw(st.integers(0, 9))}"}[field]
            client.committed.append(client.store.write("student", sid, "patch", {field: value}))

    @precondition(lambda self: any(c.username.startswith("reg") for c in self.clients))
    @rule(code=st.integers(10, 99))
    def create_department(self, code: int) -> None:
        client = next(c for c in self.clients if c.username.startswith("reg"))
        client.committed.append(client.store.write("department", str(uuid.uuid4()), "create",
                                                   {"code": f"{code}{uuid.uuid4().hex[:3]}", "name": f"学院{code}"}))

    @rule(data=st.data(), fault=st.sampled_from(FAULTS))
    def sync(self, data: st.DataObject, fault: str) -> None:
        client = data.draw(st.sampled_from(self.clients))
        client.transport.fault = fault
        try:
            client.engine.sync()
        except SyncError as exc:
            assert exc.kind == SyncErrorKind.NETWORK

    @rule(data=st.data())
    def crash_between_data_and_cursor(self, data: st.DataObject) -> None:
        """The client dies while applying a page, after its rows and before its cursor; it restarts."""
        client = data.draw(st.sampled_from(self.clients))
        client.crash_at_cursor = True
        try:
            client.engine.sync()
        except SimulatedCrashError:
            pass
        except SyncError as exc:
            assert exc.kind == SyncErrorKind.NETWORK
        client.store.close()
        client.open()

    @rule(data=st.data())
    def restart(self, data: st.DataObject) -> None:
        client = data.draw(st.sampled_from(self.clients))
        client.store.close()
        client.open()

    @rule(field=st.sampled_from(("name", "email")), n=st.integers(0, 9))
    def someone_else_edits_on_the_server(self, field: str, n: int) -> None:
        with self.world.sessions.begin() as s:
            student = s.scalars(select(Student).order_by(Student.number)).all()[n % 12]
            setattr(student, field, f"服务器{n}" if field == "name" else f"srv{n}@e.cn")

    @invariant()
    def every_committed_op_is_somewhere(self) -> None:
        with self.world.sessions() as s:
            applied = {(r.client_id, r.op_id) for r in s.scalars(select(AppliedOp))}
        for client in self.clients:
            outbox = {op.op_id for _c, op in client.store.pending_ops(10_000)}
            filed = {c["op_id"] for c in client.store.conflicts(unresolved_only=False)}
            for op_id in client.committed:
                assert op_id in outbox or op_id in filed or (client.store.client_id, op_id) in applied, op_id

    def teardown(self) -> None:
        for _ in range(3):  # quiescence: sync everyone without faults until nothing is pending
            for client in self.clients:
                client.engine.sync()
        for client in self.clients:
            assert client.store.pending_count() == 0
            principal = _principal(self.world, client.username)
            for table in SYNC_TABLES:
                mine = {k: v["row_version"] for k, v in client.store.rows(table).items()}
                assert mine == _server_scope(self.world, principal, table), (client.username, table)
            client.store.close()


def _principal(world: World, username: str) -> Principal:
    from core.models import User

    with world.sessions() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        return Principal.of(user)


def _server_scope(world: World, principal: Principal, table: str) -> dict[str, int]:
    t = Base.metadata.tables[table]
    condition = scope_filter(principal, table)
    stmt = select(t.c.id, t.c.row_version).where(t.c.deleted.is_(False))
    if condition is not None:
        stmt = stmt.where(condition)
    with world.sessions() as s:
        return {r[0]: r[1] for r in s.execute(stmt)}


@pytest.mark.slow
def test_nothing_is_lost(world: World) -> None:
    NothingLost.world = world
    run_state_machine_as_test(NothingLost, settings=settings(
        max_examples=8, stateful_step_count=20, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))
