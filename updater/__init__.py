"""Smart update 智能更新: TUF-signed client releases, verified install, rollback.

* :mod:`updater.repository` — publishing side (IT's tools, the server's re-sign job
  and minimum-version policy). The server imports only this half.
* :mod:`updater.client` — check, download, verify through python-tuf, install into
  ``versions/<version>/`` and switch ``current``. The desktop imports this half.
* :mod:`updater.launcher` — starts ``current`` and switches back if a new version
  fails its self-check (standard library only).
* :mod:`updater.errors` — ``UpdateError`` and its narrow subclasses.
* :mod:`updater.cli` — ``jiaowu release …`` and ``jiaowu update …``.

This module imports nothing, so the launcher can run without tuf or httpx loaded.
See docs/updates.md.
"""
