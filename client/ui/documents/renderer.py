"""Cards and certificates to PDF (Qt's own PDF writer, fonts embedded) and to preview images.

Both draw through :class:`Canvas` in millimetres, so the preview is the PDF page. Neither
uses a widget: QPdfWriter, QPainter and QImage may be used on a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from client.services.documents import DocumentData
from client.services.errors import CancelledError
from client.ui.documents._canvas import Canvas
from client.ui.documents._cards import (
    A4_H,
    A4_W,
    CARD_H,
    CARD_W,
    draw_status_card,
    draw_student_id_card,
)
from client.ui.documents._certificates import (
    A4_LANDSCAPE_H,
    A4_LANDSCAPE_W,
    draw_degree,
    draw_graduation,
)
from core.rules.enums import CertificateKind

PDF_DPI = 300
PREVIEW_DPI = 150
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PageSpec:
    """A document kind's page: size as drawn (mm, width × height), and its layout."""

    width_mm: float
    height_mm: float
    draw: Callable[[Canvas, DocumentData], None]
    page_size: QPageSize.PageSizeId | None  # a standard paper size, or None for a custom one

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm

    def layout(self) -> QPageLayout:
        short, long = sorted((self.width_mm, self.height_mm))
        size = QPageSize(self.page_size) if self.page_size is not None else \
            QPageSize(QSizeF(short, long), QPageSize.Unit.Millimeter, "ID-1", QPageSize.SizeMatchPolicy.ExactMatch)
        orientation = QPageLayout.Orientation.Landscape if self.landscape else QPageLayout.Orientation.Portrait
        return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


PAGES: dict[CertificateKind, PageSpec] = {
    CertificateKind.STUDENT_ID_CARD: PageSpec(CARD_W, CARD_H, draw_student_id_card, None),
    CertificateKind.STATUS_CARD: PageSpec(A4_W, A4_H, draw_status_card, QPageSize.PageSizeId.A4),
    CertificateKind.GRADUATION: PageSpec(A4_LANDSCAPE_W, A4_LANDSCAPE_H, draw_graduation, QPageSize.PageSizeId.A4),
    CertificateKind.DEGREE: PageSpec(A4_LANDSCAPE_W, A4_LANDSCAPE_H, draw_degree, QPageSize.PageSizeId.A4),
}


def render_pdf(kind: CertificateKind | str, items: Sequence[DocumentData], path: Path | str, *,
               cancel: threading.Event | None = None, on_progress: Progress | None = None) -> Path:
    """Write one PDF page per item (a whole class in one file); returns ``path``.

    The PDF is written next to ``path`` under a temporary name and renamed when complete, so a
    cancelled or failed run leaves no half-written file at ``path``.

    Raises:
        CancelledError: ``cancel`` was set; nothing is left at ``path``.
        ValueError: ``items`` is empty.
        OSError: the file cannot be written.
    """
    spec = PAGES[CertificateKind(kind)]
    if not items:
        raise ValueError("nothing to print")
    target = Path(path)
    partial = target.with_name(f".{target.name}.part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(spec.layout())
    writer.setCreator("Jiaowu 教务")
    writer.setTitle(f"{CertificateKind(kind).zh} ({CertificateKind(kind).en}) × {len(items)}")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    canvas, complete = Canvas(painter, PDF_DPI), False
    try:
        for done, item in enumerate(items):
            if cancel is not None and cancel.is_set():
                raise CancelledError()
            if done:
                writer.newPage()
            spec.draw(canvas, item)
            if on_progress is not None:
                on_progress(done + 1, len(items))
        complete = True
    finally:
        painter.end()
        del writer  # flushes and closes the file before it is renamed or removed
        if complete:
            partial.replace(target)
        else:
            partial.unlink(missing_ok=True)
    return target


def render_preview(kind: CertificateKind | str, item: DocumentData, *, dpi: float = PREVIEW_DPI) -> QImage:
    """The page as an image (white paper) at ``dpi``, for an on-screen preview."""
    spec = PAGES[CertificateKind(kind)]
    image = QImage(round(spec.width_mm * dpi / 25.4), round(spec.height_mm * dpi / 25.4),
                   QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        spec.draw(Canvas(painter, dpi), item)
    finally:
        painter.end()
    return image
