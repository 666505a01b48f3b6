"""The launcher: a new version that fails its self-check or crashes is switched back."""

from __future__ import annotations

from pathlib import Path

import pytest
from updater_helpers import Publisher
from updater_sim import RepositorySimulator

from updater.client import UpdateClient
from updater.errors import LaunchError
from updater.launcher import launch


@pytest.fixture
def ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    log = tmp_path / "ran.log"
    monkeypatch.setenv("FAKEAPP_LOG", str(log))
    return log


def _runs(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def _install_v2(
    client: UpdateClient, publisher: Publisher, sim: RepositorySimulator, mode: str
) -> None:
    publisher.publish("2.0", mode)
    sim.reload()
    client.apply()
    assert client.status().trial == "2.0"


def test_confirmed_version_stays(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator, ran: Path
) -> None:
    _install_v2(installed_v1, publisher, sim, "ok")
    assert launch(installed_v1.layout.root, timeout=20) == 0
    assert _runs(ran) == ["2.0 ok"]
    status = installed_v1.status()
    assert (status.current, status.trial) == ("2.0", None)


@pytest.mark.parametrize("mode", ["crash", "hang"])
def test_failed_self_check_switches_back(
    mode: str, installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator, ran: Path
) -> None:
    _install_v2(installed_v1, publisher, sim, mode)
    assert launch(installed_v1.layout.root, timeout=3 if mode == "hang" else 20) == 0
    assert _runs(ran) == [f"2.0 {mode}", "1.0 ok"]
    status = installed_v1.status()
    assert (status.current, status.trial) == ("1.0", None)
    assert launch(installed_v1.layout.root, timeout=20) == 0  # and keeps starting 1.0
    assert _runs(ran)[-1] == "1.0 ok"
    # the broken release is not offered again (IT can still force it with --version)
    assert installed_v1.status().failed == {"2.0"}
    assert installed_v1.check().offered is None


def test_crash_after_confirming_is_not_rolled_back(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator, ran: Path
) -> None:
    _install_v2(installed_v1, publisher, sim, "fail-late")
    assert launch(installed_v1.layout.root, timeout=20) == 7
    assert installed_v1.installed() == "2.0"
    assert installed_v1.status().trial is None


def test_failed_first_install_has_nothing_to_fall_back_to(
    publisher: Publisher, tmp_path: Path, ran: Path
) -> None:
    from updater_helpers import client_for

    bad = Publisher(tmp_path / "bad").setup()
    bad.publish("1.0", "crash")
    client = client_for(tmp_path / "inst", bad, RepositorySimulator(bad.repo_dir))
    client.apply()
    with pytest.raises(LaunchError):
        launch(client.layout.root, timeout=20)


def test_manual_rollback(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator
) -> None:
    _install_v2(installed_v1, publisher, sim, "ok")
    assert installed_v1.rollback() == "1.0"
    assert installed_v1.installed() == "1.0"


def test_unconfirmed_version_is_no_fallback(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator, ran: Path
) -> None:
    assert launch(installed_v1.layout.root, timeout=20) == 0  # 1.0 confirmed
    _install_v2(installed_v1, publisher, sim, "ok")  # 2.0 installed, never started
    publisher.publish("3.0", "crash")
    sim.reload()
    installed_v1.apply()
    assert installed_v1.status().previous == "1.0"
    assert launch(installed_v1.layout.root, timeout=20) == 0
    assert _runs(ran)[-2:] == ["3.0 crash", "1.0 ok"]
    assert installed_v1.installed() == "1.0"


def test_launcher_command_line(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator, ran: Path
) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    _install_v2(installed_v1, publisher, sim, "crash")
    cmd = [sys.executable, "-m", "updater.launcher", "--install-dir", str(installed_v1.layout.root)]
    proc = subprocess.run(
        [*cmd, "--timeout", "20", "--", "--flag"], env=env, capture_output=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert b"failed to start; switching back to 1.0" in proc.stderr
    assert _runs(ran) == ["2.0 crash", "1.0 ok"]


def test_damaged_current_version_falls_back(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator, ran: Path
) -> None:
    _install_v2(installed_v1, publisher, sim, "ok")
    assert launch(installed_v1.layout.root, timeout=20) == 0  # 2.0 confirmed
    (installed_v1.layout.version_dir("2.0") / "manifest.json").unlink()  # e.g. a bad disk
    assert launch(installed_v1.layout.root, timeout=20) == 0
    assert _runs(ran)[-1] == "1.0 ok" and installed_v1.installed() == "1.0"


def test_restart_code_starts_the_new_current_version(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator, ran: Path
) -> None:
    """The desktop installs an update, exits with RESTART_CODE, and the launcher starts what
    ``current`` names now (here the same version again, which then exits normally)."""
    from updater.launcher import RESTART_CODE, launch_until_done

    _install_v2(installed_v1, publisher, sim, "restart")
    assert RESTART_CODE == 75
    assert launch_until_done(installed_v1.layout.root, timeout=20) == 0
    assert _runs(ran) == ["2.0 restart", "2.0 restart"]
    assert installed_v1.status().trial is None  # confirmed on the first run



def test_child_knows_its_installation(
    installed_v1: UpdateClient, tmp_path: Path, ran: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JIAOWU_INSTALL_DIR tells the running version which installation to update."""
    seen = tmp_path / "install-dir.txt"
    monkeypatch.setenv("FAKEAPP_INSTALL_LOG", str(seen))
    assert launch(installed_v1.layout.root, timeout=20) == 0
    assert seen.read_text() == str(installed_v1.layout.root)
