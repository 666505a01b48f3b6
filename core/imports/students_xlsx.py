"""Student lists in .xlsx: the template, validation of a filled-in file, and export.

``read_students`` streams the first sheet (openpyxl ``read_only``), maps the headers by name
in Chinese or English (any column order), validates every row with the value rules of
``core.rules.values`` and the reference data the caller passes, and returns an
:class:`ImportReport`. It writes nothing: the caller inserts ``report.accepted`` in one
transaction once the user has confirmed. ``write_students`` exports rows with the same column
definitions, so a file it writes imports again unchanged.

openpyxl is imported inside the functions: it pulls in numpy, which a client that never
imports should not pay for at start-up.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from core.imports._student_rows import RowResult, RowValidator, cell_text
from core.imports._student_template import EXAMPLE_ROW, write_template
from core.imports._xlsx_rows import Cells, open_first_sheet, sheet_rows
from core.imports.errors import ImportCancelledError, ImportFileError
from core.imports.reference import ExistingStudents, ImportReference
from core.imports.report import ImportReport, RowProblem
from core.imports.student_columns import COLUMNS_BY_KEY, STUDENT_COLUMNS, column_for_header
from core.rules.enums import Gender, StudentStatus

__all__ = ["ImportReport", "RowProblem", "read_students", "write_students", "write_template"]

Progress = Callable[[int, int], None]
HEADER_SEARCH_ROWS = 10  # the header is the first non-empty row among these
PROGRESS_EVERY = 500


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise ImportCancelledError()


def _header(rows: Iterator[tuple[int, Cells]]) -> tuple[int, Cells]:
    for number, cells in rows:
        if any(cell_text(c) for c in cells.values()):
            return number, cells
        if number >= HEADER_SEARCH_ROWS:
            break
    raise ImportFileError("文件是空的：第一个工作表没有表头 (the first sheet is empty: no header row)")


def _map_header(row_number: int, cells: Cells, report: ImportReport) -> dict[int, str]:
    """Column index -> key; unknown headers are warned about; a doubled or missing column is fatal."""
    by_index: dict[int, str] = {}
    for index, cell in sorted(cells.items()):
        text = cell_text(cell)
        if not text:
            continue
        key = column_for_header(text)
        if key is None:
            report.warnings.append(RowProblem(row_number, text, "", "无法识别的列，已忽略 (unknown column, ignored)"))
        elif key in report.columns:
            raise ImportFileError(f"列“{text}”与“{report.columns[key]}”重复 (column {text!r} appears twice)")
        else:
            by_index[index], report.columns[key] = key, text
    missing = [c for c in STUDENT_COLUMNS if c.required and c.key not in report.columns]
    if missing:
        raise ImportFileError(
            "缺少必填列：" + "、".join(c.zh for c in missing) + " (missing required columns: "
            + ", ".join(c.en for c in missing) + ")",
            {"fields": [{"field": c.zh, "message": "缺少必填列 (missing required column)"} for c in missing]})
    return by_index


def _is_second_header(cells: Cells, by_index: Mapping[int, str]) -> bool:
    """The template's second header line (the other language) names the same columns."""
    texts = [(i, cell_text(c)) for i, c in cells.items() if cell_text(c)]
    return bool(texts) and all(by_index.get(i) is not None and column_for_header(t) == by_index[i] for i, t in texts)


def read_students(path: Path | str, *, reference: ImportReference, existing: ExistingStudents | None = None,
                  cancel: threading.Event | None = None, on_progress: Progress | None = None,
                  today: date | None = None) -> ImportReport:
    """Validate the students in the first sheet of ``path``; nothing is written anywhere.

    Args:
        path: an .xlsx file (the template filled in, or an export).
        reference: classes, majors and departments to resolve the class column against.
        existing: student numbers and ID numbers already in the database.
        cancel: set it to stop; :class:`ImportCancelledError` is raised.
        on_progress: called with (rows done, rows in the sheet or 0 when unknown).
        today: the day ID numbers' birth dates are checked against (default: today).

    Returns:
        The report: accepted rows ready to insert, every problem of every rejected row.

    Raises:
        ImportFileError: not an .xlsx file, no header, a required column missing or doubled,
            no data rows.
        ImportCancelledError: ``cancel`` was set.
    """
    report = ImportReport()
    validator = RowValidator(reference, existing or ExistingStudents(), today or date.today())
    sheet = open_first_sheet(Path(path))
    try:
        size: list[int] = []
        rows = sheet_rows(sheet, size)
        header_row, header_cells = _header(rows)
        total = max(size[0] - header_row, 0) if size else 0
        by_index = _map_header(header_row, header_cells, report)
        results = _validate_rows(rows, header_row, by_index, validator, report, cancel, on_progress, total)
    finally:
        sheet.close()
    if report.total_rows == 0:
        raise ImportFileError("文件中没有学生数据：表头下面是空的 (no student rows below the header)")
    _mark_duplicates(results)
    header = {key: report.columns.get(key, COLUMNS_BY_KEY[key].zh) for key in COLUMNS_BY_KEY}
    order = {key: position for position, key in enumerate(by_index.values())}
    for row_number, result in results:
        result.problems.sort(key=lambda problem: order.get(problem[0], len(order)))
        report.rejected += [RowProblem(row_number, header[k], v, r) for k, v, r in result.problems]
        report.warnings += [RowProblem(row_number, header[k], v, r) for k, v, r in result.warnings]
        if not result.problems:
            report.accepted.append(result.values)
            report.accepted_rows.append(row_number)
    if on_progress is not None:
        on_progress(report.total_rows, report.total_rows)
    return report


def _validate_rows(rows: Iterator[tuple[int, Cells]], header_row: int, by_index: Mapping[int, str],
                   validator: RowValidator, report: ImportReport, cancel: threading.Event | None,
                   on_progress: Progress | None, total: int) -> list[tuple[int, RowResult]]:
    indexed = list(by_index.items())
    results: list[tuple[int, RowResult]] = []
    next_report = PROGRESS_EVERY
    for row_number, cells in rows:
        if row_number - header_row >= next_report:
            next_report += PROGRESS_EVERY
            _check(cancel)
            if on_progress is not None:
                on_progress(row_number - header_row, total)
        values = {key: cells.get(i) for i, key in indexed}
        if not any(v is not None and (type(v) is not str or v.strip()) for v in values.values()):
            continue  # blank rows (and rows with text only in unknown columns) are skipped
        if row_number == header_row + 1 and _is_second_header(cells, by_index):
            continue
        if all(cell_text(values.get(k)) == v for k, v in EXAMPLE_ROW.items()):
            report.warnings.append(RowProblem(row_number, report.columns["number"], EXAMPLE_ROW["number"],
                                              "模板中的示例行，已跳过 (the template's example row, skipped)"))
            continue
        report.total_rows += 1
        results.append((row_number, validator.validate(values)))
    _check(cancel)
    return results


def _mark_duplicates(results: list[tuple[int, RowResult]]) -> None:
    """Every row sharing a student number or an ID number with another row of the file is rejected."""
    for key, zh, en in (("number", "学号", "student number"), ("id_number", "身份证号", "ID number")):
        rows_of: dict[str, list[int]] = defaultdict(list)
        for position, (_row, result) in enumerate(results):
            if key in result.keys:
                rows_of[result.keys[key]].append(position)
        for value, positions in rows_of.items():
            if len(positions) < 2:
                continue
            for position in positions:
                row, result = results[position]
                others = "、".join(str(results[p][0]) for p in positions if p != position)
                result.problems.append((key, value, f"{zh}与第{others}行重复 (same {en} as row {others})"))


def _export_cells(row: Mapping[str, object], language: str, reference: ImportReference | None) -> list[object]:
    school_class = reference.classes.get(str(row.get("class_id"))) if reference else None
    major = reference.majors.get(str(row.get("major_id"))) if reference else None
    department = reference.departments.get(str(row.get("department_id"))) if reference else None
    derived: dict[str, object] = {
        "school_class": school_class.code if school_class else row.get("class_code", ""),
        "major": major.name if major else row.get("major_name", ""),
        "department": department.name if department else row.get("department_name", ""),
        "gender": Gender(str(row["gender"])).label(language) if row.get("gender") else "",
        "status": StudentStatus(str(row["status"])).label(language) if row.get("status") else "",
    }
    return [derived[c.key] if c.key in derived else row.get(c.key, "") for c in STUDENT_COLUMNS]


def write_students(path: Path | str, rows: Iterable[Mapping[str, object]], *, language: str = "zh",
                   reference: ImportReference | None = None, cancel: threading.Event | None = None,
                   on_progress: Progress | None = None) -> int:
    """Export student rows (``student`` table columns) to .xlsx; returns the number written.

    The class, major and department are written as class code, major name and department name
    when ``reference`` knows the ids (else from ``class_code``, ``major_name`` and
    ``department_name`` in the row), gender and status as labels in ``language``: exactly
    what :func:`read_students` reads back. The file appears only when complete.

    Raises:
        ImportCancelledError: ``cancel`` was set; nothing is written.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = rows if isinstance(rows, Sequence) else list(rows)
    body: list[list[object]] = []
    for done, row in enumerate(rows, start=1):
        if done % PROGRESS_EVERY == 0:
            _check(cancel)
            if on_progress is not None:
                on_progress(done, len(rows))
        body.append(_export_cells(row, language, reference))
    _check(cancel)
    # The write-only workbook is made only now: one abandoned half-way leaves a dangling writer.
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Students" if language.startswith("en") else "学生名单")
    for index, column in enumerate(STUDENT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    headers = []
    for column in STUDENT_COLUMNS:
        cell = WriteOnlyCell(sheet, column.header(language))
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        headers.append(cell)
    sheet.append(headers)
    for cells in body:
        sheet.append(cells)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        book.save(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    if on_progress is not None:
        on_progress(len(rows), len(rows))
    return len(rows)
