"""The client's side of the check: the same count and digest the server computes."""

from __future__ import annotations

from sqlalchemy import select

from sync.client import schema as s
from sync.client.store import ReplicaStore
from sync.protocol import table_digest


def local_checks(store: ReplicaStore) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    with store.engine.connect() as conn:
        for name, table in s.REPLICA.items():
            pairs = [(r[0], int(r[1])) for r in conn.execute(select(table.c.id, table.c.row_version))]
            out[name] = (len(pairs), table_digest(pairs))
    return out
