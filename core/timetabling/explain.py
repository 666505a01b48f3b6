"""Infeasibility explanation: which sessions could not be placed cleanly, and why.

For every session left unplaced or placed with a clash, each candidate start period of its day
grid is examined and the constraints that rule it out are counted: unavailability of the task,
a teacher, a class or every suitable room; a teacher, class busy with another session; no
suitable room free. A registrar reads "teacher Wang busy: 38 of 60 periods" and knows what to
change, instead of a bare "no solution".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.timetabling.compile import CompiledProblem

IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True)
class Explanation:
    """Why one session has no clean place: ``reasons`` pairs a constraint with a count of
    candidate start periods it blocks (out of ``candidates``)."""

    task_id: str
    session: int
    placed: bool
    candidates: int
    reasons: tuple[tuple[str, int], ...]

    def format(self) -> str:
        state = "placed with a clash" if self.placed else "not placed"
        why = "; ".join(f"{reason}: {count} of {self.candidates}" for reason, count in self.reasons)
        return f"task {self.task_id} session {self.session} ({state}): {why}"


def troubled_events(cp: CompiledProblem, ev_t: IntArray, ev_r: IntArray) -> list[int]:
    """Events that are unplaced or share a teacher, class or room cell with another event."""
    n_t = cp.n_periods
    res_occ = np.zeros((len(cp.resource_names), n_t, cp.n_atoms), np.int32)
    room_occ = np.zeros((cp.room_time_ok.shape[0], n_t, cp.n_atoms), np.int32)
    cells = []
    for e in range(cp.n_events):
        if ev_t[e] < 0:
            cells.append(None)
            continue
        block, atoms = slice(ev_t[e], ev_t[e] + cp.ev_len[e]), cp.ev_weeks[e].astype(bool)
        refs = cp.ev_res[cp.ev_res_ptr[e]:cp.ev_res_ptr[e + 1]]
        for res in refs:
            res_occ[res, block, atoms] += 1
        room_occ[ev_r[e], block, atoms] += 1
        cells.append((block, atoms, refs))
    troubled = []
    for e, cell in enumerate(cells):
        if cell is None:
            troubled.append(e)
            continue
        block, atoms, refs = cell
        clash = any((res_occ[res, block][:, atoms] > 1).any() for res in refs)
        if clash or (room_occ[ev_r[e], block][:, atoms] > 1).any():
            troubled.append(e)
    return troubled


def _blockers(cp: CompiledProblem, e: int, t: int, busy: npt.NDArray[np.int32]) -> list[str]:
    problem = cp.problem
    task = problem.tasks[cp.ev_task[e]]
    length = int(cp.ev_len[e])
    slots = [divmod(p, cp.ppd) for p in range(t, t + length)]
    found = []
    if any(s in task.unavailable for s in slots):
        found.append(f"task {task.id} unavailable")
    teachers = {x.id: x for x in problem.teachers}
    classes = {x.id: x for x in problem.classes}
    for kind, refs, table in (("teacher", task.teachers, teachers), ("class", task.classes, classes)):
        for ref in refs:
            if any(s in table[ref].unavailable for s in slots):
                found.append(f"{kind} {ref} unavailable")
    for i in cp.ev_res[cp.ev_res_ptr[e]:cp.ev_res_ptr[e + 1]]:
        if (busy[i, t:t + length][:, cp.ev_weeks[e].astype(bool)] > 0).any():
            found.append(f"{cp.resource_names[i]} busy")
    return found


def explain(cp: CompiledProblem, ev_t: IntArray, ev_r: IntArray,
            limit: int = 50) -> list[Explanation]:
    """Explain up to ``limit`` troubled sessions of a timetable (placements as the kernel's)."""
    out = []
    for e in troubled_events(cp, ev_t, ev_r)[:limit]:
        others_t = ev_t.copy()
        others_t[e] = -1  # the session's own placement must not block itself
        busy = _occupancy(cp, others_t, ev_r)
        rooms = _room_use(cp, others_t, ev_r)
        counts: Counter[str] = Counter()
        length = int(cp.ev_len[e])
        candidates = [t for t in range(cp.n_periods)
                      if t % cp.ppd + length <= cp.ppd
                      and not cp.seg_start[t + 1:t + length].any()]
        allowed_rooms = np.flatnonzero(cp.ev_room_ok[e])
        for t in candidates:
            reasons = _blockers(cp, e, t, busy)
            atoms = cp.ev_weeks[e].astype(bool)
            free = [r for r in allowed_rooms if cp.room_time_ok[r, t:t + length].all()
                    and not (rooms[r, t:t + length][:, atoms] > 0).any()]
            if not free:
                reasons.append("no suitable room free" if allowed_rooms.size
                               else "no room of the right type and size")
            counts.update(reasons)
        task = cp.problem.tasks[cp.ev_task[e]]
        out.append(Explanation(task.id, int(cp.ev_session[e]), bool(ev_t[e] >= 0),
                               len(candidates), tuple(counts.most_common())))
    return out


def _occupancy(cp: CompiledProblem, ev_t: IntArray, ev_r: IntArray) -> npt.NDArray[np.int32]:
    busy = np.zeros((len(cp.resource_names), cp.n_periods, cp.n_atoms), np.int32)
    for e in np.flatnonzero(ev_t >= 0):
        atoms = cp.ev_weeks[e].astype(bool)
        for res in cp.ev_res[cp.ev_res_ptr[e]:cp.ev_res_ptr[e + 1]]:
            busy[res, ev_t[e]:ev_t[e] + cp.ev_len[e], atoms] += 1
    return busy


def _room_use(cp: CompiledProblem, ev_t: IntArray, ev_r: IntArray) -> npt.NDArray[np.int32]:
    use = np.zeros((cp.room_time_ok.shape[0], cp.n_periods, cp.n_atoms), np.int32)
    for e in np.flatnonzero(ev_t >= 0):
        use[ev_r[e], ev_t[e]:ev_t[e] + cp.ev_len[e], cp.ev_weeks[e].astype(bool)] += 1
    return use
