"""Compiled search: greedy construction, then simulated annealing over four moves.

Moves (each one a short sequence of the kernel's ``remove``/``insert`` primitives):

- **move**: one session to another allowed start period, keeping its room when that room is
  allowed there (good for room stability) and otherwise taking a random allowed room;
- **room move**: one session to another room at the same time;
- **swap**: two sessions of equal length (different tasks) exchange their time and room,
  or only their times, each keeping its own room;
- **Kempe chain**: two periods t1, t2; starting from one session, every session that clashes
  (shares a teacher or class) with the chain on the other side is pulled along, and the whole
  chain changes sides. It keeps a clash-free timetable clash-free, so it reaches timetables a
  single move cannot without passing through clashes (Lewis 2008; used in the ITC-2007 winner
  family of solvers). Limited to single-period sessions, where sides are well defined.

Acceptance is the Metropolis rule; the caller lowers the temperature between chunks.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from core.timetabling.kernel import (
    KEMPE_MAX,
    REJECT,
    State,
    Static,
    can_place,
    insert,
    move_delta,
    objective,
    remove,
)

NOT_MADE, APPLIED, PRICED = 0, 1, 2  # what _propose did: nothing, a move to undo, a price

BIG = REJECT


@nb.njit(cache=True, _nrt=False)
def seed(value: int) -> None:
    """Seed the compiled random generator (one per process; the solver is single-threaded)."""
    np.random.seed(value)


@nb.njit(cache=True, _nrt=False)
def _room_score(S: Static, X: State, e: int, t: int, r: int) -> int:
    length, k = S.ev_len[e], S.ev_task[e]
    score = S.task_room_pen[k, r] - (X.task_room[k, r] > 0) * S.w[1]
    for p in range(t, t + length):
        for a in range(S.n_atoms):
            if S.ev_weeks[e, a] and X.room_occ[r, p, a] > 0:
                return score + 1_000_000
    return score


@nb.njit(cache=True, _nrt=False)
def best_room(S: Static, X: State, e: int, t: int) -> int:
    """The allowed, open room for e at t that is free and cheapest (-1 if none is open)."""
    best, best_score = -1, BIG
    for i in range(S.ev_rooms_ptr[e], S.ev_rooms_ptr[e + 1]):
        r = S.ev_rooms[i]
        if can_place(S, e, t, r):
            score = _room_score(S, X, e, t, r)
            if score < best_score:
                best, best_score = r, score
    return best


@nb.njit(cache=True, _nrt=False)
def construct(S: Static, X: State, order: np.ndarray, hard_weight: int) -> None:
    """Place every unplaced event of ``order`` at its cheapest start (greedy, in order)."""
    for e in order:
        if X.ev_t[e] >= 0:
            continue
        best_t, best_r, best_d = -1, -1, BIG
        for i in range(S.ev_starts_ptr[e], S.ev_starts_ptr[e + 1]):
            t = S.ev_starts[i]
            r = best_room(S, X, e, t)
            if r < 0:
                continue
            d = insert(S, X, e, t, r, hard_weight)
            remove(S, X, e, hard_weight)
            if d < best_d:
                best_t, best_r, best_d = t, r, d
        if best_t >= 0:
            insert(S, X, e, best_t, best_r, hard_weight)


@nb.njit(cache=True, _nrt=False)
def _random_start(S: Static, e: int) -> int:
    lo, hi = S.ev_starts_ptr[e], S.ev_starts_ptr[e + 1]
    return S.ev_starts[lo + np.random.randint(hi - lo)]


@nb.njit(cache=True, _nrt=False)
def _random_room(S: Static, e: int) -> int:
    lo, hi = S.ev_rooms_ptr[e], S.ev_rooms_ptr[e + 1]
    return S.ev_rooms[lo + np.random.randint(hi - lo)]


@nb.njit(cache=True, _nrt=False)
def _clashes(S: Static, X: State, e: int, f: int) -> bool:
    """Whether placed events e and f share a teacher or class in an overlapping week."""
    for a in range(S.n_atoms):
        if S.ev_weeks[e, a] and S.ev_weeks[f, a]:
            for i in range(S.ev_res_ptr[e], S.ev_res_ptr[e + 1]):
                for j in range(S.ev_res_ptr[f], S.ev_res_ptr[f + 1]):
                    if S.ev_res[i] == S.ev_res[j]:
                        return True
            return False
    return False


@nb.njit(cache=True, _nrt=False)
def _kempe_chain(S: Static, X: State, e: int, t2: int, chain: np.ndarray) -> int:
    """Collect the Kempe chain of e between its period and t2; 0 if it cannot move."""
    t1 = X.ev_t[e]
    chain[0] = e
    n, head = 1, 0
    while head < n:
        c = chain[head]
        head += 1
        other = t2 if X.ev_t[c] == t1 else t1
        for i in range(S.ev_res_ptr[c], S.ev_res_ptr[c + 1]):
            res = S.ev_res[i]
            for j in range(S.res_ev_ptr[res], S.res_ev_ptr[res + 1]):
                f = S.res_ev[j]
                if X.ev_t[f] != other or not _clashes(S, X, c, f):
                    continue
                seen = False
                for q in range(n):
                    seen = seen or chain[q] == f
                if not seen:
                    if n == KEMPE_MAX or S.ev_len[f] != 1 or not S.ev_start_ok[f, X.ev_t[c]]:
                        return 0
                    chain[n] = f
                    n += 1
    return n


@nb.njit(cache=True, _nrt=False)
def _shift_chain(S: Static, X: State, chain: np.ndarray, n: int, t1: int, t2: int,
                 hard_weight: int) -> int:
    delta = 0
    for q in range(n):
        e = chain[q]
        chain[KEMPE_MAX + q] = X.ev_r[e]
        delta += remove(S, X, e, hard_weight)
    for q in range(n):
        e = chain[q]
        # chain[2 * KEMPE_MAX + q] holds the side the session came from
        t = t2 if chain[2 * KEMPE_MAX + q] == t1 else t1
        r = best_room(S, X, e, t)
        if r < 0:  # no open room on the other side: leave it out and veto the move
            return BIG
        delta += insert(S, X, e, t, r, hard_weight)
    return delta


@nb.njit(cache=True, _nrt=False)
def _propose_kempe(S: Static, X: State, e: int, hard_weight: int, undo: np.ndarray,
                   chain: np.ndarray) -> tuple[int, int]:
    t0 = X.ev_t[e]
    t2 = _random_start(S, e)
    if t2 == t0:
        return NOT_MADE, 0
    n = _kempe_chain(S, X, e, t2, chain)
    if n < 2:  # a one-session chain is a plain move, which the move below covers
        return NOT_MADE, 0
    for q in range(n):
        chain[2 * KEMPE_MAX + q] = X.ev_t[chain[q]]
    undo[0], undo[4], undo[5], undo[6] = 3, n, t0, t2
    return APPLIED, _shift_chain(S, X, chain, n, t0, t2, hard_weight)


@nb.njit(cache=True, _nrt=False)
def _propose_swap(S: Static, X: State, e: int, hard_weight: int,
                  undo: np.ndarray) -> tuple[int, int]:
    t0, r0 = X.ev_t[e], X.ev_r[e]
    f = S.movable[np.random.randint(S.movable.shape[0])]
    t1, r1 = X.ev_t[f], X.ev_r[f]
    if f == e or S.ev_len[f] != S.ev_len[e] or S.ev_task[f] == S.ev_task[e] or t1 == t0:
        return NOT_MADE, 0
    ra, rb = r1, r0
    if np.random.random() < 0.5:
        ra, rb = r0, r1  # times only: each keeps its room
    if not (can_place(S, e, t1, ra) and can_place(S, f, t0, rb)):
        return NOT_MADE, 0
    undo[0], undo[4], undo[5], undo[6] = 2, f, t1, r1
    d = remove(S, X, e, hard_weight) + remove(S, X, f, hard_weight)
    return APPLIED, d + insert(S, X, e, t1, ra, hard_weight) + insert(S, X, f, t0, rb, hard_weight)


@nb.njit(cache=True, _nrt=False)
def _propose_move(S: Static, X: State, e: int, hard_weight: int, strict: bool,
                  undo: np.ndarray) -> tuple[int, int]:
    t0, r0 = X.ev_t[e], X.ev_r[e]
    t = t0 if np.random.random() < 0.15 else _random_start(S, e)
    if t == t0:
        r = _random_room(S, e)
    elif np.random.random() < 0.5:
        # the cheapest free room: most random (time, room) pairs land on a taken room,
        # and a move into a clash is nearly always rejected, so this wastes fewer moves
        r = best_room(S, X, e, t)
    else:
        r = r0 if can_place(S, e, t, r0) else _random_room(S, e)
    if r < 0 or (t == t0 and r == r0) or not can_place(S, e, t, r):
        return NOT_MADE, 0
    undo[0], undo[4], undo[5] = 1, t, r
    return PRICED, move_delta(S, X, e, t, r, hard_weight, strict)


@nb.njit(cache=True, _nrt=False)
def _propose(S: Static, X: State, e: int, p_swap: float, p_kempe: float, hard_weight: int,
             strict: bool, undo: np.ndarray, chain: np.ndarray) -> tuple[int, int]:
    """Make or price one random move involving e.

    Compound moves (Kempe chain, swap) are APPLIED and recorded in ``undo``; a
    single-session move is only PRICED (see ``move_delta``), its target in ``undo[4:6]``.
    """
    u = np.random.random()
    undo[0], undo[1], undo[2], undo[3] = 0, e, X.ev_t[e], X.ev_r[e]
    if u < p_kempe and S.ev_len[e] == 1:
        return _propose_kempe(S, X, e, hard_weight, undo, chain)
    if u < p_kempe + p_swap:
        return _propose_swap(S, X, e, hard_weight, undo)
    return _propose_move(S, X, e, hard_weight, strict, undo)


@nb.njit(cache=True, _nrt=False)
def _undo(S: Static, X: State, undo: np.ndarray, chain: np.ndarray, hard_weight: int) -> None:
    kind, e, t0, r0 = undo[0], undo[1], undo[2], undo[3]
    if kind == 2:
        f, t1, r1 = undo[4], undo[5], undo[6]
        remove(S, X, e, hard_weight)
        remove(S, X, f, hard_weight)
        insert(S, X, e, t0, r0, hard_weight)
        insert(S, X, f, t1, r1, hard_weight)
    elif kind == 3:
        n = undo[4]
        for q in range(n):
            if X.ev_t[chain[q]] >= 0:  # a vetoed chain stopped part-way
                remove(S, X, chain[q], hard_weight)
        for q in range(n):
            insert(S, X, chain[q], chain[2 * KEMPE_MAX + q], chain[KEMPE_MAX + q], hard_weight)


@nb.njit(cache=True, _nrt=False)
def anneal(S: Static, X: State, hard_weight: int, n_iter: int, temp: float, cooling: float,
           p_swap: float, p_kempe: float, strict: bool, best_t: np.ndarray, best_r: np.ndarray,
           best_obj: np.ndarray) -> int:
    """Run ``n_iter`` annealing steps from ``temp`` (times ``cooling`` per step).

    With ``strict``, single-session moves that add clashes are refused unpriced.
    Keeps the best state seen in ``best_t``/``best_r``; ``best_obj`` holds its (hard, soft)
    pair, compared hard first, as the competition ranks timetables. Returns the number
    of accepted moves.
    """
    cur = objective(X, hard_weight)
    undo, chain = X.undo, X.chain
    accepted = 0
    n_movable = S.movable.shape[0]
    for _ in range(n_iter):
        temp *= cooling
        e = S.movable[np.random.randint(n_movable)]
        status, delta = _propose(S, X, e, p_swap, p_kempe, hard_weight, strict, undo, chain)
        if status == NOT_MADE:
            continue
        if delta <= 0 or np.random.random() < np.exp(-delta / temp):
            if status == PRICED:
                remove(S, X, e, hard_weight)
                insert(S, X, e, undo[4], undo[5], hard_weight)
            cur += delta
            accepted += 1
            hard = X.tot[0] + X.tot[1]
            soft = cur - hard_weight * hard
            if hard < best_obj[0] or (hard == best_obj[0] and soft < best_obj[1]):
                best_obj[0], best_obj[1] = hard, soft
                for i in range(best_t.shape[0]):  # a slice copy would need the NRT
                    best_t[i] = X.ev_t[i]
                    best_r[i] = X.ev_r[i]
        elif status == APPLIED:
            _undo(S, X, undo, chain, hard_weight)
    return accepted


@nb.njit(cache=True, _nrt=False)
def sample_uphill(S: Static, X: State, hard_weight: int, out: np.ndarray) -> int:
    """Fill ``out`` with the costs of random clash-free uphill moves; returns how many."""
    n = 0
    for _ in range(out.shape[0] * 50):
        if n == out.shape[0]:
            break
        e = S.movable[np.random.randint(S.movable.shape[0])]
        t, r = _random_start(S, e), _random_room(S, e)
        if (t == X.ev_t[e] and r == X.ev_r[e]) or not can_place(S, e, t, r):
            continue
        d = move_delta(S, X, e, t, r, hard_weight, True)
        if 0 < d < REJECT:
            out[n] = d
            n += 1
    return n
