"""The .xlsx template the client offers to download for a student import."""

from __future__ import annotations

from pathlib import Path

from core.imports.student_columns import STUDENT_COLUMNS, Column
from core.rules.enums import Gender, StudentStatus

FIRST_DATA_ROW = 3  # row 1: headers, row 2: the same headers in the other language
VALIDATED_ROWS = 20_000  # drop-down lists reach this far below the headers
EXAMPLE_ROW: dict[str, str] = {c.key: c.example for c in STUDENT_COLUMNS if c.example and c.required}
HEADER_FILL, SECOND_FILL, REQUIRED_COLOUR = "DDEBF7", "F2F2F2", "C00000"

_GENERAL_ZH = (
    "1. 第1行为表头（中文），第2行为同一表头的英文，可保留或删除；列的顺序可以调整，不需要的选填列可以删除。",
    "2. 红色列名为必填列；其余为选填列。每行一名学生，从第3行开始填写。",
    "3. 第3行为示例，导入时会自动跳过（请直接覆盖或删除）。",
    "4. 学号、身份证号、联系电话请以文本格式填写（本模板已设置），否则Excel会把长数字改写。",
    "5. 导入前系统会逐行校验并列出每一行的所有问题（行号、列名、原因）；确认后才一次性导入全部通过校验的行。",
)
_GENERAL_EN = (
    "1. Row 1 holds the headers in Chinese, row 2 the same headers in English (keep or delete it); columns may be "
    "in any order, and optional columns you do not need may be deleted.",
    "2. Headers in red are required; the others are optional. One student per row, starting at row 3.",
    "3. Row 3 is an example; the import skips it (overwrite or delete it).",
    "4. Enter student numbers, ID numbers and phones as text (this template does): Excel rounds long numbers.",
    "5. Before anything is imported, every row is checked and each problem is listed (row, column, reason); "
    "only after you confirm are all valid rows imported at once.",
)


def _choices(column: Column, language: str) -> tuple[str, ...]:
    if column.key == "gender":
        return tuple(g.label(language) for g in Gender)
    if column.key == "status":
        return tuple(s.label(language) for s in StudentStatus)
    return column.choices


def write_template(path: Path | str, *, language: str = "zh") -> Path:
    """Write the import template: headers in ``language`` and the other language, one example
    row, column widths, drop-down lists, text format for long numbers, an instructions sheet.

    Returns:
        The path written.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    english = language.startswith("en")
    other = "zh" if english else "en"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Students" if english else "学生名单"
    for index, column in enumerate(STUDENT_COLUMNS, start=1):
        letter = get_column_letter(index)
        first = sheet.cell(1, index, column.header(language))
        first.font = Font(bold=True, color=REQUIRED_COLOUR if column.required else None)
        first.fill = PatternFill("solid", fgColor=HEADER_FILL)
        first.comment = Comment(f"{'必填' if column.required else '选填'}：{column.help_zh}\n"
                                f"{'Required' if column.required else 'Optional'}: {column.help_en}", "Jiaowu",
                                height=160, width=320)
        second = sheet.cell(2, index, column.header(other))
        second.font = Font(italic=True, color="595959")
        second.fill = PatternFill("solid", fgColor=SECOND_FILL)
        example = sheet.cell(FIRST_DATA_ROW, index, column.example or None)
        example.font = Font(italic=True, color="808080")
        sheet.column_dimensions[letter].width = column.width
        if column.text:
            sheet.column_dimensions[letter].number_format = "@"
            example.number_format = "@"
        choices = _choices(column, language)
        if choices:
            rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                  showErrorMessage=column.strict_choices, errorTitle=column.header(language),
                                  error="请从下拉列表中选择 (choose from the list)")
            rule.add(f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + VALIDATED_ROWS}")
            sheet.add_data_validation(rule)
    for cell in (*sheet[1], *sheet[2]):
        cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    _instructions(book.create_sheet("Instructions" if english else "填写说明"))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    book.save(tmp)
    tmp.replace(path)
    return path


def _instructions(sheet) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.append(["学生信息导入模板 填写说明 (Student import template: instructions)"])
    sheet["A1"].font = Font(bold=True, size=14)
    for zh, en in zip(_GENERAL_ZH, _GENERAL_EN, strict=True):
        sheet.append([zh])
        sheet.append([en])
        sheet.cell(sheet.max_row, 1).font = Font(italic=True, color="595959")
    sheet.append([])
    sheet.append(["列名", "Column", "必填 Required", "格式与说明", "Format and rules", "示例 Example"])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for column in STUDENT_COLUMNS:
        sheet.append([column.zh, column.en, "是 Yes" if column.required else "否 No", column.help_zh,
                      column.help_en, column.example])
        if column.required:
            sheet.cell(sheet.max_row, 1).font = Font(bold=True, color=REQUIRED_COLOUR)
    for letter, width in zip("ABCDEF", (14, 20, 13, 52, 60, 24), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
