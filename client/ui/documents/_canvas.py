"""Drawing in millimetres on any paint device (a PDF page or a preview image).

Layouts place everything in millimetres from the page's top-left corner; :class:`Canvas`
turns them into device pixels at the device's resolution and sizes fonts in points, so the
preview and the PDF are the same picture at different resolutions.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter, QPen

# Families tried in order; the first one installed wins, then any font that writes Simplified Chinese.
SERIF_FAMILIES = ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "SimSun", "Songti SC",
                  "AR PL UMing CN")
SANS_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",
                 "PingFang SC", "WenQuanYi Micro Hei")
INK = QColor("#1a1a1a")
RED = QColor("#a4161a")
GREY = QColor("#6b6b6b")
_families: dict[str, str] = {}
_TOKEN = re.compile(r"[A-Za-z0-9@._-]+|\s+|.")
_CLOSING = frozenset("，。、；：？！）》」』”’,.;:?!)")


def cjk_family(style: str) -> str:
    """The installed family for ``style`` ("serif" or "sans") that writes Chinese."""
    if style not in _families:
        installed = set(QFontDatabase.families())
        wanted = SERIF_FAMILIES if style == "serif" else SANS_FAMILIES
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        _families[style] = next((f for f in wanted if f in installed), chinese[0] if chinese else QFont().family())
    return _families[style]


class Canvas:
    """A painter whose coordinates are millimetres and whose font sizes are points."""

    def __init__(self, painter: QPainter, dpi: float) -> None:
        self.painter, self.dpi = painter, dpi
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    def px(self, mm: float) -> float:
        return mm * self.dpi / 25.4

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.px(x), self.px(y), self.px(w), self.px(h))

    def font(self, size_pt: float, *, style: str = "sans", bold: bool = False, spacing: float = 0) -> QFont:
        font = QFont(cjk_family(style))
        font.setPixelSize(max(1, round(size_pt * self.dpi / 72)))
        font.setBold(bold)
        if spacing:
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, self.px(spacing))
        return font

    def text(self, x: float, y: float, w: float, h: float, text: str, size_pt: float, *,
             style: str = "sans", bold: bool = False, color: QColor = INK, spacing: float = 0,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
             wrap: bool = False) -> None:
        self.painter.setFont(self.font(size_pt, style=style, bold=bold, spacing=spacing))
        self.painter.setPen(color)
        flags = int(align) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
        self.painter.drawText(self.rect(x, y, w, h), flags, text)

    def fitted_text(self, x: float, y: float, w: float, h: float, text: str, size_pt: float, **kwargs: object) -> None:
        """``text`` on one line, shrunk (down to 60 %) when it would not fit ``w``."""
        style = str(kwargs.get("style", "sans"))
        size = size_pt
        while size > size_pt * 0.6:
            self.painter.setFont(self.font(size, style=style, bold=bool(kwargs.get("bold", False))))
            if self.painter.fontMetrics().horizontalAdvance(text) <= self.px(w):
                break
            size -= 0.5
        self.text(x, y, w, h, text, size, **kwargs)  # type: ignore[arg-type]

    def line(self, x1: float, y1: float, x2: float, y2: float, width_mm: float = 0.25, color: QColor = INK,
             style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> None:
        pen = QPen(color, self.px(width_mm))
        pen.setStyle(style)
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(self.px(x1), self.px(y1)), QPointF(self.px(x2), self.px(y2)))

    def box(self, x: float, y: float, w: float, h: float, *, width_mm: float = 0.25, color: QColor = INK,
            fill: QColor | None = None, radius_mm: float = 0) -> None:
        self.painter.setPen(QPen(color, self.px(width_mm)) if width_mm else Qt.PenStyle.NoPen)
        self.painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        if radius_mm:
            self.painter.drawRoundedRect(self.rect(x, y, w, h), self.px(radius_mm), self.px(radius_mm))
        else:
            self.painter.drawRect(self.rect(x, y, w, h))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)

    def photo(self, x: float, y: float, w: float, h: float, data: bytes | None, *, label_pt: float = 8) -> None:
        """The student's photo, or a framed placeholder where it is to be pasted."""
        image = QImage.fromData(data) if data else QImage()
        if not image.isNull():
            self.painter.drawImage(self.rect(x, y, w, h), image)
            return
        self.box(x, y, w, h, width_mm=0.2, color=GREY)
        self.text(x, y, w, h, "照片\nPhoto", label_pt, color=GREY, align=Qt.AlignmentFlag.AlignCenter)

    def paragraph(self, x: float, y: float, w: float, text: str, size_pt: float, *, line_mm: float,
                  style: str = "serif", color: QColor = INK, indent: int = 2) -> float:
        """Chinese body text, justified, first line indented ``indent`` characters; returns its bottom.

        Runs of Latin letters and digits are never split; closing punctuation never starts a
        line (it hangs at the end of the previous one, the CJK convention).
        """
        font = self.font(size_pt, style=style)
        self.painter.setFont(font)
        self.painter.setPen(color)
        metrics = QFontMetricsF(font, self.painter.device())
        tokens = _TOKEN.findall(text)
        em = metrics.horizontalAdvance("中")
        width, lines, current, used = self.px(w), [], [], indent * em
        for token in tokens:
            advance = metrics.horizontalAdvance(token)
            if current and used + advance > width and token not in _CLOSING:
                lines.append(current)
                current, used = [], 0.0
            current.append((token, advance))
            used += advance
        lines.append(current)
        line = self.px(line_mm)
        top = self.px(y) + (line - metrics.height()) / 2 + metrics.ascent()
        for number, tokens_of_line in enumerate(lines):
            start = self.px(x) + (indent * em if number == 0 else 0)
            natural = sum(a for _t, a in tokens_of_line)
            last = number == len(lines) - 1
            gap = 0.0 if last or len(tokens_of_line) < 2 else max(0.0, (self.px(x) + width - start - natural)
                                                                  / (len(tokens_of_line) - 1))
            position = start
            for token, advance in tokens_of_line:
                self.painter.drawText(QPointF(position, top + number * line), token)
                position += advance + gap
        return y + len(lines) * line_mm
