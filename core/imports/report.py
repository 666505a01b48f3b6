"""The validation report of an import: accepted rows, and every problem of every rejected row."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import FieldError

StudentValues = dict[str, object]


@dataclass(frozen=True)
class RowProblem:
    """One problem of one row, where the user finds it in Excel.

    Attributes:
        row: the row number Excel shows (the header is row 1).
        column: the column header as written in the file.
        value: the cell as text ("" when empty).
        reason: bilingual, "中文 (English)".
    """

    row: int
    column: str
    value: str
    reason: str

    def as_field_error(self) -> FieldError:
        return FieldError(self.column, self.reason, self.row)


@dataclass
class ImportReport:
    """What a file would import. Nothing is written until the user confirms ``accepted``.

    Attributes:
        accepted: ready-to-insert ``student`` rows (fresh ``id``; the replication columns are
            set by whoever writes them), in file order.
        accepted_rows: the Excel row number of each accepted row.
        rejected: every problem of every rejected row, by row, then column order.
        warnings: facts worth a look that do not reject a row (unknown columns, skipped
            example row, unusual ages).
        total_rows: data rows read (blank rows are not counted).
        columns: the file's headers that were recognised, by column key.
    """

    accepted: list[StudentValues] = field(default_factory=list)
    accepted_rows: list[int] = field(default_factory=list)
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    total_rows: int = 0
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def rejected_rows(self) -> list[int]:
        """Excel row numbers of the rejected rows, ascending."""
        return sorted({p.row for p in self.rejected})

    def problems_of(self, row: int) -> list[RowProblem]:
        return [p for p in self.rejected if p.row == row]

    def counts(self) -> dict[str, int]:
        return {"rows": self.total_rows, "accepted": len(self.accepted), "rejected": len(self.rejected_rows),
                "problems": len(self.rejected), "warnings": len(self.warnings)}

    def field_errors(self) -> list[FieldError]:
        """The problems as :class:`core.errors.FieldError` (for an ``InvalidInputError``)."""
        return [p.as_field_error() for p in self.rejected]
