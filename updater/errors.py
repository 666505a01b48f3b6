"""Errors of the smart update module (智能更新).

One base, :class:`UpdateError`, and narrow subclasses. Two families are kept
apart on purpose, as python-tuf does:

* :class:`UpdateDownloadError`: the network failed us (offline, HTTP error, too
  slow). Harmless; try again later.
* :class:`UpdateVerificationError`: something arrived that the trusted keys do
  not vouch for (tampered, wrong length, badly signed, expired, replayed,
  mixed). A possible attack or a broken release; tell IT.

Every error carries ``check`` (which check failed) and ``file`` (on which file),
so the log and the client's message can say exactly why an update was refused.
"""

from __future__ import annotations


class UpdateError(Exception):
    """Base of every error raised by ``updater``.

    Attributes:
        check: Short name of the check or step that failed, e.g. ``"signature"``.
        file: The file concerned (metadata or target name, or a local path), if any.
        detail: The underlying reason in plain words.
    """

    check: str = "update"

    def __init__(self, detail: str, *, file: str | None = None, check: str | None = None) -> None:
        self.detail = detail
        self.file = file
        if check is not None:
            self.check = check
        where = f" on {file}" if file else ""
        super().__init__(f"{self.check} check failed{where}: {detail}")


# --- download family: transient, nothing wrong with the release ---------------------


class UpdateDownloadError(UpdateError):
    """A file could not be fetched (network, HTTP status, timeout)."""

    check = "download"


class UpdateHTTPError(UpdateDownloadError):
    """The update server answered with an HTTP error status.

    Attributes:
        status_code: The HTTP status code received.
    """

    check = "http status"

    def __init__(self, detail: str, *, status_code: int, file: str | None = None) -> None:
        self.status_code = status_code
        super().__init__(detail, file=file)


class UpdateSlowDownloadError(UpdateDownloadError):
    """A download stalled or exceeded its time budget (slow-retrieval / endless data)."""

    check = "download time"


class UpdateCancelledError(UpdateError):
    """The user (or the caller's ``cancel`` event) cancelled the operation."""

    check = "cancelled"


# --- verification family: the trusted keys do not vouch for what arrived -------------


class UpdateVerificationError(UpdateError):
    """Downloaded metadata or a release file failed TUF verification."""

    check = "verification"


class UpdateSignatureError(UpdateVerificationError):
    """Metadata is not signed by a threshold of the keys the trusted root names."""

    check = "signature"


class UpdateExpiredError(UpdateVerificationError):
    """Metadata has expired: the repository is frozen or replays stale metadata."""

    check = "expiry"


class UpdateRollbackError(UpdateVerificationError):
    """Metadata version is older than, or different from, what is already trusted.

    Covers rollback (an older version replayed) and mix-and-match (a snapshot or
    targets version other than the one the signed metadata above it names).
    """

    check = "metadata version"


class UpdateHashMismatchError(UpdateVerificationError):
    """A file's length or hash differs from the signed metadata (tampered or truncated)."""

    check = "length and hashes"


class UpdateLengthError(UpdateVerificationError):
    """More bytes arrived than the signed length allows (endless data)."""

    check = "length"


class UpdateMetadataError(UpdateVerificationError):
    """Metadata is malformed or inconsistent in another way."""

    check = "metadata"


class BundleError(UpdateVerificationError):
    """A verified archive does not match its own manifest, or holds unsafe paths."""

    check = "bundle"


# --- policy, install, launcher, release tooling -------------------------------------


class UpdateRequiredError(UpdateError):
    """A required release or the minimum version cannot be skipped or declined.

    Attributes:
        required_version: The version that must be installed first.
    """

    check = "required release"

    def __init__(self, detail: str, *, required_version: str, file: str | None = None) -> None:
        self.required_version = required_version
        super().__init__(detail, file=file)


class NoUpdateAvailableError(UpdateError):
    """The asked-for release does not exist or is not newer than the installed one."""

    check = "release"


class UpdateInstallError(UpdateError):
    """A verified release could not be unpacked or switched to (disk, permissions)."""

    check = "install"


class UpdateBusyError(UpdateInstallError):
    """Another updater process holds the installation's lock."""

    check = "lock"


class LaunchError(UpdateError):
    """The launcher found no version it can start."""

    check = "launch"


class ReleaseError(UpdateError):
    """Release tooling (keys, build, publish, re-sign, rotate) failed."""

    check = "release tooling"


class KeyFileError(ReleaseError):
    """A signing key is missing, unreadable, or would be overwritten."""

    check = "key"


class RepositoryStateError(ReleaseError):
    """The update repository directory is missing, incomplete or fails verification."""

    check = "repository"


def plain_message(exc: UpdateError) -> str:
    """Say in plain words what happened and what it means for the user (for the client UI).

    The technical reason (check and file) is appended so a screenshot sent to IT
    is enough to diagnose.
    """
    if isinstance(exc, UpdateCancelledError):
        text = "The update was cancelled. Nothing was changed."
    elif isinstance(exc, UpdateDownloadError):
        text = (
            "The update could not be downloaded (network or server problem). "
            "Your current version keeps working; the update will be tried again later."
        )
    elif isinstance(exc, UpdateVerificationError):
        text = (
            "The update was refused because it could not be verified as genuine. "
            "Nothing was installed and your current version keeps working. Please tell IT."
        )
    elif isinstance(exc, UpdateRequiredError):
        text = f"Version {exc.required_version} must be installed first; it cannot be skipped."
    elif isinstance(exc, UpdateBusyError):
        text = "Another update is already running on this computer."
    elif isinstance(exc, UpdateInstallError):
        text = "The update could not be installed. Your current version keeps working."
    else:
        text = "The update did not complete."
    return f"{text} ({exc})"
