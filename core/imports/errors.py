"""Errors of the import formats: a file that cannot be read as a whole, and cancellation."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import DomainError, InvalidInputError


@dataclass
class ImportFileError(InvalidInputError):
    """The file as a whole cannot be imported: not an .xlsx, no header, a required column missing.

    Row-level problems are never raised; they are listed in the report.
    """

    code: str = "import_file_invalid"


@dataclass
class ImportCancelledError(DomainError):
    """The user cancelled the import (or export); nothing was returned or written."""

    message: str = "已取消 (cancelled)"
    code: str = "cancelled"
