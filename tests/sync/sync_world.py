"""Helpers of the sync tests: a small university on a real server, and synced clients."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from core.models import (
    Course,
    Department,
    Grade,
    Major,
    SchoolClass,
    Student,
    Teacher,
    TeachingTask,
    TeachingTaskClass,
    TeachingTaskTeacher,
    Term,
)
from core.rules.values import id_check_char
from server.services.principal import SYSTEM
from server.services.users import UserInput, create_user
from sync.client.engine import SyncEngine
from sync.client.store import ReplicaStore
from sync.client.transport import HttpTransport

PASSWORD = "Correct-Horse-7"


def id_number(n: int) -> str:
    first17 = f"110105{2005:04d}{(n % 12) + 1:02d}{(n % 28) + 1:02d}{n % 1000:03d}"
    return first17 + id_check_char(first17)


@dataclass
class World:
    """A small university on a real server, and a factory for synced clients."""

    app: object
    sessions: sessionmaker[Session]
    api: TestClient
    ids: dict[str, str]
    tmp: Path

    tokens: dict[str, str] = field(default_factory=dict)

    def login(self, username: str) -> str:
        """A token for the user (one login per user and test: argon2 is slow on purpose)."""
        if username not in self.tokens:
            response = self.api.post("/auth/login", json={"username": username, "password": PASSWORD})
            assert response.status_code == 200, response.text
            self.tokens[username] = str(response.json()["token"])
        return self.tokens[username]

    def client(self, username: str, name: str | None = None) -> tuple[ReplicaStore, SyncEngine]:
        token = self.login(username)
        store = ReplicaStore(self.tmp / f"{name or username}.db")
        transport = HttpTransport("http://testserver", lambda: token, client=self.api)
        return store, SyncEngine(store, transport, page_limit=50)


def build_world(sessions: sessionmaker[Session], students: int = 12) -> dict[str, str]:
    with sessions.begin() as s:
        d1, d2 = Department(code="01", name="计算机学院"), Department(code="02", name="外国语学院")
        s.add_all([d1, d2])
        s.flush()
        m1, m2 = Major(code="0101", name="软件工程", department_id=d1.id), Major(code="0201", name="英语", department_id=d2.id)
        s.add_all([m1, m2])
        s.flush()
        c1 = SchoolClass(code="SE2401", name="软件2401班", major_id=m1.id, department_id=d1.id, cohort=2024)
        c2 = SchoolClass(code="SE2402", name="软件2402班", major_id=m1.id, department_id=d1.id, cohort=2024)
        c3 = SchoolClass(code="EN2401", name="英语2401班", major_id=m2.id, department_id=d2.id, cohort=2024)
        t1 = Teacher(staff_number="T0001", name="王老师", gender="M", department_id=d1.id)
        term = Term(code="2026-2027-1", name="2026秋", start_date=date(2026, 9, 1), is_current=True)
        course = Course(code="CS101", name="程序设计", category="professional_foundation", credits=3,
                        total_hours=48, lecture_hours=48)
        s.add_all([c1, c2, c3, t1, term, course])
        s.flush()
        task = TeachingTask(code="T1", term_id=term.id, course_id=course.id, department_id=d1.id, weekly_periods=4)
        s.add(task)
        s.flush()
        s.add_all([TeachingTaskClass(task_id=task.id, class_id=c1.id), TeachingTaskTeacher(task_id=task.id, teacher_id=t1.id)])
        classes = [(c1, m1, d1), (c2, m1, d1), (c3, m2, d2)]
        for n in range(students):
            cls, major, dept = classes[n % 3]
            st = Student(number=f"2024{dept.code}{major.code[2:]}{cls.code[-2:]}{n + 1:02d}", name=f"学生{n}",
                         gender="M" if n % 2 else "F", id_number=id_number(n), birth_date=date(2005, 1, 1),
                         class_id=cls.id, major_id=major.id, department_id=dept.id, cohort=2024,
                         enrolled_on=date(2024, 9, 1))
            s.add(st)
            s.flush()
            if cls is c1:
                s.add(Grade(student_id=st.id, task_id=task.id, course_id=course.id, term_id=term.id))
        ids = {"d1": d1.id, "d2": d2.id, "m1": m1.id, "c1": c1.id, "c2": c2.id, "c3": c3.id, "t1": t1.id,
               "task": task.id, "course": course.id, "term": term.id}
    with sessions.begin() as s:
        for username, role, links in (
            ("reg", "registrar", {}), ("reg2", "registrar", {}), ("dept", "dept_staff", {"department_id": ids["d1"]}),
            ("teach", "teacher", {"teacher_id": ids["t1"]}),
        ):
            create_user(s, SYSTEM, UserInput(username=username, password=PASSWORD, display_name=username,
                                             roles=[role], **links))
    return ids



ClientFactory = Callable[[str], tuple[ReplicaStore, SyncEngine]]
