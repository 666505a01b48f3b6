"""User administration through the server (``users.manage``)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from client.services.api import ApiClient
from client.services.dto import Page, UserQuery, UserRow
from core.rules.passwords import COMMON_PASSWORDS, MIN_LENGTH

Progress = Callable[[int, int], None]
USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PAGE_SIZE = 100  # a screenful is ~25 rows; scrolling fetches the next page


def _noop(_done: int, _total: int) -> None:
    return None


@dataclass(frozen=True)
class UserForm:
    """What the add/edit dialog collects; ``password`` only when creating."""

    username: str
    display_name: str
    roles: tuple[str, ...]
    email: str = ""
    phone: str = ""
    password: str | None = None
    department_id: str | None = None
    teacher_id: str | None = None
    student_id: str | None = None
    must_change_password: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "username": self.username.strip(), "display_name": self.display_name.strip(),
            "roles": list(self.roles), "email": self.email.strip(), "phone": self.phone.strip(),
            "department_id": self.department_id or None, "teacher_id": self.teacher_id or None,
            "student_id": self.student_id or None, "must_change_password": self.must_change_password,
        }
        if self.password is not None:
            data["password"] = self.password
        return data


def password_problem_codes(password: str, username: str = "") -> list[str]:
    """Codes of the policy problems (``too_short``, ``is_username``, ``too_common``)."""
    codes = []
    if len(password) < MIN_LENGTH:
        codes.append("too_short")
    if username and password.strip().lower() == username.strip().lower():
        codes.append("is_username")
    if password.lower() in COMMON_PASSWORDS:
        codes.append("too_common")
    return codes


def validate_user_form(form: UserForm) -> dict[str, list[str]]:
    """Inline checks before anything is sent: ``{field: [problem codes]}``; the server decides."""
    problems: dict[str, list[str]] = {}
    if not USERNAME_RE.match(form.username.strip()):
        problems["username"] = ["username_format"]
    if not form.display_name.strip():
        problems["display_name"] = ["required"]
    if form.password is not None:
        codes = password_problem_codes(form.password, form.username)
        if codes:
            problems["password"] = codes
    if form.email.strip() and not EMAIL_RE.match(form.email.strip()):
        problems["email"] = ["email_format"]
    if not form.roles:
        problems["roles"] = ["required"]
    return problems


def matches(user: UserRow, q: str) -> bool:
    """The server's search rule (username, name or e-mail contains ``q``, ignoring case)."""
    text = q.strip().lower()
    return not text or any(text in field.lower() for field in (user.username, user.display_name, user.email))


def search_users(api: ApiClient, query: UserQuery, page: int, size: int = PAGE_SIZE, *,
                 on_progress: Progress = _noop, cancel: threading.Event | None = None) -> Page[UserRow]:
    params = {"q": query.q.strip(), "role": query.role, "status": query.status, "page": page, "size": size,
              "sort": query.sort, "desc": "true" if query.desc else "false"}
    data = api.get("/users", params=params, cancel=cancel)
    on_progress(1, 1)
    return Page(tuple(UserRow.of(u) for u in data["items"]), int(data["total"]), int(data["page"]), int(data["size"]))


def create_user(api: ApiClient, form: UserForm, *, on_progress: Progress = _noop,
                cancel: threading.Event | None = None) -> UserRow:
    return UserRow.of(api.post("/users", json=form.body(), cancel=cancel))


def update_user(api: ApiClient, user_id: str, form: UserForm, *, on_progress: Progress = _noop,
                cancel: threading.Event | None = None) -> UserRow:
    body = form.body()
    body.pop("password", None)
    return UserRow.of(api.request("PATCH", f"/users/{user_id}", json=body, cancel=cancel))


def assign_roles(api: ApiClient, user_id: str, roles: list[str], *, department_id: str | None = None,
                 teacher_id: str | None = None, student_id: str | None = None, on_progress: Progress = _noop,
                 cancel: threading.Event | None = None) -> UserRow:
    body = {"roles": roles, "department_id": department_id, "teacher_id": teacher_id, "student_id": student_id}
    return UserRow.of(api.request("PUT", f"/users/{user_id}/roles", json=body, cancel=cancel))


def reset_password(api: ApiClient, user_id: str, password: str, must_change: bool = True, *,
                   on_progress: Progress = _noop, cancel: threading.Event | None = None) -> None:
    api.post(f"/users/{user_id}/password", json={"password": password, "must_change_password": must_change},
             cancel=cancel)


def set_enabled(api: ApiClient, user_id: str, enabled: bool, *, on_progress: Progress = _noop,
                cancel: threading.Event | None = None) -> UserRow:
    return UserRow.of(api.post(f"/users/{user_id}/{'enable' if enabled else 'disable'}", cancel=cancel))


def delete_user(api: ApiClient, user_id: str, *, on_progress: Progress = _noop,
                cancel: threading.Event | None = None) -> str:
    api.request("DELETE", f"/users/{user_id}", cancel=cancel)
    return user_id
