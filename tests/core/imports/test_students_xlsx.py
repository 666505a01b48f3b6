"""Student lists in .xlsx: template, validation report, export round trip, file-level errors."""

from __future__ import annotations

import re
import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from core.imports.errors import ImportCancelledError, ImportFileError
from core.imports.reference import (
    ClassRef,
    DepartmentRef,
    ExistingStudents,
    ImportReference,
    MajorRef,
)
from core.imports.student_columns import STUDENT_COLUMNS
from core.imports.students_xlsx import read_students, write_students, write_template
from core.models import Student
from core.rules.values import id_check_char

TODAY = date(2026, 12, 3)
REQUIRED = "必填项为空 (required value missing)"
ZH = ["学号", "姓名", "性别", "身份证号", "出生日期", "班级", "联系电话", "电子邮箱"]


def idn(region_and_birth: str, sequence: str) -> str:
    """A valid ID number: 6-digit region + 8-digit birth date + 3-digit sequence + check."""
    first17 = region_and_birth + sequence
    return first17 + id_check_char(first17)


MAN = idn("11010520060315", "001")  # 17th digit 1: male
WOMAN = idn("32010220070704", "002")  # 17th digit 2: female


@pytest.fixture
def reference() -> ImportReference:
    return ImportReference.of(
        departments=[DepartmentRef("d1", "01", "计算机学院"), DepartmentRef("d2", "02", "外国语学院")],
        majors=[MajorRef("m1", "0101", "软件工程", "d1"), MajorRef("m2", "0201", "英语", "d2", 4)],
        classes=[ClassRef("c1", "2025010101", "软件2501班", "m1", "d1", 2025),
                 ClassRef("c2", "2025020101", "英语2501班", "m2", "d2", 2025),
                 ClassRef("c3", "2024020101", "英语2501班", "m2", "d2", 2024)])  # a name used twice


def xlsx(path: Path, header: list[str], *rows: list[object]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def read(path: Path, reference: ImportReference, **kwargs):  # type: ignore[no-untyped-def]
    return read_students(path, reference=reference, today=TODAY, **kwargs)


def problems(report) -> list[tuple[int, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(p.row, p.column, p.value, p.reason) for p in report.rejected]


def test_template_has_bilingual_headers_example_validation_and_instructions(tmp_path: Path) -> None:
    path = write_template(tmp_path / "template.xlsx")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title == "学生名单"
    assert [c.value for c in sheet[1]] == [c.zh for c in STUDENT_COLUMNS]
    assert [c.value for c in sheet[2]] == [c.en for c in STUDENT_COLUMNS]
    assert sheet["A3"].value == "202501010101" and sheet["A3"].number_format == "@"
    assert sheet["A1"].comment is not None and "必填" in sheet["A1"].comment.text
    assert sheet.column_dimensions["D"].width == 21
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert lists["C3"] == '"男,女"' and "休学" in lists["I3"]
    assert sheet.freeze_panes == "A3"
    help_sheet = book["填写说明"]
    texts = [row[0] for row in help_sheet.iter_rows(values_only=True) if row and row[0]]
    assert "身份证号" in texts and any("示例" in str(t) for t in texts)
    english = load_workbook(write_template(tmp_path / "template_en.xlsx", language="en")).worksheets[0]
    assert english["A1"].value == "Student number" and english["A2"].value == "学号"


def test_filled_template_imports_and_skips_the_second_header_and_the_example(tmp_path: Path,
                                                                              reference: ImportReference) -> None:
    path = write_template(tmp_path / "template.xlsx")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet.append(["202501010102", "李明", "男", MAN, None, "2025010101"])
    sheet.append(["202501010103", "王芳", "女", WOMAN, None, "软件2501班", None, "计算机学院"])
    book.save(path)
    report = read(path, reference)
    assert report.rejected == []
    assert report.accepted_rows == [4, 5]
    assert [w.reason for w in report.warnings] == ["模板中的示例行，已跳过 (the template's example row, skipped)"]
    first = report.accepted[0]
    assert first["class_id"] == "c1" and first["major_id"] == "m1" and first["department_id"] == "d1"
    assert first["birth_date"] == date(2006, 3, 15) and first["cohort"] == 2025 and first["status"] == "enrolled"
    assert first["enrolled_on"] == date(2025, 9, 1) and first["expected_graduation"] == date(2029, 6, 30)
    assert first["ethnicity"] == "汉族" and first["political_status"] == "共青团员"
    assert set(first) <= {c.name for c in Student.__table__.columns}
    assert len({r["id"] for r in report.accepted}) == 2


def test_every_rejected_row_names_its_row_column_value_and_reason(tmp_path: Path, reference: ImportReference) -> None:
    bad_check = MAN[:17] + ("0" if MAN[17] != "0" else "1")
    path = xlsx(tmp_path / "bad.xlsx", ZH,
                ["202501010101", "李明", "男", MAN, "2006-03-15", "2025010101", "13800138000", "li@example.com"],  # 2 ok
                ["202501010102", "赵一", "男", bad_check, None, "2025010101"],  # 3
                ["202501010103", "钱二", "女", WOMAN, "2007-07-05", "2025010101"],  # 4
                ["202501010104", "孙三", "女", idn("32010220070704", "022"), None, "软件2599班"],  # 5
                ["202501010105", "李四", "女", idn("32010220070704", "042"), None, "2025010101"],  # 6
                ["202501010105", "周五", "女", idn("32010220070704", "062"), None, "2025010101"],  # 7
                ["202501010199", "吴六", "女", idn("32010220070704", "082"), None, "2025010101"],  # 8
                ["202501010106", None, "女", idn("32010220070704", "102"), None, "2025010101"],  # 9
                ["202501010107", "郑八", "女", idn("32010220070704", "122"), None, "2025010101", "12345"],  # 10
                ["202501010108", "王九", "女", idn("11010520060315", "011"), None, "2025010101"],  # 11
                [None, None, None, None, None, None],  # 12: blank, skipped
                ["202501010109", "冯十", "男", idn("11010520060315", "031"), None, "2025010101"])  # 13 ok
    existing = ExistingStudents.of(numbers=["202501010199"], id_numbers=[])
    report = read(path, reference, existing=existing)
    assert report.accepted_rows == [2, 13]
    assert report.rejected_rows == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert problems(report) == [
        (3, "身份证号", bad_check, f"身份证号校验位应为{MAN[17]}，实为{bad_check[17]} (check digit should be {MAN[17]})"),
        (4, "出生日期", "2007-07-05", "出生日期与身份证号中的2007-07-04不符 (birth date does not match the ID number)"),
        (5, "班级", "软件2599班", "系统中没有这个班级（按班级代码或名称查找） (unknown class code or name)"),
        (6, "学号", "202501010105", "学号与第7行重复 (same student number as row 7)"),
        (7, "学号", "202501010105", "学号与第6行重复 (same student number as row 6)"),
        (8, "学号", "202501010199", "学号已存在于系统中 (student number already exists)"),
        (9, "姓名", "", REQUIRED),
        (10, "联系电话", "12345", "电话号码格式不正确：手机11位以1开头，座机须带区号 "
                                  "(mobile: 11 digits starting 1; landline with area code)"),
        (11, "性别", "女", "性别与身份证号不符：身份证号第17位表示男 (gender does not match the ID number, which says male)"),
    ]
    assert report.counts() == {"rows": 11, "accepted": 2, "rejected": 9, "problems": 9, "warnings": 0}
    assert [e.row for e in report.field_errors()] == [3, 4, 5, 6, 7, 8, 9, 10, 11]


def test_all_problems_of_one_row_are_listed_in_column_order(tmp_path: Path, reference: ImportReference) -> None:
    header = ["学号", "姓名", "性别", "身份证号", "出生日期", "班级", "专业", "学籍状态", "入学日期", "电子邮箱"]
    path = xlsx(tmp_path / "many.xlsx", header,
                ["2025-0101", "", "未知", WOMAN, "15/03/2006", "2025010101", "英语", "毕业了", "2025.9.1", "not-mail"])
    assert problems(read(path, reference)) == [
        (2, "学号", "2025-0101", "学号应为12位数字：入学年份4位+院系2位+专业2位+班级2位+序号2位 (12 digits: YYYY DD MM CC NN)"),
        (2, "姓名", "", REQUIRED),
        (2, "性别", "未知", "性别应为“男”或“女” (gender must be 男 or 女, Male or Female)"),
        (2, "出生日期", "15/03/2006", "日期格式不正确，应如2006-03-15 (not a date; use 2006-03-15)"),
        (2, "专业", "英语", "与班级2025010101所属专业不符 (not the major of class 2025010101)"),
        (2, "学籍状态", "毕业了", "学籍状态应为：在读、休学、退学、开除、毕业、结业、转出 (status must be one of: "
                                "Enrolled, Suspended, Withdrawn, Expelled, Graduated, Completed without degree, "
                                "Transferred out)"),
        (2, "电子邮箱", "not-mail", "电子邮箱格式不正确，应如name@example.com (not an e-mail address)"),
    ]


def test_duplicate_and_existing_id_numbers_and_class_lookups(tmp_path: Path, reference: ImportReference) -> None:
    other = idn("32010220070704", "202")
    path = xlsx(tmp_path / "ids.xlsx", ZH[:6],
                ["202502010101", "甲", "女", WOMAN, None, "英语2501班"],  # ambiguous class name
                ["202502010102", "乙", "女", WOMAN.lower(), None, "2025020101"],  # same ID as row 2
                ["202402010103", "丙", "女", other, None, "2025020101"],  # ID exists; entry year ≠ cohort
                ["202502010104", "丁", "男", MAN, None, "2025020101"])
    report = read(path, reference, existing=ExistingStudents.of(id_numbers=[other]))
    assert problems(report) == [
        (2, "身份证号", WOMAN, "身份证号与第3行重复 (same ID number as row 3)"),
        (2, "班级", "英语2501班", "班级名称对应多个班级，请填写班级代码 (ambiguous class name; use the class code)"),
        (3, "身份证号", WOMAN, "身份证号与第2行重复 (same ID number as row 2)"),
        (4, "学号", "202402010103", "学号中的入学年份2024与班级年级2025不符 "
                                    "(the entry year in the student number is not the class's cohort)"),
        (4, "身份证号", other, "身份证号已存在于系统中 (ID number already exists)"),
    ]
    assert report.accepted_rows == [5]


def test_english_headers_in_any_order_and_cell_types(tmp_path: Path, reference: ImportReference) -> None:
    path = xlsx(tmp_path / "en.xlsx", ["Class", "ID number", "Name", "Gender", "Student number", "Birth date",
                                       "Enrolment date", "Status", "Phone", "Hobby"],
                ["2025010101", MAN, "Li Ming", "Male", 202501010101, datetime(2006, 3, 15), "2025年9月1日",
                 "Suspended", "+86 138 0013 8000", "chess"],
                ["2025010101", float(WOMAN[:17] + "0"), "Wang Fang", "F", 202501010102, None, "20250901", None, None])
    report = read(path, reference)
    assert report.accepted_rows == [2]
    student = report.accepted[0]
    assert (student["number"], student["gender"], student["status"]) == ("202501010101", "M", "suspended")
    assert student["enrolled_on"] == date(2025, 9, 1) and student["phone"] == "13800138000"
    assert problems(report) == [(3, "ID number", str(float(WOMAN[:17] + "0")),
                                 "数字过长已被Excel改写，请把该列设为文本格式后重新填写 "
                                 "(Excel rounded this long number; format the column as text and enter it again)")]
    assert [(w.row, w.column, w.reason) for w in report.warnings] == [
        (1, "Hobby", "无法识别的列，已忽略 (unknown column, ignored)")]
    assert report.columns["number"] == "Student number"


def test_export_then_import_round_trips(tmp_path: Path, reference: ImportReference) -> None:
    path = xlsx(tmp_path / "in.xlsx", ["学号", "姓名", "性别", "身份证号", "班级", "学籍状态", "民族", "政治面貌", "籍贯",
                                       "联系电话", "电子邮箱", "家庭住址", "备注", "预计毕业日期"],
                ["202501010101", "李明", "男", MAN, "2025010101", "休学", "回族", "群众", "江苏南京", "025-84561234",
                 "li@example.com", "南京市鼓楼区1号", "因病休学", "2030-06-30"],
                ["202502010102", "王芳", "女", WOMAN, "2025020101", None, None, None, None, None, None, None, None,
                 None])
    first = read(path, reference)
    assert first.rejected == []
    for language in ("zh", "en"):
        out = tmp_path / f"export_{language}.xlsx"
        assert write_students(out, first.accepted, language=language, reference=reference) == 2
        again = read(out, reference)
        assert again.rejected == [] and again.warnings == []
        strip = [{k: v for k, v in row.items() if k != "id"} for row in again.accepted]
        assert strip == [{k: v for k, v in row.items() if k != "id"} for row in first.accepted]
    assert load_workbook(tmp_path / "export_en.xlsx").worksheets[0]["C2"].value == "Male"


def test_missing_required_columns_are_one_clear_error(tmp_path: Path, reference: ImportReference) -> None:
    path = xlsx(tmp_path / "missing.xlsx", ["姓名", "性别", "班级"], ["李明", "男", "2025010101"])
    with pytest.raises(ImportFileError) as caught:
        read(path, reference)
    assert caught.value.message == "缺少必填列：学号、身份证号 (missing required columns: Student number, ID number)"
    assert [f["field"] for f in caught.value.details["fields"]] == ["学号", "身份证号"]


def test_a_column_given_twice_is_refused(tmp_path: Path, reference: ImportReference) -> None:
    path = xlsx(tmp_path / "twice.xlsx", ZH[:6] + ["Student number"], ["202501010101"])
    with pytest.raises(ImportFileError, match="重复"):
        read(path, reference)


def test_empty_file_and_header_only_file(tmp_path: Path, reference: ImportReference) -> None:
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    with pytest.raises(ImportFileError, match=r"the first sheet is empty"):
        read(empty, reference)
    with pytest.raises(ImportFileError, match=r"no student rows"):
        read(xlsx(tmp_path / "header.xlsx", ZH), reference)


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("notes.xlsx", b"just some text", "not a valid .xlsx file"),
    ("list.csv", "学号,姓名\n202501010101,李明\n".encode(), "not a valid .xlsx file"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "an old .xls file"),
])
def test_a_file_that_is_not_xlsx_is_a_clear_error(tmp_path: Path, reference: ImportReference, name: str,
                                                  content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=reason):
        read(path, reference)
    with pytest.raises(ImportFileError, match="file not found"):
        read(tmp_path / "absent.xlsx", reference)


def test_cancellation_and_progress(tmp_path: Path, reference: ImportReference) -> None:
    rows = [[f"2025010101{n % 100:02d}", "李明", "男", MAN, None, "2025010101"] for n in range(1, 1201)]
    path = xlsx(tmp_path / "big.xlsx", ZH[:6], *rows)
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        cancel.set()

    with pytest.raises(ImportCancelledError):
        read(path, reference, cancel=cancel, on_progress=progress)
    assert seen == [(500, 1200)]
    seen.clear()
    report = read(path, reference, on_progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1200, 1200) and len(seen) == 3
    assert report.accepted == []  # every number and the ID number appear many times
    already = threading.Event()
    already.set()
    with pytest.raises(ImportCancelledError):
        write_students(tmp_path / "cancelled.xlsx", [], cancel=already)
    assert not (tmp_path / "cancelled.xlsx").exists()


def _excel_like(path: Path, rows: list[list[object]], *, prefixed: bool = False, rich: bool = False) -> Path:
    """A workbook as Excel saves it: shared strings, dates as numbers with a date style.

    ``prefixed``: as some other writers do, a namespace prefix on every element, attributes
    in another order and text as inline rich-text runs (the tree parser's path). ``rich``:
    shared strings as rich-text runs (openpyxl's shared-string reader's path).
    """
    import zipfile
    from xml.sax.saxutils import escape

    strings: list[str] = []
    xml_rows = []
    for r, row in enumerate(rows, start=1):
        number = r * 2 - 1 if r > 1 else 1  # gaps between rows, as when rows were deleted
        cells = []
        for c, value in enumerate(row):
            ref = f"{chr(65 + c)}{number}"
            if isinstance(value, date):
                cells.append(f'<c s="1" r="{ref}"><v>{(value - date(1899, 12, 30)).days}</v></c>')
            elif value is not None and prefixed:
                text = str(value)
                half = len(text) // 2
                cells.append(f'<c t="inlineStr" r="{ref}"><is><r><t>{escape(text[:half])}</t></r>'
                             f'<r><t>{escape(text[half:])}</t></r></is></c>')
            elif value is not None:
                strings.append(str(value))
                cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        xml_rows.append(f'<row r="{number}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": _prefixed(f'<worksheet xmlns="{main}"><sheetData>{"".join(xml_rows)}</sheetData>'
                                              '</worksheet>', main) if prefixed else
        f'<worksheet xmlns="{main}"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">' + "".join(
            f"<si><r><t>{escape(s[:1])}</t></r><r><t>{escape(s[1:])}</t></r></si>" if rich else f"<si><t>{escape(s)}</t></si>"
            for s in strings) + "</sst>",
        "xl/styles.xml": f'<styleSheet xmlns="{main}"><fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text)
    return path


def _prefixed(xml: str, namespace: str) -> str:
    xml = re.sub(r"<(/?)(\w+)", r"<\1x:\2", xml)
    return xml.replace(f'xmlns="{namespace}"', f'xmlns:x="{namespace}"')


@pytest.mark.parametrize("variant", ["plain", "prefixed", "rich"])
def test_a_file_saved_by_excel_with_shared_strings_and_date_cells(tmp_path: Path, reference: ImportReference,
                                                                   variant: str) -> None:
    path = _excel_like(tmp_path / "excel.xlsx", prefixed=variant == "prefixed", rich=variant == "rich", rows=[
        ["学号", "姓名", "性别", "身份证号", "出生日期", "班级"],
        ["202501010101", "李明 & 王", "男", MAN, date(2006, 3, 15), "2025010101"],
        ["202501010102", "王芳", "女", WOMAN, date(2007, 7, 5), "2025010101"]])
    report = read(path, reference)
    assert report.accepted_rows == [3]  # Excel's own row numbers, gaps included
    assert report.accepted[0]["name"] == "李明 & 王" and report.accepted[0]["birth_date"] == date(2006, 3, 15)
    assert problems(report) == [(5, "出生日期", "2007-07-05",
                                 "出生日期与身份证号中的2007-07-04不符 (birth date does not match the ID number)")]
