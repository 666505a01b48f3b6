"""200 desktop clients doing incremental syncs against one server (DESIGN §7: p99 ≤ 250 ms, no errors).

Load model: each client syncs every ``--interval`` seconds (with jitter) for ``--seconds``;
one sync in five also pushes an edit of a student of the client's department; a sync is a
push (when there is an edit) and pulls until nothing more is pending. Clients are dept
secretaries and registrars of the demo university, with their own cursors; latencies are
measured per sync, end to end over HTTP. Before the measured run every client joins as a
desktop that has done its initial sync (its check and a pull to the server's head, eight at
a time, not measured): the budget is for incremental syncs, and 200 checks fired at one
instant would otherwise queue in front of the first measured syncs. Prints the figures; the last line is JSON.
Usage: python bench/sync_concurrent.py [--clients 200] [--seconds 60] [--database-url URL] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._live import seeded_data_dir, server_process  # noqa: E402
from core.models import Student, User  # noqa: E402
from core.version import __version__  # noqa: E402
from server.settings import normalise_database_url  # noqa: E402


async def catch_up(http: httpx.AsyncClient, headers: dict[str, str], cursor: str,
                   scope_key: str | None) -> tuple[str, str | None]:
    """Pull until nothing more is pending; the new cursor and scope key."""
    while True:
        params = {"cursor": cursor, "limit": 2000, **({"scope_key": scope_key} if scope_key else {})}
        response = await http.get("/sync/pull", params=params, headers=headers)
        response.raise_for_status()
        page = response.json()
        cursor, scope_key = page["next_cursor"], page["scope_key"]
        if page["resync_required"] or not page["has_more"]:
            return cursor, scope_key


async def join(http: httpx.AsyncClient, token: str, gate: asyncio.Semaphore) -> tuple[str, str | None]:
    """A client that has done its initial sync: its cursor and scope key at the server's head.
    Not measured; a few at a time, as desktops start over a morning rather than at one instant."""
    headers = {"Authorization": f"Bearer {token}", "X-Client-Version": __version__}
    async with gate:
        check = await http.get("/sync/check", params={"tables": "department"}, headers=headers)
        check.raise_for_status()
        return await catch_up(http, headers, check.json()["cursor"], None)


async def one_client(http: httpx.AsyncClient, token: str, state: tuple[str, str | None],
                     student: tuple[str, str] | None, args: argparse.Namespace, latencies: list[float],
                     errors: list[str], rng: random.Random) -> None:
    headers = {"Authorization": f"Bearer {token}", "X-Client-Version": __version__}
    cursor, scope_key = state
    deadline = time.monotonic() + args.seconds
    await asyncio.sleep(rng.uniform(0, args.interval))
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            if student is not None and rng.random() < 0.2:
                op = {"op_id": str(uuid.uuid4()), "table": "student", "row_id": student[0], "kind": "patch",
                      "fields": {"address": f"宿舍{rng.randint(1, 999)}"}, "base": {}}
                response = await http.post("/sync/push", json={"client_id": student[1], "ops": [op]}, headers=headers)
                response.raise_for_status()
            cursor, scope_key = await catch_up(http, headers, cursor, scope_key)
            latencies.append(time.perf_counter() - started)
        except httpx.HTTPError as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        await asyncio.sleep(args.interval * rng.uniform(0.8, 1.2))


async def run(url: str, tokens: list[str], students: list[tuple[str, str] | None], args: argparse.Namespace) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as http:
        gate = asyncio.Semaphore(8)
        states = await asyncio.gather(*(join(http, tokens[i % len(tokens)], gate) for i in range(args.clients)))
        await asyncio.gather(*(
            one_client(http, tokens[i % len(tokens)], states[i], students[i % len(students)], args, latencies,
                       errors, random.Random(i))
            for i in range(args.clients)
        ))
    return latencies, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL (seeded on first use)")
    args = parser.parse_args()
    data, accounts = seeded_data_dir(cache=args.data_dir, database_url=args.database_url)
    url_db = normalise_database_url(args.database_url) if args.database_url else f"sqlite:///{data / 'jiaowu.db'}"
    engine = create_engine(url_db)
    with engine.connect() as conn:
        users = {u.username: u for u in conn.execute(select(User.username, User.department_id))}
        students: list[tuple[str, str] | None] = []
        for account in accounts:
            if account.role == "dept_staff":
                sid = conn.execute(select(Student.id).where(Student.department_id == users[account.username].department_id)
                                   .limit(1)).scalar()
                students.append((sid, str(uuid.uuid4())))
            elif account.role == "registrar":
                students.append(None)
    engine.dispose()
    chosen = [a for a in accounts if a.role in ("dept_staff", "registrar")]
    with server_process(data, database_url=args.database_url, extra_args=["--workers", str(args.workers)]) as url:
        tokens = [httpx.post(f"{url}/auth/login", json={"username": a.username, "password": a.password}, timeout=60)
                  .json()["token"] for a in chosen]
        latencies, errors = asyncio.run(run(url, tokens, students, args))
    latencies.sort()
    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1) if latencies else 0.0
    result = {"benchmark": "sync_concurrent", "database": "postgresql" if args.database_url else "sqlite",
              "clients": args.clients, "workers": args.workers, "seconds": args.seconds, "syncs": len(latencies),
              "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99), "max_ms": pct(1.0),
              "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else 0.0,
              "errors": len(errors), "first_errors": errors[:3], "budget_p99_ms": 250}
    print(f"{args.clients} clients, {len(latencies)} syncs: p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, "
          f"errors {len(errors)}")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
