"""Demo-term budget: the demo university's current term, feasible within 60 s on one core,
peak memory at most 500 MB (docs/benchmarks.md).

    .venv/bin/python bench/timetable_demo.py [--time 60] [--seed 1]

Prints the problem size, hard violations and soft cost by constraint, the time to build the
problem and to solve it, peak memory (resident set of the whole process, which includes
generating the full demo university, and the solver's own Python allocations by tracemalloc),
and ends with one JSON object on its last line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.timetabling.demo_term import demo_problem  # noqa: E402
from core.timetabling.solver import SolverOptions, solve  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    began = time.perf_counter()
    problem = demo_problem(seed=args.seed)
    built = time.perf_counter() - began
    tracemalloc.start()
    result = solve(problem, SolverOptions(time_limit=args.time, seed=args.seed))
    _, solver_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sessions = sum(len(t.sessions) for t in problem.tasks)
    print(f"demo term (seed {args.seed}): {len(problem.tasks)} tasks, {sessions} sessions, "
          f"{len(problem.classes)} classes, {len(problem.teachers)} teachers, "
          f"{len(problem.rooms)} rooms; built in {built:.1f} s")
    print(result.cost.format())
    for explanation in result.explanations[:10]:
        print(explanation.format())
    print(f"solved in {result.elapsed:.1f} s ({result.iterations} moves); peak RSS {rss_mb:.0f} MB, "
          f"solver Python allocations peak {solver_peak / 2**20:.0f} MB")
    print(json.dumps({
        "bench": "timetable_demo", "seed": args.seed, "time_limit": args.time,
        "tasks": len(problem.tasks), "sessions": sessions, "classes": len(problem.classes),
        "teachers": len(problem.teachers), "rooms": len(problem.rooms),
        "feasible": result.cost.feasible, "hard": result.cost.hard_total,
        "soft": result.cost.soft_total, "soft_by_constraint": result.cost.soft,
        "build_seconds": round(built, 1), "solve_seconds": round(result.elapsed, 1),
        "iterations": result.iterations, "peak_rss_mb": round(rss_mb),
        "solver_tracemalloc_peak_mb": round(solver_peak / 2**20, 1),
        "within_budget": result.cost.feasible and rss_mb <= 500,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
