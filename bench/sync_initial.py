"""Initial sync of the demo university into an empty registrar client (DESIGN §7).

Budget: ≤ 30 s, and ≤ 3× the time to bulk-insert the same rows into an empty SQLite file
(measured in the same run). Prints the figures; the last line is one JSON object.
Usage: python bench/sync_initial.py [--seed N] [--page-limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._live import login, seeded_data_dir, server_process  # noqa: E402
from sync.client import schema as local  # noqa: E402
from sync.client.engine import SyncEngine  # noqa: E402
from sync.client.store import ReplicaStore  # noqa: E402
from sync.client.transport import HttpTransport  # noqa: E402


def bulk_insert_baseline(source: ReplicaStore, target: Path) -> float:
    """Copy every replica row into an empty SQLite file with executemany: the floor for a sync."""
    tables = {}
    with source.engine.connect() as conn:
        for name, table in local.REPLICA.items():
            tables[name] = [dict(r) for r in conn.execute(select(table)).mappings()]
    engine = create_engine(f"sqlite:///{target}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    local.metadata.create_all(engine)
    started = time.perf_counter()
    with engine.begin() as conn:
        for name, rows in tables.items():
            if rows:
                conn.execute(local.REPLICA[name].insert(), rows)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--page-limit", type=int, default=5000)
    parser.add_argument("--data-dir", type=Path, default=None, help="reuse a seeded server data dir")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jiaowu-bench-"))
    data, accounts = seeded_data_dir(args.seed, cache=args.data_dir)
    registrar = next(a for a in accounts if a.role == "registrar")
    with server_process(data) as url:
        token = login(url, registrar.username, registrar.password)
        store = ReplicaStore(work / "client.db")
        engine = SyncEngine(store, HttpTransport(url, lambda: token, timeout=120), page_limit=args.page_limit,
                            check=False)
        started = time.perf_counter()
        report = engine.sync()
        sync_seconds = time.perf_counter() - started
        started = time.perf_counter()
        mismatches = engine.check(report)
        check_seconds = time.perf_counter() - started
    rows = sum(len(store.rows(t)) for t in ("student", "grade"))
    total = report.pulled
    bulk = bulk_insert_baseline(store, work / "bulk.db")
    result = {
        "benchmark": "sync_initial", "rows": total, "students_and_grades": rows, "pages": report.pages,
        "page_limit": args.page_limit, "seconds": round(sync_seconds, 2),
        "rows_per_second": round(total / sync_seconds), "bulk_insert_seconds": round(bulk, 2),
        "ratio_to_bulk_insert": round(sync_seconds / bulk, 2), "check_seconds": round(check_seconds, 2),
        "check_ok": not mismatches, "budget_seconds": 30, "budget_ratio": 3,
    }
    print(f"initial sync: {total:,} rows in {sync_seconds:.1f} s ({total / sync_seconds:,.0f} rows/s), "
          f"{report.pages} pages; bulk insert {bulk:.1f} s; ratio {sync_seconds / bulk:.2f}; check {check_seconds:.1f} s")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
