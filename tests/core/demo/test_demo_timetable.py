"""The current term's teaching tasks can be timetabled (5 days × 10 periods)."""

from __future__ import annotations

from collections import Counter

from core.demo import DemoUniversity
from core.demo.checks import MAX_CLASS_LOAD, MAX_ROOM_SHARE, MAX_TEACHER_LOAD, term_figures


def test_loads_and_room_demand_within_limits(university: DemoUniversity) -> None:
    figures = term_figures(university)
    assert figures.problems() == []
    assert figures.max_class_load <= MAX_CLASS_LOAD
    assert figures.max_teacher_load <= MAX_TEACHER_LOAD
    for room_type in figures.room_types.values():
        assert room_type.worst_share <= MAX_ROOM_SHARE
        assert room_type.largest_room >= room_type.largest_task


def test_tasks_have_classes_teachers_and_a_fitting_room(university: DemoUniversity) -> None:
    rows = university.rows
    classes = {c["id"]: c for c in rows["school_class"]}
    sizes = Counter(s["class_id"] for s in rows["student"])
    by_task: dict[str, list[str]] = {}
    for link in rows["teaching_task_class"]:
        by_task.setdefault(link["task_id"], []).append(link["class_id"])
    teachers = Counter(link["task_id"] for link in rows["teaching_task_teacher"])
    mains = Counter(link["task_id"] for link in rows["teaching_task_teacher"] if link["is_main"])
    rooms: dict[str, list[int]] = {}
    for room in rows["room"]:
        rooms.setdefault(room["room_type"], []).append(room["capacity"])
    current = university.current_term["id"]
    for task in rows["teaching_task"]:
        assert task["term_id"] == current
        members = by_task[task["id"]]
        assert 1 <= len(members) <= 4
        assert len({(classes[c]["major_id"], classes[c]["cohort"]) for c in members}) == 1
        assert task["student_count"] == sum(sizes[c] for c in members)
        assert teachers[task["id"]] >= 1 and mains[task["id"]] == 1
        assert max(rooms[task["room_type"]]) >= task["student_count"]
        assert task["block_length"] == 2 and task["weekly_periods"] % 2 == 0
        assert 1 <= task["start_week"] <= task["end_week"] <= 16


def test_task_shapes_are_varied_like_a_real_term(university: DemoUniversity) -> None:
    tasks = university.rows["teaching_task"]
    weeks = Counter((t["start_week"], t["end_week"], t["week_parity"]) for t in tasks)
    assert weeks[(1, 16, "all")] > 0.6 * len(tasks)
    assert weeks[(1, 8, "all")] and weeks[(9, 16, "all")]
    assert weeks[(1, 16, "odd")] and weeks[(1, 16, "even")]
    assert set(Counter(t["weekly_periods"] for t in tasks)) <= {2, 4}
    joined = Counter(link["task_id"] for link in university.rows["teaching_task_class"])
    assert {2, 3, 4} <= set(joined.values())
    taught_by = Counter(link["task_id"] for link in university.rows["teaching_task_teacher"])
    assert 0 < sum(n == 2 for n in taught_by.values()) < 0.1 * len(tasks)
