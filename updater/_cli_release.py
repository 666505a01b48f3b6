"""``jiaowu release …``: IT's commands (see docs/updates.md for the runbook)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from updater.repository import (
    DEFAULT_TRUSTED_ROOT,
    build_bundle,
    init_keys,
    init_repository,
    publish_release,
    read_releases,
    resign_timestamp,
    rotate_key,
)
from updater.repository.bundle import DEFAULT_PACKAGES
from updater.repository.keys import ROLES
from updater.repository.rotate import renew

Handler = Callable[[argparse.Namespace], int]
SOURCE_ROOT = Path(__file__).resolve().parents[1]


def add_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], guard: Callable[[Handler], Handler]
) -> None:
    """Add the release subcommands."""
    _add_setup(sub, guard)
    _add_publishing(sub, guard)
    _add_maintenance(sub, guard)


def _add_setup(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], guard: Callable[[Handler], Handler]
) -> None:
    p = sub.add_parser(
        "init-keys", help="create root/targets/snapshot/timestamp keys and root.json"
    )
    p.add_argument(
        "--key-dir", type=Path, required=True, help="new folder for private keys (mode 0700)"
    )
    p.add_argument("--root-keys", type=int, default=3, help="number of root keys (default 3)")
    p.add_argument(
        "--root-threshold", type=int, default=2, help="root signatures required (default 2)"
    )
    p.add_argument("--root-days", type=int, default=365, help="root validity in days (default 365)")
    p.add_argument("--repo", type=Path, help="also create an empty update repository here")
    p.set_defaults(handler=guard(_init_keys))

    p = sub.add_parser("init-repo", help="create an empty update repository from existing keys")
    _repo_and_keys(p)
    p.set_defaults(handler=guard(_init_repo))


def _add_publishing(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], guard: Callable[[Handler], Handler]
) -> None:
    p = sub.add_parser("build", help="build a deterministic release bundle of the client")
    p.add_argument(
        "--version", dest="release_version", required=True, help="release version, e.g. 1.4.0"
    )
    p.add_argument(
        "--source", type=Path, default=SOURCE_ROOT, help="source checkout (default: this one)"
    )
    p.add_argument("--out", type=Path, default=Path("dist"), help="output folder (default ./dist)")
    p.add_argument("--entry", default="cli", help="module the launcher runs (default cli)")
    p.add_argument(
        "--packages",
        default=",".join(DEFAULT_PACKAGES),
        help=f"comma-separated packages to include (default {','.join(DEFAULT_PACKAGES)})",
    )
    p.set_defaults(handler=guard(_build))

    p = sub.add_parser("publish", help="sign a bundle into the update repository")
    p.add_argument("bundle", type=Path, help="archive from 'jiaowu release build'")
    _repo_and_keys(p)
    notes = p.add_mutually_exclusive_group()
    notes.add_argument("--notes", default="", help="release notes")
    notes.add_argument("--notes-file", type=Path, help="read release notes from a UTF-8 file")
    p.add_argument("--minimum-version", help="lowest client version the server accepts (0: none)")
    p.add_argument("--required", action="store_true", help="no client may skip this release")
    p.set_defaults(handler=guard(_publish))


def _add_maintenance(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], guard: Callable[[Handler], Handler]
) -> None:
    p = sub.add_parser("resign-timestamp", help="re-sign timestamp (and snapshot when near expiry)")
    p.add_argument("--repo", type=Path, required=True, help="update repository folder")
    p.add_argument("--key", type=Path, required=True, help="online/timestamp.pem")
    p.add_argument("--snapshot-key", type=Path, help="online/snapshot.pem (renews the snapshot)")
    p.add_argument("--hours", type=float, default=24.0, help="timestamp validity (default 24)")
    p.set_defaults(handler=guard(_resign))

    p = sub.add_parser("rotate-key", help="replace a key; publishes a new root version")
    _repo_and_keys(p)
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--index", type=int, help="which root key to replace (1-based; root only)")
    p.set_defaults(handler=guard(_rotate))

    p = sub.add_parser("renew", help="re-sign root or targets with a fresh expiry (offline keys)")
    _repo_and_keys(p)
    p.add_argument("--role", required=True, choices=("root", "targets"))
    p.set_defaults(handler=guard(_renew))

    p = sub.add_parser("list", help="show verified releases and the minimum version")
    p.add_argument("--repo", type=Path, required=True, help="update repository folder")
    p.add_argument("--trusted-root", type=Path, default=DEFAULT_TRUSTED_ROOT, help="trust anchor")
    p.set_defaults(handler=guard(_list))


def _repo_and_keys(p: argparse.ArgumentParser) -> None:
    p.add_argument("--repo", type=Path, required=True, help="update repository folder")
    p.add_argument("--key-dir", type=Path, required=True, help="key folder from init-keys")


def _init_keys(args: argparse.Namespace) -> int:
    root = init_keys(
        args.key_dir,
        root_keys=args.root_keys,
        root_threshold=args.root_threshold,
        root_lifetime=timedelta(days=args.root_days),
    )
    print(
        f"keys written to {args.key_dir} (offline/: root and targets; online/: snapshot, timestamp)"
    )
    print(f"trust root: {root}  -> copy it to assets/updater/root.json before building")
    if args.repo:
        init_repository(args.repo, args.key_dir)
        print(f"empty update repository created in {args.repo}")
    return 0


def _init_repo(args: argparse.Namespace) -> int:
    init_repository(args.repo, args.key_dir)
    print(f"empty update repository created in {args.repo}")
    return 0


def _build(args: argparse.Namespace) -> int:
    out = build_bundle(
        args.source,
        args.release_version,
        args.out,
        entry=args.entry,
        packages=[p for p in args.packages.split(",") if p],
    )
    print(out)
    return 0


def _publish(args: argparse.Namespace) -> int:
    notes = args.notes_file.read_text("utf-8") if args.notes_file else args.notes
    release = publish_release(
        args.repo,
        args.key_dir,
        args.bundle,
        notes=notes,
        minimum_version=args.minimum_version,
        required=args.required,
    )
    print(
        f"published {release.version} (minimum client version: {release.minimum_version or 'none'})"
    )
    return 0


def _resign(args: argparse.Namespace) -> int:
    result = resign_timestamp(
        args.repo,
        args.key,
        snapshot_key=args.snapshot_key,
        timestamp_lifetime=timedelta(hours=args.hours),
    )
    renewed = f", snapshot v{result.snapshot_version} renewed" if result.snapshot_renewed else ""
    print(
        f"timestamp v{result.timestamp_version} valid until {result.timestamp_expires.isoformat()}{renewed}"
    )
    print(f"snapshot expires {result.snapshot_expires.isoformat()}")
    print(f"targets expires {result.targets_expires.isoformat()} (renew offline before)")
    print(f"root expires {result.root_expires.isoformat()} (renew offline before)")
    return 0


def _rotate(args: argparse.Namespace) -> int:
    version = rotate_key(args.repo, args.key_dir, args.role, index=args.index)
    print(f"{args.role} key replaced; root version {version} published")
    return 0


def _renew(args: argparse.Namespace) -> int:
    version = renew(args.repo, args.key_dir, args.role)
    print(f"{args.role} version {version} signed")
    return 0


def _list(args: argparse.Namespace) -> int:
    releases = read_releases(args.repo, args.trusted_root)
    for release in releases:
        flags = " required" if release.required else ""
        print(
            f"{release.version}\tminimum {release.minimum_version or '-'}{flags}\t{release.published}"
        )
    if not releases:
        print("no releases")
    return 0
