"""``jiaowu client``: the desktop application."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("client", help="start the desktop client", description="Start the Jiaowu desktop client.")
    p.add_argument("--server", default=None, help="server address, e.g. http://127.0.0.1:8765 (remembered in settings)")
    p.add_argument("--data-dir", default=None, help="local data folder (default: the platform's user data dir)")
    p.add_argument("--language", choices=["zh_CN", "en"], default=None, help="interface language (default: from settings, 中文)")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from client.ui.app import run

    return run(server=args.server, data_dir=args.data_dir, language=args.language)
