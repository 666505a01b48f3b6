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
  family of solvers). Limited to single-period sessions, where sides are well defined. The
  rooms the chain leaves are then offered to the sessions that stayed in those periods (a
  stayer takes one when that is strictly cheaper: capacity, room stability), so a chain that
  frees a big room at the time a big course sits in a small one is priced with the course
  moved into it; without this, comp05 froze with 80 missing seats in some runs.

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
# undo[0]: how to take back what _propose did (undo[1:4] = e and its start and room before)
UNDO_NOTHING, UNDO_MOVE, UNDO_SWAP, UNDO_CHAIN = 0, 1, 2, 3
# the compound-move shares in the ``rates`` array given to anneal
RATE_KEMPE, RATE_SWAP, RATE_TASK_ROOM = 0, 1, 2
# a chain (Kempe chain, task room move) is recorded as three rows of the chain array:
# the sessions, their rooms before the move, their starts before the move
CHAIN_R, CHAIN_T = KEMPE_MAX, 2 * KEMPE_MAX

BIG = REJECT


@nb.njit(cache=True, _nrt=False)
def seed(value: int) -> None:
    """Seed the compiled random generator (one per process; the solver is single-threaded)."""
    np.random.seed(value)


@nb.njit(cache=True, _nrt=False)
def _room_free(S: Static, X: State, e: int, t: int, r: int) -> bool:
    """Whether no other session uses room r during e's block at t in e's weeks (e unplaced)."""
    for p in range(t, t + S.ev_len[e]):
        for a in range(S.n_atoms):
            if S.ev_weeks[e, a] and X.room_occ[r, p, a] > 0:
                return False
    return True


@nb.njit(cache=True, _nrt=False)
def _room_score(S: Static, X: State, e: int, t: int, r: int) -> int:
    k = S.ev_task[e]
    score = S.task_room_pen[k, r] - (X.task_room[k, r] > 0) * S.w[1]
    return score if _room_free(S, X, e, t, r) else score + 1_000_000


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
def _in_chain(chain: np.ndarray, n: int, e: int) -> bool:
    for q in range(n):  # noqa: SIM110 - numba compiles loops, not any()
        if chain[q] == e:
            return True
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
                if not _in_chain(chain, n, f):
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
        chain[CHAIN_R + q] = X.ev_r[e]
        delta += remove(S, X, e, hard_weight)
    for q in range(n):
        e = chain[q]
        t = t2 if chain[CHAIN_T + q] == t1 else t1
        r = best_room(S, X, e, t)
        if r < 0 or not _room_free(S, X, e, t, r):
            # no free room on the other side: leave it out and veto the move, so a Kempe
            # chain keeps a clash-free timetable clash-free (rooms are taken greedily, in
            # chain order; a matching could succeed where this fails)
            return BIG
        delta += insert(S, X, e, t, r, hard_weight)
    return delta


@nb.njit(cache=True, _nrt=False)
def _offer_vacated_rooms(S: Static, X: State, chain: np.ndarray, n_chain: int, n: int,
                         hard_weight: int) -> tuple[int, int]:
    """Offer each room the chain left to the sessions that stayed in that period.

    A session that stayed takes a vacated room when that is strictly cheaper (capacity,
    room stability); it is recorded in the chain (its start and room before) so the undo
    takes it back too. Returns the objective delta and the new chain record length.
    Without this a Kempe chain could only be priced with the rooms as they were: on comp05,
    where eight courses of 230-440 students share one 450-seat room, two of them in the
    same period froze with one paying 80 seats in every run that got there, as no single
    move or chain could both free the big room and move the other course into it.
    """
    delta = 0
    for q in range(n_chain):
        t, r = chain[CHAIN_T + q], chain[CHAIN_R + q]  # the room the chain member left at t
        if n == KEMPE_MAX or not _room_free(S, X, chain[q], t, r):
            continue
        best, best_gain = -1, 0
        for r2 in range(X.room_last.shape[0]):
            f = X.room_last[r2, t]
            if (f < 0 or X.ev_t[f] != t or X.ev_r[f] != r2 or S.ev_len[f] != 1
                    or _in_chain(chain, n, f) or not can_place(S, f, t, r)):
                continue
            k = S.ev_task[f]
            # room penalty and stability, the only costs a room change moves (building
            # changes too, which the exact price below includes)
            gain = (S.task_room_pen[k, r] - S.task_room_pen[k, r2]
                    + ((X.task_room[k, r] == 0) - (X.task_room[k, r2] == 1)) * S.w[1])
            if gain < best_gain:
                d = move_delta(S, X, f, t, r, hard_weight, True)
                if d < best_gain:
                    best, best_gain = f, d
        if best >= 0:
            n = _push(X, chain, n, best)
            delta += remove(S, X, best, hard_weight) + insert(S, X, best, t, r, hard_weight)
    return delta, n


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
        chain[CHAIN_T + q] = X.ev_t[chain[q]]
    undo[0], undo[4], undo[5], undo[6], undo[7] = UNDO_CHAIN, n, t0, t2, n
    delta = _shift_chain(S, X, chain, n, t0, t2, hard_weight)
    if delta >= BIG:
        return APPLIED, delta
    d, undo[4] = _offer_vacated_rooms(S, X, chain, n, n, hard_weight)
    return APPLIED, delta + d


@nb.njit(cache=True, _nrt=False)
def _uses(S: Static, e: int, res: int) -> bool:
    for i in range(S.ev_res_ptr[e], S.ev_res_ptr[e + 1]):  # noqa: SIM110 - numba loops
        if S.ev_res[i] == res:
            return True
    return False


@nb.njit(cache=True, _nrt=False)
def _swap_clashes(S: Static, X: State, e: int, t_e: int, f: int, t_f: int) -> bool:
    """Whether e, moved to t_e while f moves to t_f, would share a teacher or class with
    another session in an overlapping week (read from the counters, nothing changed)."""
    for i in range(S.ev_res_ptr[e], S.ev_res_ptr[e + 1]):
        res = S.ev_res[i]
        f_uses = _uses(S, f, res)
        for p in range(t_e, t_e + S.ev_len[e]):
            for a in range(S.n_atoms):
                if not S.ev_weeks[e, a]:
                    continue
                n = X.res_occ[res, p, a] - (X.ev_t[e] <= p < X.ev_t[e] + S.ev_len[e])
                if f_uses and S.ev_weeks[f, a]:
                    n += (t_f <= p < t_f + S.ev_len[f]) - (X.ev_t[f] <= p < X.ev_t[f] + S.ev_len[f])
                if n > 0:
                    return True
    return False


@nb.njit(cache=True, _nrt=False)
def _propose_swap(S: Static, X: State, e: int, hard_weight: int, strict: bool,
                  undo: np.ndarray) -> tuple[int, int]:
    t0, r0 = X.ev_t[e], X.ev_r[e]
    f = S.movable[np.random.randint(S.movable.shape[0])]
    t1, r1 = X.ev_t[f], X.ev_r[f]
    if f == e or S.ev_len[f] != S.ev_len[e] or S.ev_task[f] == S.ev_task[e] or t1 == t0:
        return NOT_MADE, 0
    # like single moves, a swap that would add a teacher or class clash is refused before
    # it is applied (most random swaps on dense instances would)
    if strict and (_swap_clashes(S, X, e, t1, f, t0) or _swap_clashes(S, X, f, t0, e, t1)):
        return NOT_MADE, 0
    ra, rb = r1, r0
    if np.random.random() < 0.5:
        ra, rb = r0, r1  # times only: each keeps its room
    if not (can_place(S, e, t1, ra) and can_place(S, f, t0, rb)):
        return NOT_MADE, 0
    undo[0], undo[4], undo[5], undo[6] = UNDO_SWAP, f, t1, r1
    d = remove(S, X, e, hard_weight) + remove(S, X, f, hard_weight)
    return APPLIED, d + insert(S, X, e, t1, ra, hard_weight) + insert(S, X, f, t0, rb, hard_weight)


@nb.njit(cache=True, _nrt=False)
def _room_occupant(S: Static, X: State, e: int, r: int) -> int:
    """A session other than e in room r at e's start with e's length (-1: none).

    Callers check that it may take the other room (a locked session may not).
    """
    t, length = X.ev_t[e], S.ev_len[e]
    taken = False
    for a in range(S.n_atoms):
        taken = taken or X.room_occ[r, t, a] > 0
    if not taken:
        return -1
    f = X.room_last[r, t]  # nearly always the occupant; if not, look through all sessions
    if f >= 0 and X.ev_r[f] == r and X.ev_t[f] == t and S.ev_len[f] == length and f != e:
        return f
    for i in range(S.movable.shape[0]):
        f = S.movable[i]
        if X.ev_r[f] == r and X.ev_t[f] == t and S.ev_len[f] == length and f != e:
            return f
    return -1


@nb.njit(cache=True, _nrt=False)
def _propose_room_exchange(S: Static, X: State, e: int, f: int, hard_weight: int,
                           undo: np.ndarray) -> tuple[int, int]:
    """e and f, at the same start with the same length, exchange their rooms."""
    t0, r0, r1 = X.ev_t[e], X.ev_r[e], X.ev_r[f]
    if S.ev_task[f] == S.ev_task[e] or not can_place(S, f, t0, r0):
        return NOT_MADE, 0
    undo[0], undo[4], undo[5], undo[6] = UNDO_SWAP, f, t0, r1
    d = remove(S, X, e, hard_weight) + remove(S, X, f, hard_weight)
    return APPLIED, d + insert(S, X, e, t0, r1, hard_weight) + insert(S, X, f, t0, r0, hard_weight)


@nb.njit(cache=True, _nrt=False)
def _push(X: State, chain: np.ndarray, n: int, e: int) -> int:
    """Record e's start and room in the chain (for the undo); returns the new length."""
    chain[n], chain[CHAIN_R + n], chain[CHAIN_T + n] = e, X.ev_r[e], X.ev_t[e]
    return n + 1


@nb.njit(cache=True, _nrt=False)
def _propose_task_room(S: Static, X: State, e: int, hard_weight: int, undo: np.ndarray,
                       chain: np.ndarray) -> tuple[int, int]:
    """Every session of e's task into one room, at its own time (room stability).

    The room is one the task already uses (half of the time) or any room allowed for e. A
    session whose new room is taken exchanges rooms with the occupant; sessions that cannot
    go there (locked, room closed, occupant unable to take their room) stay.
    """
    k = S.ev_task[e]
    lo, hi = S.task_ev_ptr[k], S.task_ev_ptr[k + 1]
    if np.random.random() < 0.5:
        r = X.ev_r[S.task_ev[lo + np.random.randint(hi - lo)]]
    else:
        r = _random_room(S, e)
    n, delta = 0, 0
    for i in range(lo, hi):
        g = S.task_ev[i]
        t, rg = X.ev_t[g], X.ev_r[g]
        if t < 0 or rg == r or n + 2 > KEMPE_MAX or not can_place(S, g, t, r):
            continue
        f = _room_occupant(S, X, g, r)
        if f >= 0 and (S.ev_task[f] == k or _in_chain(chain, n, f)
                       or not can_place(S, f, t, rg)):
            continue
        n = _push(X, chain, n, g)
        delta += remove(S, X, g, hard_weight)
        if f >= 0:
            n = _push(X, chain, n, f)
            delta += remove(S, X, f, hard_weight) + insert(S, X, f, t, rg, hard_weight)
        delta += insert(S, X, g, t, r, hard_weight)
    if n == 0:
        return NOT_MADE, 0
    undo[0], undo[4] = UNDO_CHAIN, n
    return APPLIED, delta


@nb.njit(cache=True, _nrt=False)
def _propose_move(S: Static, X: State, e: int, hard_weight: int, strict: bool,
                  undo: np.ndarray) -> tuple[int, int]:
    t0, r0 = X.ev_t[e], X.ev_r[e]
    t = t0 if np.random.random() < 0.15 else _random_start(S, e)
    if t == t0:
        r = _random_room(S, e)
        if r != r0 and can_place(S, e, t, r):
            # a taken room is exchanged with its occupant: where rooms are scarce (comp01)
            # a move into a free room is rarely possible, and one into a taken room clashes
            f = _room_occupant(S, X, e, r)
            if f >= 0:
                return _propose_room_exchange(S, X, e, f, hard_weight, undo)
    elif np.random.random() < 0.5:
        # the cheapest free room: most random (time, room) pairs land on a taken room,
        # and a move into a clash is nearly always rejected, so this wastes fewer moves
        r = best_room(S, X, e, t)
    else:
        r = r0 if can_place(S, e, t, r0) else _random_room(S, e)
    if r < 0 or (t == t0 and r == r0) or not can_place(S, e, t, r):
        return NOT_MADE, 0
    undo[0], undo[4], undo[5] = UNDO_MOVE, t, r
    return PRICED, move_delta(S, X, e, t, r, hard_weight, strict)


@nb.njit(cache=True, _nrt=False)
def _propose(S: Static, X: State, e: int, rates: np.ndarray, hard_weight: int, strict: bool,
             undo: np.ndarray, chain: np.ndarray) -> tuple[int, int]:
    """Make or price one random move involving e; ``rates`` holds the shares of the compound
    moves (``RATE_KEMPE``, ``RATE_SWAP``, ``RATE_TASK_ROOM``), the rest are single moves.

    Compound moves are APPLIED and recorded in ``undo`` (and ``chain``); a single-session
    move is only PRICED (see ``move_delta``), its target in ``undo[4:6]``.
    """
    u = np.random.random()
    undo[0], undo[1], undo[2], undo[3] = UNDO_NOTHING, e, X.ev_t[e], X.ev_r[e]
    kempe, swap = rates[RATE_KEMPE], rates[RATE_KEMPE] + rates[RATE_SWAP]
    task_room = swap + rates[RATE_TASK_ROOM]
    if u < kempe and S.ev_len[e] == 1:
        return _propose_kempe(S, X, e, hard_weight, undo, chain)
    if u < swap:  # (longer sessions drawn for a Kempe chain get a swap)
        return _propose_swap(S, X, e, hard_weight, strict, undo)
    if u < task_room:
        return _propose_task_room(S, X, e, hard_weight, undo, chain)
    return _propose_move(S, X, e, hard_weight, strict, undo)


@nb.njit(cache=True, _nrt=False)
def _undo(S: Static, X: State, undo: np.ndarray, chain: np.ndarray, hard_weight: int) -> None:
    """Take back an APPLIED compound move."""
    kind, e, t0, r0 = undo[0], undo[1], undo[2], undo[3]
    if kind == UNDO_SWAP:
        f, t1, r1 = undo[4], undo[5], undo[6]
        remove(S, X, e, hard_weight)
        remove(S, X, f, hard_weight)
        insert(S, X, e, t0, r0, hard_weight)
        insert(S, X, f, t1, r1, hard_weight)
    elif kind == UNDO_CHAIN:
        n = undo[4]
        for q in range(n):
            if X.ev_t[chain[q]] >= 0:  # a vetoed chain stopped part-way
                remove(S, X, chain[q], hard_weight)
        for q in range(n):
            insert(S, X, chain[q], chain[CHAIN_T + q], chain[CHAIN_R + q], hard_weight)


@nb.njit(cache=True, _nrt=False)
def anneal(S: Static, X: State, hard_weight: int, n_iter: int, temp: float, cooling: float,
           rates: np.ndarray, strict: bool, best_t: np.ndarray, best_r: np.ndarray,
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
        status, delta = _propose(S, X, e, rates, hard_weight, strict, undo, chain)
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
