"""Translated names of domain codes (roles, scopes, statuses, modules) for the interface."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def english() -> bool:
    return QLocale().language() == QLocale.Language.English


def module_name(key: str) -> str:
    names = {
        "home": QCoreApplication.translate("labels", "Overview"),
        "students": QCoreApplication.translate("labels", "Students"), "status_changes": QCoreApplication.translate("labels", "Status changes"),
        "aid": QCoreApplication.translate("labels", "Scholarships and aid"), "dorms": QCoreApplication.translate("labels", "Dormitories"), "grades": QCoreApplication.translate("labels", "Grades"),
        "exams": QCoreApplication.translate("labels", "Special exams"), "plans": QCoreApplication.translate("labels", "Teaching plans"), "tasks": QCoreApplication.translate("labels", "Teaching tasks"),
        "timetable": QCoreApplication.translate("labels", "Timetabling"), "users": QCoreApplication.translate("labels", "Users"), "roles": QCoreApplication.translate("labels", "Roles and permissions"),
        "audit": QCoreApplication.translate("labels", "Audit log"), "sync": QCoreApplication.translate("labels", "Sync"),
    }
    return names.get(key, key)


def role_name(code: str) -> str:
    names = {"admin": QCoreApplication.translate("labels", "Administrator"), "registrar": QCoreApplication.translate("labels", "Registrar"), "dept_staff": QCoreApplication.translate("labels", "Department staff"),
             "teacher": QCoreApplication.translate("labels", "Teacher"), "student": QCoreApplication.translate("labels", "Student")}
    return names.get(code, code)


def scope_name(code: str | None) -> str:
    names = {"all": QCoreApplication.translate("labels", "All departments"), "department": QCoreApplication.translate("labels", "Own department"),
             "own_tasks": QCoreApplication.translate("labels", "Own teaching tasks"), "self": QCoreApplication.translate("labels", "Own record")}
    return names.get(code or "", code or "")


def status_name(code: str) -> str:
    return {"active": QCoreApplication.translate("labels", "Active"), "disabled": QCoreApplication.translate("labels", "Disabled")}.get(code, code)


def permission_name(zh: str, en: str) -> str:
    return en if english() else zh


def role_display(code: str, name: str, name_en: str) -> str:
    """A built-in role by its translated name; a custom one by the name its creator gave."""
    builtin = role_name(code)
    if builtin != code:
        return builtin
    return (name_en or name) if english() else name


def action_name(code: str) -> str:
    """A known audit action in words; an unknown one (a later module's) as its code."""
    names = {
        "login.success": QCoreApplication.translate("labels", "Login"),
        "login.failure": QCoreApplication.translate("labels", "Failed login"),
        "login.locked": QCoreApplication.translate("labels", "Login while locked"),
        "login.disabled": QCoreApplication.translate("labels", "Login of a disabled account"),
        "user.create": QCoreApplication.translate("labels", "User created"),
        "user.update": QCoreApplication.translate("labels", "User changed"),
        "user.delete": QCoreApplication.translate("labels", "User deleted"),
        "user.disable": QCoreApplication.translate("labels", "User disabled"),
        "user.enable": QCoreApplication.translate("labels", "User enabled"),
        "user.password_reset": QCoreApplication.translate("labels", "Password reset"),
        "user.password_change": QCoreApplication.translate("labels", "Password changed"),
        "role.create": QCoreApplication.translate("labels", "Role created"),
        "role.update": QCoreApplication.translate("labels", "Role changed"),
        "role.delete": QCoreApplication.translate("labels", "Role deleted"),
    }
    return names.get(code, code)


def entity_name(code: str) -> str:
    names = {"user": QCoreApplication.translate("labels", "User"), "role": QCoreApplication.translate("labels", "Role")}
    return names.get(code, code)
