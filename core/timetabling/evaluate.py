"""Full (from scratch) evaluation of a timetable, independent of the incremental kernel.

The kernel keeps running totals; this module recomputes every component from the placements
alone with plain numpy and Python loops. It is the reference the kernel's delta evaluation is
tested against, and the source of the cost breakdown shown to users.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from core.timetabling.compile import CompiledProblem

HARD_NAMES = ("unplaced sessions", "teacher/class conflicts", "room conflicts",
              "outside the domain")
SOFT_NAMES = ("teacher avoided periods", "room capacity", "spread over days", "room stability",
              "class compactness", "teacher consecutive periods", "building changes")


@dataclass(frozen=True)
class CostBreakdown:
    """Hard violations and weighted soft costs by constraint name."""

    hard: dict[str, int] = field(default_factory=dict)
    soft: dict[str, int] = field(default_factory=dict)

    @property
    def hard_total(self) -> int:
        return sum(self.hard.values())

    @property
    def soft_total(self) -> int:
        return sum(self.soft.values())

    @property
    def feasible(self) -> bool:
        return self.hard_total == 0

    def format(self) -> str:
        """Human-readable lines, hard constraints first."""
        lines = [f"{name} (hard): {value}" for name, value in self.hard.items()]
        lines += [f"{name} (soft): {value}" for name, value in self.soft.items()]
        lines.append(f"hard violations = {self.hard_total}, soft cost = {self.soft_total}")
        return "\n".join(lines)


def _extra_uses(cp: CompiledProblem, ev_t: npt.NDArray[np.int32], ev_r: npt.NDArray[np.int32],
                ) -> tuple[int, int, npt.NDArray[np.int64]]:
    n_t = cp.n_periods
    res_occ = np.zeros((len(cp.resource_names), n_t, cp.n_atoms), np.int64)
    room_occ = np.zeros((cp.room_time_ok.shape[0], n_t, cp.n_atoms), np.int64)
    busy = np.zeros((len(cp.resource_names), n_t), np.int64)
    for e in np.flatnonzero(ev_t >= 0):
        block = slice(ev_t[e], ev_t[e] + cp.ev_len[e])
        atoms = cp.ev_weeks[e].astype(bool)
        for res in cp.ev_res[cp.ev_res_ptr[e]:cp.ev_res_ptr[e + 1]]:
            res_occ[res, block, atoms] += 1
            busy[res, block] += 1
        room_occ[ev_r[e], block, atoms] += 1
    over = lambda occ: int(np.maximum(occ - 1, 0).sum())  # noqa: E731
    return over(res_occ), over(room_occ), busy


def _day_costs(cp: CompiledProblem, busy: npt.NDArray[np.int64], ev_t: npt.NDArray[np.int32],
               ev_r: npt.NDArray[np.int32]) -> tuple[int, int, int]:
    ppd, seg = cp.ppd, cp.seg_start
    compact = consec = changes = 0
    for res in range(busy.shape[0]):
        for day in range(cp.n_days):
            row = busy[res, day * ppd:(day + 1) * ppd]
            adjacent = [p > 0 and not seg[day * ppd + p] for p in range(ppd)]
            if cp.res_compact[res]:
                for p in range(ppd):
                    left = adjacent[p] and row[p - 1] > 0
                    right = p + 1 < ppd and adjacent[p + 1] and row[p + 1] > 0
                    compact += int(row[p]) if row[p] > 0 and not left and not right else 0
            if cp.res_max_consec[res] > 0:
                run = 0
                for p in range(ppd):
                    run = run + 1 if row[p] > 0 and (run > 0 and adjacent[p]) else int(row[p] > 0)
                    consec += run > cp.res_max_consec[res]
            if cp.res_bld[res]:
                changes += _building_changes(cp, res, day, ev_t, ev_r, adjacent)
    w = cp.weights
    return compact * int(w[2]), consec * int(w[3]), changes * int(w[4])


def _building_changes(cp: CompiledProblem, res: int, day: int, ev_t: npt.NDArray[np.int32],
                      ev_r: npt.NDArray[np.int32], adjacent: list[bool]) -> int:
    where = [-1] * cp.ppd
    for e in range(cp.n_events):
        if ev_t[e] >= 0 and ev_t[e] // cp.ppd == day and \
                res in cp.ev_res[cp.ev_res_ptr[e]:cp.ev_res_ptr[e + 1]]:
            for p in range(ev_t[e] % cp.ppd, ev_t[e] % cp.ppd + cp.ev_len[e]):
                where[p] = int(cp.room_bld[ev_r[e]])
    return sum(1 for p in range(1, cp.ppd)
               if adjacent[p] and where[p] >= 0 and where[p - 1] >= 0 and where[p] != where[p - 1])


def _outside_domain(cp: CompiledProblem, ev_t: npt.NDArray[np.int32],
                    ev_r: npt.NDArray[np.int32]) -> int:
    bad = 0
    for e in np.flatnonzero(ev_t >= 0):
        t, r = int(ev_t[e]), int(ev_r[e])
        ok = cp.ev_start_ok[e, t] and cp.ev_room_ok[e, r]
        bad += not (ok and cp.room_time_ok[r, t:t + cp.ev_len[e]].all())
    return bad


def evaluate(cp: CompiledProblem, ev_t: npt.NDArray[np.int32],
             ev_r: npt.NDArray[np.int32]) -> CostBreakdown:
    """Evaluate placements (start period and room per event, -1 when unplaced) from scratch."""
    res_hard, room_hard, busy = _extra_uses(cp, ev_t, ev_r)
    placed = np.flatnonzero(ev_t >= 0)
    w = cp.weights
    time_pen = int(sum(int(cp.ev_time_pen[e, ev_t[e]]) for e in placed))
    room_pen = int(sum(int(cp.task_room_pen[cp.ev_task[e], ev_r[e]]) for e in placed))
    days: dict[int, set[int]] = {}
    rooms: dict[int, set[int]] = {}
    for e in placed:
        days.setdefault(int(cp.ev_task[e]), set()).add(int(ev_t[e]) // cp.ppd)
        rooms.setdefault(int(cp.ev_task[e]), set()).add(int(ev_r[e]))
    short = sum(max(0, int(cp.task_min_days[k]) - len(days.get(k, ())))
                for k in range(cp.task_min_days.shape[0]))
    extra_rooms = sum(len(r) - 1 for r in rooms.values())
    compact, consec, changes = _day_costs(cp, busy, ev_t, ev_r)
    hard = dict(zip(HARD_NAMES, (int((ev_t < 0).sum()), res_hard, room_hard,
                                 _outside_domain(cp, ev_t, ev_r)), strict=True))
    soft = dict(zip(SOFT_NAMES, (time_pen, room_pen, short * int(w[0]),
                                 extra_rooms * int(w[1]), compact, consec, changes), strict=True))
    # plain ints: numpy scalars would leak into JSON and comparisons downstream
    return CostBreakdown(hard={k: int(v) for k, v in hard.items()},
                         soft={k: int(v) for k, v in soft.items()})
