"""Benchmark: generate the demo university and bulk-insert it into an empty SQLite file.

Budget (issue 2): generate + insert ≤ 30 s on the standard 2-core machine. Prints the
figures, then one JSON object on the last line.

    .venv/bin/python bench/demo_generate.py [--seed N] [--today YYYY-MM-DD] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from core.demo import generate, insert_rows
from core.demo.checks import term_figures
from core.models import Base

BUDGET_SECONDS = 30.0


def sqlite_engine(path: Path) -> Engine:
    """An engine with the pragmas the server uses: WAL, synchronous=NORMAL, foreign keys."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def run(seed: int, today: date, db: Path, *, trace_memory: bool) -> dict[str, Any]:
    if trace_memory:
        tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    university = generate(seed, today=today)
    generated, cpu_generated = time.perf_counter(), time.process_time()
    python_peak = tracemalloc.get_traced_memory()[1] if trace_memory else None
    engine = sqlite_engine(db)
    Base.metadata.create_all(engine)
    insert_started = time.perf_counter()
    with engine.begin() as connection:
        counts = insert_rows(connection, university)
    inserted, cpu_inserted = time.perf_counter(), time.process_time()
    engine.dispose()
    figures = term_figures(university)
    return {
        "bench": "demo_generate", "seed": seed, "today": today.isoformat(),
        "generate_s": round(generated - started, 2), "insert_s": round(inserted - insert_started, 2),
        "total_s": round(generated - started + inserted - insert_started, 2),
        "budget_s": BUDGET_SECONDS,
        # CPU seconds of this process: wall time on a busy machine includes other processes.
        "generate_cpu_s": round(cpu_generated - cpu_started, 2),
        "insert_cpu_s": round(cpu_inserted - cpu_generated, 2),
        "rows": sum(counts.values()), "counts": counts,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "python_peak_mib": round(python_peak / 2**20) if python_peak else None,
        "db_mib": round(db.stat().st_size / 2**20),
        "term": {
            "tasks": figures.tasks, "max_class_load": figures.max_class_load,
            "max_teacher_load": figures.max_teacher_load,
            "room_share": {f.room_type: f.worst_share for f in figures.room_types.values()},
            "problems": figures.problems(),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--db", type=Path, help="SQLite file to create (default: a temporary one)")
    parser.add_argument("--trace-memory", action="store_true",
                        help="also report Python's own peak allocation (slows generation ~2x)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "demo.db"
        if db.exists():
            parser.error(f"{db} exists; the benchmark inserts into an empty database")
        result = run(args.seed, args.today, db, trace_memory=args.trace_memory)
    for table, count in result["counts"].items():
        print(f"{table:24} {count:>9,}")
    term = result["term"]
    print(f"term: {term['tasks']} tasks, class load ≤ {term['max_class_load']}, teacher load ≤ "
          f"{term['max_teacher_load']}, worst room share {term['room_share']}")
    print(f"generate {result['generate_s']} s, insert {result['insert_s']} s, "
          f"total {result['total_s']} s (budget {BUDGET_SECONDS:.0f} s), "
          f"peak RSS {result['peak_rss_mib']} MiB")
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["total_s"] <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
