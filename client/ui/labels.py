"""Translated names of domain codes (roles, scopes, statuses, modules) for the interface."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def english() -> bool:
    return QLocale().language() == QLocale.Language.English


def module_name(key: str) -> str:
    names = {
        "students": _t("Students"), "status_changes": _t("Status changes"), "grades": _t("Grades"),
        "exams": _t("Special exams"), "plans": _t("Teaching plans"), "tasks": _t("Teaching tasks"),
        "timetable": _t("Timetabling"), "users": _t("Users"), "roles": _t("Roles and permissions"),
        "audit": _t("Audit log"), "sync": _t("Sync"),
    }
    return names.get(key, key)


def role_name(code: str) -> str:
    names = {"admin": _t("Administrator"), "registrar": _t("Registrar"), "dept_staff": _t("Department staff"),
             "teacher": _t("Teacher"), "student": _t("Student")}
    return names.get(code, code)


def scope_name(code: str | None) -> str:
    names = {"all": _t("All departments"), "department": _t("Own department"),
             "own_tasks": _t("Own teaching tasks"), "self": _t("Own record")}
    return names.get(code or "", code or "")


def status_name(code: str) -> str:
    return {"active": _t("Active"), "disabled": _t("Disabled")}.get(code, code)


def permission_name(zh: str, en: str) -> str:
    return en if english() else zh


def role_display(code: str, name: str, name_en: str) -> str:
    """A built-in role by its translated name; a custom one by the name its creator gave."""
    builtin = role_name(code)
    if builtin != code:
        return builtin
    return (name_en or name) if english() else name
