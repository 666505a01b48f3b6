"""ITC-2007 adapter: reader errors, exact official figures, fast vs reference evaluator."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from core.timetabling.errors import CttFormatError
from core.timetabling.itc2007 import (
    CttInstance,
    Entry,
    format_solution,
    parse_ctt,
    parse_solution,
    read_ctt,
    to_entries,
    to_problem,
)
from core.timetabling.itc_eval import evaluate_itc
from core.timetabling.solver import SolverOptions, solve

DATA = Path(__file__).resolve().parents[3] / "assets" / "data" / "itc2007"
COMPS = [f"comp0{i}" for i in range(1, 8)]


def reference_cost(inst: CttInstance, entries: list[Entry]) -> tuple[int, ...]:
    """Straightforward re-statement of the validator, loop by loop, independent of itc_eval."""
    courses = {c.id: c for c in inst.courses}
    rooms = dict(inst.rooms)
    tt: dict[tuple[str, int], str] = {}
    for e in entries:
        if e.course not in courses or e.room not in rooms:
            continue
        if e.day >= inst.days or e.period >= inst.periods_per_day:
            continue
        p = e.day * inst.periods_per_day + e.period
        if (e.course, p) not in tt:
            tt[(e.course, p)] = e.room
    lectures = sum(abs(sum(1 for (c, _) in tt if c == cid) - course.lectures)
                   for cid, course in courses.items())
    curricula = [set(cs) for _, cs in inst.curricula]

    def conflict(a: str, b: str) -> bool:
        return courses[a].teacher == courses[b].teacher or any(a in g and b in g for g in curricula)

    conflicts = 0
    for a, b in itertools.combinations(courses, 2):
        if conflict(a, b):
            conflicts += sum(1 for p in range(inst.periods) if (a, p) in tt and (b, p) in tt)
    blocked = {(c, d * inst.periods_per_day + q) for c, d, q in inst.unavailability}
    availability = sum(1 for key in tt if key in blocked)
    room_use: dict[tuple[str, int], int] = {}
    for (_, p), r in tt.items():
        room_use[(r, p)] = room_use.get((r, p), 0) + 1
    occupation = sum(n - 1 for n in room_use.values() if n > 1)
    capacity = sum(max(0, courses[c].students - rooms[r]) for (c, _), r in tt.items())
    days = 0
    for cid, course in courses.items():
        worked = {p // inst.periods_per_day for (c, p) in tt if c == cid}
        days += max(0, course.min_days - len(worked)) * 5
    compact = 0
    for g in curricula:
        count = [sum(1 for c in g if (c, p) in tt) for p in range(inst.periods)]
        for p in range(inst.periods):
            q = p % inst.periods_per_day
            before = q > 0 and count[p - 1] > 0
            after = q < inst.periods_per_day - 1 and count[p + 1] > 0
            if count[p] and not before and not after:
                compact += 2 * count[p]
    stability = sum(max(0, len({r for (c, _), r in tt.items() if c == cid}) - 1) for cid in courses)
    return lectures, conflicts, availability, occupation, capacity, days, compact, stability


def figures(inst: CttInstance, entries: list[Entry]) -> tuple[int, ...]:
    c = evaluate_itc(inst, entries)
    return (c.lectures, c.conflicts, c.availability, c.room_occupation, c.room_capacity,
            c.min_working_days, c.curriculum_compactness, c.room_stability)


def test_toy_matches_the_official_validator_output() -> None:
    inst = read_ctt(DATA / "toy.ctt")
    cost = evaluate_itc(inst, parse_solution((DATA / "toy.out").read_text()))
    official = (DATA / "toy.validator-output.txt").read_text()
    for line in cost.format().splitlines():
        assert line in official.splitlines()
    assert (cost.hard, cost.soft) == (5, 30)
    assert (cost.conflicts, cost.room_occupation) == (3, 2)
    assert (cost.room_capacity, cost.min_working_days, cost.curriculum_compactness,
            cost.room_stability) == (8, 15, 4, 3)


def test_unknown_and_repeated_entries_are_skipped_like_the_validator() -> None:
    inst = read_ctt(DATA / "toy.ctt")
    entries = parse_solution((DATA / "toy.out").read_text())
    extra = [Entry("Nope", "A", 0, 0), Entry("SceCosC", "Z", 0, 0), Entry("SceCosC", "A", 9, 0),
             Entry(entries[0].course, "A", entries[0].day, entries[0].period)]
    cost = evaluate_itc(inst, entries + extra)
    assert figures(inst, entries + extra) == figures(inst, entries)
    assert len(cost.warnings) == 4


def test_too_many_lectures_count_as_lecture_violations() -> None:
    inst = read_ctt(DATA / "toy.ctt")
    entries = parse_solution((DATA / "toy.out").read_text())
    free = Entry("SceCosC", "A", 0, 3)  # a fourth lecture of a 3-lecture course
    assert evaluate_itc(inst, [*entries, free]).lectures == 1
    assert evaluate_itc(inst, entries[1:]).lectures == 1


def test_shared_teacher_and_curriculum_conflict_once() -> None:
    text = (DATA / "toy.ctt").read_text().replace("Geotec Scarlatti", "Geotec Rosa")
    inst = parse_ctt(text)  # TecCos and Geotec now share a curriculum and a teacher
    entries = [Entry("TecCos", "A", 0, 0), Entry("Geotec", "B", 0, 0)]
    assert evaluate_itc(inst, entries).conflicts == 1


def _random_entries(inst: CttInstance, rng: random.Random) -> list[Entry]:
    rooms = [r for r, _ in inst.rooms]
    return [Entry(c.id, rng.choice(rooms), rng.randrange(inst.days),
                  rng.randrange(inst.periods_per_day))
            for c in inst.courses for _ in range(c.lectures + rng.choice((-1, 0, 0, 1)))]


@pytest.mark.parametrize("name", COMPS)
def test_fast_evaluator_equals_reference_on_random_solutions(name: str) -> None:
    inst = read_ctt(DATA / f"{name}.ctt")
    rng = random.Random(name)
    for _ in range(2):
        entries = _random_entries(inst, rng)
        assert figures(inst, entries) == reference_cost(inst, entries)


@pytest.mark.parametrize("name", ["comp01", "comp05", "comp07"])
def test_fast_evaluator_equals_reference_on_solved_solutions(name: str) -> None:
    inst = read_ctt(DATA / f"{name}.ctt")
    result = solve(to_problem(inst), SolverOptions(iterations=100_000, seed=3))
    entries = to_entries(result.placements)
    assert figures(inst, entries) == reference_cost(inst, entries)
    # the solver's own breakdown agrees with the official one on the soft side when feasible
    if result.cost.feasible:
        assert evaluate_itc(inst, entries).soft == result.cost.soft_total


def test_solution_round_trip() -> None:
    entries = parse_solution((DATA / "toy.out").read_text())
    assert parse_solution(format_solution(entries)) == entries


@pytest.mark.parametrize(("mutate", "line", "reason"), [
    (lambda t: t.replace("Courses: 4", "Courses: four"), 2, "whole numbers"),
    (lambda t: t.replace("TecCos Rosa 5 4 40", "TecCos Rosa 5 4"), 12, "needs 5 fields"),
    (lambda t: t.replace("Cur2 2 TecCos Geotec", "Cur2 2 TecCos Geotex"), 21, "unknown course"),
    (lambda t: t.replace("ArcTec 4 3", "ArcTec 7 3"), 31, "outside"),
    (lambda t: t.replace("A 32", "B 32"), 17, "defined twice"),
    (lambda t: t.replace("END.", "FIN."), 33, "END."),
    (lambda t: t.split("CURRICULA:")[0], 0, "ends before"),
])
def test_malformed_ctt_is_refused_with_line_and_reason(mutate, line: int, reason: str) -> None:
    text = mutate((DATA / "toy.ctt").read_text())
    with pytest.raises(CttFormatError) as err:
        parse_ctt(text, source="toy.ctt")
    assert err.value.line == line
    assert reason in err.value.reason
    assert f"toy.ctt:{line}" in str(err.value)


def test_malformed_solution_line() -> None:
    with pytest.raises(CttFormatError) as err:
        parse_solution("c1 r1 0 0\nc1 r1 zero 1\n")
    assert err.value.line == 2
