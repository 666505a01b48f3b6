"""``jiaowu release …`` and ``jiaowu update …`` driven through argparse, as IT would."""

from __future__ import annotations

import argparse
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from updater_helpers import ROOT, write_fake_source

from updater import cli
from updater.client import shipped_trusted_root
from updater.repository.bundle import DEFAULT_PACKAGES


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="jiaowu")
    cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return args.handler(args)


@pytest.fixture
def served(tmp_path: Path) -> tuple[Path, Path]:
    """init-keys + build + publish of 1.0 through the CLI; returns (key_dir, repo)."""
    keys, repo = tmp_path / "keys", tmp_path / "www" / "updates"
    assert run("release", "init-keys", "--key-dir", str(keys), "--repo", str(repo)) == 0
    assert (keys / "offline" / "root-3.pem").stat().st_mode & 0o077 == 0
    assert (keys / "offline").stat().st_mode & 0o077 == 0
    return keys, repo


def test_release_flow(
    served: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys, repo = served
    src = write_fake_source(tmp_path / "src")
    dist = tmp_path / "dist"
    for version in ("1.0", "2.0"):
        assert (
            run(
                "release",
                "build",
                "--version",
                version,
                "--source",
                str(src),
                "--out",
                str(dist),
                "--packages",
                "fakeapp,updater",
                "--entry",
                "fakeapp",
            )
            == 0
        )
    assert (
        run(
            "release",
            "publish",
            str(dist / "jiaowu-client-1.0.tar.gz"),
            "--repo",
            str(repo),
            "--key-dir",
            str(keys),
            "--notes",
            "first",
        )
        == 0
    )
    assert (
        run(
            "release",
            "publish",
            str(dist / "jiaowu-client-2.0.tar.gz"),
            "--repo",
            str(repo),
            "--key-dir",
            str(keys),
            "--minimum-version",
            "2.0",
            "--required",
        )
        == 0
    )
    assert (
        run(
            "release",
            "resign-timestamp",
            "--repo",
            str(repo),
            "--key",
            str(keys / "online/timestamp.pem"),
            "--snapshot-key",
            str(keys / "online/snapshot.pem"),
            "--hours",
            "2",
        )
        == 0
    )
    assert (
        run(
            "release",
            "rotate-key",
            "--repo",
            str(repo),
            "--key-dir",
            str(keys),
            "--role",
            "root",
            "--index",
            "2",
        )
        == 0
    )
    capsys.readouterr()
    assert (
        run("release", "list", "--repo", str(repo), "--trusted-root", str(keys / "root.json")) == 0
    )
    out = capsys.readouterr().out
    assert "1.0\tminimum -" in out and "2.0\tminimum 2.0 required" in out


def test_refusals_are_reported(
    served: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys, repo = served
    assert run("release", "init-keys", "--key-dir", str(keys)) == 1
    assert "key check failed" in capsys.readouterr().err
    assert (
        run("release", "rotate-key", "--repo", str(repo), "--key-dir", str(keys), "--role", "root")
        == 1
    )
    assert "--index" in capsys.readouterr().err


def test_update_commands(
    served: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys, repo = served
    install = tmp_path / "install"
    assert run("update", "status", "--install-dir", str(install)) == 0
    assert "current:   -" in capsys.readouterr().out
    # no server listening: a download error, reported, not a traceback
    code = run(
        "update",
        "check",
        "--install-dir",
        str(install),
        "--server",
        "http://127.0.0.1:9",
        "--trusted-root",
        str(keys / "root.json"),
    )
    assert code == 1
    assert "download" in capsys.readouterr().err


def test_build_of_this_checkout_is_deterministic(tmp_path: Path) -> None:
    # Build from a snapshot: colleagues edit the shared checkout while tests run.
    src = tmp_path / "checkout"
    for name in (*DEFAULT_PACKAGES, "assets"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    first = run(
        "release", "build", "--version", "9.9", "--source", str(src), "--out", str(tmp_path / "a")
    )
    second = run(
        "release", "build", "--version", "9.9", "--source", str(src), "--out", str(tmp_path / "b")
    )
    assert first == second == 0
    a, b = (tmp_path / d / "jiaowu-client-9.9.tar.gz" for d in ("a", "b"))
    assert a.read_bytes() == b.read_bytes()
    with tarfile.open(a) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    files = manifest["files"]
    assert "app/updater/launcher.py" in files and "app/cli/__main__.py" in files
    assert not any(name.startswith("app/server/") for name in files)
    assert not any(name.endswith(".pem") or "dev-keys" in name for name in files)
    assert "app/assets/updater/root.json" in files


def test_shipped_root_is_the_development_root(tmp_path: Path) -> None:
    shipped = ROOT / "assets" / "updater" / "root.json"
    dev = Path(__file__).with_name("dev-keys") / "root.json"
    assert shipped.read_bytes() == dev.read_bytes() == shipped_trusted_root()
    repo = tmp_path / "repo"
    # init-repo with the development keys gives a repository the shipped root verifies
    for pem in dev.parent.rglob("*.pem"):
        pem.chmod(0o600)
    assert run("release", "init-repo", "--repo", str(repo), "--key-dir", str(dev.parent)) == 0
    assert run("release", "list", "--repo", str(repo)) == 0
