"""ITC-2007 Track 3 (curriculum-based course timetabling): ``.ctt`` reader, solution writer.

The format is described in assets/data/itc2007 (and the track's technical report). A course
becomes a :class:`~core.timetabling.model.Task` of single-period sessions, its teacher a
:class:`~core.timetabling.model.Teacher`, each curriculum a
:class:`~core.timetabling.model.SchoolClass`; room capacity is soft, as the track defines it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from core.timetabling.errors import CttFormatError
from core.timetabling.model import (
    Calendar,
    Problem,
    Room,
    SchoolClass,
    Task,
    Teacher,
    WeekPattern,
    Weights,
)

ITC_WEIGHTS = Weights(spread_days=5, compactness=2, room_stability=1, room_capacity=1,
                      teacher_avoid=0, teacher_consecutive=0, building_change=0)


class PlacementLike(Protocol):
    task_id: str
    room_id: str
    day: int
    period: int


_HEADERS = ("Name", "Courses", "Rooms", "Days", "Periods_per_day", "Curricula", "Constraints")


@dataclass(frozen=True)
class Course:
    id: str
    teacher: str
    lectures: int
    min_days: int
    students: int


@dataclass(frozen=True)
class CttInstance:
    """A parsed ``.ctt`` file, names kept exactly as written."""

    name: str
    days: int
    periods_per_day: int
    courses: tuple[Course, ...]
    rooms: tuple[tuple[str, int], ...]
    curricula: tuple[tuple[str, tuple[str, ...]], ...]
    unavailability: tuple[tuple[str, int, int], ...]

    @property
    def periods(self) -> int:
        return self.days * self.periods_per_day


@dataclass(frozen=True)
class Entry:
    """One solution line: ``<CourseID> <RoomID> <Day> <Day_Period>``."""

    course: str
    room: str
    day: int
    period: int


class _Lines:
    """Non-blank lines with their 1-based numbers, for precise error messages."""

    def __init__(self, text: str, source: str) -> None:
        self._items = [(n, line.split()) for n, line in enumerate(text.splitlines(), 1)
                       if line.strip()]
        self._pos = 0
        self.source = source

    def next(self, what: str) -> tuple[int, list[str]]:
        if self._pos >= len(self._items):
            raise CttFormatError(0, f"file ends before {what}", self.source)
        item = self._items[self._pos]
        self._pos += 1
        return item

    def error(self, line: int, reason: str) -> CttFormatError:
        return CttFormatError(line, reason, self.source)

    def ints(self, line: int, tokens: list[str], what: str) -> list[int]:
        try:
            values = [int(tok) for tok in tokens]
        except ValueError:
            raise self.error(line, f"{what}: expected whole numbers, got {' '.join(tokens)!r}") from None
        if any(v < 0 for v in values):
            raise self.error(line, f"{what}: negative number")
        return values


def _section(lines: _Lines, title: str, count: int, width: int | None) -> Iterator[tuple[int, list[str]]]:
    line, tokens = lines.next(f"section {title}")
    if tokens != [title]:
        raise lines.error(line, f"expected {title!r}, got {' '.join(tokens)!r}")
    for _ in range(count):
        line, tokens = lines.next(f"the end of section {title} ({count} lines expected)")
        if width is not None and len(tokens) != width:
            raise lines.error(line, f"{title[:-1].lower()} line needs {width} fields, got {len(tokens)}")
        yield line, tokens


def _header(lines: _Lines) -> dict[str, str]:
    values: dict[str, str] = {}
    for key in _HEADERS:
        line, tokens = lines.next(f"header {key}")
        if len(tokens) != 2 or tokens[0] != f"{key}:":
            raise lines.error(line, f"expected '{key}: <value>', got {' '.join(tokens)!r}")
        if key != "Name":
            lines.ints(line, tokens[1:], key)
        values[key] = tokens[1]
    return values


def parse_ctt(text: str, source: str = "") -> CttInstance:
    """Parse the text of a ``.ctt`` file.

    Raises:
        CttFormatError: with the line number and the reason, for any malformed line,
            duplicate id, unknown course or out-of-range day or period.
    """
    lines = _Lines(text, source)
    head = _header(lines)
    days, ppd = int(head["Days"]), int(head["Periods_per_day"])
    courses: dict[str, Course] = {}
    for line, tok in _section(lines, "COURSES:", int(head["Courses"]), 5):
        n_lec, min_days, students = lines.ints(line, tok[2:], "course")
        if tok[0] in courses:
            raise lines.error(line, f"course {tok[0]} defined twice")
        courses[tok[0]] = Course(tok[0], tok[1], n_lec, min_days, students)
    rooms: dict[str, int] = {}
    for line, tok in _section(lines, "ROOMS:", int(head["Rooms"]), 2):
        if tok[0] in rooms:
            raise lines.error(line, f"room {tok[0]} defined twice")
        rooms[tok[0]] = lines.ints(line, tok[1:], "room")[0]
    curricula: list[tuple[str, tuple[str, ...]]] = []
    for line, tok in _section(lines, "CURRICULA:", int(head["Curricula"]), None):
        if len(tok) < 2 or len(tok) != 2 + lines.ints(line, tok[1:2], "curriculum")[0]:
            raise lines.error(line, "curriculum line: the course count does not match the courses")
        for course in tok[2:]:
            if course not in courses:
                raise lines.error(line, f"curriculum {tok[0]} names unknown course {course}")
        curricula.append((tok[0], tuple(tok[2:])))
    unavailable: list[tuple[str, int, int]] = []
    for line, tok in _section(lines, "UNAVAILABILITY_CONSTRAINTS:", int(head["Constraints"]), 3):
        day, period = lines.ints(line, tok[1:], "unavailability")
        if tok[0] not in courses:
            raise lines.error(line, f"unavailability names unknown course {tok[0]}")
        if day >= days or period >= ppd:
            raise lines.error(line, f"day {day} period {period} is outside {days}x{ppd}")
        unavailable.append((tok[0], day, period))
    line, tok = lines.next("END.")
    if tok != ["END."]:
        raise lines.error(line, f"expected 'END.', got {' '.join(tok)!r}")
    return CttInstance(head["Name"], days, ppd, tuple(courses.values()),
                       tuple(rooms.items()), tuple(curricula), tuple(unavailable))


def read_ctt(path: str | Path) -> CttInstance:
    """Read and parse a ``.ctt`` file (see :func:`parse_ctt`)."""
    path = Path(path)
    return parse_ctt(path.read_text(encoding="utf-8"), source=str(path))


def parse_solution(text: str) -> list[Entry]:
    """Parse solution lines, as the official validator does: 4 fields per entry.

    Semantic checks (unknown course, duplicates) belong to the evaluator, which skips such
    entries exactly like the validator.

    Raises:
        CttFormatError: a line without 4 fields or with non-numeric day or period.
    """
    entries: list[Entry] = []
    for number, raw in enumerate(text.splitlines(), 1):
        tokens = raw.split()
        if not tokens:
            continue
        if len(tokens) != 4 or not (tokens[2].isdigit() and tokens[3].isdigit()):
            raise CttFormatError(number, f"solution line needs 'course room day period', got {raw!r}")
        entries.append(Entry(tokens[0], tokens[1], int(tokens[2]), int(tokens[3])))
    return entries


def format_solution(entries: list[Entry]) -> str:
    """The solution file text, one ``course room day period`` line per lecture."""
    return "".join(f"{e.course} {e.room} {e.day} {e.period}\n" for e in entries)


def to_problem(inst: CttInstance) -> Problem:
    """The generic timetabling problem equivalent to an ITC-2007 instance."""
    blocked: dict[str, set[tuple[int, int]]] = {}
    for course, day, period in inst.unavailability:
        blocked.setdefault(course, set()).add((day, period))
    member: dict[str, list[str]] = {}
    for cur, courses in inst.curricula:
        for course in dict.fromkeys(courses):
            member.setdefault(course, []).append(cur)
    tasks = tuple(
        Task(id=c.id, sessions=(1,) * c.lectures, classes=tuple(member.get(c.id, ())),
             teachers=(c.teacher,), students=c.students, min_days=c.min_days,
             unavailable=frozenset(blocked.get(c.id, ())), weeks=WeekPattern(1, 1))
        for c in inst.courses)
    teachers = tuple(Teacher(t) for t in dict.fromkeys(c.teacher for c in inst.courses))
    classes = tuple(SchoolClass(cur) for cur, _ in inst.curricula)
    rooms = tuple(Room(r, cap) for r, cap in inst.rooms)
    cal = Calendar(days=inst.days, periods_per_day=inst.periods_per_day, weeks=1)
    return Problem(calendar=cal, rooms=rooms, teachers=teachers, classes=classes, tasks=tasks,
                   weights=ITC_WEIGHTS, capacity_is_hard=False)



def to_entries(placements: Iterable[PlacementLike]) -> list[Entry]:
    """Solution entries for solver placements (the task id is the course id)."""
    return [Entry(p.task_id, p.room_id, p.day, p.period) for p in placements]
