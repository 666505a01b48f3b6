"""Happy paths: publish, check, apply, policy, deterministic bundles."""

from __future__ import annotations

from pathlib import Path

from updater_helpers import Publisher
from updater_sim import RepositorySimulator

from updater.client import UpdateClient
from updater.client.install import verify_version_dir
from updater.repository import read_policy, read_releases


def test_fresh_install_then_update(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator
) -> None:
    assert installed_v1.installed() == "1.0"
    assert verify_version_dir(installed_v1.layout.version_dir("1.0"), "1.0") == []
    publisher.publish("2.0", notes="second")
    sim.reload()
    check = installed_v1.check()
    assert check.offered is not None and check.offered.version == "2.0"
    assert check.offered.notes == "second"
    assert not check.mandatory
    seen: list[tuple[int, int]] = []
    result = installed_v1.apply(on_progress=lambda d, t: seen.append((d, t)))
    assert result.installed == "2.0" and result.previous == "1.0"
    status = installed_v1.status()
    assert (status.current, status.previous, status.trial) == ("2.0", "1.0", "2.0")
    assert seen and seen[-1][0] == seen[-1][1]


def test_policy_reads_minimum_from_signed_metadata(publisher: Publisher) -> None:
    assert read_policy(publisher.repo_dir, publisher.root_bytes) == ("1.0", None)
    publisher.publish("2.0", minimum_version="1.5")
    publisher.publish("2.1")  # keeps the minimum
    latest, minimum = read_policy(publisher.repo_dir, publisher.root_bytes)
    assert (latest, minimum) == ("2.1", "1.5")
    assert [r.version for r in read_releases(publisher.repo_dir, publisher.root_bytes)] == [
        "1.0",
        "2.0",
        "2.1",
    ]


def test_bundle_is_deterministic(tmp_path: Path, publisher: Publisher) -> None:
    first = publisher.bundle("3.0").read_bytes()
    second = publisher.bundle("3.0").read_bytes()
    assert first == second
