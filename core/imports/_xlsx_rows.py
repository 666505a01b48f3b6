"""Reading the cells of a worksheet fast: openpyxl opens the package, a lean loop reads the rows.

openpyxl's read-only worksheet builds every inline-string cell through its generic
serialisation layer, which costs more than everything else in a 12,000-row import. This loop
reads the same XML, a megabyte of whole rows at a time, and resolves shared strings and date styles with the
tables openpyxl has already loaded for the workbook. Should a future openpyxl rename those
(private) attributes, :func:`sheet_rows` falls back to the public ``iter_rows``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING
from xml.etree.ElementTree import fromstring

from core.imports.errors import ImportFileError

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE, _SHEET_DATA_TAG = _NS + "row", _NS + "c", _NS + "v", _NS + "is", _NS + "sheetData"
_SHEET_DATA = re.compile(rb"<((?:[\w.-]+:)?)sheetData\b[^>]*?(/?)>")
_ROOT = re.compile(rb"<((?:[\w.-]+:)?)worksheet\b")
_DIMENSION_REF = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*\bref=\"([^\"]*)\"")
_CHUNK = 1 << 20  # bytes of rows parsed at once
Cells = dict[int, object]  # 0-based column index -> value (str, int, float, bool, datetime)


def open_workbook(path: Path) -> Workbook:
    """Open ``path`` read-only, or raise :class:`ImportFileError` saying why it cannot be read."""
    from openpyxl import load_workbook

    if not path.is_file():
        raise ImportFileError(f"找不到文件：{path} (file not found)")
    if path.suffix.lower() == ".xls":
        raise ImportFileError("这是旧版Excel（.xls）文件，请在Excel中“另存为”.xlsx后再导入 "
                              "(an old .xls file: save it as .xlsx in Excel, then import it)")
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # boundary: openpyxl raises zip, XML, key and value errors alike
        raise ImportFileError(f"无法读取文件：它不是有效的Excel .xlsx文件 (not a valid .xlsx file: {path.name})") from exc


_DIGITS = "0123456789"


def _column(letters: str) -> int:
    """0-based index of a column's letters: A -> 0, Z -> 25, AA -> 26."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


def _chunks(stream: IO[bytes], size: list[int] | None) -> Iterator[tuple[bytes, bytes, bytes]]:
    """(head, rows, tail): the sheet cut after whole rows, each piece a complete XML document.

    ``head`` is everything up to the ``<sheetData>`` start tag (namespaces included), ``tail``
    closes it; parsing ``head + rows + tail`` in C and walking only rows and cells in Python
    costs half of what ``iterparse``'s one Python event per element does.
    """
    buffer = b""
    while (start := _SHEET_DATA.search(buffer)) is None:
        more = stream.read(_CHUNK)
        if not more:
            return  # no sheetData: no rows
        buffer += more
    head = buffer[:start.end()]
    if size is not None:
        dimension = _DIMENSION_REF.search(head)
        last = dimension.group(1).rpartition(b":")[2].lstrip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ$") if dimension else b""
        size.append(int(last) if last.isdigit() else 0)
    if start.group(2):  # <sheetData/>
        return
    root = _ROOT.search(head)
    tail = b"</" + start.group(1) + b"sheetData></" + (root.group(1) if root else b"") + b"worksheet>"
    row_end = b"</" + start.group(1) + b"row>"
    rest = buffer[start.end():]
    while True:
        more = stream.read(_CHUNK)
        rest += more
        cut = rest.rfind(row_end)
        if cut >= 0 and (len(rest) >= _CHUNK or not more):
            cut += len(row_end)
            yield head, rest[:cut], tail
            rest = rest[cut:]
        if not more:
            return


def sheet_rows(sheet: ReadOnlyWorksheet, size: list[int] | None = None) -> Iterator[tuple[int, Cells]]:
    """(Excel row number, non-empty cells) for each row the sheet stores, in order.

    ``size``, when given, receives the last row number the sheet's ``<dimension>`` declares
    before the first row is yielded (Excel and openpyxl's normal mode write it; openpyxl's
    write-only mode does not, and openpyxl's ``max_row`` would then parse the whole sheet
    once more to find out).
    """
    try:
        source = sheet._get_source
        strings, dates, epoch = sheet._shared_strings, sheet.parent._date_formats, sheet.parent.epoch
    except AttributeError:  # pragma: no cover - another openpyxl: the public, slower path
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, {i: v for i, v in enumerate(row) if v is not None}
        return
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    row_number = 0
    columns: dict[str, int] = {}  # letters -> index, computed once per column
    try:
        with source() as stream:
            for head, rows, tail in _chunks(stream, size):
                sheet_data = fromstring(head + rows + tail).find(_SHEET_DATA_TAG)
                for row in sheet_data if sheet_data is not None else ():
                    if row.tag != _ROW:
                        continue
                    ref = row.get("r")
                    row_number = int(ref) if ref else row_number + 1
                    cells: Cells = {}
                    column = -1
                    for element in row:
                        if element.tag != _CELL:
                            continue
                        ref = element.get("r")
                        if ref:
                            letters = ref.rstrip(_DIGITS)
                            column = columns.get(letters, -1)
                            if column < 0:
                                column = columns[letters] = _column(letters)
                        else:
                            column += 1
                        kind = element.get("t")
                        if kind == "inlineStr":
                            node = element.find(_INLINE)
                            if node is not None:
                                cells[column] = "".join(node.itertext())
                            continue
                        raw = element.findtext(_VALUE)
                        if raw is None or raw == "":
                            continue
                        if kind == "s":
                            cells[column] = strings[int(raw)]
                        elif kind in ("str", "e"):
                            cells[column] = raw
                        elif kind == "b":
                            cells[column] = raw == "1"
                        elif kind == "d":
                            cells[column] = from_ISO8601(raw)
                        else:
                            number = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                            style = element.get("s")
                            cells[column] = from_excel(number, epoch) if style and int(style) in dates else number
                    yield row_number, cells
    except (SyntaxError, ValueError, IndexError, KeyError) as exc:  # ParseError is a SyntaxError
        raise ImportFileError(f"工作表内容损坏，无法读取 (the worksheet is damaged: {exc})") from exc
