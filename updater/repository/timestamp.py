"""Re-sign the short-lived metadata: the server's scheduled job.

Timestamp metadata lasts a day (snapshot a week) so that a client shown stale
metadata notices the freeze. Something must therefore re-sign them before they
expire; with no release to publish, that is this job, run by the server with the
online keys only (root and targets stay offline).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from securesystemslib.signer import Signer
from tuf.api.metadata import Metadata, Snapshot, Timestamp

from updater.repository import _store
from updater.repository.keys import as_signer

logger = logging.getLogger(__name__)
# Offline metadata needs people and keys from a safe: warn a month ahead.
OFFLINE_WARNING = timedelta(days=30)


@dataclass(frozen=True)
class ResignResult:
    """What :func:`resign_timestamp` did.

    Attributes:
        timestamp_version: Version of the timestamp now served.
        timestamp_expires: Its expiry.
        snapshot_version: Version of the snapshot now served.
        snapshot_renewed: True if the snapshot was re-signed too.
        snapshot_expires: Snapshot expiry (warn IT if near and not renewed).
        targets_expires: Targets expiry: IT must renew it offline before then.
        root_expires: Root expiry: IT must renew it offline before then.
    """

    timestamp_version: int
    timestamp_expires: datetime
    snapshot_version: int
    snapshot_renewed: bool
    snapshot_expires: datetime
    targets_expires: datetime
    root_expires: datetime


def resign_timestamp(
    repo_dir: Path,
    key: Signer | Path | str,
    *,
    snapshot_key: Signer | Path | str | None = None,
    now: datetime | None = None,
    timestamp_lifetime: timedelta = _store.EXPIRY["timestamp"],
    snapshot_lifetime: timedelta = _store.EXPIRY["snapshot"],
    snapshot_renew_within: timedelta = timedelta(days=3),
) -> ResignResult:
    """Sign a new timestamp (and snapshot, when it nears expiry and its key is given).

    Safe to run often (hourly is a good schedule): each run writes one new
    timestamp version. Run it in one process only.

    Args:
        repo_dir: The update repository directory.
        key: Timestamp signer or path of ``online/timestamp.pem``.
        snapshot_key: Snapshot signer or key path; without it the snapshot is left
            alone and a warning is logged once it is about to expire.
        now: Signing time (tests).
        timestamp_lifetime: Validity of the new timestamp.
        snapshot_lifetime: Validity of a renewed snapshot.
        snapshot_renew_within: Renew the snapshot when it expires sooner than this.

    Returns:
        What was signed.

    Raises:
        RepositoryStateError: The repository is missing or incomplete.
        KeyFileError: A key path cannot be loaded.
    """
    repo_dir = Path(repo_dir)
    moment = now or _store.utc_now()
    snapshot: Metadata[Snapshot] = _store.current(repo_dir, "snapshot")
    renewed = _needs_renewal(repo_dir, snapshot, moment, snapshot_renew_within)
    if renewed and snapshot_key is None:
        logger.warning(
            "snapshot v%d must be renewed (expires %s) and no snapshot key was given",
            snapshot.signed.version,
            snapshot.signed.expires.isoformat(),
        )
        renewed = False
    elif renewed:
        _store.bump(snapshot, moment, snapshot_lifetime, repo_dir=repo_dir)
        _store.sign(snapshot, [as_signer(snapshot_key)])
        _store.save(repo_dir, snapshot)
    timestamp: Metadata[Timestamp] = _store.new_timestamp(
        repo_dir, snapshot, as_signer(key), moment, timestamp_lifetime
    )
    logger.info("timestamp v%d signed until %s", timestamp.signed.version, timestamp.signed.expires)
    targets_expires = _store.current(repo_dir, "targets").signed.expires
    root_expires = _store.root_of(repo_dir).signed.expires
    for role, expires in (("targets", targets_expires), ("root", root_expires)):
        if expires - moment < OFFLINE_WARNING:
            logger.warning("%s metadata expires %s: IT must renew it offline", role, expires)
    return ResignResult(
        timestamp_version=timestamp.signed.version,
        timestamp_expires=timestamp.signed.expires,
        snapshot_version=snapshot.signed.version,
        snapshot_renewed=renewed,
        snapshot_expires=snapshot.signed.expires,
        targets_expires=targets_expires,
        root_expires=root_expires,
    )


def _needs_renewal(
    repo_dir: Path, snapshot: Metadata[Snapshot], moment: datetime, within: timedelta
) -> bool:
    if snapshot.signed.expires - moment < within:
        return True
    # A higher-numbered snapshot on disk was served before an upload replaced the
    # chain; clients that saw it would take the current one for a rollback.
    return _store.latest_version(repo_dir, "snapshot") > snapshot.signed.version
