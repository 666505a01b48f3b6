"""An install killed (SIGKILL, real subprocess) at each step leaves a verified version that starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from updater_helpers import Publisher
from updater_sim import RepositorySimulator

from updater.client import UpdateClient
from updater.client.install import verify_version_dir
from updater.errors import NoUpdateAvailableError
from updater.launcher import launch

CHILD = Path(__file__).with_name("updater_crash_child.py")
ROOT = Path(__file__).resolve().parents[2]

# point -> the version that must be current right after the kill
POINTS = {
    "download": "1.0",
    "download-copy": "1.0",
    "verify": "1.0",
    "verify-on-disk": "1.0",
    "unpack": "1.0",
    "unpack-check": "1.0",
    "unpack-rename": "1.0",
    "switch-before": "1.0",
    "switch-rename": "1.0",
    "switch-after": "2.0",
    "sweep": "2.0",
}

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


@pytest.mark.parametrize("point", sorted(POINTS))
def test_killed_install_leaves_a_startable_version(
    point: str,
    installed_v1: UpdateClient,
    publisher: Publisher,
    sim: RepositorySimulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    publisher.publish("2.0")
    sim.reload()
    install_dir = installed_v1.layout.root
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, str(CHILD), str(publisher.base), str(install_dir), point],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]

    current = installed_v1.installed()
    assert current == POINTS[point]
    assert verify_version_dir(installed_v1.layout.version_dir(current), current) == []
    log = tmp_path / "ran.log"
    monkeypatch.setenv("FAKEAPP_LOG", str(log))
    assert launch(install_dir, timeout=20) == 0
    assert log.read_text().split()[0] == current

    # The next run finishes the job from whatever was left behind.
    try:
        installed_v1.apply()
    except NoUpdateAvailableError:
        assert current == "2.0"
    assert installed_v1.installed() == "2.0"
    assert verify_version_dir(installed_v1.layout.version_dir("2.0"), "2.0") == []
    assert launch(install_dir, timeout=20) == 0
    assert not [p for p in (install_dir / "versions").iterdir() if p.name.startswith(".")]
