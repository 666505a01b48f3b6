"""Reading the cells of a worksheet fast: openpyxl opens the package, a lean loop reads the rows.

openpyxl's read-only worksheet builds every inline-string cell through its generic
serialisation layer, which cost more than everything else in a 12,000-row import. This loop
reads the same XML, a megabyte of whole rows at a time, and resolves shared strings and date
styles with the tables openpyxl's package reader has loaded. It relies on openpyxl's
``ExcelReader`` steps and ``Workbook._date_formats``; tests/core/imports cover both an
openpyxl-written file (inline strings) and an Excel-style one (shared strings, date styles).
"""

from __future__ import annotations

import html
import re
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING
from xml.etree.ElementTree import fromstring
from zipfile import ZipFile

if TYPE_CHECKING:
    from openpyxl.reader.excel import ExcelReader

from core.imports.errors import ImportFileError

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE, _SHEET_DATA_TAG = _NS + "row", _NS + "c", _NS + "v", _NS + "is", _NS + "sheetData"
_SHEET_DATA = re.compile(rb"<((?:[\w.-]+:)?)sheetData\b[^>]*?(/?)>")
_ROOT = re.compile(rb"<((?:[\w.-]+:)?)worksheet\b")
_DIMENSION_REF = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*\bref=\"([^\"]*)\"")
_CHUNK = 1 << 20  # bytes of rows parsed at once
Cells = dict[int, object]  # 0-based column index -> value (str, int, float, bool, datetime)


@dataclass
class FirstSheet:
    """The first worksheet of an .xlsx package and the workbook tables its cells refer to."""

    archive: ZipFile
    part: str  # the worksheet's path inside the package
    strings: Sequence[str]  # shared strings
    date_styles: Container[int]  # cell style ids whose number format is a date
    epoch: datetime

    def open(self) -> IO[bytes]:
        return self.archive.open(self.part)

    def close(self) -> None:
        self.archive.close()


def open_first_sheet(path: Path) -> FirstSheet:
    """Open ``path`` with openpyxl's package reader, or raise :class:`ImportFileError` saying why.

    openpyxl validates the package and reads the content types, shared strings, workbook and
    styles; its worksheet objects are not built: a read-only worksheet scans the whole sheet
    at once to learn its size when the file does not declare it (openpyxl's own write-only
    files), which doubled the time of an import.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    if not path.is_file():
        raise ImportFileError(f"找不到文件：{path} (file not found)")
    if path.suffix.lower() == ".xls":
        raise ImportFileError("这是旧版Excel（.xls）文件，请在Excel中“另存为”.xlsx后再导入 "
                              "(an old .xls file: save it as .xlsx in Excel, then import it)")
    try:
        reader = ExcelReader(path, read_only=True, data_only=True)
        reader.read_manifest()
        if not _read_plain_strings(reader):
            reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        part = next((rel.target for _sheet, rel in reader.parser.find_sheets()
                     if rel.target in reader.valid_files and "chartsheet" not in rel.Type), None)
    except Exception as exc:  # boundary: openpyxl raises zip, XML, key and value errors alike
        raise ImportFileError(f"无法读取文件：它不是有效的Excel .xlsx文件 (not a valid .xlsx file: {path.name})") from exc
    if part is None:
        reader.archive.close()
        raise ImportFileError("文件中没有工作表 (the file has no worksheet)")
    return FirstSheet(reader.archive, part, reader.shared_strings, reader.wb._date_formats, reader.wb.epoch)


_PLAIN_STRING = re.compile(r"<si><t(?: [^>]*)?>([^<]*)</t></si>")
_MAIN_NAMESPACE = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _read_plain_strings(reader: ExcelReader) -> bool:
    """Read the shared strings with one regular expression when every one is plain text.

    openpyxl builds each string through its serialisation layer (a second per 50,000 strings);
    a table with rich text, phonetic runs or namespace prefixes is left to it (False).
    """
    from openpyxl.xml.constants import SHARED_STRINGS

    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return False
    text = reader.archive.read(part.PartName[1:]).decode("utf-8")
    found = _PLAIN_STRING.findall(text)
    if _MAIN_NAMESPACE not in text or len(found) != text.count("<si>") + text.count("<si "):
        return False
    reader.shared_strings = [html.unescape(s).replace("x005F_", "") if "&" in s or "x005F_" in s else s
                             for s in found]
    return True


_DIGITS = "0123456789"


def _column(letters: str) -> int:
    """0-based index of a column's letters: A -> 0, Z -> 25, AA -> 26."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


def _chunks(stream: IO[bytes], size: list[int] | None) -> Iterator[tuple[bytes, bytes, bytes, bool]]:
    """(head, rows, tail, plain): the sheet cut after whole rows; ``head + rows + tail`` is a
    complete XML document, and ``plain`` says its elements carry no namespace prefix.

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
            yield head, rest[:cut], tail, not start.group(1) and b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' in head
            rest = rest[cut:]
        if not more:
            return


class _Values:
    """Turns a cell's type, raw text and style into its value, as openpyxl would."""

    def __init__(self, sheet: FirstSheet) -> None:
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        self.strings, self.dates, self.epoch = sheet.strings, sheet.date_styles, sheet.epoch
        self.from_excel, self.from_iso = from_excel, from_ISO8601

    def __call__(self, kind: str | None, raw: str, style: str | None) -> object:
        if kind == "s":
            return self.strings[int(raw)]
        if kind in ("str", "e", "inlineStr"):
            return raw
        if kind == "b":
            return raw == "1"
        if kind == "d":
            return self.from_iso(raw)
        number = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
        return self.from_excel(number, self.epoch) if style and int(style) in self.dates else number


# The cells of the usual writers (Excel, WPS, LibreOffice, openpyxl): ``r`` first, then a
# value, an inline string or a formula and its value. A chunk with any other cell shape is
# read by the tree parser instead (see _regex_rows).
_PLAIN_CELL = re.compile(r'<c r="([A-Z]{1,3})(\d+)"([^>]*?)(?:/>|>(?:<v>([^<]*)</v>|<is><t(?: [^>]*)?>([^<]*)</t></is>'
                         r'|<f(?: [^>]*)?>[^<]*</f><v>([^<]*)</v>|<f(?: [^>]*)?/><v>([^<]*)</v>)</c>)')


def _attribute(attributes: str, marker: str) -> str | None:
    """The value of the attribute whose ``marker`` is ``' t="'``, or None."""
    start = attributes.find(marker)
    if start < 0:
        return None
    start += len(marker)
    return attributes[start:attributes.find('"', start)]


def _regex_rows(rows: bytes, value: _Values, columns: dict[str, int]) -> list[tuple[int, Cells]] | None:
    """The rows of a chunk read with one regular expression (a fifth of the tree parser's time),
    or None when a cell has a shape it does not know: every cell start must be matched."""
    text = rows.decode("utf-8")
    out: list[tuple[int, Cells]] = []
    cells: Cells = {}
    current, matched = -1, 0
    for match in _PLAIN_CELL.finditer(text):
        letters, row, attributes, plain, inline, formula, shared = match.groups()
        matched += 1
        number = int(row)
        if number != current:
            if cells:
                out.append((current, cells))
            cells, current = {}, number
        raw = plain if plain is not None else inline if inline is not None else \
            formula if formula is not None else shared
        if raw is None or raw == "":
            continue
        if "&" in raw:
            raw = html.unescape(raw)
        column = columns.get(letters, -1)
        if column < 0:
            column = columns[letters] = _column(letters)
        cells[column] = value(_attribute(attributes, ' t="'), raw, _attribute(attributes, ' s="'))
    if matched != text.count("<c ") or "<c>" in text:
        return None
    if cells:
        out.append((current, cells))
    return out


def _tree_rows(document: bytes, value: _Values, columns: dict[str, int]) -> list[tuple[int, Cells]]:
    """The rows of a chunk read with ElementTree: any namespace prefix, attribute order or rich text."""
    out: list[tuple[int, Cells]] = []
    sheet_data = fromstring(document).find(_SHEET_DATA_TAG)
    row_number = 0
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
                raw = "".join(node.itertext()) if node is not None else ""
            else:
                raw = element.findtext(_VALUE) or ""
            if raw != "":
                cells[column] = value(kind, raw, element.get("s"))
        out.append((row_number, cells))
    return out


def sheet_rows(sheet: FirstSheet, size: list[int] | None = None) -> Iterator[tuple[int, Cells]]:
    """(Excel row number, non-empty cells) for the rows of the sheet, in order.

    ``size``, when given, receives the last row number the sheet's ``<dimension>`` declares
    (0 when it declares none) before the first row is yielded.

    Raises:
        ImportFileError: the sheet's XML is damaged.
    """
    value = _Values(sheet)
    columns: dict[str, int] = {}  # letters -> index, computed once per column
    try:
        with sheet.open() as stream:
            for head, rows, tail, plain in _chunks(stream, size):
                parsed = _regex_rows(rows, value, columns) if plain else None
                if parsed is None:
                    parsed = _tree_rows(head + rows + tail, value, columns)
                yield from parsed
    except (SyntaxError, ValueError, IndexError, KeyError) as exc:  # ParseError is a SyntaxError
        raise ImportFileError(f"工作表内容损坏，无法读取 (the worksheet is damaged: {exc})") from exc
