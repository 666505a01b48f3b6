"""The timetabling model: calendar, rooms, teachers, classes, teaching tasks and weights.

The model knows nothing about where its data comes from (the registrar's database, the demo
generator, an ITC-2007 file). :meth:`Problem.validate` refuses impossible data before any
solving starts, naming the item and the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from core.timetabling.errors import ImpossibleDataError, InvalidProblemError, UnknownReferenceError

Slot = tuple[int, int]
"""A (day, period) pair, both 0-based."""

Parity = Literal["all", "odd", "even"]


@dataclass(frozen=True)
class WeekPattern:
    """The teaching weeks of a task: ``first``..``last`` (1-based), all, odd or even weeks."""

    first: int = 1
    last: int = 16
    parity: Parity = "all"

    def weeks(self) -> frozenset[int]:
        """The set of week numbers this pattern covers."""
        keep = {"all": (0, 1), "odd": (1,), "even": (0,)}[self.parity]
        return frozenset(w for w in range(self.first, self.last + 1) if w % 2 in keep)


@dataclass(frozen=True)
class Calendar:
    """A teaching week: ``days`` × ``periods_per_day`` periods.

    ``half_day_starts`` lists the periods (within a day) where a new half-day begins, e.g.
    ``(4, 8)`` for four morning, four afternoon and the evening periods. A block never crosses
    such a boundary, and adjacency (compactness, consecutive periods, building changes) stops
    at it, because the lunch break separates the periods on either side.
    """

    days: int = 5
    periods_per_day: int = 12
    half_day_starts: tuple[int, ...] = ()
    weeks: int = 16

    @property
    def periods(self) -> int:
        """Number of periods in the week."""
        return self.days * self.periods_per_day

    def segment_starts(self) -> list[bool]:
        """For each period of the week, whether a day or half-day starts there."""
        starts = set(self.half_day_starts) | {0}
        return [p % self.periods_per_day in starts for p in range(self.periods)]


@dataclass(frozen=True)
class Room:
    """A teaching room. ``unavailable`` holds (day, period) slots."""

    id: str
    capacity: int
    room_type: str = "normal"
    building: str = ""
    unavailable: frozenset[Slot] = frozenset()


@dataclass(frozen=True)
class Teacher:
    """A teacher with hard unavailability and soft preferences.

    ``avoid_periods`` are periods of the day (0-based) the teacher prefers not to teach,
    typically the first (early) or the last (late) ones; ``max_consecutive`` is the longest
    run of consecutive teaching periods accepted without penalty (``None``: no limit).
    """

    id: str
    unavailable: frozenset[Slot] = frozenset()
    avoid_periods: frozenset[int] = frozenset()
    max_consecutive: int | None = None


@dataclass(frozen=True)
class SchoolClass:
    """A class 班级 (or an ITC curriculum): students who attend their tasks together."""

    id: str
    size: int = 0
    unavailable: frozenset[Slot] = frozenset()


@dataclass(frozen=True)
class Task:
    """A teaching task 教学任务: one course taught to one or more classes (合班).

    ``sessions`` gives each weekly session's length in periods (``(2, 2)`` is two 2-period
    blocks 大节 a week). ``min_days`` is the number of distinct days the sessions should be
    spread over (default: as many as there are sessions, at most the number of days).
    """

    id: str
    sessions: tuple[int, ...]
    classes: tuple[str, ...] = ()
    teachers: tuple[str, ...] = ()
    students: int = 0
    room_type: str = "normal"
    weeks: WeekPattern = WeekPattern()
    unavailable: frozenset[Slot] = frozenset()
    min_days: int | None = None


@dataclass(frozen=True)
class FixedPlacement:
    """A locked session: kept exactly where the user put it."""

    task_id: str
    session: int
    day: int
    period: int
    room_id: str


@dataclass(frozen=True)
class Weights:
    """Weights of the soft constraints (0 switches a constraint off)."""

    spread_days: int = 5
    compactness: int = 2
    room_stability: int = 1
    room_capacity: int = 1
    teacher_avoid: int = 1
    teacher_consecutive: int = 2
    building_change: int = 1


@dataclass(frozen=True)
class Problem:
    """A complete timetabling problem.

    ``capacity_is_hard`` makes room capacity a hard constraint (a real term); ITC-2007 treats
    it as a soft one weighted by ``Weights.room_capacity`` per missing seat.
    """

    calendar: Calendar
    rooms: tuple[Room, ...]
    teachers: tuple[Teacher, ...]
    classes: tuple[SchoolClass, ...]
    tasks: tuple[Task, ...]
    fixed: tuple[FixedPlacement, ...] = ()
    weights: Weights = field(default_factory=Weights)
    capacity_is_hard: bool = True

    def validate(self) -> None:
        """Refuse inconsistent or impossible data before solving.

        Raises:
            UnknownReferenceError: a task or fixed placement names a missing item.
            ImpossibleDataError: a session longer than a half-day, a class or teacher with
                more periods than its week, a task with no suitable room.
            InvalidProblemError: duplicate ids, bad lengths, slots or week ranges.
        """
        _check_calendar(self.calendar)
        for kind, items in (("room", self.rooms), ("teacher", self.teachers),
                            ("class", self.classes), ("task", self.tasks)):
            _check_unique(kind, (item.id for item in items))
        for task in self.tasks:
            _check_task(self, task)
        _check_loads(self)
        _check_fixed(self)


def _check_calendar(cal: Calendar) -> None:
    if cal.days <= 0 or cal.periods_per_day <= 0:
        raise InvalidProblemError("calendar", "days and periods per day must be positive")
    for start in cal.half_day_starts:
        if not 0 < start < cal.periods_per_day:
            raise InvalidProblemError("calendar", f"half-day start {start} is outside the day")


def _check_unique(kind: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise InvalidProblemError(f"{kind} {item_id}", "id used twice")
        seen.add(item_id)


def longest_block(cal: Calendar) -> int:
    """Length in periods of the longest half-day (the longest block that fits)."""
    bounds = [0, *sorted(cal.half_day_starts), cal.periods_per_day]
    return max(b - a for a, b in zip(bounds, bounds[1:], strict=False))


def _check_task(problem: Problem, task: Task) -> None:
    cal, item = problem.calendar, f"task {task.id}"
    if not task.sessions:
        raise InvalidProblemError(item, "has no sessions")
    longest = longest_block(cal)
    for index, length in enumerate(task.sessions):
        if length <= 0:
            raise InvalidProblemError(item, f"session {index} has length {length}")
        if length > longest:
            raise ImpossibleDataError(
                item, f"session {index} lasts {length} periods, longer than a half-day "
                f"({longest} periods)")
    known = {"class": {c.id for c in problem.classes}, "teacher": {t.id for t in problem.teachers}}
    for kind, refs in (("class", task.classes), ("teacher", task.teachers)):
        for ref in refs:
            if ref not in known[kind]:
                raise UnknownReferenceError(item, f"unknown {kind} {ref!r}")
    if not 1 <= task.weeks.first <= task.weeks.last <= cal.weeks or not task.weeks.weeks():
        raise InvalidProblemError(item, f"week range {task.weeks} is outside weeks 1-{cal.weeks}")
    if problem.capacity_is_hard and not any(_room_fits(problem, task, r) for r in problem.rooms):
        raise ImpossibleDataError(
            item, f"no room of type {task.room_type!r} seats {task.students} students")
    for day, period in task.unavailable:
        if not (0 <= day < cal.days and 0 <= period < cal.periods_per_day):
            raise InvalidProblemError(item, f"unavailable slot ({day}, {period}) is outside the week")


def _room_fits(problem: Problem, task: Task, room: Room) -> bool:
    if room.room_type != task.room_type:
        return False
    return room.capacity >= task.students or not problem.capacity_is_hard


def _check_loads(problem: Problem) -> None:
    # A class or teacher needing more periods than its week can never be feasible; saying so
    # here is far more useful than a solver that runs to its time limit and gives up.
    periods = problem.calendar.periods
    load: dict[tuple[str, str], int] = {}
    for task in problem.tasks:
        need = sum(task.sessions)
        for kind, refs in (("class", task.classes), ("teacher", task.teachers)):
            for ref in refs:
                load[(kind, ref)] = load.get((kind, ref), 0) + need
    unavailable = {("class", c.id): len(c.unavailable) for c in problem.classes}
    unavailable.update({("teacher", t.id): len(t.unavailable) for t in problem.teachers})
    for (kind, ref), need in sorted(load.items()):
        free = periods - unavailable.get((kind, ref), 0)
        if need > free:
            raise ImpossibleDataError(
                f"{kind} {ref}", f"needs {need} periods a week but only {free} are available")


def _check_fixed(problem: Problem) -> None:
    tasks = {t.id: t for t in problem.tasks}
    rooms = {r.id for r in problem.rooms}
    cal = problem.calendar
    for fix in problem.fixed:
        item = f"fixed placement of task {fix.task_id} session {fix.session}"
        task = tasks.get(fix.task_id)
        if task is None:
            raise UnknownReferenceError(item, f"unknown task {fix.task_id!r}")
        if not 0 <= fix.session < len(task.sessions):
            raise UnknownReferenceError(item, f"task has no session {fix.session}")
        if fix.room_id not in rooms:
            raise UnknownReferenceError(item, f"unknown room {fix.room_id!r}")
        length = task.sessions[fix.session]
        if not (0 <= fix.day < cal.days and fix.period >= 0
                and fix.period + length <= cal.periods_per_day):
            raise InvalidProblemError(item, f"slot ({fix.day}, {fix.period}) is outside the week")
