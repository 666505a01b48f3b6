"""Errors raised by the timetabling engine: one base class and narrow subclasses."""

from __future__ import annotations


class TimetablingError(Exception):
    """Base class of every error the timetabling engine raises on purpose."""


class InvalidProblemError(TimetablingError):
    """The problem data is inconsistent or impossible; found before solving starts.

    Attributes:
        item: what the error is about (``"task CS101"``, ``"class 2023-CS-1"``).
        reason: why it is refused, in words a registrar understands.
    """

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class UnknownReferenceError(InvalidProblemError):
    """An item refers to a teacher, class, room or task that does not exist."""


class ImpossibleDataError(InvalidProblemError):
    """The data can never be timetabled (a block longer than a half-day, a class over-full)."""


class CttFormatError(TimetablingError):
    """A malformed ITC-2007 ``.ctt`` (or solution) file.

    Attributes:
        line: 1-based line number of the offending line (0 when the file ends too early).
        reason: what is wrong with it.
    """

    def __init__(self, line: int, reason: str, source: str = "") -> None:
        where = f"{source}:{line}" if source else f"line {line}"
        super().__init__(f"{where}: {reason}")
        self.line = line
        self.reason = reason
        self.source = source
