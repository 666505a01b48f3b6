"""Permission codes (one per action of DESIGN §2) and the built-in roles.

Roles are data: the database holds each role's permission codes and scope; this module is
the catalogue of codes that exist and the seed of the five built-in roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.rules.enums import RoleCode, Scope


@dataclass(frozen=True)
class Permission:
    code: str
    zh: str
    en: str
    module: str


PERMISSIONS: tuple[Permission, ...] = (
    Permission("students.read", "查看学生", "View students", "students"),
    Permission("students.write", "维护学生", "Edit students", "students"),
    Permission("students.import", "导入学生", "Import students", "students"),
    Permission("status.submit", "提交学籍异动", "Draft and submit status changes", "students"),
    Permission("status.approve", "审批学籍异动", "Approve status changes", "students"),
    Permission("aid.read", "查看奖助贷", "View scholarships and aid", "students"),
    Permission("aid.write", "申请与评审奖助贷", "Apply for and review aid", "students"),
    Permission("aid.approve", "审批奖助贷", "Approve aid", "students"),
    Permission("dorms.read", "查看公寓", "View dormitories", "students"),
    Permission("dorms.write", "管理公寓", "Manage dormitories", "students"),
    Permission("certificates.issue", "打印证书证件", "Issue cards and certificates", "students"),
    Permission("reference.read", "查看基础数据", "View reference data", "reference"),
    Permission("reference.write", "维护基础数据", "Edit reference data", "reference"),
    Permission("grades.read", "查看成绩", "View grades", "grades"),
    Permission("grades.write", "录入成绩", "Enter grades", "grades"),
    Permission("grades.lock", "锁定成绩", "Lock grades", "grades"),
    Permission("grades.change_approve", "审批成绩更正", "Approve grade changes", "grades"),
    Permission("exams.read", "查看特殊考试", "View special exams", "exams"),
    Permission("exams.manage", "管理特殊考试", "Manage special exams", "exams"),
    Permission("exams.arrange", "考场编排", "Arrange exam rooms and seats", "exams"),
    Permission("plans.read", "查看教学计划", "View teaching plans", "plans"),
    Permission("plans.write", "维护教学计划", "Edit teaching plans", "plans"),
    Permission("tasks.read", "查看教学任务", "View teaching tasks", "tasks"),
    Permission("tasks.write", "维护教学任务", "Edit teaching tasks", "tasks"),
    Permission("timetable.read", "查看课表", "View timetables", "timetable"),
    Permission("timetable.write", "排课", "Timetabling", "timetable"),
    Permission("users.manage", "用户与角色管理", "Manage users and roles", "admin"),
    Permission("audit.read", "查看审计日志", "View the audit log", "admin"),
    Permission("releases.publish", "发布客户端版本", "Publish client releases", "admin"),
    Permission("sync.use", "桌面客户端同步", "Use the desktop client and sync", "sync"),
    Permission("portal.self", "学生门户", "Student web portal", "portal"),
)

PERMISSION_CODES: frozenset[str] = frozenset(p.code for p in PERMISSIONS)
BY_CODE: dict[str, Permission] = {p.code: p for p in PERMISSIONS}

_ACADEMIC = tuple(
    p.code for p in PERMISSIONS if p.module not in {"admin", "portal"}
)


@dataclass(frozen=True)
class RoleSeed:
    code: RoleCode
    scope: Scope
    permissions: tuple[str, ...]


BUILTIN_ROLES: tuple[RoleSeed, ...] = (
    RoleSeed(RoleCode.ADMIN, Scope.ALL, tuple(p.code for p in PERMISSIONS if p.code != "portal.self")),
    RoleSeed(RoleCode.REGISTRAR, Scope.ALL, _ACADEMIC),
    RoleSeed(
        RoleCode.DEPT_STAFF,
        Scope.DEPARTMENT,
        (
            "students.read", "students.write", "students.import", "status.submit",
            "aid.read", "aid.write", "dorms.read", "certificates.issue", "reference.read",
            "grades.read", "exams.read", "plans.read", "plans.write", "tasks.read",
            "tasks.write", "timetable.read", "sync.use",
        ),
    ),
    RoleSeed(
        RoleCode.TEACHER,
        Scope.OWN_TASKS,
        ("students.read", "reference.read", "grades.read", "grades.write", "tasks.read",
         "timetable.read", "exams.read", "sync.use"),
    ),
    RoleSeed(RoleCode.STUDENT, Scope.SELF, ("portal.self",)),
)

# Scopes ordered from widest to narrowest: a user with several roles gets the widest.
SCOPE_ORDER: tuple[Scope, ...] = (Scope.ALL, Scope.DEPARTMENT, Scope.OWN_TASKS, Scope.SELF)


def widest_scope(scopes: list[Scope] | tuple[Scope, ...]) -> Scope:
    """The widest of several scopes; ``SELF`` when there are none."""
    for scope in SCOPE_ORDER:
        if scope in scopes:
            return scope
    return Scope.SELF
