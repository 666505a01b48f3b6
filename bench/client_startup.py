"""Client budgets (DESIGN §7): launch → login window, login → usable main window, users table.

Starts a real server on a temporary SQLite database holding ``--users`` accounts, then:

1. launch: a fresh ``python`` process that imports the client and shows the login window,
   measured from ``Popen`` to the window's first paint (median of ``--runs``);
2. login: in process, from the click on 登录 to the main window's first paint;
3. users table: from opening the users screen to the first painted page, and per filter
   keystroke the GUI-thread time of the keystroke and the time from the (debounced) search
   request to the repainted result.

Runs offscreen (``QT_QPA_PLATFORM=offscreen``) with throw-away QSettings, keyring and data
folder. Prints the figures and, on its last line, one JSON object.

    .venv/bin/python bench/client_startup.py [--users 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PASSWORD = "Bench-Password-1"
BUDGETS = {"launch_to_login_s": 1.5, "login_to_main_s": 1.0, "users_first_paint_ms": 300, "filter_keystroke_ms": 50}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seed_server(data_dir: Path, users: int) -> None:
    """An administrator with a real password hash plus ``users`` registrar accounts (bulk insert)."""
    from sqlalchemy import insert, select

    from core.models import Role, User, UserRole
    from server.services.bootstrap import open_database
    from server.services.passwords import hash_password
    from server.services.principal import SYSTEM
    from server.services.users import UserInput, create_user
    from server.settings import Settings

    sessions = open_database(Settings(data_dir=data_dir, secret_key="bench-" + "s" * 40))
    with sessions.begin() as s:
        create_user(s, SYSTEM, UserInput(username="admin", password=PASSWORD, display_name="系统管理员", roles=["admin"]))
        role_id = s.scalar(select(Role.id).where(Role.code == "registrar"))
        shared_hash = hash_password(PASSWORD)
        surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋")
        rows = [User(username=f"user{i:05d}", display_name=surnames[i % 20] + given[(i // 20) % 10],
                     password_hash=shared_hash, email=f"user{i:05d}@jiaowu.edu.cn") for i in range(users)]
        s.add_all(rows)
        s.flush()
        s.execute(insert(UserRole), [{"user_id": u.id, "role_id": role_id} for u in rows])
    sessions.kw["bind"].dispose()


def start_server(data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "JIAOWU_SECRET_KEY": "bench-" + "s" * 40}
    proc = subprocess.Popen([sys.executable, "-m", "cli", "server", "--port", str(port), "--data-dir", str(data_dir)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/health", timeout=1).close()
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("the server did not start")


def isolate_qt_and_keyring(folder: Path) -> None:
    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QSettings

    class _Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    keyring.set_keyring(_Memory())
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "qsettings"))


def _on_first_paint(widget, callback) -> object:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject

    class _Filter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                callback()
            return False

    f = _Filter(widget)
    widget.installEventFilter(f)
    return f


def child_launch(server: str, folder: Path) -> None:
    """The measured child: start the client, print SHOWN at the login window's first paint."""
    isolate_qt_and_keyring(folder)
    from client.ui.app import start_client

    app, controller = start_client(server, str(folder / "data"), "zh_CN")
    assert controller.login_window is not None

    def shown() -> None:
        print("SHOWN", flush=True)
        app.quit()

    _on_first_paint(controller.login_window, shown)
    app.exec()


def measure_launch(server: str, folder: Path, runs: int) -> list[float]:
    times = []
    for run in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child-launch", server, str(folder / f"launch{run}")],
                                stdout=subprocess.PIPE, cwd=ROOT)
        assert proc.stdout is not None
        line = proc.stdout.readline().decode().strip()
        times.append(time.perf_counter() - started)
        proc.wait(timeout=30)
        assert line == "SHOWN", line
    return times


def _wait(app, condition, timeout: float = 30.0, what: str = "") -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit(f"timed out waiting for {what or condition}")
        time.sleep(0.0005)


def measure_login(app, server: str, folder: Path, runs: int) -> tuple[list[float], object]:  # type: ignore[no-untyped-def]
    from client.ui.app import AppController, build_context
    from client.ui.settings import AppSettings

    times, controller = [], None
    for run in range(runs):
        context = build_context(AppSettings(), folder / f"login{run}", "zh_CN")
        context.settings.server = server
        controller = AppController(context)
        window = controller.start()
        _wait(app, lambda w=window: w.isVisible())
        from client.ui.app import WARM_UP_MODULES

        warm = context.warm_up(*WARM_UP_MODULES)  # as start_client does while the user types
        _wait(app, lambda t=warm: not t.is_alive(), what="warm-up")
        painted: list[float] = []
        answered: list[float] = []
        window.sig_logged_in.connect(lambda _s, a=answered: a.append(time.perf_counter()))
        window.username_edit.setText("admin")
        window.password_edit.setText(PASSWORD)
        started = time.perf_counter()
        if os.environ.get("BENCH_PROFILE") and run == 0:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            window.login_button.click()
            _wait(app, lambda c=controller: c.main_window is not None)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
        else:
            window.login_button.click()
            _wait(app, lambda c=controller: c.main_window is not None)
        _on_first_paint(controller.main_window, lambda p=painted: p.append(time.perf_counter()))
        _wait(app, lambda p=painted: bool(p))
        times.append(painted[0] - started)
        print(f"  login run {run}: server answered after {answered[0] - started:.3f} s, "
              f"main window painted {painted[0] - answered[0]:.3f} s later", flush=True)
        if run < runs - 1:
            controller.main_window.close()
    return times, controller


def measure_users(app, controller) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from client.ui.users.page import UsersPage

    window = controller.main_window
    painted: list[float] = []
    started = time.perf_counter()
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        page = profiler.runcall(window.show_module, "users")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(18)
    else:
        page = window.show_module("users")
    assert isinstance(page, UsersPage)
    built = time.perf_counter()
    _wait(app, lambda: page.model.rowCount() > 0, what="first page")
    arrived = time.perf_counter()
    _on_first_paint(page.view.viewport(), lambda: painted.append(time.perf_counter()))
    _wait(app, lambda: bool(painted), what="first paint")
    first_paint = painted[0] - started
    total = page.model.total
    ui_costs, results = [], []
    for text in ("u", "us", "use", "user", "user0", "user01", "user012", "user0123", "王", "王伟", "Z"):
        t0 = time.perf_counter()
        page.search_edit.setText(text)  # one keystroke: the GUI thread only restarts the debounce timer
        ui_costs.append(time.perf_counter() - t0)
        fired: list[float] = []
        page._search_timer.timeout.connect(lambda f=fired: f.append(time.perf_counter()))
        _wait(app, lambda f=fired: bool(f), what=f"debounce {text}")
        reset: list[float] = []
        page.model.modelReset.connect(lambda r=reset: r.append(time.perf_counter()))
        _wait(app, lambda r=reset: bool(r), what=f"result {text}")
        page.view.viewport().repaint()  # the repaint the reset scheduled, done now so it is timed
        results.append(time.perf_counter() - fired[0])
        page._search_timer.timeout.disconnect()
        page._search_timer.timeout.connect(page._on_search_timer_timeout)
        page.model.modelReset.disconnect()
        page.model.modelReset.connect(page._update_count)
    from client.ui.users.page import SEARCH_DELAY_MS

    return {"users_total": total, "users_first_paint_ms": round(first_paint * 1000, 1),
            "users_page_built_ms": round((built - started) * 1000, 1),
            "users_first_page_arrived_ms": round((arrived - started) * 1000, 1),
            "filter_keystroke_ms": round(max(ui_costs) * 1000, 2),
            "filter_result_median_ms": round(statistics.median(results) * 1000, 1),
            "filter_result_max_ms": round(max(results) * 1000, 1), "search_debounce_ms": SEARCH_DELAY_MS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child-launch", nargs=2, metavar=("SERVER", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_launch:
        child_launch(args.child_launch[0], Path(args.child_launch[1]))
        return 0
    with tempfile.TemporaryDirectory(prefix="jiaowu-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        seed_server(folder / "server", args.users)
        print(f"seeded {args.users:,} users in {time.perf_counter() - t0:.1f} s", flush=True)
        proc, url = start_server(folder / "server")
        try:
            launch = measure_launch(url, folder, args.runs)
            print(f"launch → login window: median {statistics.median(launch):.3f} s  {[round(t, 3) for t in launch]}")
            isolate_qt_and_keyring(folder)
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance() or QApplication([])
            from client.ui.i18n import install_language

            install_language(app, "zh_CN")
            login, controller = measure_login(app, url, folder, max(3, args.runs))
            print(f"login → main window: median {statistics.median(login):.3f} s  {[round(t, 3) for t in login]}")
            users = measure_users(app, controller)
            print(f"users table: {users}")
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    result = {"launch_to_login_s": round(statistics.median(launch), 3), "login_to_main_s": round(statistics.median(login), 3),
              **users, "budgets": BUDGETS}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
