"""Each constraint's evaluation on small hand-made cases, and input validation."""

from __future__ import annotations

import pytest
from timetabling_cases import cost_of, problem

from core.timetabling.errors import ImpossibleDataError, InvalidProblemError, UnknownReferenceError
from core.timetabling.model import (
    Calendar,
    FixedPlacement,
    Problem,
    Room,
    SchoolClass,
    Task,
    Teacher,
    WeekPattern,
    Weights,
)

NO_SOFT = Weights(0, 0, 0, 0, 0, 0, 0)


def one(tid: str, sessions=(2,), classes=("K1",), teachers=("T1",), **kw) -> Task:
    return Task(tid, sessions=sessions, classes=classes, teachers=teachers, students=30, **kw)


def test_teacher_clash_counts_per_period() -> None:
    p = problem([one("A", classes=("K1",)), one("B", classes=("K2",))], weights=NO_SOFT)
    clash = cost_of(p, {("A", 0): (0, 0, "R1"), ("B", 0): (0, 1, "R2")})
    assert clash.hard["teacher/class conflicts"] == 1  # overlap in period 1 only
    apart = cost_of(p, {("A", 0): (0, 0, "R1"), ("B", 0): (0, 2, "R2")})
    assert apart.feasible


def test_class_clash_and_odd_even_weeks_do_not_overlap() -> None:
    odd = one("A", teachers=("T1",), weeks=WeekPattern(1, 16, "odd"))
    even = one("B", teachers=("T2",), weeks=WeekPattern(1, 16, "even"))
    every = one("C", teachers=("T3",))
    p = problem([odd, even, every], weights=NO_SOFT)
    shared = cost_of(p, {("A", 0): (1, 0, "R1"), ("B", 0): (1, 0, "R2"), ("C", 0): (2, 0, "R1")})
    assert shared.feasible  # odd and even weeks never meet
    clash = cost_of(p, {("A", 0): (1, 0, "R1"), ("B", 0): (2, 0, "R2"), ("C", 0): (1, 0, "R2")})
    assert clash.hard["teacher/class conflicts"] > 0


def test_first_half_and_second_half_of_term_do_not_overlap() -> None:
    first = one("A", teachers=("T1",), weeks=WeekPattern(1, 8))
    second = one("B", teachers=("T1",), weeks=WeekPattern(9, 16))
    p = problem([first, second], weights=NO_SOFT)
    assert cost_of(p, {("A", 0): (0, 0, "R1"), ("B", 0): (0, 0, "R1")}).feasible


def test_room_clash_and_unplaced_session() -> None:
    p = problem([one("A", classes=("K1",), teachers=("T1",)),
                 one("B", classes=("K2",), teachers=("T2",))], weights=NO_SOFT)
    cost = cost_of(p, {("A", 0): (0, 0, "R1"), ("B", 0): (0, 1, "R1")})
    assert cost.hard["room conflicts"] == 1
    assert cost_of(p, {("A", 0): (0, 0, "R1")}).hard["unplaced sessions"] == 1


def test_unavailability_half_day_and_room_type_are_outside_the_domain() -> None:
    teacher = Teacher("T1", unavailable=frozenset({(0, 2)}))
    rooms = [Room("R1", 100), Room("LAB", 100, "lab")]
    p = problem([one("A")], rooms=rooms, teachers=[teacher], weights=NO_SOFT)
    assert cost_of(p, {("A", 0): (0, 1, "R1")}).hard["outside the domain"] == 1  # hits (0, 2)
    assert cost_of(p, {("A", 0): (0, 3, "R1")}).hard["outside the domain"] == 1  # crosses noon
    assert cost_of(p, {("A", 0): (0, 4, "LAB")}).hard["outside the domain"] == 1  # wrong type
    assert cost_of(p, {("A", 0): (0, 4, "R1")}).feasible


def test_capacity_is_hard_for_a_term_and_soft_for_itc() -> None:
    rooms = [Room("S", 20), Room("R1", 100)]
    big = Task("A", sessions=(2,), classes=("K1",), teachers=("T1",), students=30)
    hard = problem([big], rooms=rooms, weights=NO_SOFT)
    assert cost_of(hard, {("A", 0): (0, 0, "S")}).hard["outside the domain"] == 1
    soft = problem([big], rooms=rooms, weights=Weights(0, 0, 0, 2, 0, 0, 0), capacity_is_hard=False)
    assert cost_of(soft, {("A", 0): (0, 0, "S")}).soft["room capacity"] == 20  # 10 seats x 2


def test_spread_over_days_and_room_stability() -> None:
    p = problem([one("A", sessions=(2, 2, 2))], weights=Weights(5, 0, 1, 0, 0, 0, 0))
    cost = cost_of(p, {("A", 0): (0, 0, "R1"), ("A", 1): (0, 4, "R2"), ("A", 2): (1, 0, "R2")})
    assert cost.soft["spread over days"] == 5  # 2 days of 3 wanted
    assert cost.soft["room stability"] == 1


def test_class_compactness_counts_isolated_periods_and_stops_at_noon() -> None:
    p = problem([one("A", sessions=(1, 1, 1))], weights=Weights(0, 2, 0, 0, 0, 0, 0))
    together = cost_of(p, {("A", 0): (0, 0, "R1"), ("A", 1): (0, 1, "R1"), ("A", 2): (1, 0, "R1")})
    assert together.soft["class compactness"] == 2  # only day 1's single period is isolated
    over_noon = cost_of(p, {("A", 0): (0, 3, "R1"), ("A", 1): (0, 4, "R1"), ("A", 2): (0, 5, "R1")})
    assert over_noon.soft["class compactness"] == 2  # period 3 is alone in its half-day


def test_teacher_avoided_periods_and_consecutive_limit() -> None:
    teacher = Teacher("T1", avoid_periods=frozenset({0}), max_consecutive=2)
    tasks = [one("A", classes=("K1",)), one("B", classes=("K2",))]
    p = problem(tasks, teachers=[teacher], weights=Weights(0, 0, 0, 0, 3, 4, 0))
    cost = cost_of(p, {("A", 0): (0, 0, "R1"), ("B", 0): (0, 2, "R2")})
    assert cost.soft["teacher avoided periods"] == 3
    assert cost.soft["teacher consecutive periods"] == 2 * 4  # periods 3 and 4 of a run of 4


def test_building_changes_between_adjacent_periods_of_a_class() -> None:
    tasks = [one("A", teachers=("T1",)), one("B", teachers=("T2",))]
    p = problem(tasks, weights=Weights(0, 0, 0, 0, 0, 0, 7))
    moved = cost_of(p, {("A", 0): (0, 4, "R1"), ("B", 0): (0, 6, "R2")})
    assert moved.soft["building changes"] == 7
    lunch = cost_of(p, {("A", 0): (0, 2, "R1"), ("B", 0): (0, 4, "R2")})
    assert lunch.soft["building changes"] == 0  # the lunch break is time enough to walk


def test_validation_names_item_and_reason() -> None:
    with pytest.raises(ImpossibleDataError, match="task A: session 0 lasts 5 periods"):
        problem([one("A", sessions=(5,))]).validate()
    with pytest.raises(UnknownReferenceError, match="task A: unknown teacher 'T9'"):
        Problem(calendar=Calendar(), rooms=(Room("R1", 9),), teachers=(Teacher("T1"),),
                classes=(SchoolClass("K1"),), tasks=(one("A", teachers=("T9",)),)).validate()
    many = [one(f"A{i}", sessions=(2, 2), teachers=(f"T{i}",)) for i in range(11)]
    with pytest.raises(ImpossibleDataError, match="class K1: needs 44 periods a week but only 40"):
        problem(many).validate()
    with pytest.raises(ImpossibleDataError, match="no room of type 'lab'"):
        problem([one("A", room_type="lab")]).validate()
    with pytest.raises(InvalidProblemError, match="week range"):
        problem([one("A", weeks=WeekPattern(3, 20))]).validate()
    fixed = (FixedPlacement("A", 0, 0, 0, "NOPE"),)
    with pytest.raises(UnknownReferenceError, match="unknown room 'NOPE'"):
        problem([one("A")], fixed=fixed).validate()
