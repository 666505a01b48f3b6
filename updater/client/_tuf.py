"""python-tuf ngclient behind a narrow interface, with its errors translated to ours.

Every call that can touch the network or verify metadata goes through
:func:`translated`, which turns tuf's two error families into ours and names the
file involved (the one being fetched or verified when the check failed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tuf.api import exceptions as tuf_errors
from tuf.api.metadata import TargetFile
from tuf.ngclient import Updater, UpdaterConfig

from updater._releases import Release, release_from_target, sorted_releases
from updater.client.fetcher import CancelledDownload, WatchedFetcher
from updater.errors import (
    UpdateCancelledError,
    UpdateDownloadError,
    UpdateError,
    UpdateExpiredError,
    UpdateHashMismatchError,
    UpdateHTTPError,
    UpdateInstallError,
    UpdateLengthError,
    UpdateMetadataError,
    UpdateRollbackError,
    UpdateSignatureError,
    UpdateSlowDownloadError,
)

# Most specific first: tuf's classes form a hierarchy.
_VERIFICATION: tuple[tuple[type[Exception], type[UpdateError]], ...] = (
    (tuf_errors.UnsignedMetadataError, UpdateSignatureError),
    (tuf_errors.ExpiredMetadataError, UpdateExpiredError),
    (tuf_errors.BadVersionNumberError, UpdateRollbackError),
    (tuf_errors.LengthOrHashMismatchError, UpdateHashMismatchError),
    (tuf_errors.RepositoryError, UpdateMetadataError),
)
_DOWNLOAD: tuple[tuple[type[Exception], type[UpdateError]], ...] = (
    (tuf_errors.DownloadLengthMismatchError, UpdateLengthError),
    (tuf_errors.SlowRetrievalError, UpdateSlowDownloadError),
    (tuf_errors.DownloadError, UpdateDownloadError),
)


def file_of(url: str) -> str:
    """Last path segment of a URL: the metadata or target file name."""
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or url


@contextmanager
def translated(fetcher: WatchedFetcher, file: str | None = None) -> Iterator[None]:
    """Re-raise tuf errors as UpdateError subclasses naming the check and the file.

    Args:
        fetcher: The fetcher in use; its last URL names the file if ``file`` is None.
        file: The file being handled, when the caller knows it better.
    """
    try:
        yield
    except CancelledDownload as exc:
        raise UpdateCancelledError("cancelled by the user", file=file) from exc
    except tuf_errors.DownloadHTTPError as exc:
        name = file or file_of(fetcher.last_url)
        raise UpdateHTTPError(str(exc), status_code=exc.status_code, file=name) from exc
    except (tuf_errors.RepositoryError, tuf_errors.DownloadError) as exc:
        name = file or file_of(fetcher.last_url)
        for tuf_type, our_type in (*_VERIFICATION, *_DOWNLOAD):
            if isinstance(exc, tuf_type):
                raise our_type(str(exc) or type(exc).__name__, file=name) from exc
        raise  # pragma: no cover - the tables above cover both roots
    except OSError as exc:
        # tuf writes its metadata cache and the download itself: a local disk problem.
        raise UpdateInstallError(f"cannot write: {exc}", file=file or name_of(exc)) from exc


def open_updater(
    tuf_dir: Path,
    metadata_url: str,
    targets_url: str,
    trusted_root: bytes,
    fetcher: WatchedFetcher,
) -> Updater:
    """Create a tuf Updater anchored on the shipped root (the cache only speeds it up).

    Raises:
        UpdateVerificationError: The shipped trust root itself is invalid.
    """
    tuf_dir.mkdir(parents=True, exist_ok=True)
    with translated(fetcher, file="root.json (trusted root)"):
        return Updater(
            metadata_dir=str(tuf_dir),
            metadata_base_url=metadata_url,
            target_base_url=targets_url,
            fetcher=fetcher,
            config=UpdaterConfig(app_user_agent="jiaowu-updater"),
            bootstrap=trusted_root,
        )


def refresh_releases(updater: Updater, tuf_dir: Path, fetcher: WatchedFetcher) -> list[Release]:
    """Refresh top-level metadata and return every release it vouches for, oldest first.

    Raises:
        UpdateDownloadError: Network trouble.
        UpdateVerificationError: Any TUF check failed (the error names file and check).
    """
    with translated(fetcher):
        updater.refresh()
    releases = []
    for path in _target_paths(tuf_dir):
        with translated(fetcher, file=path):
            info = updater.get_targetinfo(path)
        if info is not None:
            release = release_from_target(path, info.length, info.custom)
            if release is not None:
                releases.append(release)
    return sorted_releases(releases)


def _target_paths(tuf_dir: Path) -> list[str]:
    # refresh() has just verified and cached targets.json; its names are only used
    # to ask get_targetinfo(), whose answers come from tuf's verified in-memory state.
    try:
        data = json.loads((tuf_dir / "targets.json").read_text("utf-8"))
        return sorted(data["signed"]["targets"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UpdateMetadataError(f"cannot list releases: {exc}", file="targets.json") from exc


def target_info(updater: Updater, release: Release, fetcher: WatchedFetcher) -> TargetFile:
    """The verified target entry of ``release``.

    Raises:
        UpdateMetadataError: The release vanished from the verified metadata.
    """
    with translated(fetcher, file=release.target):
        info = updater.get_targetinfo(release.target)
    if info is None:
        raise UpdateMetadataError("release not in the signed targets", file=release.target)
    return info


def download_verified(
    updater: Updater, info: TargetFile, dest: Path, fetcher: WatchedFetcher
) -> Path:
    """Download a target to ``dest``; tuf verifies length and hash before writing it.

    A ``.part`` name is used until the verified bytes are fully on disk, so a
    kill mid-copy never leaves something that looks like a finished download.

    Raises:
        UpdateDownloadError: Network trouble (including an endless or stalled download).
        UpdateVerificationError: Wrong length or hash.
        UpdateCancelledError: Cancelled.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    with translated(fetcher, file=info.path):
        updater.download_target(info, filepath=str(part))
    part.replace(dest)
    return dest


def cached_verified(updater: Updater, info: TargetFile, path: Path) -> bool:
    """True if ``path`` exists and matches the signed length and hash."""
    return updater.find_cached_target(info, str(path)) is not None


def name_of(exc: OSError) -> str | None:
    """The path an OSError is about, if it says."""
    return str(exc.filename) if exc.filename is not None else None
