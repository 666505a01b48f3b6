"""Seeding the demo university into a real server database, and logging in with its accounts."""

from __future__ import annotations

from collections import Counter

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from core.models import Department, Grade, Role, Student, User
from server.api.app import create_app
from server.db.replication import current_seq
from server.services.demo import seed_demo
from server.settings import Settings


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, list[object]]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("demo"), secret_key="d" * 40)
    messages: list[str] = []
    accounts = seed_demo(settings, seed=7, progress=messages.append)
    assert any("rows" in m for m in messages)
    return settings, accounts  # type: ignore[return-value]


def test_every_role_has_an_account_that_logs_in(seeded: tuple[Settings, list[object]]) -> None:
    settings, accounts = seeded
    roles = Counter(a.role for a in accounts)  # type: ignore[attr-defined]
    assert set(roles) == {"admin", "registrar", "dept_staff", "teacher", "student"}
    app = create_app(settings)
    with TestClient(app) as api:
        for account in {a.role: a for a in accounts}.values():  # type: ignore[attr-defined]
            response = api.post("/auth/login", json={"username": account.username, "password": account.password})
            assert response.status_code == 200, (account.username, response.text)
            assert response.json()["user"]["roles"] == [account.role]
    app.state.engine.dispose()


def test_seeded_rows_and_sequence(seeded: tuple[Settings, list[object]]) -> None:
    settings, _ = seeded
    from server.services.bootstrap import open_database

    sessions = open_database(settings)
    with sessions() as s:
        assert (s.scalar(select(func.count()).select_from(Department)) or 0) >= 8
        assert 10_000 <= (s.scalar(select(func.count()).select_from(Student)) or 0) <= 14_000
        assert (s.scalar(select(func.count()).select_from(Grade)) or 0) >= 300_000
        seq = current_seq(s.connection())
        top = max(s.scalar(select(func.max(t.server_seq))) or 0 for t in (Student, Grade, Role, User))
        roles_seq = s.scalars(select(Role.server_seq)).all()
        min_student_seq = s.scalar(select(func.min(Student.server_seq)))
    assert seq >= top  # the counter is past every row
    assert min_student_seq is not None and min_student_seq > max(roles_seq)  # no shared numbers


def test_seeding_twice_keeps_the_data(seeded: tuple[Settings, list[object]]) -> None:
    settings, accounts = seeded
    messages: list[str] = []
    again = seed_demo(settings, seed=7, progress=messages.append)
    assert any("已存在" in m for m in messages)
    assert [a.username for a in again] == [a.username for a in accounts]  # type: ignore[attr-defined]
