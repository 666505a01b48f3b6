"""The graduation certificate 毕业证书 and the degree certificate 学位证书 (A4 landscape)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from client.services.documents import DocumentData, chinese_date, degree_text, graduation_text
from client.ui.documents._canvas import GREY, RED, Canvas

A4_LANDSCAPE_W, A4_LANDSCAPE_H = 297.0, 210.0
NAVY = QColor("#1f3864")
GOLD = QColor("#b08d3c")
CENTER = Qt.AlignmentFlag.AlignCenter


def _frame(c: Canvas, colour: QColor) -> None:
    """A double frame with corner marks, inside a 10 mm margin."""
    c.box(10, 10, A4_LANDSCAPE_W - 20, A4_LANDSCAPE_H - 20, width_mm=1.4, color=colour)
    c.box(14, 14, A4_LANDSCAPE_W - 28, A4_LANDSCAPE_H - 28, width_mm=0.35, color=GOLD)
    for x, y, dx, dy in ((17, 17, 1, 1), (A4_LANDSCAPE_W - 17, 17, -1, 1), (17, A4_LANDSCAPE_H - 17, 1, -1),
                         (A4_LANDSCAPE_W - 17, A4_LANDSCAPE_H - 17, -1, -1)):
        c.line(x, y, x + 12 * dx, y, 0.6, colour)
        c.line(x, y, x, y + 12 * dy, 0.6, colour)
        c.box(x + 2.2 * dx - 1.1, y + 2.2 * dy - 1.1, 2.2, 2.2, width_mm=0, fill=GOLD)


def _certificate(c: Canvas, item: DocumentData, *, colour: QColor, title: str, title_en: str, body: str,
                 signer: str, number_label: str) -> None:
    _frame(c, colour)
    c.text(0, 27, A4_LANDSCAPE_W, 18, title, 34, style="serif", bold=True, color=colour, spacing=5, align=CENTER)
    c.text(0, 45, A4_LANDSCAPE_W, 7, title_en, 10.5, style="serif", color=GREY, spacing=1.6, align=CENTER)
    c.line(118.5, 55, 178.5, 55, 0.3, GOLD)
    c.photo(38, 68, 33, 45, item.photo, label_pt=9)
    c.paragraph(86, 66, 175, body, 16.5, line_mm=12.5, style="serif")
    # Signature block, right: the school, the signer's line, the date in Chinese numerals.
    c.text(170, 140, 92, 10, item.school_name, 17, style="serif", bold=True, spacing=1.2, align=CENTER)
    c.painter.setFont(c.font(13, style="serif"))
    label_end = 170 + c.painter.fontMetrics().horizontalAdvance(signer) * 25.4 / c.dpi + 1
    c.text(170, 153, 92, 9, signer, 13, style="serif")
    c.line(label_end, 160.5, 262, 160.5, 0.3)
    c.text(label_end, 151.5, 262 - label_end, 9, item.president, 13, style="serif", align=CENTER)
    c.text(170, 166, 92, 9, chinese_date(item.issue_date), 13, style="serif", align=CENTER)
    # Number block, left.
    c.text(38, 160, 120, 7, f"{number_label}：{item.certificate_number}", 11, style="serif")
    c.text(38, 167, 120, 6, f"{item.school_name}  {item.school_name_en}", 8, color=GREY)


def draw_graduation(c: Canvas, item: DocumentData) -> None:
    _certificate(c, item, colour=RED, title="毕业证书", title_en="DIPLOMA OF GRADUATION",
                 body=graduation_text(item), signer="校　　长：", number_label="证书编号")


def draw_degree(c: Canvas, item: DocumentData) -> None:
    _certificate(c, item, colour=NAVY, title="学士学位证书", title_en="BACHELOR'S DEGREE CERTIFICATE",
                 body=degree_text(item), signer="学位评定委员会主席：", number_label="证书编号")
