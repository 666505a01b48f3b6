"""Turn a :class:`~core.timetabling.model.Problem` into flat integer arrays for the kernel.

Every session of every task becomes an *event*. Teachers and classes both become *resources*
(things that cannot be in two places at once). Hard domain restrictions (unavailability,
blocks crossing a half-day, room type and capacity when hard) are folded into per-event lists
of allowed start periods and rooms, so the search never even proposes them. Weeks are split
into *week atoms*: maximal groups of weeks that every task either teaches in all of or in none
of (all/odd/even over 16 weeks gives two atoms), so "overlapping weeks" becomes a bit test.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.timetabling.model import Problem, Task

IntArray = npt.NDArray[np.int32]
BoolArray = npt.NDArray[np.bool_]


@dataclass
class CompiledProblem:
    """Flat arrays describing one problem; see the module docstring for the vocabulary."""

    problem: Problem
    n_days: int
    ppd: int
    n_atoms: int
    ev_task: IntArray
    ev_session: IntArray
    ev_len: IntArray
    ev_locked: BoolArray
    ev_fixed_t: IntArray
    ev_fixed_r: IntArray
    ev_weeks: npt.NDArray[np.uint8]
    ev_res_ptr: IntArray
    ev_res: IntArray
    ev_start_ok: BoolArray
    ev_room_ok: BoolArray
    ev_time_pen: IntArray
    task_room_pen: IntArray
    task_min_days: IntArray
    room_time_ok: BoolArray
    room_bld: IntArray
    room_order: IntArray
    res_compact: BoolArray
    res_max_consec: IntArray
    res_bld: BoolArray
    seg_start: BoolArray
    weights: npt.NDArray[np.int64]
    resource_names: list[str]

    @property
    def n_events(self) -> int:
        return int(self.ev_len.shape[0])

    @property
    def n_periods(self) -> int:
        return self.n_days * self.ppd


def _week_atoms(problem: Problem) -> tuple[int, dict[int, list[int]]]:
    patterns = sorted({t.weeks for t in problem.tasks}, key=repr)
    week_sets = [p.weeks() for p in patterns]
    signature: dict[int, tuple[bool, ...]] = {}
    for week in range(1, problem.calendar.weeks + 1):
        sig = tuple(week in s for s in week_sets)
        if any(sig):
            signature[week] = sig
    atoms = sorted(set(signature.values()))
    by_pattern: dict[int, list[int]] = {}
    for i, _pattern in enumerate(patterns):
        by_pattern[i] = [a for a, sig in enumerate(atoms) if sig[i]]
    index = {p: i for i, p in enumerate(patterns)}
    return len(atoms), {id(t): by_pattern[index[t.weeks]] for t in problem.tasks}


def _blocked_slots(problem: Problem, task: Task) -> set[tuple[int, int]]:
    teachers = {t.id: t for t in problem.teachers}
    classes = {c.id: c for c in problem.classes}
    blocked = set(task.unavailable)
    for ref in task.teachers:
        blocked |= teachers[ref].unavailable
    for ref in task.classes:
        blocked |= classes[ref].unavailable
    return blocked


def _start_ok(problem: Problem, task: Task, length: int, seg: list[bool]) -> BoolArray:
    cal = problem.calendar
    ok = np.zeros(cal.periods, dtype=np.bool_)
    blocked = _blocked_slots(problem, task)
    for t in range(cal.periods):
        day, p = divmod(t, cal.periods_per_day)
        if p + length > cal.periods_per_day or any(seg[t + i] for i in range(1, length)):
            continue
        ok[t] = not any((day, p + i) in blocked for i in range(length))
    return ok


def _time_penalty(problem: Problem, task: Task, length: int) -> IntArray:
    cal = problem.calendar
    teachers = {t.id: t for t in problem.teachers}
    pen = np.zeros(cal.periods, dtype=np.int32)
    weight = problem.weights.teacher_avoid
    for ref in task.teachers:
        avoid = teachers[ref].avoid_periods
        if not avoid or weight == 0:
            continue
        for t in range(cal.periods):
            p = t % cal.periods_per_day
            pen[t] += weight * sum(1 for i in range(length) if p + i in avoid)
    return pen


def _room_fits(problem: Problem, task: Task) -> BoolArray:
    return np.array([r.room_type == task.room_type and
                     (r.capacity >= task.students or not problem.capacity_is_hard)
                     for r in problem.rooms], dtype=np.bool_)


def _task_arrays(problem: Problem) -> tuple[IntArray, IntArray]:
    """Per task: room penalty (missing seats, when capacity is soft) and minimum days."""
    n_k, n_r = len(problem.tasks), len(problem.rooms)
    room_pen = np.zeros((n_k, n_r), dtype=np.int32)
    min_days = np.zeros(n_k, dtype=np.int32)
    for k, task in enumerate(problem.tasks):
        if not problem.capacity_is_hard:
            room_pen[k] = [problem.weights.room_capacity * max(0, task.students - r.capacity)
                           for r in problem.rooms]
        default = min(len(task.sessions), problem.calendar.days)
        min_days[k] = default if task.min_days is None else task.min_days
    return room_pen, min_days


def _events(problem: Problem) -> dict[str, list[object]]:
    """One row per session: its task, index, length, lock, week atoms, resources, domain."""
    cal, n_t, n_r = problem.calendar, problem.calendar.periods, len(problem.rooms)
    seg = cal.segment_starts()
    n_atoms, task_atoms = _week_atoms(problem)
    res_index = {("t", t.id): i for i, t in enumerate(problem.teachers)}
    res_index.update({("c", c.id): len(problem.teachers) + i for i, c in enumerate(problem.classes)})
    room_index = {r.id: i for i, r in enumerate(problem.rooms)}
    fixed = {(f.task_id, f.session): f for f in problem.fixed}
    ev: dict[str, list[object]] = {key: [] for key in (
        "task", "sess", "len", "ft", "fr", "weeks", "res", "start_ok", "room_ok", "time_pen")}
    for k, task in enumerate(problem.tasks):
        fits = _room_fits(problem, task)
        refs = sorted({res_index[("t", t)] for t in task.teachers}
                      | {res_index[("c", c)] for c in task.classes})
        atoms = np.zeros(n_atoms, dtype=np.uint8)
        atoms[task_atoms[id(task)]] = 1
        for s, length in enumerate(task.sessions):
            ok, rooms_ok, ft, fr = _start_ok(problem, task, length, seg), fits.copy(), -1, -1
            fix = fixed.get((task.id, s))
            if fix is not None:  # a locked session's domain is its one place
                ft, fr = fix.day * cal.periods_per_day + fix.period, room_index[fix.room_id]
                ok, rooms_ok = np.zeros(n_t, dtype=np.bool_), np.zeros(n_r, dtype=np.bool_)
                ok[ft] = rooms_ok[fr] = True
            row = (k, s, length, ft, fr, atoms, refs, ok, rooms_ok,
                   _time_penalty(problem, task, length))
            for key, value in zip(ev, row, strict=True):
                ev[key].append(value)
    ev["n_atoms"] = [n_atoms]
    return ev


def _rooms_and_resources(problem: Problem) -> dict[str, np.ndarray]:
    cal, w, n_teachers = problem.calendar, problem.weights, len(problem.teachers)
    room_time_ok = np.ones((len(problem.rooms), cal.periods), dtype=np.bool_)
    for i, room in enumerate(problem.rooms):
        for day, p in room.unavailable:
            room_time_ok[i, day * cal.periods_per_day + p] = False
    buildings = sorted({r.building for r in problem.rooms})
    n_res = n_teachers + len(problem.classes)
    res_compact = np.zeros(n_res, dtype=np.bool_)
    res_compact[n_teachers:] = w.compactness > 0
    res_bld = np.zeros(n_res, dtype=np.bool_)
    res_bld[n_teachers:] = w.building_change > 0 and len(buildings) > 1
    res_max_consec = np.zeros(n_res, dtype=np.int32)
    if w.teacher_consecutive > 0:
        res_max_consec[:n_teachers] = [t.max_consecutive or 0 for t in problem.teachers]
    return {
        "room_time_ok": room_time_ok,
        "room_bld": np.array([buildings.index(r.building) for r in problem.rooms], np.int32),
        "res_compact": res_compact, "res_bld": res_bld, "res_max_consec": res_max_consec,
    }


def compile_problem(problem: Problem) -> CompiledProblem:
    """Validate ``problem`` and build its kernel arrays.

    Raises:
        InvalidProblemError: (or a subclass) from :meth:`Problem.validate`.
    """
    problem.validate()
    cal, w = problem.calendar, problem.weights
    n_t, n_r = cal.periods, len(problem.rooms)
    ev = _events(problem)
    n_atoms = int(ev["n_atoms"][0])  # type: ignore[call-overload]
    res_ptr = np.zeros(len(ev["res"]) + 1, dtype=np.int32)
    res_ptr[1:] = np.cumsum([len(r) for r in ev["res"]])  # type: ignore[arg-type]
    room_pen, min_days = _task_arrays(problem)

    def arr(key: str) -> IntArray:
        return np.asarray(ev[key], dtype=np.int32)

    return CompiledProblem(
        problem=problem, n_days=cal.days, ppd=cal.periods_per_day, n_atoms=n_atoms,
        ev_task=arr("task"), ev_session=arr("sess"), ev_len=arr("len"),
        ev_locked=arr("ft") >= 0, ev_fixed_t=arr("ft"), ev_fixed_r=arr("fr"),
        ev_weeks=np.asarray(ev["weeks"], dtype=np.uint8).reshape(-1, n_atoms),
        ev_res_ptr=res_ptr,
        ev_res=np.asarray([x for refs in ev["res"] for x in refs], dtype=np.int32),  # type: ignore[attr-defined]
        ev_start_ok=np.asarray(ev["start_ok"], dtype=np.bool_).reshape(-1, n_t),
        ev_room_ok=np.asarray(ev["room_ok"], dtype=np.bool_).reshape(-1, n_r),
        ev_time_pen=np.asarray(ev["time_pen"], dtype=np.int32).reshape(-1, n_t),
        task_room_pen=room_pen, task_min_days=min_days,
        room_order=np.asarray(sorted(range(n_r), key=lambda i: (problem.rooms[i].capacity, i)),
                              dtype=np.int32),
        seg_start=np.asarray(cal.segment_starts(), dtype=np.bool_),
        weights=np.array([w.spread_days, w.room_stability, w.compactness,
                          w.teacher_consecutive, w.building_change], dtype=np.int64),
        resource_names=[f"teacher {t.id}" for t in problem.teachers]
        + [f"class {c.id}" for c in problem.classes],
        **_rooms_and_resources(problem),
    )
