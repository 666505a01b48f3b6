"""The client's side of the check: the same count and digest the server computes."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from sync.client import schema as s
from sync.client.store import ReplicaStore


def table_digest(pairs: list[tuple[str, int]]) -> str:
    h = hashlib.sha256()
    for row_id, version in sorted(pairs):
        h.update(f"{row_id}:{version}\n".encode())
    return h.hexdigest()


def local_checks(store: ReplicaStore) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    with store.engine.connect() as conn:
        for name, table in s.REPLICA.items():
            pairs = [(r[0], int(r[1])) for r in conn.execute(select(table.c.id, table.c.row_version))]
            out[name] = (len(pairs), table_digest(pairs))
    return out
