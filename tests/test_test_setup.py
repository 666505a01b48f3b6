"""The test run's own machinery: tests marked with one ``xdist_group`` run on one worker.

The demo university's client tests share a server and synced replicas per worker; if the
group is split, every worker seeds and syncs its own (minutes each). pytest 9.2 broke
pytest-xdist's grouping once (pinned in pyproject.toml); this notices if it happens again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GROUPED = '''
import os, pytest
pytestmark = pytest.mark.xdist_group("together")

@pytest.mark.parametrize("n", range(4))
def test_grouped(n):
    print("WORKER", os.environ["PYTEST_XDIST_WORKER"])
'''
LOOSE = '''
@__import__("pytest").mark.parametrize("n", range(8))
def test_loose(n):
    pass
'''


def test_an_xdist_group_runs_on_one_worker(tmp_path: Path) -> None:
    (tmp_path / "test_grouped_a.py").write_text(GROUPED)
    (tmp_path / "test_grouped_b.py").write_text(GROUPED)
    (tmp_path / "test_loose.py").write_text(LOOSE)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    result = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-s",
                             "-p", "no:cacheprovider", "-p", "no:randomly", str(tmp_path)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    grouped = [line for line in result.stdout.splitlines() if "test_grouped" in line and "PASSED" in line]
    assert len(grouped) == 8, result.stdout[-2000:]
    workers = {line.split("]")[0].strip("[") for line in grouped}
    assert len(workers) == 1, f"the group ran on {sorted(workers)}:\n" + "\n".join(grouped)
