"""The one error sink: every failure shown to the user is explained here (STYLE §2)."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from client.services.errors import ClientError, ErrorKind
from sync.client.errors import SyncError, SyncErrorKind
from updater.errors import (
    UpdateBusyError,
    UpdateCancelledError,
    UpdateDownloadError,
    UpdateError,
    UpdateInstallError,
    UpdateRequiredError,
    UpdateVerificationError,
)

log = logging.getLogger(__name__)



def _locked_text(exc: ClientError) -> str:
    until = exc.locked_until
    if until is None:
        return QCoreApplication.translate("errors", "This account is locked after too many failed attempts. Try again later.")
    local = until.astimezone().strftime("%H:%M")
    return QCoreApplication.translate("errors", "This account is locked after too many failed attempts. Try again after %1.").replace("%1", local)


def error_title(exc: BaseException) -> str:
    if isinstance(exc, ClientError) and exc.kind is ErrorKind.UNREACHABLE:
        return QCoreApplication.translate("errors", "Server unreachable")
    if isinstance(exc, ClientError) and exc.kind is ErrorKind.VALIDATION:
        return QCoreApplication.translate("errors", "Please check your input")
    return QCoreApplication.translate("errors", "Operation failed")


def _sync_text(exc: SyncError) -> str:
    texts = {
        SyncErrorKind.AUTH: QCoreApplication.translate("errors", "The server did not accept your session for syncing. Log in again; your unsent changes are kept."),
        SyncErrorKind.NETWORK: QCoreApplication.translate("errors", "The server cannot be reached; your changes wait on this computer and are sent when it is back."),
        SyncErrorKind.CLIENT_TOO_OLD: QCoreApplication.translate("errors", "The server requires a newer client before it accepts changes. Update the client; your unsent changes are kept."),
        SyncErrorKind.REJECTED: QCoreApplication.translate("errors", "The server refused the sync request."),
        SyncErrorKind.CONFLICT: QCoreApplication.translate("errors", "Some changes conflict with the server's data; see the Sync page."),
    }
    text = texts[exc.kind]
    if exc.kind in (SyncErrorKind.REJECTED, SyncErrorKind.CLIENT_TOO_OLD) and exc.message:
        text = f"{text}\n{_server_message(exc.message)}"
    return text


def _update_text(exc: UpdateError) -> str:
    """Plain words first, then the check and file that failed (enough for IT from a screenshot)."""
    if isinstance(exc, UpdateCancelledError):
        text = QCoreApplication.translate("errors", "The update was cancelled. Nothing was changed.")
    elif isinstance(exc, UpdateDownloadError):
        text = QCoreApplication.translate("errors", "The update could not be downloaded (network or server problem). Your current version keeps working; the update will be tried again later.")
    elif isinstance(exc, UpdateVerificationError):
        text = QCoreApplication.translate("errors", "The update was refused because it could not be verified as genuine. Nothing was installed and your current version keeps working. Please tell IT.")
    elif isinstance(exc, UpdateRequiredError):
        text = QCoreApplication.translate("errors", "Version %1 must be installed first; it cannot be skipped.").replace("%1", str(exc.required_version))
    elif isinstance(exc, UpdateBusyError):
        text = QCoreApplication.translate("errors", "Another update is already running on this computer.")
    elif isinstance(exc, UpdateInstallError):
        text = QCoreApplication.translate("errors", "The update could not be installed. Your current version keeps working.")
    else:
        text = QCoreApplication.translate("errors", "The update did not complete.")
    return f"{text}\n({exc})"


def error_text(exc: BaseException) -> str:
    """A sentence for the user, in the interface language, for any failure."""
    if isinstance(exc, SyncError):
        return _sync_text(exc)
    if isinstance(exc, UpdateError):
        return _update_text(exc)
    if not isinstance(exc, ClientError):
        return QCoreApplication.translate("errors", "An unexpected error occurred. Details were written to the log.")
    kind = exc.kind
    texts = {
        ErrorKind.WRONG_CREDENTIALS: QCoreApplication.translate("errors", "Wrong username or password."),
        ErrorKind.NOT_AUTHENTICATED: QCoreApplication.translate("errors", "Your session has ended. Please log in again."),
        ErrorKind.DISABLED: QCoreApplication.translate("errors", "This account is disabled. Please contact the system administrator."),
        ErrorKind.THROTTLED: QCoreApplication.translate("errors", "Too many failed logins from this computer. Wait a few minutes and try again."),
        ErrorKind.UNREACHABLE: QCoreApplication.translate("errors", "The server cannot be reached. Check the server address and the network."),
        ErrorKind.CLIENT_TOO_OLD: QCoreApplication.translate("errors", "This client version is too old for the server. Please update to version %1 or later.")
        .replace("%1", str(exc.details.get("required", ""))),
        ErrorKind.SERVER_TOO_OLD: QCoreApplication.translate("errors", "The server runs an older version than this client. Ask IT to update the server."),
        ErrorKind.VALIDATION: QCoreApplication.translate("errors", "Some fields are not valid; see the messages next to them."),
        ErrorKind.PERMISSION_DENIED: QCoreApplication.translate("errors", "You do not have permission to do this."),
        ErrorKind.NOT_FOUND: QCoreApplication.translate("errors", "The record no longer exists; it may have been deleted by someone else."),
        ErrorKind.CONFLICT: QCoreApplication.translate("errors", "The change conflicts with the current data."),
        ErrorKind.STUDENT_ACCOUNT: QCoreApplication.translate("errors", "Student accounts use the web portal, not the desktop client: %1")
        .replace("%1", str(exc.details.get("portal", ""))),
        ErrorKind.OFFLINE_UNKNOWN: QCoreApplication.translate("errors", "Offline login is only possible for users who have logged in online on this computer."),
        ErrorKind.CANCELLED: QCoreApplication.translate("errors", "Cancelled."),
        ErrorKind.SERVER: QCoreApplication.translate("errors", "The server reported an error."),
    }
    if kind is ErrorKind.LOCKED:
        return _locked_text(exc)
    if kind is ErrorKind.NOT_AUTHENTICATED and exc.details.get("password_changed"):
        return QCoreApplication.translate("errors", "Your password was changed on the server. Log in with the new password.")
    if kind is ErrorKind.PERMISSION_DENIED and exc.details.get("permission") == "sync.use":
        return QCoreApplication.translate("errors", "This account may not use the desktop client.")
    if kind is ErrorKind.CONFLICT and exc.details.get("rule") == "last_admin":
        return QCoreApplication.translate("errors", "This would leave the system without an active administrator, so it was refused.")
    text = texts.get(kind, texts[ErrorKind.SERVER])
    if kind in (ErrorKind.CONFLICT, ErrorKind.SERVER, ErrorKind.PERMISSION_DENIED) and exc.message:
        text = f"{text}\n{_server_message(exc.message)}"
    return text


def server_message(message: str) -> str:
    """The half of the server's bilingual message in the interface language."""
    return _server_message(message)


def _server_message(message: str) -> str:
    """The server writes "中文 (English)"; show the half in the interface language."""
    if message.endswith(")") and " (" in message:
        zh, _, en = message.rpartition(" (")
        return en[:-1] if QLocale().language() == QLocale.Language.English else zh
    return message


_open_boxes: list[QMessageBox] = []


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show ``exc`` in a window-modal message box (non-blocking) and return it."""
    if not isinstance(exc, ClientError | SyncError | UpdateError):
        log.error("unexpected error", exc_info=exc)
    elif exc.kind is ErrorKind.SERVER:
        log.warning("server error: %s", exc)
    box = QMessageBox(QMessageBox.Icon.Warning, error_title(exc), error_text(exc), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    _open_boxes.append(box)
    box.finished.connect(lambda _r: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()
    return box


def open_error_boxes() -> list[QMessageBox]:
    """The error boxes still on screen (tests look at them).

    A box whose parent window was destroyed goes with it without emitting ``finished``;
    such boxes are dropped here, so no caller touches a deleted Qt object.
    """
    _open_boxes[:] = [box for box in _open_boxes if shiboken6.isValid(box)]
    return list(_open_boxes)
