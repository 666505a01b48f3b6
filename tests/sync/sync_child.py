"""A desktop-like sync client in its own process, for the kill -9 tests.

Usage: python sync_child.py URL STORE USERNAME PASSWORD MODE
MODE ``edit-and-sync`` queues 60 edits then syncs in small batches; ``sync`` just syncs.
Each committed batch or page prints a line, so the parent knows when to kill.
"""

from __future__ import annotations

import sys

import httpx

from sync.client.engine import SyncEngine
from sync.client.store import ReplicaStore
from sync.client.transport import HttpTransport


def main() -> int:
    url, path, username, password, mode = sys.argv[1:6]
    token = httpx.post(f"{url}/auth/login", json={"username": username, "password": password}, timeout=30).json()["token"]
    store = ReplicaStore(path)
    engine = SyncEngine(store, HttpTransport(url, lambda: token), page_limit=4, push_batch=3, check=False)
    if mode == "edit-and-sync":
        students = sorted(store.rows("student"))
        for i in range(60):
            store.write("student", students[i % len(students)], "patch", {"address": f"第{i}号"})
        print("edits-queued", flush=True)
    engine.sync(on_progress=lambda done, total: print(f"progress {done}/{total}", flush=True))
    print(f"done pending={store.pending_count()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
