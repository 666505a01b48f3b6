"""``jiaowu update …``: headless checks and installs for IT's scripted roll-outs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from updater._layout import InstallLayout, read_pointer
from updater.client import UpdateClient, UpdateClientConfig
from updater.client.service import SHIPPED_TRUSTED_ROOT
from updater.errors import NoUpdateAvailableError, UpdateError

Handler = Callable[[argparse.Namespace], int]
EXIT_AVAILABLE = 10
EXIT_MANDATORY = 11


def add_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], guard: Callable[[Handler], Handler]
) -> None:
    """Add the update subcommands."""
    p = sub.add_parser("status", help="show installed versions and pointers (no network)")
    _install_dir(p)
    p.set_defaults(handler=guard(_status))
    for name, fn, text in (
        ("check", _check, "ask the server whether an update is available (exit 10/11 if so)"),
        ("apply", _apply, "download, verify and install the offered update"),
    ):
        p = sub.add_parser(name, help=text)
        _install_dir(p)
        p.add_argument(
            "--server", required=True, help="server base URL, e.g. https://jw.example.edu"
        )
        p.add_argument(
            "--trusted-root", type=Path, help="trust anchor (default: the installed version's)"
        )
        if name == "apply":
            p.add_argument(
                "--version",
                dest="target_version",
                help="install this release instead of the offered one",
            )
            p.add_argument("--quiet", action="store_true", help="no progress output")
        p.set_defaults(handler=guard(fn))
    p = sub.add_parser("rollback", help="switch back to the previous installed version")
    _install_dir(p)
    p.set_defaults(handler=guard(_rollback))


def _install_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--install-dir", type=Path, default=Path("."), help="installation folder (default .)"
    )


def _trusted_root(args: argparse.Namespace) -> bytes:
    if args.trusted_root is not None:
        path = args.trusted_root
    else:
        layout = InstallLayout(args.install_dir)
        current = read_pointer(layout.current_file)
        installed = (
            layout.version_dir(current) / "app/assets/updater/root.json" if current else None
        )
        path = installed if installed is not None and installed.is_file() else SHIPPED_TRUSTED_ROOT
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UpdateError(
            f"cannot read trust root: {exc.strerror}", file=str(path), check="trust root"
        ) from exc


def _client(args: argparse.Namespace) -> UpdateClient:
    config = UpdateClientConfig(
        install_dir=args.install_dir, server_url=args.server, trusted_root=_trusted_root(args)
    )
    return UpdateClient(config)


def _status(args: argparse.Namespace) -> int:
    layout = InstallLayout(args.install_dir)
    client = UpdateClient(
        UpdateClientConfig(install_dir=layout.root, server_url="", trusted_root=b"")
    )
    state = client.status()
    print(f"current:   {state.current or '-'}")
    print(f"previous:  {state.previous or '-'}")
    print(f"on trial:  {state.trial or '-'}")
    print(f"installed: {', '.join(state.installed) or '-'}")
    return 0


def _check(args: argparse.Namespace) -> int:
    check = _client(args).check()
    print(f"installed: {check.installed or '-'}")
    print(f"latest:    {check.latest.version if check.latest else '-'}")
    print(f"minimum:   {check.minimum_version or '-'}")
    if check.offered is None:
        print("up to date")
        return 0
    kind = "MANDATORY update" if check.mandatory else "update"
    print(f"{kind} available: {check.offered.version}")
    if check.offered.notes:
        print(check.offered.notes)
    return EXIT_MANDATORY if check.mandatory else EXIT_AVAILABLE


def _apply(args: argparse.Namespace) -> int:
    def progress(done: int, total: int) -> None:
        if not args.quiet:
            print(f"\rdownloading {done * 100 // max(total, 1):3d}%", end="", file=sys.stderr)

    try:
        result = _client(args).apply(version=args.target_version, on_progress=progress)
    except NoUpdateAvailableError as exc:
        print(exc.detail)
        return 0
    if not args.quiet:
        print(file=sys.stderr)
    print(
        f"installed {result.installed} (previous: {result.previous or '-'}); "
        "it starts on the next launch and is kept only if its self-check passes"
    )
    return 0


def _rollback(args: argparse.Namespace) -> int:
    layout = InstallLayout(args.install_dir)
    client = UpdateClient(
        UpdateClientConfig(install_dir=layout.root, server_url="", trusted_root=b"")
    )
    print(f"current is now {client.rollback()}")
    return 0
