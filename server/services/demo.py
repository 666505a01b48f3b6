"""Seed the demo university into a server database (``jiaowu demo`` and tests)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from core.demo import DemoAccount, generate, insert_rows
from core.models import Student, User
from server.db.engine import refresh_statistics
from server.db.replication import take_seq_range
from server.services.bootstrap import open_database
from server.services.principal import SYSTEM
from server.services.users import UserInput, create_user
from server.settings import Settings


@dataclass(frozen=True)
class SeededAccount:
    username: str
    password: str
    role: str
    display_name: str


def seed_demo(settings: Settings, *, seed: int = 1, today: date | None = None,
              progress: Callable[[str], None] = lambda _m: None) -> list[SeededAccount]:
    """Generate and insert the demo university unless the database already holds students.

    ``today`` fixes the current term and cohorts (benchmarks pass a fixed day so their
    figures compare across runs); the default is the real date.
    """
    sessions = open_database(settings)
    university = generate(seed, today=today)
    with sessions() as session:
        already = (session.scalar(select(func.count()).select_from(Student)) or 0) > 0
    if already:
        progress("演示数据已存在，跳过生成 (demo data already present; use --reset to regenerate)")
    else:
        started = time.perf_counter()
        engine = sessions.kw["bind"]
        with engine.begin() as connection:
            # Renumber the generated rows into a fresh range of the server's sequence, so
            # they never share a number with rows written before (the built-in roles).
            offset = take_seq_range(connection, sum(len(r) for r in university.rows.values())) - 1
            for rows in university.rows.values():
                for row in rows:
                    row["server_seq"] += offset
            counts = insert_rows(connection, university)
        refresh_statistics(engine)
        progress(f"演示大学已生成 (demo university seeded): {sum(counts.values()):,} rows in "
                 f"{time.perf_counter() - started:.1f} s")
    return create_accounts(sessions, university.accounts)


def create_accounts(sessions: sessionmaker[Session], accounts: Sequence[DemoAccount]) -> list[SeededAccount]:
    out: list[SeededAccount] = []
    with sessions.begin() as session:
        for account in accounts:
            if session.scalar(select(User.id).where(User.username == account.username)) is None:
                create_user(session, SYSTEM, UserInput(
                    username=account.username, password=account.password, display_name=account.display_name,
                    roles=[account.role], department_id=account.department_id, teacher_id=account.teacher_id,
                    student_id=account.student_id,
                ))
            out.append(SeededAccount(account.username, account.password, account.role, account.display_name))
    return out


def print_accounts(accounts: Sequence[SeededAccount]) -> None:
    print("\n演示账户 (demo accounts):")
    print(f"  {'role':<12} {'username':<14} {'password':<14} name")
    shown: dict[str, int] = {}
    for a in accounts:
        shown[a.role] = shown.get(a.role, 0) + 1
        if shown[a.role] <= 3:
            print(f"  {a.role:<12} {a.username:<14} {a.password:<14} {a.display_name}")
    print()
