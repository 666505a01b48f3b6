"""The compiled inner loop: state, incremental (delta) evaluation and the two primitives.

Everything the local search does is built from two primitives, :func:`remove` and
:func:`insert`. Each updates the counters of the state and returns the change of the weighted
objective, so a compound move (a swap, a Kempe chain) is a sequence of primitives, and undoing
it is the reverse sequence. The counters are the only state: nothing is allocated per move.

Cost components (``tot`` array; hard ones are raw counts, soft ones are already weighted):

====  ==========  ============================================================================
0     HARD_RES    a teacher or class used twice in one period and week atom (per extra use)
1     HARD_ROOM   a room used twice in one period and week atom (per extra use)
2     TIME        teacher's avoided (early/late) periods, per period of the block
3     ROOM        room penalty per session (ITC: missing seats, when capacity is soft)
4     DAYS        per day a task is short of its minimum number of distinct days
5     STABILITY   per distinct room beyond the first, per task
6     COMPACT     per isolated period of a class (no class period right before or after)
7     CONSEC      per period beyond a teacher's maximum consecutive periods
8     BUILDING    per change of building between adjacent periods of a class
====  ==========  ============================================================================
"""

from __future__ import annotations

from collections import namedtuple

import numba as nb
import numpy as np

from core.timetabling.compile import CompiledProblem

N_COMPONENTS = 9
HARD_RES, HARD_ROOM, TIME, ROOM, DAYS, STABILITY, COMPACT, CONSEC, BUILDING = range(9)
COMPONENT_NAMES = ("teacher/class conflicts", "room conflicts", "teacher avoided periods",
                   "room capacity", "spread over days", "room stability", "class compactness",
                   "teacher consecutive periods", "building changes")
REJECT = 1 << 40  # a delta no temperature accepts
KEMPE_MAX = 24  # longest Kempe chain tried; longer ones rarely improve and cost time
# weights vector layout (CompiledProblem.weights)
W_DAYS, W_STAB, W_COMPACT, W_CONSEC, W_BLD = range(5)

Static = namedtuple("Static", [
    "ppd", "n_atoms", "ev_len", "ev_task", "ev_weeks", "ev_res_ptr", "ev_res",
    "ev_start_ok", "ev_starts_ptr", "ev_starts", "ev_room_ok", "ev_rooms_ptr", "ev_rooms",
    "ev_time_pen", "task_room_pen", "task_min_days", "room_time_ok", "room_bld",
    "res_compact", "res_max_consec", "res_bld", "res_soft", "res_ev_ptr", "res_ev",
    "seg_start", "w", "movable", "task_ev_ptr", "task_ev",
])
State = namedtuple("State", [
    "ev_t", "ev_r", "res_occ", "room_occ", "res_busy", "task_day", "task_ndays",
    "task_room", "task_nrooms", "tot", "rd_cost", "scratch", "day_busy", "undo", "chain",
    "room_last",
])


def _csr(rows: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    ptr = np.zeros(len(rows) + 1, dtype=np.int32)
    ptr[1:] = np.cumsum([len(r) for r in rows])
    flat = np.concatenate(rows).astype(np.int32) if rows else np.zeros(0, np.int32)
    return ptr, flat


def make_static(cp: CompiledProblem) -> Static:
    """Pack a compiled problem into the tuple the compiled functions take."""
    n_res = len(cp.resource_names)
    order = cp.room_order
    starts_ptr, starts = _csr([np.flatnonzero(row) for row in cp.ev_start_ok])
    # rooms listed smallest first: construction takes the first free one that fits
    rooms_ptr, rooms = _csr([order[row[order]] for row in cp.ev_room_ok])
    by_res: list[list[int]] = [[] for _ in range(n_res)]
    for e in range(cp.n_events):
        for i in range(cp.ev_res_ptr[e], cp.ev_res_ptr[e + 1]):
            by_res[cp.ev_res[i]].append(e)
    res_ev_ptr, res_ev = _csr([np.asarray(x, dtype=np.int32) for x in by_res])
    task_ev_ptr = np.zeros(cp.task_min_days.shape[0] + 1, dtype=np.int32)
    task_ev_ptr[1:] = np.cumsum(np.bincount(cp.ev_task, minlength=task_ev_ptr.shape[0] - 1))
    task_ev = np.argsort(cp.ev_task, kind="stable").astype(np.int32)
    res_soft = cp.res_compact | cp.res_bld | (cp.res_max_consec > 0)
    return Static(
        cp.ppd, cp.n_atoms, cp.ev_len, cp.ev_task, cp.ev_weeks, cp.ev_res_ptr, cp.ev_res,
        cp.ev_start_ok, starts_ptr, starts, cp.ev_room_ok, rooms_ptr, rooms,
        cp.ev_time_pen, cp.task_room_pen, cp.task_min_days, cp.room_time_ok, cp.room_bld,
        cp.res_compact, cp.res_max_consec, cp.res_bld, res_soft, res_ev_ptr, res_ev,
        cp.seg_start, cp.weights, np.flatnonzero(~cp.ev_locked).astype(np.int32),
        task_ev_ptr, task_ev,
    )


def make_state(cp: CompiledProblem) -> State:
    """An empty state: no event placed; also holds the scratch arrays moves need."""
    n_t, n_r, n_k = cp.n_periods, cp.room_time_ok.shape[0], cp.task_min_days.shape[0]
    n_res = len(cp.resource_names)
    return State(
        np.full(cp.n_events, -1, np.int32), np.full(cp.n_events, -1, np.int32),
        np.zeros((n_res, n_t, cp.n_atoms), np.int16), np.zeros((n_r, n_t, cp.n_atoms), np.int16),
        np.zeros((n_res, n_t), np.int16), np.zeros((n_k, cp.n_days), np.int16),
        np.zeros(n_k, np.int32), np.zeros((n_k, n_r), np.int16), np.zeros(n_k, np.int32),
        _empty_totals(cp), np.zeros((n_res, cp.n_days, 3), np.int64),
        np.zeros(cp.ppd, np.int32), np.zeros(cp.ppd, np.int32),
        np.zeros(8, np.int64), np.zeros(3 * KEMPE_MAX, np.int64),
        np.full((n_r, n_t), -1, np.int32),  # room_last: the session last put at (room, start)
    )


def _empty_totals(cp: CompiledProblem) -> np.ndarray:
    # With nothing placed every task is short of all its days; counting that here keeps the
    # running totals equal to a full evaluation from the very first insert.
    tot = np.zeros(N_COMPONENTS, np.int64)
    tot[DAYS] = int(cp.task_min_days.sum()) * int(cp.weights[W_DAYS])
    return tot


@nb.njit(cache=True, _nrt=False)
def objective(X: State, hard_weight: int) -> int:
    """Weighted objective of the state: hard counts times ``hard_weight`` plus soft costs."""
    soft = 0
    for c in range(TIME, N_COMPONENTS):
        soft += X.tot[c]
    return hard_weight * (X.tot[HARD_RES] + X.tot[HARD_ROOM]) + soft


@nb.njit(cache=True, _nrt=False)
def _busy(S: Static, X: State, res: int, t: int, mv: int, mv_t: int) -> int:
    """Sessions of res at period t, as if event ``mv`` (when >= 0) started at ``mv_t``."""
    b = X.res_busy[res, t]
    if mv >= 0:
        old, length = X.ev_t[mv], S.ev_len[mv]
        b -= old <= t < old + length
        b += mv_t <= t < mv_t + length
    return b


@nb.njit(cache=True, _nrt=False)
def res_day_cost(S: Static, X: State, res: int, day: int, mv: int, mv_t: int,
                 mv_r: int) -> tuple[int, int, int]:
    """Weighted (compactness, consecutive, building) cost of one resource on one day.

    With ``mv >= 0`` the cost is computed as if event ``mv`` were at (mv_t, mv_r), which lets
    a move be priced without touching the state (:func:`move_delta`).
    """
    ppd, base, busy = S.ppd, day * S.ppd, X.day_busy
    for p in range(ppd):  # one read per period; the loops below look at neighbours
        busy[p] = _busy(S, X, res, base + p, mv, mv_t)
    compact = consec = bld = 0
    if S.res_compact[res]:
        for p in range(ppd):
            if busy[p] > 0:
                left = p > 0 and not S.seg_start[base + p] and busy[p - 1] > 0
                right = p < ppd - 1 and not S.seg_start[base + p + 1] and busy[p + 1] > 0
                if not left and not right:
                    compact += busy[p]
    limit = S.res_max_consec[res]
    if limit > 0:
        run = 0
        for p in range(ppd):
            b = busy[p]
            run = run + 1 if b > 0 and run > 0 and not S.seg_start[base + p] else int(b > 0)
            consec += run > limit
    if S.res_bld[res]:
        bld = _building_changes(S, X, res, day, mv, mv_t, mv_r)
    return compact * S.w[W_COMPACT], consec * S.w[W_CONSEC], bld * S.w[W_BLD]


@nb.njit(cache=True, _nrt=False)
def _building_changes(S: Static, X: State, res: int, day: int, mv: int, mv_t: int,
                      mv_r: int) -> int:
    ppd, base, sc = S.ppd, day * S.ppd, X.scratch
    for p in range(ppd):
        sc[p] = -1
    for i in range(S.res_ev_ptr[res], S.res_ev_ptr[res + 1]):
        f = S.res_ev[i]
        t, r = (mv_t, mv_r) if f == mv else (X.ev_t[f], X.ev_r[f])
        if t >= 0 and t // ppd == day:
            for q in range(t - base, t - base + S.ev_len[f]):
                sc[q] = S.room_bld[r]
    changes = 0
    for p in range(1, ppd):
        if sc[p] >= 0 and sc[p - 1] >= 0 and sc[p] != sc[p - 1] and not S.seg_start[base + p]:
            changes += 1
    return changes


@nb.njit(cache=True, _nrt=False)
def _res_days(S: Static, X: State, e: int, day: int, sign: int) -> int:
    """Take away (sign=-1) the cached day costs of e's resources, or add (+1) fresh ones.

    ``rd_cost`` caches each (resource, day) cost, so the "before" half of a delta is a read.
    """
    total = 0
    for i in range(S.ev_res_ptr[e], S.ev_res_ptr[e + 1]):
        res = S.ev_res[i]
        if S.res_soft[res]:
            if sign > 0:
                a, b, c = res_day_cost(S, X, res, day, -1, -1, -1)
                X.rd_cost[res, day, 0], X.rd_cost[res, day, 1], X.rd_cost[res, day, 2] = a, b, c
            else:
                a, b, c = X.rd_cost[res, day, 0], X.rd_cost[res, day, 1], X.rd_cost[res, day, 2]
            X.tot[COMPACT] += sign * a
            X.tot[CONSEC] += sign * b
            X.tot[BUILDING] += sign * c
            total += sign * (a + b + c)
    return total


@nb.njit(cache=True, _nrt=False)
def _occupy(S: Static, X: State, e: int, t: int, r: int, step: int) -> int:
    """Add (step=1) or take away (step=-1) e's use of its resources and room; hard delta."""
    res_hard = room_hard = 0
    for p in range(t, t + S.ev_len[e]):
        for i in range(S.ev_res_ptr[e], S.ev_res_ptr[e + 1]):
            res = S.ev_res[i]
            X.res_busy[res, p] += step
            for a in range(S.n_atoms):
                if S.ev_weeks[e, a]:
                    # a clash is counted once per extra user of a cell
                    if step > 0:
                        res_hard += X.res_occ[res, p, a] > 0
                    else:
                        res_hard -= X.res_occ[res, p, a] > 1
                    X.res_occ[res, p, a] += step
        for a in range(S.n_atoms):
            if S.ev_weeks[e, a]:
                if step > 0:
                    room_hard += X.room_occ[r, p, a] > 0
                else:
                    room_hard -= X.room_occ[r, p, a] > 1
                X.room_occ[r, p, a] += step
    X.tot[HARD_RES] += res_hard
    X.tot[HARD_ROOM] += room_hard
    return res_hard + room_hard


@nb.njit(cache=True, _nrt=False)
def _task_counts(S: Static, X: State, k: int, day: int, r: int, step: int) -> int:
    """Update the day and room counters of task k; returns the weighted soft delta."""
    short0 = max(0, S.task_min_days[k] - X.task_ndays[k])
    stab0 = max(0, X.task_nrooms[k] - 1)
    if step > 0:
        X.task_ndays[k] += X.task_day[k, day] == 0
        X.task_nrooms[k] += X.task_room[k, r] == 0
    X.task_day[k, day] += step
    X.task_room[k, r] += step
    if step < 0:
        X.task_ndays[k] -= X.task_day[k, day] == 0
        X.task_nrooms[k] -= X.task_room[k, r] == 0
    d_days = (max(0, S.task_min_days[k] - X.task_ndays[k]) - short0) * S.w[W_DAYS]
    d_stab = (max(0, X.task_nrooms[k] - 1) - stab0) * S.w[W_STAB]
    X.tot[DAYS] += d_days
    X.tot[STABILITY] += d_stab
    return d_days + d_stab


@nb.njit(cache=True, _nrt=False)
def insert(S: Static, X: State, e: int, t: int, r: int, hard_weight: int) -> int:
    """Place event e at start period t in room r; returns the objective delta."""
    day = t // S.ppd
    delta = _res_days(S, X, e, day, -1)
    X.ev_t[e] = t
    X.ev_r[e] = r
    X.room_last[r, t] = e
    hard = _occupy(S, X, e, t, r, 1)
    delta += _res_days(S, X, e, day, 1)
    k = S.ev_task[e]
    soft = S.ev_time_pen[e, t] + S.task_room_pen[k, r]
    X.tot[TIME] += S.ev_time_pen[e, t]
    X.tot[ROOM] += S.task_room_pen[k, r]
    return delta + soft + _task_counts(S, X, k, day, r, 1) + hard_weight * hard


@nb.njit(cache=True, _nrt=False)
def remove(S: Static, X: State, e: int, hard_weight: int) -> int:
    """Take event e out of the timetable; returns the objective delta."""
    t, r = X.ev_t[e], X.ev_r[e]
    day = t // S.ppd
    delta = _res_days(S, X, e, day, -1)
    hard = _occupy(S, X, e, t, r, -1)
    X.ev_t[e] = -1
    X.ev_r[e] = -1
    delta += _res_days(S, X, e, day, 1)
    k = S.ev_task[e]
    soft = S.ev_time_pen[e, t] + S.task_room_pen[k, r]
    X.tot[TIME] -= S.ev_time_pen[e, t]
    X.tot[ROOM] -= S.task_room_pen[k, r]
    return delta - soft + _task_counts(S, X, k, day, r, -1) + hard_weight * hard


@nb.njit(cache=True, _nrt=False)
def room_open(S: Static, r: int, t: int, length: int) -> bool:
    """Whether room r is available (not blocked by the registrar) for a block at t."""
    for p in range(t, t + length):  # noqa: SIM110 - numba compiles loops, not all()
        if not S.room_time_ok[r, p]:
            return False
    return True


@nb.njit(cache=True, _nrt=False)
def can_place(S: Static, e: int, t: int, r: int) -> bool:
    """Whether (t, r) is in event e's domain (all hard constraints except clashes)."""
    return S.ev_start_ok[e, t] and S.ev_room_ok[e, r] and room_open(S, r, t, S.ev_len[e])


@nb.njit(cache=True, _nrt=False)
def _cell_delta(occ: np.ndarray, row: int, e: int, S: Static, t0: int, row0: int, t: int) -> int:
    """Hard delta of moving e's use of one resource or room from (row0, t0) to (row, t)."""
    length, delta = S.ev_len[e], 0
    for a in range(S.n_atoms):
        if S.ev_weeks[e, a]:
            for p in range(t0, t0 + length):
                delta -= occ[row0, p, a] > 1
            for p in range(t, t + length):
                left = occ[row, p, a] - (row == row0 and t0 <= p < t0 + length)
                delta += left > 0
    return delta


@nb.njit(cache=True, _nrt=False)
def move_delta(S: Static, X: State, e: int, t: int, r: int, hard_weight: int,
               no_new_clash: bool) -> int:
    """Objective change of moving placed event e to (t, r), without changing the state.

    Equal to ``remove`` followed by ``insert`` (tests check it), at a fraction of the cost:
    most moves are rejected, and a rejected move priced this way needs no undo. With
    ``no_new_clash`` a move that adds clashes returns ``REJECT`` before its soft costs are
    computed: on dense instances most random moves clash, and pricing them fully is waste.
    """
    t0, r0, k = X.ev_t[e], X.ev_r[e], S.ev_task[e]
    hard = _cell_delta(X.room_occ, r, e, S, t0, r0, t)
    for i in range(S.ev_res_ptr[e], S.ev_res_ptr[e + 1]):
        hard += _cell_delta(X.res_occ, S.ev_res[i], e, S, t0, S.ev_res[i], t)
    if no_new_clash and hard > 0:
        return REJECT
    d0, d = t0 // S.ppd, t // S.ppd
    soft = S.ev_time_pen[e, t] - S.ev_time_pen[e, t0] + S.task_room_pen[k, r] - S.task_room_pen[k, r0]
    for i in range(S.ev_res_ptr[e], S.ev_res_ptr[e + 1]):
        res = S.ev_res[i]
        if S.res_soft[res]:
            for day in (d0, d):
                a, b, c = res_day_cost(S, X, res, day, e, t, r)
                soft += a + b + c - X.rd_cost[res, day, 0] - X.rd_cost[res, day, 1] \
                    - X.rd_cost[res, day, 2]
                if d == d0:
                    break
    if d != d0:
        nd = X.task_ndays[k]
        nd1 = nd - (X.task_day[k, d0] == 1) + (X.task_day[k, d] == 0)
        short = S.task_min_days[k]
        soft += (max(0, short - nd1) - max(0, short - nd)) * S.w[W_DAYS]
    if r != r0:
        nr = X.task_nrooms[k]
        nr1 = nr - (X.task_room[k, r0] == 1) + (X.task_room[k, r] == 0)
        soft += (max(0, nr1 - 1) - max(0, nr - 1)) * S.w[W_STAB]
    return hard_weight * hard + soft
