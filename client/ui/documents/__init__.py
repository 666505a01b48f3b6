"""Printable cards and certificates: 学生证, 学籍卡片, 毕业证书, 学位证书.

``render_pdf`` writes one page per student (Qt's PDF writer, Chinese fonts embedded);
``render_preview`` draws the same page into an image. Input is
:class:`client.services.documents.DocumentData`; nothing here reads a database.
"""

from client.ui.documents.renderer import PAGES, render_pdf, render_preview

__all__ = ["PAGES", "render_pdf", "render_preview"]
