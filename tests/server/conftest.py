"""Server fixtures: a database on SQLite and on PostgreSQL, the app, accounts of every role."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from core.models import Department, Major, SchoolClass, Student, Teacher
from server.api.app import create_app
from server.services.principal import SYSTEM
from server.services.users import UserInput, create_user
from server.settings import Settings

PASSWORD = "Correct-Horse-7"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    return request.getfixturevalue("pg_url")  # type: ignore[no-any-return]


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, database_url=db_url, secret_key="t" * 40)


@pytest.fixture
def app(settings: Settings) -> Iterator[object]:
    application = create_app(settings)
    yield application
    application.state.engine.dispose()


@pytest.fixture
def api(app: object) -> Iterator[TestClient]:
    with TestClient(app) as client:  # type: ignore[arg-type]
        yield client


@pytest.fixture
def sessions(app: object) -> sessionmaker[Session]:
    return app.state.sessions  # type: ignore[attr-defined,no-any-return]


@dataclass(frozen=True)
class Org:
    department_id: str
    other_department_id: str
    teacher_id: str
    student_id: str


@pytest.fixture
def org(sessions: sessionmaker[Session]) -> Org:
    with sessions.begin() as s:
        d1 = Department(code="01", name="计算机学院", name_en="School of Computing")
        d2 = Department(code="02", name="外国语学院", name_en="School of Languages")
        s.add_all([d1, d2])
        s.flush()
        major = Major(code="0101", name="软件工程", department_id=d1.id)
        s.add(major)
        s.flush()
        cls = SchoolClass(code="SE2401", name="软件2401班", major_id=major.id, department_id=d1.id, cohort=2024)
        teacher = Teacher(staff_number="T0001", name="王老师", gender="M", department_id=d1.id)
        s.add_all([cls, teacher])
        s.flush()
        student = Student(number="202401010101", name="李明", gender="M", id_number="11010520060101001X",
                          birth_date=date(2006, 1, 1), class_id=cls.id, major_id=major.id,
                          department_id=d1.id, cohort=2024, enrolled_on=date(2024, 9, 1))
        s.add(student)
        s.flush()
        return Org(d1.id, d2.id, teacher.id, student.id)


MakeUser = Callable[..., str]


@pytest.fixture
def make_user(sessions: sessionmaker[Session], org: Org) -> MakeUser:
    """Create a user holding one role, linked as that role's scope needs; returns the id."""

    def make(username: str, role: str, *, password: str = PASSWORD, **links: str | None) -> str:
        defaults = {
            "dept_staff": {"department_id": org.department_id},
            "teacher": {"teacher_id": org.teacher_id, "department_id": org.department_id},
            "student": {"student_id": org.student_id},
        }.get(role, {})
        data = UserInput(username=username, password=password, display_name=username.title(),
                         roles=[role], **{**defaults, **links})
        with sessions.begin() as s:
            return create_user(s, SYSTEM, data).id

    return make


@pytest.fixture
def login(api: TestClient) -> Callable[[str, str], dict[str, str]]:
    def do(username: str, password: str = PASSWORD) -> dict[str, str]:
        response = api.post("/auth/login", json={"username": username, "password": password})
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['token']}"}

    return do


@pytest.fixture
def admin_headers(make_user: MakeUser, login: Callable[[str, str], dict[str, str]]) -> dict[str, str]:
    make_user("root", "admin")
    return login("root", PASSWORD)
