"""Publishing side of the smart update module: what IT and the server run.

The server imports only this package (never ``updater.client``):

* :func:`resign_timestamp` — the scheduled job, with the online timestamp key;
* :func:`read_policy` / :class:`PolicyCache` — latest and minimum client version,
  read from verified metadata, for the 426 gate;
* :func:`read_releases` — release notes and versions for an admin page;
* :func:`is_older` — ``is_older(x_client_version, minimum)`` decides the 426.

IT's tooling (``jiaowu release …``) uses :func:`init_keys`,
:func:`init_repository`, :func:`build_bundle`, :func:`publish_release` and
:func:`rotate_key` and :func:`renew`. See ``docs/updates.md``.
"""

from __future__ import annotations

from updater._releases import Release, is_older, parse_version
from updater.repository.bundle import build_bundle
from updater.repository.create import init_keys, init_repository
from updater.repository.policy import (
    DEFAULT_TRUSTED_ROOT,
    PolicyCache,
    RepositoryPolicy,
    read_policy,
    read_releases,
)
from updater.repository.publish import publish_release
from updater.repository.rotate import renew, rotate_key
from updater.repository.timestamp import ResignResult, resign_timestamp

__all__ = [
    "DEFAULT_TRUSTED_ROOT",
    "PolicyCache",
    "Release",
    "RepositoryPolicy",
    "ResignResult",
    "build_bundle",
    "init_keys",
    "init_repository",
    "is_older",
    "parse_version",
    "publish_release",
    "read_policy",
    "read_releases",
    "renew",
    "resign_timestamp",
    "rotate_key",
]
