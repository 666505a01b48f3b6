"""Demo accounts: one or more per role, with known passwords printed by ``jiaowu demo``.

The generator creates no ``app_user`` rows: the server creates users and their roles from
these, hashing the passwords with its own policy and audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]

ADMIN_PASSWORD = "Admin@2026"
REGISTRAR_PASSWORD = "Registrar@2026"
DEPT_STAFF_PASSWORD = "Dept@2026"
TEACHER_PASSWORD = "Teacher@2026"
STUDENT_PASSWORD = "Student@2026"
TEACHER_ACCOUNTS = 6
STUDENT_ACCOUNTS = 6


@dataclass(frozen=True)
class DemoAccount:
    """A demo login and the rows it is linked to.

    ``department_id`` is set for department secretaries, teachers and students (their own
    department); ``teacher_id`` only for teachers and ``student_id`` only for students;
    administrators and the registrar have no link.
    """

    username: str
    password: str
    role: str  # RoleCode value
    display_name: str
    department_id: str | None = None
    teacher_id: str | None = None
    student_id: str | None = None


def build_accounts(departments: list[Row], teachers: list[Row], students: list[Row]) -> list[DemoAccount]:
    """Accounts for every role.

    Args:
        departments: every department row, in code order; each gets a ``deptNN`` secretary.
        teachers: teachers with teaching tasks this term, in the order to use them.
        students: enrolled students, in the order to use them.
    """
    accounts = [
        DemoAccount("admin", ADMIN_PASSWORD, "admin", "系统管理员"),
        DemoAccount("registrar", REGISTRAR_PASSWORD, "registrar", "教务处"),
    ]
    for dept in departments:
        accounts.append(DemoAccount(f"dept{dept['code']}", DEPT_STAFF_PASSWORD, "dept_staff",
                                    f"{dept['name']}教务员", department_id=dept["id"]))
    for n, teacher in enumerate(teachers[:TEACHER_ACCOUNTS], start=1):
        accounts.append(DemoAccount(f"teacher{n:02d}", TEACHER_PASSWORD, "teacher", teacher["name"],
                                    department_id=teacher["department_id"], teacher_id=teacher["id"]))
    for n, student in enumerate(students[:STUDENT_ACCOUNTS], start=1):
        accounts.append(DemoAccount(f"student{n:02d}", STUDENT_PASSWORD, "student", student["name"],
                                    department_id=student["department_id"], student_id=student["id"]))
    return accounts


def accounts_table(accounts: list[DemoAccount]) -> str:
    """The accounts as an aligned text table, for ``jiaowu demo`` to print at the end."""
    lines = [("username", "password", "role", "name")]
    lines += [(a.username, a.password, a.role, a.display_name) for a in accounts]
    widths = [max(len(line[i]) for line in lines) for i in range(3)]
    return "\n".join(f"{u:<{widths[0]}}  {p:<{widths[1]}}  {r:<{widths[2]}}  {n}" for u, p, r, n in lines)
