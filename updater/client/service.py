"""The client's update service: check, download, verify, install, roll back.

Qt-free: the client's UI runs these methods in a worker, passing
``on_progress(done, total)`` and a ``threading.Event`` to cancel. Nothing is
installed before python-tuf has verified it, and ``current`` only ever names a
complete, manifest-checked version.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tuf.ngclient import FetcherInterface

from updater._layout import InstallLayout, read_failed, read_pointer
from updater._releases import Release, is_older, minimum_of
from updater.client import _tuf, install
from updater.client.fetcher import HttpxFetcher, ProgressCallback, WatchedFetcher
from updater.errors import (
    NoUpdateAvailableError,
    UpdateCancelledError,
    UpdateError,
    UpdateHashMismatchError,
    UpdateInstallError,
    UpdateRequiredError,
)

logger = logging.getLogger(__name__)

# assets/ sits next to the packages both in a checkout and in an installed version
# (versions/<v>/app/assets), so the running code finds the root it shipped with.
SHIPPED_TRUSTED_ROOT = Path(__file__).resolve().parents[2] / "assets" / "updater" / "root.json"


def shipped_trusted_root() -> bytes:
    """The trust anchor shipped with the running version (``assets/updater/root.json``).

    Raises:
        UpdateError: The file is missing (a broken build).
    """
    try:
        return SHIPPED_TRUSTED_ROOT.read_bytes()
    except OSError as exc:
        raise UpdateError(
            f"no trust root: {exc.strerror}", file=str(SHIPPED_TRUSTED_ROOT), check="trust root"
        ) from exc


@dataclass(frozen=True)
class UpdateClientConfig:
    """Where the installation lives, where updates come from, and what to trust.

    Attributes:
        install_dir: The installation folder (``versions/``, ``current`` …).
        server_url: Base URL of the Jiaowu server; updates are under ``/updates/``.
        trusted_root: The shipped ``assets/updater/root.json`` bytes: the trust anchor.
        socket_timeout: Longest wait for a connection or between bytes, seconds.
        download_seconds: Longest time any one file may take to download.
        updates_path: Path of the update repository on the server.
    """

    install_dir: Path
    server_url: str
    trusted_root: bytes
    socket_timeout: float = 30.0
    download_seconds: float = 600.0
    updates_path: str = "/updates/"

    @property
    def metadata_url(self) -> str:
        """Base URL of TUF metadata."""
        return self.server_url.rstrip("/") + self.updates_path.rstrip("/") + "/metadata/"

    @property
    def targets_url(self) -> str:
        """Base URL of release archives."""
        return self.server_url.rstrip("/") + self.updates_path.rstrip("/") + "/targets/"


@dataclass(frozen=True)
class UpdateCheck:
    """The answer to "is there an update?", from verified metadata.

    Attributes:
        installed: Version ``current`` names (None: nothing installed yet).
        offered: The release :meth:`UpdateClient.apply` would install next, if any.
        latest: The newest release.
        minimum_version: Lowest version the server accepts.
        mandatory: The installed version is below the minimum: it must update before
            it may sync again (it keeps working offline meanwhile).
        releases: All releases, oldest first.
    """

    installed: str | None
    offered: Release | None
    latest: Release | None
    minimum_version: str | None
    mandatory: bool
    releases: tuple[Release, ...] = field(default=())

    def defer(self) -> None:
        """Decline the offered update for now ("later").

        Raises:
            UpdateRequiredError: The update is mandatory; it cannot be declined.
        """
        if self.mandatory and self.offered is not None:
            raise UpdateRequiredError(
                f"version {self.installed} is below the minimum {self.minimum_version}; "
                "this update cannot be skipped",
                required_version=self.offered.version,
                file=self.offered.target,
            )


@dataclass(frozen=True)
class ApplyResult:
    """What :meth:`UpdateClient.apply` installed."""

    installed: str
    previous: str | None
    check: UpdateCheck


def evaluate(
    installed: str | None, releases: list[Release], failed: frozenset[str] = frozenset()
) -> UpdateCheck:
    """Decide what to offer: the oldest *required* newer release, else the latest.

    Versions that failed their self-check here are not offered again (IT can still
    install one explicitly); otherwise every launch would retry a broken release.
    """
    newer = [
        r
        for r in releases
        if (installed is None or is_older(installed, r.version)) and r.version not in failed
    ]
    stepping = [r for r in newer[:-1] if r.required]
    offered = stepping[0] if stepping else (newer[-1] if newer else None)
    minimum = minimum_of(releases)
    below = installed is None or (minimum is not None and is_older(installed, minimum))
    return UpdateCheck(
        installed=installed,
        offered=offered,
        latest=releases[-1] if releases else None,
        minimum_version=minimum,
        mandatory=below and offered is not None,
        releases=tuple(releases),
    )


def pick(check: UpdateCheck, version: str | None) -> Release:
    """The release to install: ``version`` if allowed, else the offered one.

    Raises:
        NoUpdateAvailableError: Up to date, or ``version`` is unknown or not newer.
        UpdateRequiredError: ``version`` would skip a required release.
    """
    if version is None:
        if check.offered is None:
            raise NoUpdateAvailableError(f"version {check.installed} is up to date")
        return check.offered
    wanted = next((r for r in check.releases if r.version == version), None)
    if wanted is None:
        raise NoUpdateAvailableError(f"no release {version} in the signed metadata")
    if check.installed is not None and not is_older(check.installed, version):
        raise NoUpdateAvailableError(f"{version} is not newer than {check.installed}")
    offered = check.offered
    if offered is not None and offered.required and is_older(offered.version, version):
        raise UpdateRequiredError(
            f"release {offered.version} is required before {version}; install it first",
            required_version=offered.version,
            file=offered.target,
        )
    return wanted


class UpdateClient:
    """Check for, download, verify and install client releases into one installation.

    Args:
        config: Installation, server and trust anchor.
        fetcher: Network implementation (tests pass an in-memory repository).
    """

    def __init__(
        self, config: UpdateClientConfig, *, fetcher: FetcherInterface | None = None
    ) -> None:
        self.config = config
        self.layout = InstallLayout(Path(config.install_dir))
        self._fetcher = fetcher

    def status(self) -> install.InstallStatus:
        """Installed versions and pointers (no network)."""
        return install.status(self.layout)

    def check(self, *, cancel: threading.Event | None = None) -> UpdateCheck:
        """Refresh verified metadata and say what would be installed.

        Raises:
            UpdateDownloadError: Network trouble.
            UpdateVerificationError: A TUF check failed; the error names check and file.
        """
        try:
            with self._session(cancel) as session:
                return evaluate(self.installed(), session.releases(), read_failed(self.layout))
        except UpdateError as exc:
            logger.warning("update check refused: %s", exc)
            raise

    def apply(
        self,
        *,
        version: str | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> ApplyResult:
        """Download, verify and install the offered release (or ``version``), then switch.

        Raises:
            NoUpdateAvailableError: Nothing newer to install.
            UpdateRequiredError: ``version`` would skip a required release.
            UpdateCancelledError: ``cancel`` was set before the switch.
            UpdateDownloadError / UpdateVerificationError: As for :meth:`check`.
            UpdateInstallError: Unpacking or switching failed (``current`` unchanged).
        """
        try:
            return self._apply(version, on_progress, cancel or threading.Event())
        except UpdateError as exc:
            logger.warning("update refused: %s", exc)
            raise

    def _apply(
        self, version: str | None, on_progress: ProgressCallback | None, cancel: threading.Event
    ) -> ApplyResult:
        with install.install_lock(self.layout), self._session(cancel) as session:
            check = evaluate(self.installed(), session.releases(), read_failed(self.layout))
            release = pick(check, version)
            archive = session.fetch_verified(release, self.layout.downloads, on_progress)
            if cancel.is_set():
                raise UpdateCancelledError("cancelled before installing", file=release.target)
            try:
                install.unpack(self.layout, archive, release.version)
                install.switch_current(self.layout, release.version)
                install.sweep(self.layout)
                archive.unlink(missing_ok=True)
            except OSError as exc:
                raise UpdateInstallError(f"cannot install: {exc}", file=_tuf.name_of(exc)) from exc
        logger.info("installed %s (previous %s)", release.version, check.installed)
        return ApplyResult(installed=release.version, previous=check.installed, check=check)

    def rollback(self) -> str:
        """Switch back to the previous version; returns it.

        Raises:
            UpdateInstallError: No sound previous version.
        """
        with install.install_lock(self.layout):
            return install.rollback(self.layout)

    def installed(self) -> str | None:
        """The version ``current`` names."""
        return read_pointer(self.layout.current_file)

    @contextmanager
    def _session(self, cancel: threading.Event | None) -> Iterator[_Session]:
        owned = None
        if self._fetcher is None:
            owned = HttpxFetcher(
                timeout=self.config.socket_timeout,
                headers={"X-Client-Version": self.installed() or "0"},
            )
        inner = self._fetcher or owned
        assert inner is not None
        watched = WatchedFetcher(inner, cancel=cancel, max_seconds=self.config.download_seconds)
        try:
            yield _Session(self.config, self.layout, watched)
        finally:
            if owned is not None:
                owned.close()


class _Session:
    """One tuf refresh and the downloads that rely on it (tuf refreshes once per Updater)."""

    def __init__(
        self, config: UpdateClientConfig, layout: InstallLayout, fetcher: WatchedFetcher
    ) -> None:
        self._fetcher = fetcher
        self._tuf_dir = layout.tuf_dir
        self._updater = _tuf.open_updater(
            layout.tuf_dir, config.metadata_url, config.targets_url, config.trusted_root, fetcher
        )

    def releases(self) -> list[Release]:
        return _tuf.refresh_releases(self._updater, self._tuf_dir, self._fetcher)

    def fetch_verified(
        self, release: Release, folder: Path, on_progress: ProgressCallback | None
    ) -> Path:
        info = _tuf.target_info(self._updater, release, self._fetcher)
        archive = folder / release.target
        if not _tuf.cached_verified(self._updater, info, archive):
            self._fetcher.report_to(on_progress, info.length)
            _tuf.download_verified(self._updater, info, archive, self._fetcher)
        # Check again what is on disk right before it is unpacked: the bytes we
        # install are the bytes the signed metadata names, even after a restart.
        if not _tuf.cached_verified(self._updater, info, archive):
            archive.unlink(missing_ok=True)
            raise UpdateHashMismatchError("downloaded file changed on disk", file=release.target)
        return archive
