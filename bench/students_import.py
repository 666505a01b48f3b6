"""Budget (issue 5): validating a 12,000-row student .xlsx takes ≤ 10 s.

Builds the demo university (``core.demo.generate``), exports its students with
``write_students`` to a temporary .xlsx (padded to ``--rows`` with rows whose ID number has a
wrong check digit, so the report has rejections to list), then times ``read_students`` on it:
opening, streaming, validating every row, resolving classes, finding duplicates. Prints the
figures (wall clock, the process's CPU time, and the load average, since other work on the
machine stretches the wall clock) and, on its last line, one JSON object.

    .venv/bin/python bench/students_import.py [--rows 12000] [--runs 3] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BUDGET_S = 10.0
TODAY = date(2026, 12, 3)  # the demo is generated for a fixed day, so the figures repeat


def build_rows(students: list[dict[str, object]], count: int) -> list[dict[str, object]]:
    """``count`` rows: the demo's students, then copies with a fresh number and a bad check digit."""
    rows = [dict(s) for s in students[:count]]
    step = max(len(students) // max(count - len(rows), 1), 1)
    for extra in range(count - len(rows)):
        source = dict(students[(extra * step) % len(students)])
        good = str(source["id_number"])
        source["number"] = str(source["number"])[:10] + "99"
        source["id_number"] = good[:17] + ("0" if good[17] != "0" else "1")
        rows.append(source)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=12_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from core.demo.generate import generate
    from core.imports.reference import ExistingStudents, ImportReference
    from core.imports.students_xlsx import read_students, write_students

    t0 = time.perf_counter()
    demo = generate(args.seed, today=TODAY)
    reference = ImportReference.from_rows(departments=demo.rows["department"], majors=demo.rows["major"],
                                          classes=demo.rows["school_class"])
    rows = build_rows(demo.rows["student"], args.rows)
    print(f"demo university generated in {time.perf_counter() - t0:.1f} s; {len(rows):,} rows to import", flush=True)
    with tempfile.TemporaryDirectory(prefix="jiaowu-bench-") as tmp:
        path = Path(tmp) / "students.xlsx"
        t0 = time.perf_counter()
        write_students(path, rows, reference=reference)
        write_s = time.perf_counter() - t0
        print(f"written in {write_s:.2f} s ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
        times, cpu, report = [], [], None
        for run in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            report = read_students(path, reference=reference, existing=ExistingStudents(), today=TODAY)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            print(f"  run {run}: validated in {times[-1]:.2f} s ({cpu[-1]:.2f} s CPU, load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs): {report.counts()}", flush=True)
        assert report is not None
        size = path.stat().st_size
    result = {"rows": report.total_rows, "validate_s": round(statistics.median(times), 2),
              "validate_max_s": round(max(times), 2), "validate_cpu_s": round(statistics.median(cpu), 2),
              "load_average": round(os.getloadavg()[0], 1), "accepted": len(report.accepted),
              "rejected": len(report.rejected_rows), "write_s": round(write_s, 2), "bytes": size,
              "budget_s": BUDGET_S}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
