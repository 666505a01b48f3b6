"""1,000 offline edits pushed and pulled back (DESIGN §7: ≤ 2 s).

A department secretary's replica of the demo university makes 1,000 edits offline, then one
sync pushes them and pulls the resulting rows back. Prints the figures; the last line is JSON.
Usage: python bench/sync_offline_edits.py [--edits N] [--data-dir D]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._live import login, seeded_data_dir, server_process  # noqa: E402
from sync.client.engine import SyncEngine  # noqa: E402
from sync.client.store import ReplicaStore  # noqa: E402
from sync.client.transport import HttpTransport  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--data-dir", type=Path, default=None, help="reuse a seeded server data dir")
    args = parser.parse_args()
    data, accounts = seeded_data_dir(cache=args.data_dir)
    secretary = next(a for a in accounts if a.role == "dept_staff")
    with server_process(data) as url:
        token = login(url, secretary.username, secretary.password)
        store = ReplicaStore(Path(tempfile.mkdtemp()) / "client.db")
        engine = SyncEngine(store, HttpTransport(url, lambda: token, timeout=120), page_limit=5000, check=False)
        started = time.perf_counter()
        engine.sync()
        initial = time.perf_counter() - started
        students = sorted(store.rows("student"))
        run = int(time.time()) % 10_000  # fresh values each run, so every edit is a real change
        started = time.perf_counter()
        for i in range(args.edits):
            store.write("student", students[i % len(students)], "patch",
                        {"address": f"{run}号楼{i}室", "phone": f"13{run % 10}{i:08d}"})
        local_writes = time.perf_counter() - started
        started = time.perf_counter()
        report = engine.sync()
        round_trip = time.perf_counter() - started
    result = {"benchmark": "sync_offline_edits", "edits": args.edits, "replica_students": len(students),
              "initial_sync_seconds": round(initial, 2), "local_write_seconds": round(local_writes, 2),
              "push_and_pull_seconds": round(round_trip, 3), "applied": report.applied,
              "conflicts": report.conflicts + report.rejected, "pulled_back": report.pulled, "budget_seconds": 2}
    print(f"{args.edits} offline edits: local writes {local_writes:.2f} s; push + pull back {round_trip:.2f} s "
          f"({report.applied} applied, {report.pulled} rows pulled back)")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
