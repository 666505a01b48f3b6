"""Incremental (delta) evaluation equals full evaluation after long random move sequences."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from timetabling_cases import generic_problem

from core.timetabling.compile import compile_problem
from core.timetabling.evaluate import evaluate
from core.timetabling.itc2007 import read_ctt, to_problem
from core.timetabling.kernel import (
    HARD_RES,
    HARD_ROOM,
    N_COMPONENTS,
    REJECT,
    can_place,
    insert,
    make_state,
    make_static,
    move_delta,
    objective,
    remove,
)
from core.timetabling.search import (
    APPLIED,
    CHAIN_R,
    NOT_MADE,
    _propose_kempe,
    _propose_swap,
    _propose_task_room,
    _undo,
    anneal,
    construct,
    seed,
)
from core.timetabling.solver import Solver, SolverOptions

DATA = Path(__file__).resolve().parents[3] / "assets" / "data" / "itc2007"
HW = 7
RATES = np.array([0.2, 0.3, 0.1])  # Kempe chains, swaps, task room moves (search.RATE_*)


def full_totals(cp, ev_t, ev_r) -> list[int]:
    """The kernel's component vector, recomputed from scratch by the independent evaluator."""
    cost = evaluate(cp, ev_t, ev_r)
    hard = [cost.hard["teacher/class conflicts"], cost.hard["room conflicts"]]
    assert cost.hard["outside the domain"] == 0
    return hard + list(cost.soft.values())


def problems():
    yield "generic", compile_problem(generic_problem(1))
    yield "comp01", compile_problem(to_problem(read_ctt(DATA / "comp01.ctt")))
    yield "comp05", compile_problem(to_problem(read_ctt(DATA / "comp05.ctt")))


@pytest.mark.parametrize(("name", "cp"), list(problems()), ids=lambda v: v if isinstance(v, str) else "")
def test_python_driven_random_moves(name: str, cp) -> None:
    S, X = make_static(cp), make_state(cp)
    rng = np.random.default_rng(7)
    starts = [np.flatnonzero(cp.ev_start_ok[e]) for e in range(cp.n_events)]
    rooms = [np.flatnonzero(cp.ev_room_ok[e]) for e in range(cp.n_events)]
    running = objective(X, HW)
    for step in range(3000):
        e = int(rng.integers(cp.n_events))
        if X.ev_t[e] >= 0 and rng.random() < 0.3:
            running += remove(S, X, e, HW)
            continue
        t, r = int(rng.choice(starts[e])), int(rng.choice(rooms[e]))
        if not can_place(S, e, t, r):
            continue
        if X.ev_t[e] >= 0:
            running += remove(S, X, e, HW)
        running += insert(S, X, e, t, r, HW)
        if step % 500 == 0:
            assert list(X.tot) == full_totals(cp, X.ev_t, X.ev_r)
    assert list(X.tot) == full_totals(cp, X.ev_t, X.ev_r)
    assert running == objective(X, HW)


@pytest.mark.parametrize(("name", "cp"), list(problems()), ids=lambda v: v if isinstance(v, str) else "")
def test_annealing_moves_keep_totals_exact(name: str, cp) -> None:
    """Hot annealing accepts most moves (swaps, Kempe chains, room moves): a long mixed walk."""
    S, X = make_static(cp), make_state(cp)
    seed(11)
    construct(S, X, np.arange(cp.n_events, dtype=np.int32), HW)
    S = S._replace(movable=np.flatnonzero(X.ev_t >= 0).astype(np.int32))
    best_t, best_r = X.ev_t.copy(), X.ev_r.copy()
    hard = int(X.tot[0] + X.tot[1])
    best = np.array([hard, objective(X, HW) - HW * hard], np.int64)
    for temp in (50.0, 5.0, 0.5):
        anneal(S, X, HW, 20_000, temp, 1.0, RATES, temp < 1, best_t, best_r, best)
        assert list(X.tot) == full_totals(cp, X.ev_t, X.ev_r)
    assert len(X.tot) == N_COMPONENTS
    best_totals = full_totals(cp, best_t, best_r)  # the kept best is what it claims to be
    assert [sum(best_totals[:2]), sum(best_totals[2:])] == list(best)
    assert sum(X.tot[:2]) >= best[0]


@pytest.mark.parametrize(("name", "cp"), list(problems()), ids=lambda v: v if isinstance(v, str) else "")
def test_priced_move_equals_applied_move(name: str, cp) -> None:
    S, X = make_static(cp), make_state(cp)
    seed(5)
    construct(S, X, np.arange(cp.n_events, dtype=np.int32), HW)
    rng = np.random.default_rng(3)
    starts = [np.flatnonzero(cp.ev_start_ok[e]) for e in range(cp.n_events)]
    rooms = [np.flatnonzero(cp.ev_room_ok[e]) for e in range(cp.n_events)]
    checked = 0
    for _ in range(2000):
        e = int(rng.integers(cp.n_events))
        t = int(rng.choice(starts[e])) if rng.random() < 0.8 else int(X.ev_t[e])
        r = int(rng.choice(rooms[e]))
        if X.ev_t[e] < 0 or not can_place(S, e, t, r):
            continue
        t0, r0 = int(X.ev_t[e]), int(X.ev_r[e])
        priced = move_delta(S, X, e, t, r, HW, False)
        applied = remove(S, X, e, HW) + insert(S, X, e, t, r, HW)
        assert priced == applied
        checked += 1
        if rng.random() < 0.5:  # wander: keep half of the moves
            remove(S, X, e, HW)
            insert(S, X, e, t0, r0, HW)
    assert checked > 500
    assert list(X.tot) == full_totals(cp, X.ev_t, X.ev_r)


@pytest.fixture(scope="module")
def comp01_feasible():
    """comp01 (all sessions one period long) and a clash-free timetable of it."""
    cp = compile_problem(to_problem(read_ctt(DATA / "comp01.ctt")))
    solver = Solver(cp, SolverOptions(iterations=100_000, seed=3))
    result = solver.run()
    assert result.cost.feasible
    return cp, solver._static, result.ev_t, result.ev_r


def state_of(cp, S, ev_t, ev_r):
    X = make_state(cp)
    for e in np.flatnonzero(ev_t >= 0):
        insert(S, X, e, ev_t[e], ev_r[e], HW)
    return X


@pytest.mark.parametrize("kind", ["kempe", "task_room", "swap"])
def test_compound_moves_keep_totals_exact_and_undo_exactly(comp01_feasible, kind: str) -> None:
    """Long random sequences of one compound move kind, half kept and half undone: the
    running objective and the counters equal a full evaluation, the undo restores the
    timetable exactly, and a clash-free timetable stays clash-free."""
    cp, S, ev_t, ev_r = comp01_feasible
    X = state_of(cp, S, ev_t, ev_r)
    seed(17)
    rng = np.random.default_rng(17)
    running, made = objective(X, HW), 0
    for step in range(3000):
        e = int(S.movable[rng.integers(S.movable.shape[0])])
        before_t, before_r = X.ev_t.copy(), X.ev_r.copy()
        X.undo[1], X.undo[2], X.undo[3] = e, X.ev_t[e], X.ev_r[e]  # as search._propose does
        if kind == "kempe":
            status, delta = _propose_kempe(S, X, e, HW, X.undo, X.chain)
        elif kind == "task_room":
            status, delta = _propose_task_room(S, X, e, HW, X.undo, X.chain)
        else:
            status, delta = _propose_swap(S, X, e, HW, True, X.undo)
        if status == NOT_MADE:
            continue
        assert status == APPLIED
        clash_free = X.tot[HARD_RES] == 0 and X.tot[HARD_ROOM] == 0
        # Kempe chains and task room moves never add a clash; a swap keeping both rooms
        # may add a room clash (priced at the hard weight, which annealing refuses)
        assert clash_free or kind == "swap"
        if delta >= REJECT or not clash_free or rng.random() < 0.5:
            _undo(S, X, X.undo, X.chain, HW)
            assert np.array_equal(X.ev_t, before_t) and np.array_equal(X.ev_r, before_r)
        else:
            running += delta
            made += 1
        if step % 300 == 0:
            assert list(X.tot) == full_totals(cp, X.ev_t, X.ev_r)
    assert made > 100
    assert list(X.tot) == full_totals(cp, X.ev_t, X.ev_r)
    assert running == objective(X, HW)


def test_kempe_chain_swaps_exactly_its_sessions_between_two_periods(comp01_feasible) -> None:
    cp, S, ev_t, ev_r = comp01_feasible
    X = state_of(cp, S, ev_t, ev_r)
    seed(23)
    rng = np.random.default_rng(23)
    longer = rerooms = 0
    for _ in range(2000):
        e = int(S.movable[rng.integers(S.movable.shape[0])])
        before = X.ev_t.copy()
        status, delta = _propose_kempe(S, X, e, HW, X.undo, X.chain)
        if status == NOT_MADE or delta >= REJECT:
            if status == APPLIED:
                _undo(S, X, X.undo, X.chain, HW)
            continue
        t1, t2, n = int(X.undo[5]), int(X.undo[6]), int(X.undo[7])
        moved = set(np.flatnonzero(X.ev_t != before).tolist())
        assert moved == {int(x) for x in X.chain[:n]}  # the chain, and nothing else, moved
        # sessions recorded after the chain stayed in their period and took a room the
        # chain left there
        for q in range(n, int(X.undo[4])):
            f = int(X.chain[q])
            assert f not in moved and X.ev_t[f] == before[f] in (t1, t2)
            assert X.ev_r[f] in {int(X.chain[CHAIN_R + i]) for i in range(n)}
            rerooms += 1
        assert e in moved
        for f in moved:
            assert {int(before[f]), int(X.ev_t[f])} == {t1, t2}
        longer += n > 2
        assert X.tot[HARD_RES] == 0 and X.tot[HARD_ROOM] == 0
    assert longer > 10
    assert rerooms > 0
    assert list(X.tot) == full_totals(cp, X.ev_t, X.ev_r)
