"""Command line of the smart update module: ``jiaowu release …`` and ``jiaowu update …``.

``cli/main.py`` calls :func:`register`; every handler takes the parsed arguments
and returns the process exit code. Errors are printed in one place
(:func:`_guarded`) with the check that failed and the file concerned.
"""

from __future__ import annotations

import argparse
import functools
import logging
import sys
from collections.abc import Callable

from updater import _cli_release, _cli_update
from updater.errors import UpdateError

Handler = Callable[[argparse.Namespace], int]
EXIT_FAILED = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``release`` (IT) and ``update`` (desktops) command groups."""
    release = subparsers.add_parser(
        "release",
        help="IT: keys, build, publish and re-sign client releases (TUF)",
        description="Release tooling for IT. See docs/updates.md for the runbook.",
    )
    _cli_release.add_commands(
        release.add_subparsers(dest="release_command", metavar="ACTION"), _guarded
    )
    release.set_defaults(handler=_help_of(release))
    update = subparsers.add_parser(
        "update",
        help="check for and install client updates (headless, for scripted roll-outs)",
        description="Headless client updates. Exit codes: 0 done or up to date, "
        "1 refused or failed, 10 update available, 11 mandatory update available.",
    )
    _cli_update.add_commands(
        update.add_subparsers(dest="update_command", metavar="ACTION"), _guarded
    )
    update.set_defaults(handler=_help_of(update))


def _help_of(parser: argparse.ArgumentParser) -> Handler:
    def show(_args: argparse.Namespace) -> int:
        parser.print_help()
        return 0

    return show


def _guarded(handler: Handler) -> Handler:
    """Run ``handler``; report an UpdateError in plain words instead of a traceback."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        logging.basicConfig(
            level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING
        )
        try:
            return handler(args)
        except UpdateError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_FAILED

    return run
