"""The solver: construction, clash repair, then simulated annealing; anytime and cancellable.

The compiled search runs in chunks of a few hundred thousand moves; between chunks the Python
side checks the time limit and the ``cancel`` event, reports progress and publishes the best
timetable so far, so a caller on another thread can always take it. While clashes remain
(after construction) a repair phase weighs them so heavily that soft costs only break ties;
then the temperature falls geometrically from ``start_temperature`` to ``end_temperature``
over the rest of the run.

A budget longer than one annealing run needs is split into independent runs, each from the
repaired timetable with the full temperature schedule, and the best of all is kept
(``run_moves_per_session``). On comp05 (ITC-2007) the result of a run is settled by its hot
phase: seeds 1-4 gave 369/337/312/328 with 5 million moves and 378/333/308/320 with 10
million, the same within noise, while single runs differ by up to 70 from seed to seed. So
once a run has 60,000 moves per session (9 million on comp05; the result settles by about
33,000 there), more moves are better spent on another run than on a slower schedule. The
larger instances, whose single runs still gain from more moves, keep one run in 60 s (at
40,000 comp06 got two runs and ended at 58, a miss). With ``iterations`` set the run is fully
deterministic for a seed;
with only a time limit the number of moves is estimated from the measured speed, so the end
point depends on the machine (the trajectory for a seed is the same: a longer run extends a
shorter one's path). See docs/timetabling.md.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core.timetabling.compile import CompiledProblem, compile_problem
from core.timetabling.evaluate import CostBreakdown, evaluate
from core.timetabling.explain import Explanation, explain
from core.timetabling.kernel import State, Static, insert, make_state, make_static, objective
from core.timetabling.model import Problem
from core.timetabling.search import (
    RATE_KEMPE,
    RATE_SWAP,
    RATE_TASK_ROOM,
    anneal,
    construct,
    sample_uphill,
    seed,
)

ProgressFn = Callable[[int, int], None]
# Clash repair: clashes weigh so much that soft costs only break ties, at a temperature
# where moves that keep the clash count are taken freely (a walk on the plateaus of equal
# clash count finds exits that a descent misses) and an extra clash almost never; at most
# this share of the budget. At 0.3 the walk settled at 16 clashes on comp06; at 0.1 every
# ITC instance is clash-free within 20,000 moves.
REPAIR_WEIGHT = 1_000_000
REPAIR_TEMPERATURE = 0.1
REPAIR_SHARE = 0.3
REPAIR_CHUNK = 20_000


@dataclass(frozen=True)
class SolverOptions:
    """Knobs of a run. The defaults are tuned on the ITC-2007 instances (docs/timetabling.md).

    Both temperatures are multiplied by ``max(1, m / temperature_reference) ** 1.5``, where
    ``m`` is the median cost of a random uphill move when annealing starts: an instance whose
    costs run in tens is annealed hotter. It was tuned when comp05 started annealing at
    m = 20; since the moves of 2026-12-03 its m is 10-14, like comp02/comp03 (8-20), so the
    scale is 1-1.7 there, and on comp05 fixed scales of 1, 2 and 3 gave the same mean (335,
    330, 341; 10 million moves, seeds 1-4). ``None`` turns the scaling off.

    ``run_moves_per_session``: the length of one annealing run in moves per movable
    session; a budget holding two or more such runs is split into independent runs (the
    last one ends with the budget). ``None``: one run over the whole budget.
    """

    time_limit: float = 60.0
    iterations: int | None = None
    seed: int = 0
    hard_weight: int = 300
    start_temperature: float = 3.0
    end_temperature: float = 0.15
    temperature_reference: float | None = 10.0
    swap_rate: float = 0.15
    kempe_rate: float = 0.1
    task_room_rate: float = 0.05
    chunk: int = 250_000
    run_moves_per_session: int | None = 60_000


@dataclass(frozen=True)
class Placement:
    """Where one session was put."""

    task_id: str
    session: int
    day: int
    period: int
    room_id: str


@dataclass
class SolveResult:
    """What a run produced: the best timetable found and how good it is."""

    placements: list[Placement]
    cost: CostBreakdown
    explanations: list[Explanation] = field(default_factory=list)
    iterations: int = 0
    elapsed: float = 0.0
    cancelled: bool = False
    ev_t: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32), repr=False)
    ev_r: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32), repr=False)


class Solver:
    """One solving run over a problem; :meth:`best` may be called from any thread."""

    def __init__(self, problem: Problem | CompiledProblem, options: SolverOptions | None = None,
                 ) -> None:
        self.cp = problem if isinstance(problem, CompiledProblem) else compile_problem(problem)
        self.options = options or SolverOptions()
        self._lock = threading.Lock()
        self._best_t = np.full(self.cp.n_events, -1, np.int32)
        self._best_r = np.full(self.cp.n_events, -1, np.int32)
        opt = self.options
        self._rates = np.zeros(3, np.float64)
        self._rates[[RATE_KEMPE, RATE_SWAP, RATE_TASK_ROOM]] = (
            opt.kempe_rate, opt.swap_rate, opt.task_room_rate)

    def best(self) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the best start periods and rooms found so far (-1: unplaced)."""
        with self._lock:
            return self._best_t.copy(), self._best_r.copy()

    def _publish(self, ev_t: np.ndarray, ev_r: np.ndarray) -> None:
        with self._lock:
            self._best_t[:] = ev_t
            self._best_r[:] = ev_r

    def _start(self) -> tuple[Static, State]:
        cp, opt = self.cp, self.options
        static, state = make_static(cp), make_state(cp)
        seed(opt.seed)
        for e in np.flatnonzero(cp.ev_locked):
            insert(static, state, e, cp.ev_fixed_t[e], cp.ev_fixed_r[e], opt.hard_weight)
        # most constrained first: fewest (start, room) choices, then longest, then most people
        n_starts = np.diff(static.ev_starts_ptr)
        n_rooms = np.diff(static.ev_rooms_ptr)
        n_res = np.diff(cp.ev_res_ptr)
        order = np.lexsort((-n_res, -cp.ev_len, n_starts * n_rooms)).astype(np.int32)
        construct(static, state, order, opt.hard_weight)
        movable = np.flatnonzero(~cp.ev_locked & (state.ev_t >= 0)).astype(np.int32)
        self._static = static._replace(movable=movable)
        return self._static, state

    def run(self, on_progress: ProgressFn | None = None,
            cancel: threading.Event | None = None) -> SolveResult:
        """Construct, repair clashes, then anneal until the time limit, the iteration budget
        or ``cancel``; returns the best timetable seen (fewest hard violations first)."""
        opt, began = self.options, time.perf_counter()
        static, state = self._start()
        best_t, best_r = state.ev_t.copy(), state.ev_r.copy()
        hard = int(state.tot[0] + state.tot[1])
        best_obj = np.array([hard, objective(state, 0)], np.int64)
        self._publish(best_t, best_r)
        done, budget, cancelled = 0, opt.iterations or 200_000, False
        search_began = time.perf_counter()  # construction time is not search speed
        repaired: int | None = None  # move count when the timetable became clash-free
        while static.movable.size:
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            budget = self._budget(done, budget, began, search_began)
            if done >= budget:
                break
            if repaired is None and best_obj[0] > 0 and done < REPAIR_SHARE * budget:
                n = min(REPAIR_CHUNK, budget - done)
                anneal(static, state, REPAIR_WEIGHT, n, REPAIR_TEMPERATURE * REPAIR_WEIGHT, 1.0,
                       self._rates, False, best_t, best_r, best_obj)
            else:
                if repaired is None:
                    # the repair walk may have wandered off its clash-free best: start there
                    repaired, state = done, self._restore(best_t, best_r)
                    start_t, start_r = best_t.copy(), best_r.copy()
                    temps = self._temperatures(static, state)
                    run_began, run_end = done, self._run_end(done, budget)
                elif run_end is not None and done >= run_end:
                    # the run is over: the next one anneals again from the repaired timetable
                    state = self._restore(start_t, start_r)
                    run_began, run_end = done, self._run_end(done, budget)
                if run_end is None:
                    # a time limit's budget is an estimate (a placeholder before the first
                    # chunk when construction left no clash): plan the run again
                    run_end = self._run_end(run_began, budget)
                end = budget if run_end is None else min(run_end, budget)
                n = min(opt.chunk, end - done)
                self._anneal(static, state, done - run_began, end - run_began, n, temps,
                             best_t, best_r, best_obj)
            done += n
            self._publish(best_t, best_r)
            if on_progress is not None:
                on_progress(*self._progress(done, budget, began))
        return self._result(best_t, best_r, done, time.perf_counter() - began, cancelled)

    def _restore(self, ev_t: np.ndarray, ev_r: np.ndarray) -> State:
        state = make_state(self.cp)
        hard_weight = self.options.hard_weight
        for e in np.flatnonzero(ev_t >= 0):
            insert(self._static, state, e, ev_t[e], ev_r[e], hard_weight)
        return state

    def _run_end(self, done: int, budget: int) -> int | None:
        """Where the annealing run starting at move ``done`` ends (None: with the budget).

        The budget left is split into as many runs as hold ``run_moves_per_session`` moves
        per movable session each; the last run (or the only one) ends with the budget, which
        a time limit keeps re-estimating.
        """
        per_session = self.options.run_moves_per_session
        if per_session is None:
            return None
        runs = (budget - done) // max(per_session * self._static.movable.size, 1)
        return None if runs < 2 else done + (budget - done) // runs

    def _budget(self, done: int, budget: int, began: float, search_began: float) -> int:
        """With a time limit, re-estimate the number of moves left from the speed so far."""
        opt = self.options
        if opt.iterations is not None:
            return budget
        now = time.perf_counter()
        if now - began >= opt.time_limit:
            return done
        if not done:
            return budget
        speed = done / max(now - search_began, 1e-6)
        return done + max(int(speed * (opt.time_limit - (now - began))), 1)

    def _temperatures(self, static: Static, state: State) -> tuple[float, float]:
        opt = self.options
        scale = 1.0
        if opt.temperature_reference is not None:
            uphill = np.zeros(400, np.int64)
            n = sample_uphill(static, state, opt.hard_weight, uphill)
            if n:
                ratio = float(np.median(uphill[:n])) / opt.temperature_reference
                # 1.5: on comp05 a linear scale (x2) gave 345, x2.86 gave 313 (same seed);
                # a lower reference instead would also heat comp07, which got worse (30 -> 38)
                scale = max(1.0, ratio) ** 1.5
        return opt.start_temperature * scale, opt.end_temperature * scale

    def _anneal(self, static: Static, state: State, done: int, budget: int, n: int,
                temps: tuple[float, float], best_t: np.ndarray, best_r: np.ndarray,
                best_obj: np.ndarray) -> None:
        """One chunk of the main annealing, its temperature falling over ``budget`` moves."""
        opt = self.options
        ratio = temps[1] / temps[0]
        temp = temps[0] * ratio ** min(done / max(budget, 1), 1.0)
        anneal(static, state, opt.hard_weight, n, temp, ratio ** (1.0 / max(budget, 1)),
               self._rates, True, best_t, best_r, best_obj)

    def _progress(self, done: int, budget: int, began: float) -> tuple[int, int]:
        if self.options.iterations is not None:
            return min(done, budget), budget
        spent = int(1000 * (time.perf_counter() - began) / max(self.options.time_limit, 1e-9))
        return min(spent, 1000), 1000

    def _result(self, ev_t: np.ndarray, ev_r: np.ndarray, iterations: int, elapsed: float,
                cancelled: bool) -> SolveResult:
        cp = self.cp
        problem = cp.problem
        placements = [
            Placement(problem.tasks[cp.ev_task[e]].id, int(cp.ev_session[e]),
                      int(ev_t[e]) // cp.ppd, int(ev_t[e]) % cp.ppd,
                      problem.rooms[ev_r[e]].id)
            for e in range(cp.n_events) if ev_t[e] >= 0]
        cost = evaluate(cp, ev_t, ev_r)
        explanations = explain(cp, ev_t, ev_r) if not cost.feasible else []
        return SolveResult(placements, cost, explanations, iterations, elapsed, cancelled,
                           ev_t.copy(), ev_r.copy())


def solve(problem: Problem | CompiledProblem, options: SolverOptions | None = None,
          on_progress: ProgressFn | None = None,
          cancel: threading.Event | None = None) -> SolveResult:
    """Solve ``problem``; see :class:`Solver` (raises InvalidProblemError on bad data)."""
    return Solver(problem, options).run(on_progress=on_progress, cancel=cancel)
