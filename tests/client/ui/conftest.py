"""Qt fixtures: isolated QSettings, a real server process, an application context.

The server is a real ``python -m cli server`` process on a temporary SQLite database, seeded
with a small university staff (a few dozen accounts of every role); one per test process
(each xdist worker), shared by the modules, which use distinct accounts. The offline tests
stop it and always start it again on the same port and database.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt creates the QApplication

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication

from client.services.auth import AuthService
from client.services.status import ClientStatus
from client.store.db import open_store
from client.ui.context import AppContext
from client.ui.i18n import install_language
from client.ui.settings import AppSettings

PASSWORD = "Correct-Horse-7"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
         "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "志强", "晓东", "海燕")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    data_dir: Path
    port: int
    proc: subprocess.Popen[bytes] | None = None
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> object:
        return (self.data_dir / "server.log").open("ab")

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("JIAOWU_") and k != "DATABASE_URL"}
        env["JIAOWU_SECRET_KEY"] = "client-tests-" + "s" * 40
        self.proc = subprocess.Popen([sys.executable, "-m", "cli", "server", "--port", str(self.port),
                                      "--data-dir", str(self.data_dir)], env=env, cwd=Path(__file__).parents[3],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                log = (self.data_dir / "server.log").read_text(errors="replace")[-2000:]
                raise AssertionError(f"server exited with {self.proc.returncode}: {log}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("server did not answer /health")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None

    def call(self, method: str, path: str, body: object = None, *, username: str = "admin",
             password: str = PASSWORD) -> object:
        """One request as ``username`` (logs in first); for arranging and checking tests."""
        token = json.loads(_request(self.url, "POST", "/auth/login", {"username": username, "password": password}))["token"]
        return json.loads(_request(self.url, method, path, body, token) or "null")


def _request(url: str, method: str, path: str, body: object = None, token: str | None = None) -> str:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method, headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


def seed(data_dir: Path, *, staff: int = 36) -> dict[str, str]:
    """Departments, teachers, one student and ``staff`` accounts of every role; returns ids."""
    from datetime import date

    from core.models import Department, Major, SchoolClass, Student, Teacher
    from server.services import users as user_module
    from server.services.bootstrap import open_database
    from server.services.principal import SYSTEM
    from server.services.users import UserInput, create_user
    from server.settings import Settings

    # One argon2 hash for every seeded account: seeding stays fast, logins verify it as usual.
    original, cached = user_module.hash_password, user_module.hash_password(PASSWORD)
    user_module.hash_password = lambda p: cached if p == PASSWORD else original(p)  # type: ignore[assignment]
    sessions = open_database(Settings(data_dir=data_dir, secret_key="client-tests-" + "s" * 40))
    ids: dict[str, str] = {}
    with sessions.begin() as s:
        depts = [Department(code=f"0{i}", name=n, name_en=e) for i, (n, e) in enumerate(
            [("计算机学院", "School of Computing"), ("外国语学院", "School of Languages"),
             ("机械工程学院", "School of Mechanical Engineering")], start=1)]
        s.add_all(depts)
        s.flush()
        major = Major(code="0101", name="软件工程", department_id=depts[0].id)
        s.add(major)
        s.flush()
        cls = SchoolClass(code="SE2401", name="软件2401班", major_id=major.id, department_id=depts[0].id, cohort=2024)
        teachers = [Teacher(staff_number=f"T{i:04d}", name=SURNAMES[i] + "老师", gender="M",
                            department_id=depts[i % 3].id) for i in range(12)]
        s.add_all([cls, *teachers])
        s.flush()
        student = Student(number="202401010101", name="李明", gender="M", id_number="11010520060101001X",
                          birth_date=date(2006, 1, 1), class_id=cls.id, major_id=major.id,
                          department_id=depts[0].id, cohort=2024, enrolled_on=date(2024, 9, 1))
        s.add(student)
        s.flush()
        ids.update(dept=depts[0].id, teacher=teachers[0].id, student=student.id)
        fixed = [("admin", "admin", "系统管理员"), ("registrar", "registrar", "周敏"),
                 ("deptstaff", "dept_staff", "陈静"), ("teacher", "teacher", "王伟"),
                 ("student", "student", "李明")]
        roles = ["teacher"] * 6 + ["dept_staff"] * 2 + ["registrar"]
        accounts = fixed + [(f"u{i:03d}", roles[i % len(roles)], SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)])
                            for i in range(staff)]
        for n, (username, role, name) in enumerate(accounts):
            links = {"dept_staff": {"department_id": depts[n % 3].id},
                     "teacher": {"teacher_id": teachers[n % 12].id, "department_id": depts[n % 3].id},
                     "student": {"student_id": student.id}}.get(role, {})
            if username in ("deptstaff", "teacher"):
                links = {**links, "department_id": depts[0].id}
                if role == "teacher":
                    links["teacher_id"] = teachers[0].id
            user = create_user(s, SYSTEM, UserInput(username=username, password=PASSWORD, display_name=name,
                                                    roles=[role], email=f"{username}@jiaowu.edu.cn",
                                                    phone=f"1{3 + n % 6}{n:04d}{(n * 7919) % 100000:05d}",
                                                    **links))
            ids[f"user:{username}"] = user.id
    sessions.kw["bind"].dispose()
    user_module.hash_password = original  # type: ignore[assignment]
    return ids


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("server")
    live = LiveServer(data, free_port())
    live.ids = seed(data)
    live.start()
    yield live
    live.stop()


DEMO_PASSWORDS = {"admin": "Admin@2026", "registrar": "Registrar@2026", "dept": "Dept@2026",
                  "teacher": "Teacher@2026"}


def demo_password(username: str) -> str:
    """The demo university's password of ``username`` (docs/demo-university.md)."""
    return next(p for prefix, p in DEMO_PASSWORDS.items() if username.startswith(prefix))


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The demo university (``jiaowu demo``, seed 1) behind a real server process.

    Seeded once per test run: the first xdist worker seeds a template under the run's shared
    temporary folder while the others wait on a lock; each worker then serves its own copy.
    Accounts: ``dept01``…``dept12`` (a department each), ``registrar``, ``admin``,
    ``teacher01``…; passwords from :func:`demo_password`.
    """
    import fcntl
    import shutil

    root = tmp_path_factory.getbasetemp().parent
    template = root / "demo-template"
    with (root / "demo-template.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (template / "seeded").exists():
            shutil.rmtree(template, ignore_errors=True)
            env = {k: v for k, v in os.environ.items() if not k.startswith("JIAOWU_") and k != "DATABASE_URL"}
            env["JIAOWU_SECRET_KEY"] = "client-tests-" + "s" * 40
            subprocess.run([sys.executable, "-m", "cli", "demo", "--seed-only", "--no-client", "--data-dir",
                            str(template)], env=env, cwd=Path(__file__).parents[3], check=True,
                           capture_output=True, timeout=600)
            (template / "seeded").touch()
    data = tmp_path_factory.mktemp("demo-server")
    shutil.copytree(template, data, dirs_exist_ok=True)
    live = LiveServer(data, free_port())
    live.start()
    yield live
    live.stop()


@pytest.fixture(scope="session")
def demo_replica(demo_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path, str], Path]:
    """``demo_replica(data_dir, username)`` puts a synced replica of ``username`` into a client
    data folder, as if that user had logged in there before: a window then pulls only what
    changed. The first call per user pays the full sync (the registrar's is the whole
    university); later calls copy it, each copy with a client id of its own."""
    import shutil
    import uuid

    from client.services.sync import replica_path
    from sync.client.engine import SyncEngine
    from sync.client.store import ReplicaStore
    from sync.client.transport import HttpTransport

    synced: dict[str, Path] = {}

    def place(data_dir: Path, username: str) -> Path:
        if username not in synced:
            token = json.loads(_request(demo_server.url, "POST", "/auth/login",
                                        {"username": username, "password": demo_password(username)}))["token"]
            store = ReplicaStore(tmp_path_factory.mktemp(f"replica-{username}") / "replica.db")
            transport = HttpTransport(demo_server.url, lambda: token, timeout=300)
            SyncEngine(store, transport, page_limit=5000, check=False).sync()
            transport.close()
            store.close()
            synced[username] = store.path
        target = replica_path(data_dir, demo_server.url, username)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(synced[username], target)
            copy = ReplicaStore(target)
            copy.set_state("client_id", str(uuid.uuid4()))
            copy.close()
        return target

    return place


MakeContext = Callable[..., AppContext]


@pytest.fixture
def make_context(tmp_path: Path, qapp: QApplication) -> Iterator[MakeContext]:
    made: list[AppContext] = []

    def make(server: str = "http://127.0.0.1:9", language: str = "zh_CN", data_dir: Path | None = None) -> AppContext:
        settings = AppSettings()
        settings.server = server
        folder = data_dir or tmp_path / "client-data"
        install_language(qapp, language)
        context = AppContext(settings=settings, auth=AuthService(open_store(folder)), status=ClientStatus(),
                             data_dir=folder, language=language, heartbeat_ms=60_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()

