"""The student ID card 学生证 (ID-1 card size) and the status card 学籍卡片 (A4 portrait)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from client.services.documents import DocumentData, duration_label
from client.ui.documents._canvas import GREY, INK, RED, Canvas

LABEL_FILL = QColor("#f1f1f1")
CENTER = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CARD_W, CARD_H = 85.6, 54.0
A4_W, A4_H = 210.0, 297.0


def _iso(day: object) -> str:
    return day.isoformat() if hasattr(day, "isoformat") else ""


def draw_student_id_card(c: Canvas, item: DocumentData) -> None:
    """学生证: a red band with the school's name, the photo, seven fields, number and issue date."""
    c.box(0, 0, CARD_W, 13, width_mm=0, fill=RED)
    white = QColor("white")
    c.fitted_text(4, 1.6, 52, 6.5, item.school_name, 11, style="serif", bold=True, color=white)
    c.fitted_text(4, 7.6, 52, 4, item.school_name_en.upper(), 4.6, color=white)
    c.text(56, 1.5, 26, 10, "学生证", 12.5, style="serif", bold=True, color=white, spacing=0.8, align=RIGHT)
    c.photo(4, 16, 20, 26.5, item.photo, label_pt=5.5)
    valid = item.expected_graduation.strftime("%Y-%m") if item.expected_graduation else ""
    fields = (("姓　名", item.name), ("性　别", item.gender_label), ("学　号", item.student_number),
              ("学　院", item.department), ("专　业", item.major), ("班　级", item.class_name),
              ("有效期至", valid))
    for row, (label, value) in enumerate(fields):
        y = 15.2 + row * 4.45
        c.text(27, y, 12, 4.45, label, 5.6, color=GREY)
        c.fitted_text(39.5, y, 43, 4.45, value, 6.6, bold=row == 0)
    c.line(4, 47.6, CARD_W - 4, 47.6, 0.15, RED)
    c.text(4, 48.2, 46, 4.5, f"编号 {item.certificate_number}" if item.certificate_number else "编号", 4.6,
           color=GREY)
    c.text(44, 48.2, 37.6, 4.5, f"发证日期 {_iso(item.issue_date)}", 4.6, color=GREY, align=RIGHT)


class _Grid:
    """A ruled table of label/value cells drawn row by row (mm)."""

    def __init__(self, c: Canvas, x: float, y: float, row_h: float) -> None:
        self.c, self.x, self.y, self.row_h = c, x, y, row_h

    def row(self, cells: list[tuple[str, float, bool]], *, height: float | None = None) -> None:
        """``cells``: (text, width, is_label) from left to right."""
        h = height or self.row_h
        x = self.x
        for text, width, is_label in cells:
            self.c.box(x, self.y, width, h, width_mm=0.25, fill=LABEL_FILL if is_label else None)
            if is_label:
                self.c.text(x, self.y, width, h, text, 9.5, align=CENTER)
            else:
                self.c.fitted_text(x + 2, self.y, width - 4, h, text, 10)
            x += width
        self.y += h


def _section(c: Canvas, y: float, title: str) -> float:
    c.box(18, y + 1.2, 1.4, 4.6, width_mm=0, fill=RED)
    c.text(21.5, y, 100, 7, title, 11.5, bold=True)
    return y + 8


def draw_status_card(c: Canvas, item: DocumentData) -> None:
    """学籍卡片: the student's whole record on A4, with the history of status changes."""
    c.text(18, 14, 174, 12, f"{item.school_name}学生学籍卡片", 20, style="serif", bold=True, spacing=0.6,
           align=CENTER)
    c.text(18, 26, 174, 5, "STUDENT STATUS RECORD", 8, color=GREY, spacing=0.8, align=CENTER)
    c.text(18, 32, 90, 6, f"学号：{item.student_number}", 10)
    c.text(102, 32, 90, 6, f"编号：{item.certificate_number}", 10, align=RIGHT)
    y = _section(c, 39, "一、基本信息")
    grid = _Grid(c, 18, y, 9)
    grid.row([("姓名", 22, True), (item.name, 44, False), ("性别", 22, True), (item.gender_label, 50, False)])
    grid.row([("出生日期", 22, True), (_iso(item.birth_date), 44, False), ("民族", 22, True),
              (item.ethnicity, 50, False)])
    grid.row([("政治面貌", 22, True), (item.political_status, 44, False), ("籍贯", 22, True),
              (item.native_place, 50, False)])
    grid.row([("身份证号", 22, True), (item.id_number, 116, False)])
    c.box(156, y, 36, 36, width_mm=0.25)
    c.photo(159, y + 2, 30, 32, item.photo)
    grid.row([("联系电话", 22, True), (item.phone, 44, False), ("电子邮箱", 22, True), (item.email, 86, False)])
    grid.row([("家庭住址", 22, True), (item.address, 152, False)])
    y = _section(c, grid.y + 4, "二、学籍信息")
    grid = _Grid(c, 18, y, 9)
    grid.row([("院系", 22, True), (item.department, 65, False), ("专业", 22, True), (item.major, 65, False)])
    grid.row([("班级", 22, True), (item.class_name, 65, False), ("年级", 22, True), (f"{item.cohort}级", 65, False)])
    grid.row([("学制", 22, True), (f"{duration_label(item.duration_years)}年", 65, False), ("学籍状态", 22, True),
              (item.status_label, 65, False)])
    grid.row([("入学日期", 22, True), (_iso(item.enrolled_on), 65, False), ("预计毕业", 22, True),
              (_iso(item.expected_graduation), 65, False)])
    grid.row([("学位", 22, True), (item.degree, 65, False), ("毕业日期", 22, True),
              (_iso(item.graduated_on), 65, False)])
    y = _section(c, grid.y + 4, "三、学籍异动记录")
    _history(c, y, item)
    c.text(18, 268, 100, 6, "制表：教务处", 10)
    c.text(92, 268, 100, 6, f"打印日期：{item.issue_date.year}年{item.issue_date.month}月{item.issue_date.day}日", 10,
           align=RIGHT)
    c.text(92, 276, 100, 6, "（教务处盖章）", 10, color=GREY, align=RIGHT)
    c.line(18, 285, 192, 285, 0.15, GREY)
    c.text(18, 285.5, 174, 5, f"{item.school_name}教务管理系统  ·  本卡片为学籍档案材料，涂改无效", 7, color=GREY,
           align=CENTER)


HISTORY_COLUMNS = (("生效日期", 24), ("异动类别", 20), ("异动前", 36), ("异动后", 36), ("文号", 30), ("原因", 28))
HISTORY_ROWS = 8  # ruled lines on the card, filled or left for later entries


def _history(c: Canvas, y: float, item: DocumentData) -> None:
    x = 18.0
    for title, width in HISTORY_COLUMNS:
        c.box(x, y, width, 8, width_mm=0.25, fill=LABEL_FILL)
        c.text(x, y, width, 8, title, 9.5, align=CENTER)
        x += width
    entries = list(item.history)
    shown = entries[:HISTORY_ROWS] if len(entries) <= HISTORY_ROWS else entries[:HISTORY_ROWS - 1]
    for row in range(HISTORY_ROWS):
        top = y + 8 + row * 7.5
        values: tuple[str, ...] = ("",) * 6
        if row < len(shown):
            e = shown[row]
            values = (_iso(e.effective_date), e.change_label, e.before, e.after, e.document_number, e.reason)
        elif row == len(shown) and len(entries) > len(shown):
            values = ("", f"另有{len(entries) - len(shown)}条", "见系统学籍异动记录", "", "", "")
        x = 18.0
        for (_title, width), value in zip(HISTORY_COLUMNS, values, strict=True):
            c.box(x, top, width, 7.5, width_mm=0.25)
            c.fitted_text(x + 1.5, top, width - 3, 7.5, value, 9, color=INK)
            x += width
    notes_top = y + 8 + HISTORY_ROWS * 7.5 + 4
    c.box(18, notes_top, 174, 14, width_mm=0.25)
    c.box(18, notes_top, 22, 14, width_mm=0.25, fill=LABEL_FILL)
    c.text(18, notes_top, 22, 14, "备注", 9.5, align=CENTER)
    c.text(42, notes_top + 1, 148, 12, item.notes, 9.5, wrap=True)
