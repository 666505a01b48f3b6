"""Entry point of the ``jiaowu`` console script."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# (group, module that provides register(subparsers)); "server" also adds db, admin and demo,
# "release" (updater) also adds update.
_GROUPS: tuple[tuple[str, str], ...] = (
    ("server", "server.cli"),
    ("client", "client.cli"),
    ("timetable", "core.timetabling.cli"),
    ("release", "updater.cli"),
)
# Extras whose absence only removes their commands (a server machine has no Qt).
_OPTIONAL = frozenset({"PySide6", "fastapi", "uvicorn", "tuf", "alembic", "httpx", "keyring", "starlette"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jiaowu",
        description="Jiaowu 教务 — academic administration: server, desktop client and tools.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for _name, module_name in _GROUPS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            # An extra that is not installed (e.g. the client on a server machine):
            # its commands are simply not offered.
            if exc.name and exc.name.split(".")[0] in _OPTIONAL:
                continue
            if exc.name and module_name.startswith(exc.name):
                # The group's module is not part of this installation.
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from core.version import __version__

        print(__version__)
        return 0
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    result = handler(args)
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
