"""Client side of the smart update module (the desktop imports only this package).

Typical use from a worker thread::

    client = UpdateClient(UpdateClientConfig(install_dir, server_url, shipped_trusted_root()))
    check = client.check(cancel=event)
    if check.offered:
        client.apply(on_progress=progress, cancel=event)   # then restart via the launcher

See ``docs/updates.md``.
"""

from __future__ import annotations

from updater._releases import Release
from updater.client.fetcher import HttpxFetcher
from updater.client.install import InstallStatus
from updater.client.service import (
    ApplyResult,
    UpdateCheck,
    UpdateClient,
    UpdateClientConfig,
    evaluate,
    pick,
    shipped_trusted_root,
)

__all__ = [
    "ApplyResult",
    "HttpxFetcher",
    "InstallStatus",
    "Release",
    "UpdateCheck",
    "UpdateClient",
    "UpdateClientConfig",
    "evaluate",
    "pick",
    "shipped_trusted_root",
]
