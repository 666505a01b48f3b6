"""The publishing side: the server's re-sign job, policy reading, rotation, refusals."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from updater_helpers import Publisher, client_for
from updater_sim import RepositorySimulator

from updater import errors
from updater.client import UpdateClient
from updater.repository import PolicyCache, read_policy, renew, resign_timestamp, rotate_key
from updater.repository._store import load, utc_now
from updater.repository.keys import KeyPaths, load_signer


def _online(publisher: Publisher, role: str) -> Path:
    return KeyPaths(publisher.key_dir).role(role)


def test_resign_job_unfreezes_clients(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator
) -> None:
    past = utc_now() - timedelta(days=2)
    resign_timestamp(publisher.repo_dir, _online(publisher, "timestamp"), now=past)
    sim.reload()
    with pytest.raises(errors.UpdateExpiredError):
        installed_v1.check()
    result = resign_timestamp(publisher.repo_dir, _online(publisher, "timestamp"))
    sim.reload()
    assert result.timestamp_expires > utc_now() and not result.snapshot_renewed
    assert installed_v1.check().offered is None


def test_resign_job_renews_a_snapshot_near_expiry(
    publisher: Publisher, caplog: pytest.LogCaptureFixture
) -> None:
    later = utc_now() + timedelta(days=5)  # the 7-day snapshot now has 2 days left
    before = load(publisher.repo_dir, "snapshot").signed.version
    result = resign_timestamp(publisher.repo_dir, _online(publisher, "timestamp"), now=later)
    assert not result.snapshot_renewed and "snapshot" in caplog.text
    result = resign_timestamp(
        publisher.repo_dir,
        load_signer(_online(publisher, "timestamp")),
        snapshot_key=_online(publisher, "snapshot"),
        now=later,
    )
    assert result.snapshot_renewed and result.snapshot_version > before
    assert result.snapshot_expires > later + timedelta(days=6)
    assert read_policy(publisher.repo_dir, publisher.root_bytes) == ("1.0", None)


def test_policy_refuses_a_repository_signed_by_other_keys(
    publisher: Publisher, tmp_path: Path
) -> None:
    other = Publisher(tmp_path / "other").setup()
    with pytest.raises(errors.RepositoryStateError) as info:
        read_policy(publisher.repo_dir, other.root_bytes)
    assert info.value.file == "timestamp.json"


def test_policy_follows_root_rotation_and_caches(publisher: Publisher) -> None:
    cache = PolicyCache(publisher.repo_dir, publisher.root_bytes)
    assert cache.get() == ("1.0", None)
    rotate_key(publisher.repo_dir, publisher.key_dir, "targets")
    rotate_key(publisher.repo_dir, publisher.key_dir, "root", index=3)
    publisher.publish("2.0", minimum_version="2.0")
    assert cache.get() == ("2.0", "2.0")
    # a broken upload keeps the last verified policy instead of failing every request
    timestamp = publisher.repo_dir / "metadata" / "timestamp.json"
    timestamp.write_text("{}")
    assert cache.get() == ("2.0", "2.0")
    with pytest.raises(errors.RepositoryStateError):
        PolicyCache(publisher.repo_dir, publisher.root_bytes).get()


def test_rotated_targets_key_is_accepted_by_clients(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator
) -> None:
    rotate_key(publisher.repo_dir, publisher.key_dir, "targets")
    publisher.publish("2.0")
    sim.reload()
    assert installed_v1.apply().installed == "2.0"
    assert list((publisher.key_dir / "offline").glob("targets.retired*.pem"))


def test_rotation_needs_the_root_threshold(publisher: Publisher) -> None:
    paths = KeyPaths(publisher.key_dir)
    paths.root_key(2).rename(publisher.base / "root-2-elsewhere.pem")
    paths.root_key(3).rename(publisher.base / "root-3-elsewhere.pem")
    before = sorted(p.name for p in (publisher.repo_dir / "metadata").iterdir())
    with pytest.raises(errors.KeyFileError):
        rotate_key(publisher.repo_dir, publisher.key_dir, "timestamp")
    assert sorted(p.name for p in (publisher.repo_dir / "metadata").iterdir()) == before
    assert paths.role("timestamp").exists()
    assert not list((publisher.key_dir / "online").glob("*.new.pem"))


def test_publish_refusals(publisher: Publisher) -> None:
    with pytest.raises(errors.ReleaseError, match="already published"):
        publisher.publish("1.0")
    publisher.publish("2.0")
    with pytest.raises(errors.ReleaseError, match="older than the latest"):
        publisher.publish("1.5")
    with pytest.raises(errors.ReleaseError, match="newer than the release"):
        publisher.publish("3.0", minimum_version="4.0")


def test_key_files_are_guarded(publisher: Publisher, tmp_path: Path) -> None:
    key = _online(publisher, "timestamp")
    os.chmod(key, 0o644)
    with pytest.raises(errors.KeyFileError, match="readable by group or others"):
        load_signer(key)
    from updater.repository import init_keys

    with pytest.raises(errors.KeyFileError, match="impossible"):
        init_keys(tmp_path / "k", root_keys=2, root_threshold=3)


def test_bundle_refuses_symlinks(publisher: Publisher, tmp_path: Path) -> None:
    from updater_helpers import write_fake_source

    from updater.repository import build_bundle

    src = write_fake_source(tmp_path / "src")
    (src / "fakeapp" / "link.py").symlink_to(src / "fakeapp" / "__init__.py")
    with pytest.raises(errors.ReleaseError, match="symlink"):
        build_bundle(src, "1.0", tmp_path / "dist", packages=("fakeapp",), entry="fakeapp")


def test_renewing_offline_metadata(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator
) -> None:
    later = utc_now() + timedelta(days=200)  # targets (180 days) would be expired by then
    assert renew(publisher.repo_dir, publisher.key_dir, "targets", now=later) == 3
    assert renew(publisher.repo_dir, publisher.key_dir, "root") == 2
    result = resign_timestamp(publisher.repo_dir, _online(publisher, "timestamp"))
    assert result.targets_expires > later and result.root_expires > utc_now() + timedelta(days=300)
    publisher.publish("2.0")
    sim.reload()
    assert installed_v1.apply().installed == "2.0"
    with pytest.raises(errors.ReleaseError):
        renew(publisher.repo_dir, publisher.key_dir, "timestamp")


def test_publishing_from_a_copy_while_the_server_job_runs(
    publisher: Publisher, tmp_path: Path
) -> None:
    # IT signs on an offline copy; the server's job keeps signing its own copy.
    server_repo = tmp_path / "server-repo"
    shutil.copytree(publisher.repo_dir, server_repo)
    sim = RepositorySimulator(server_repo)
    client = client_for(tmp_path / "install", publisher, sim)
    client.apply()
    t0 = utc_now()
    keys = {"key": _online(publisher, "timestamp"), "snapshot_key": _online(publisher, "snapshot")}
    shutil.copytree(server_repo, publisher.repo_dir, dirs_exist_ok=True)  # IT pulls
    # the job renews snapshot and timestamp on the server meanwhile; the client sees it
    resign_timestamp(
        server_repo, **keys, now=t0 + timedelta(hours=1), snapshot_renew_within=timedelta(days=30)
    )
    sim.reload()
    assert client.check().offered is None
    publisher.publish("2.0", now=t0)  # signed before the job's run
    for folder in ("targets", "metadata"):  # IT pushes, archives first
        shutil.copytree(publisher.repo_dir / folder, server_repo / folder, dirs_exist_ok=True)
    sim.reload()
    with pytest.raises(errors.UpdateRollbackError):
        client.check()  # the window until the job runs again (the runbook runs it at once)
    resign_timestamp(server_repo, **keys, now=t0 + timedelta(hours=2))
    sim.reload()
    check = client.check()
    assert check.offered is not None and check.offered.version == "2.0"
    assert read_policy(server_repo, publisher.root_bytes) == ("2.0", None)
