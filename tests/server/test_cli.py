"""The ``jiaowu`` command: --help everywhere, a real server process on an empty data dir, create-user."""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import build_parser

JIAOWU = [sys.executable, "-m", "cli"]


def _all_commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name)
                yield from _all_commands(sub, (*prefix, name))


def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    commands = list(_all_commands(build_parser()))
    for expected in [("server",), ("db", "upgrade"), ("admin", "create-user"), ("demo",), ("client",)]:
        assert expected in commands
    for command in commands:
        with pytest.raises(SystemExit) as exc:
            build_parser().parse_args([*command, "--help"])
        assert exc.value.code == 0
        assert "usage: jiaowu" in capsys.readouterr().out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIAOWU_") and k != "DATABASE_URL"}
    env["HOME"] = str(tmp_path / "home")  # the default data dir must work too
    return env


def _wait_health(url: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=1) as response:
                return json.loads(response.read())  # type: ignore[no-any-return]
        except OSError:
            time.sleep(0.2)
    raise AssertionError("server did not answer /health in time")


def test_server_starts_on_an_empty_data_dir_with_no_configuration(tmp_path: Path) -> None:
    data = tmp_path / "data"
    port = _free_port()
    proc = subprocess.Popen([*JIAOWU, "server", "--port", str(port), "--data-dir", str(data)],
                            env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        health = _wait_health(f"http://127.0.0.1:{port}", proc)
        assert health["status"] == "ok" and health["database"] == "sqlite"
        assert (data / "jiaowu.db").exists() and (data / "secret.key").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_server_refuses_with_a_clear_message_when_told_not_to_migrate(tmp_path: Path) -> None:
    result = subprocess.run([*JIAOWU, "server", "--no-migrate", "--data-dir", str(tmp_path)],
                            env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "jiaowu db upgrade" in result.stderr


def test_db_upgrade_then_create_user_then_login(tmp_path: Path) -> None:
    env = _env(tmp_path)
    up = subprocess.run([*JIAOWU, "db", "upgrade", "--data-dir", str(tmp_path)], env=env, capture_output=True, text=True, timeout=60)
    from server.db.migrate import head_revision

    assert up.returncode == 0 and f"-> {head_revision()}" in up.stdout
    bad = subprocess.run([*JIAOWU, "admin", "create-user", "--username", "boss", "--password", "123", "--role", "admin",
                          "--data-dir", str(tmp_path)], env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "password" in bad.stderr
    ok = subprocess.run([*JIAOWU, "admin", "create-user", "--username", "boss", "--password", "Boss-Password-1",
                         "--role", "admin", "--data-dir", str(tmp_path)], env=env, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    from fastapi.testclient import TestClient

    from server.api.app import create_app
    from server.settings import Settings

    app = create_app(Settings(data_dir=tmp_path))
    with TestClient(app) as api:
        response = api.post("/auth/login", json={"username": "boss", "password": "Boss-Password-1"})
    app.state.engine.dispose()
    assert response.status_code == 200 and "users.manage" in response.json()["user"]["permissions"]
