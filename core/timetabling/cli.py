"""``jiaowu timetable …``: solve an ITC-2007 instance or the demo university's term.

``cli/main.py`` calls :func:`register`; each handler takes the parsed arguments and returns
the exit code (0 solved feasibly, 1 bad input, 2 no feasible timetable found in time).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from core.timetabling.errors import TimetablingError
from core.timetabling.solver import SolveResult, SolverOptions, solve

EXIT_BAD_INPUT, EXIT_INFEASIBLE = 1, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``timetable`` command group with its ``itc`` and ``demo`` commands."""
    group = subparsers.add_parser(
        "timetable", help="timetabling 排课: solve ITC-2007 instances or the demo term",
        description="Timetabling engine 排课. See docs/timetabling.md.")
    commands = group.add_subparsers(dest="timetable_command", metavar="ACTION")
    group.set_defaults(handler=lambda _args: _print_help(group))
    itc = commands.add_parser("itc", help="solve an ITC-2007 Track 3 .ctt instance",
                              description="Solve a .ctt instance and print the official "
                              "cost breakdown (the competition validator's figures).")
    itc.add_argument("instance", type=Path, help="the .ctt file")
    _common(itc)
    itc.add_argument("-o", "--output", type=Path, help="write the solution file here")
    itc.set_defaults(handler=_run_itc)
    demo = commands.add_parser("demo", help="solve the demo university's current term",
                               description="Generate the demo university and timetable its "
                               "current term; prints hard violations and soft cost by constraint.")
    _common(demo)
    demo.set_defaults(handler=_run_demo)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--time", type=float, default=60.0, help="time limit in seconds")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same path)")
    parser.add_argument("--iterations", type=int, default=None,
                        help="fixed number of moves instead of a time limit (reproducible)")


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _options(args: argparse.Namespace) -> SolverOptions:
    return SolverOptions(time_limit=args.time, seed=args.seed, iterations=args.iterations)


def _progress(done: int, total: int) -> None:
    print(f"\r{100 * done // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)


def _run_itc(args: argparse.Namespace) -> int:
    from core.timetabling.itc2007 import format_solution, read_ctt, to_entries, to_problem
    from core.timetabling.itc_eval import evaluate_itc

    try:
        inst = read_ctt(args.instance)
        result = solve(to_problem(inst), _options(args), on_progress=_progress)
    except (TimetablingError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(file=sys.stderr)
    entries = to_entries(result.placements)
    if args.output:
        args.output.write_text(format_solution(entries), encoding="utf-8")
    cost = evaluate_itc(inst, entries)
    print(f"{inst.name}: {result.iterations} moves in {result.elapsed:.1f} s")
    print(cost.format())
    return 0 if cost.hard == 0 else EXIT_INFEASIBLE


def _run_demo(args: argparse.Namespace) -> int:
    from core.timetabling.demo_term import demo_problem

    began = time.perf_counter()
    try:
        problem = demo_problem(seed=args.seed)
        print(f"demo term: {len(problem.tasks)} tasks, "
              f"{sum(len(t.sessions) for t in problem.tasks)} sessions, "
              f"{len(problem.classes)} classes, {len(problem.teachers)} teachers, "
              f"{len(problem.rooms)} rooms (built in {time.perf_counter() - began:.1f} s)")
        result = solve(problem, _options(args), on_progress=_progress)
    except TimetablingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(file=sys.stderr)
    return _report(result)


def _report(result: SolveResult) -> int:
    print(f"{result.iterations} moves in {result.elapsed:.1f} s")
    print(result.cost.format())
    for explanation in result.explanations[:20]:
        print(explanation.format())
    return 0 if result.cost.feasible else EXIT_INFEASIBLE
