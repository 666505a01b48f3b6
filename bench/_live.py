"""Shared by the sync benchmarks: a demo server in its own process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server_process(data_dir: Path, *, database_url: str | None = None, extra_args: list[str] | None = None) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "JIAOWU_SECRET_KEY": "b" * 40}
    if database_url:
        env["DATABASE_URL"] = database_url
    log = (data_dir / "server.log").open("ab")  # closed when the server stops, below
    proc = subprocess.Popen([sys.executable, "-m", "cli", "server", "--port", str(port), "--data-dir", str(data_dir),
                             *(extra_args or [])],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("server did not start") from None
            time.sleep(0.2)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def login(url: str, username: str, password: str) -> str:
    response = httpx.post(f"{url}/auth/login", json={"username": username, "password": password}, timeout=30)
    response.raise_for_status()
    return str(response.json()["token"])


def seeded_data_dir(seed: int = 1, *, cache: Path | None = None, database_url: str | None = None) -> tuple[Path, list]:
    """A server data dir holding the demo university (reused from ``cache`` when present)."""
    from datetime import date

    from server.services.demo import seed_demo
    from server.settings import Settings

    data = cache or Path(__import__("tempfile").mkdtemp(prefix="jiaowu-bench-"))
    settings = Settings(data_dir=data, secret_key="b" * 40, database_url=database_url)
    accounts = seed_demo(settings, seed=seed, today=date(2026, 12, 3))
    return data, accounts
