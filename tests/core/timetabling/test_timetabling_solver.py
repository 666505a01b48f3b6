"""Solver behaviour: determinism, anytime cancellation, progress, locks, infeasibility."""

from __future__ import annotations

import threading

import numpy as np
from timetabling_cases import generic_problem, problem

from core.timetabling.model import FixedPlacement, Room, Task, Teacher
from core.timetabling.solver import Solver, SolverOptions, solve


def test_same_seed_same_timetable_other_seed_other_path() -> None:
    p = generic_problem(2)
    a = solve(p, SolverOptions(iterations=60_000, seed=5))
    b = solve(p, SolverOptions(iterations=60_000, seed=5))
    c = solve(p, SolverOptions(iterations=60_000, seed=6))
    assert a.placements == b.placements
    assert a.cost == b.cost
    assert a.placements != c.placements
    assert a.cost.feasible


def test_a_budget_longer_than_one_run_anneals_several_runs_from_the_repaired_timetable(
        monkeypatch) -> None:
    p = generic_problem(2)
    opts = SolverOptions(iterations=120_000, seed=5, chunk=10_000, run_moves_per_session=200)
    starts: list[int] = []
    restore = Solver._restore

    def counting_restore(self, ev_t, ev_r):
        starts.append(int(ev_t.sum()))
        return restore(self, ev_t, ev_r)

    monkeypatch.setattr(Solver, "_restore", counting_restore)
    a = solve(p, opts)
    assert len(starts) >= 3  # the first run and at least two more
    assert len(set(starts)) == 1  # every run starts from the same (repaired) timetable
    b = solve(p, opts)
    assert a.placements == b.placements and a.cost == b.cost  # still deterministic
    assert a.cost.feasible and a.iterations == 120_000


def test_progress_is_reported_and_reaches_the_budget() -> None:
    seen: list[tuple[int, int]] = []
    solve(generic_problem(3), SolverOptions(iterations=50_000, chunk=10_000),
          on_progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 4  # at most 10,000 moves a chunk (clash repair runs 20,000 at most)
    assert seen[-1] == (50_000, 50_000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_returns_the_best_so_far_quickly() -> None:
    cancel = threading.Event()
    calls = []

    def on_progress(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 2:
            cancel.set()

    solver = Solver(generic_problem(4), SolverOptions(time_limit=60, chunk=5_000))
    result = solver.run(on_progress=on_progress, cancel=cancel)
    assert result.cancelled
    assert result.elapsed < 30
    assert len(calls) == 2
    best_t, best_r = solver.best()
    assert (best_t >= 0).all()
    assert np.array_equal(best_t, result.ev_t) and np.array_equal(best_r, result.ev_r)


def test_time_limit_is_kept() -> None:
    result = solve(generic_problem(5), SolverOptions(time_limit=1.5))
    assert result.elapsed < 5
    assert result.iterations > 0


def test_fixed_placements_stay_where_they_are() -> None:
    p = generic_problem(6)
    fixed = (FixedPlacement("X1", 0, 2, 4, "C3"),)
    locked = problem(list(p.tasks), rooms=list(p.rooms), teachers=list(p.teachers), fixed=fixed)
    result = solve(locked, SolverOptions(iterations=30_000))
    spot = [x for x in result.placements if (x.task_id, x.session) == ("X1", 0)]
    assert [(x.day, x.period, x.room_id) for x in spot] == [(2, 4, "C3")]


def test_infeasible_problem_explains_what_blocked_each_session() -> None:
    # T1 has 10 free periods for five 2-period blocks, but in runs of three: only 3 blocks fit.
    free = {(d, p) for d in range(3) for p in range(3)} | {(3, 0)}
    blocked = frozenset((d, p) for d in range(5) for p in range(8)) - free
    tasks = [Task(f"A{i}", sessions=(2,), classes=(f"K{i}",), teachers=("T1",), students=10)
             for i in range(5)]
    p = problem(tasks, rooms=[Room("R1", 50), Room("R2", 50)],
                teachers=[Teacher("T1", unavailable=blocked)])
    result = solve(p, SolverOptions(iterations=40_000))
    assert not result.cost.feasible
    assert result.explanations
    text = "\n".join(x.format() for x in result.explanations)
    first = result.explanations[0]
    reasons = dict(first.reasons)
    assert first.candidates == 30  # 6 starts a day that do not cross noon
    assert reasons["teacher T1 unavailable"] == 30 - 6  # free starts: periods 0 and 1, days 0-2
    assert reasons["teacher T1 busy"] >= 1
    assert "teacher T1" in text


def test_session_with_no_room_open_is_reported_unplaced() -> None:
    closed = frozenset((d, p) for d in range(5) for p in range(8))
    rooms = [Room("R1", 50, unavailable=closed)]
    p = problem([Task("A", sessions=(2,), classes=("K1",), teachers=("T1",), students=10)],
                rooms=rooms)
    result = solve(p, SolverOptions(iterations=1_000))
    assert result.cost.hard["unplaced sessions"] == 1
    assert dict(result.explanations[0].reasons)["no suitable room free"] == 30
