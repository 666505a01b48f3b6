"""Cards and certificates: previews, PDFs (pages, page size, embedded CJK fonts), cancellation."""

from __future__ import annotations

import re
import threading
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from client.services.documents import (
    DocumentData,
    StatusHistoryEntry,
    chinese_date,
    degree_text,
    graduation_text,
)
from client.services.errors import CancelledError
from client.ui.documents import PAGES, render_pdf, render_preview
from client.ui.workers import Worker
from core.rules.certificates import make_number
from core.rules.enums import CertificateKind

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
KINDS = [k.value for k in CertificateKind]
# Points (1/72 inch) of each kind's page, width × height as printed.
PAGE_POINTS = {"student_id_card": (243, 153), "status_card": (595, 842), "graduation": (842, 595),
               "degree": (842, 595)}  # Qt writes whole points
SCREENSHOT_DPI = {"student_id_card": 300, "status_card": 120, "graduation": 120, "degree": 120}


@pytest.fixture
def student() -> DocumentData:
    return DocumentData(
        student_number="202301010112", name="王宁远", gender="M", birth_date=date(2004, 10, 31),
        id_number="360102200410316830", department="计算机科学与技术学院", major="计算机科学与技术",
        class_name="计算机2301班", cohort=2023, enrolled_on=date(2023, 9, 1), expected_graduation=date(2027, 6, 30),
        degree="工学学士", political_status="共青团员", native_place="江西南昌", phone="17863895048",
        email="202301010112@stu.jwu.edu.cn", address="江西省南昌市东湖区和平路181号", status="enrolled",
        certificate_number="XJ999992026000017", issue_date=date(2026, 12, 3), president="陈建国",
        history=(StatusHistoryEntry(date(2024, 3, 1), "suspend", "计算机2301班 在读", "休学", "锦教〔2024〕12号", "因病休学"),
                 StatusHistoryEntry(date(2025, 2, 20), "resume", "休学", "计算机2401班 在读", "锦教〔2025〕8号", "病愈复学")),
        notes="2024年3月因病休学一年，2025年2月复学。")


def pdf_facts(data: bytes) -> dict[str, object]:
    """Pages, media boxes, font names and the characters the ToUnicode maps cover."""
    streams = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            streams.append(zlib.decompress(raw))
        except zlib.error:
            streams.append(raw)
    mapped = {chr(int(h, 16)) for s in streams if b"beginbfrange" in s or b"beginbfchar" in s
              for h in re.findall(rb"<([0-9A-Fa-f]{4})>", s)}
    return {"pages": len(re.findall(rb"/Type\s*/Page(?![s\w])", data)),
            "boxes": {tuple(round(float(v)) for v in box.split()[2:])
                      for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data)},
            "fonts": {f.decode() for f in re.findall(rb"/BaseFont\s*/([^\s/>\]]+)", data)},
            "embedded": len(re.findall(rb"/FontFile[23]?\b", data)), "mapped": mapped}


def test_document_wording_is_the_customary_one(student: DocumentData) -> None:
    assert chinese_date(date(2027, 6, 30)) == "二〇二七年六月三十日"
    assert chinese_date(date(2026, 12, 3)) == "二〇二六年十二月三日"
    assert graduation_text(student).startswith("学生王宁远，性别男，2004年10月31日生，于2023年9月至2027年6月在本校")
    assert "四年制本科学习" in graduation_text(student) and graduation_text(student).endswith("准予毕业。")
    assert degree_text(student).endswith("授予工学学士学位。")


def test_document_data_from_demo_rows() -> None:
    student = {"number": "202301010101", "name": "王宁", "gender": "F", "id_number": "360102200410316830",
               "birth_date": date(2004, 10, 31), "cohort": 2023, "enrolled_on": date(2023, 9, 1),
               "expected_graduation": date(2027, 6, 30), "status": "suspended", "phone": None}
    item = DocumentData.from_rows(student, school_class={"name": "计算机2301班"},
                                  major={"name": "计算机科学与技术", "degree": "工学学士", "duration_years": 4},
                                  department={"name": "计算机科学与技术学院"}, certificate_number="XS1")
    assert (item.class_name, item.gender_label, item.status_label, item.phone) == ("计算机2301班", "女", "休学", "")
    assert item.degree_discipline == "工学" and item.certificate_number == "XS1"


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_previews_on_its_page_and_is_saved_for_the_docs(qapp, student: DocumentData, kind: str) -> None:
    spec = PAGES[CertificateKind(kind)]
    student = replace(student, certificate_number=make_number(CertificateKind(kind), "99999", 2026, 17))
    image = render_preview(kind, student, dpi=SCREENSHOT_DPI[kind])
    assert abs(image.width() / image.height() - spec.width_mm / spec.height_mm) < 0.01
    inked = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
                if image.pixelColor(x, y) != QColor("white"))
    assert inked > 200  # text, rules and frames were drawn
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / f"documents_{kind}.png"
    assert image.save(str(target))
    assert target.stat().st_size > 20_000


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_prints_to_pdf_with_a_cjk_font_embedded(qapp, tmp_path: Path, student: DocumentData,
                                                          kind: str) -> None:
    path = render_pdf(kind, [student], tmp_path / f"{kind}.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    facts = pdf_facts(data)
    assert facts["pages"] == 1
    assert facts["boxes"] == {PAGE_POINTS[kind]}
    assert any("CJK" in f and f.startswith(("NotoSans", "NotoSerif")) for f in facts["fonts"]), facts["fonts"]
    assert facts["embedded"] >= 1
    assert set("王宁远计算机") <= facts["mapped"]  # the text is extractable (ToUnicode maps)


def test_a_whole_class_is_one_pdf_with_one_page_per_student(qapp, tmp_path: Path, student: DocumentData) -> None:
    items = [replace(student, student_number=f"2023010101{n:02d}", name=f"学生{n}") for n in range(1, 41)]
    seen: list[tuple[int, int]] = []
    path = render_pdf("status_card", items, tmp_path / "class.pdf", on_progress=lambda d, t: seen.append((d, t)))
    assert pdf_facts(path.read_bytes())["pages"] == 40
    assert seen[0] == (1, 40) and seen[-1] == (40, 40) and len(seen) == 40
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class.pdf"]


def test_cancelling_leaves_no_half_written_file(qapp, tmp_path: Path, student: DocumentData) -> None:
    cancel = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done == 3:
            cancel.set()

    with pytest.raises(CancelledError):
        render_pdf("graduation", [student] * 10, tmp_path / "new.pdf", cancel=cancel, on_progress=progress)
    assert list(tmp_path.iterdir()) == []
    earlier = tmp_path / "earlier.pdf"
    earlier.write_bytes(b"%PDF- an earlier print")
    with pytest.raises(CancelledError):
        render_pdf("graduation", [student] * 10, earlier, cancel=cancel)
    assert earlier.read_bytes() == b"%PDF- an earlier print" and len(list(tmp_path.iterdir())) == 1


def test_nothing_to_print_is_refused(qapp, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="nothing to print"):
        render_pdf("degree", [], tmp_path / "empty.pdf")
    assert list(tmp_path.iterdir()) == []


def test_printing_runs_on_a_worker_thread(qtbot: QtBot, tmp_path: Path, student: DocumentData) -> None:
    worker = Worker(render_pdf, "student_id_card", [student] * 5, tmp_path / "cards.pdf")
    progress: list[int] = []
    worker.signals.sig_progress.connect(lambda done, _total: progress.append(done))
    with qtbot.waitSignal(worker.signals.sig_finished, timeout=20_000) as finished:
        QThreadPool.globalInstance().start(worker)
    assert finished.args == [tmp_path / "cards.pdf"]
    qtbot.waitUntil(lambda: progress[-1:] == [5], timeout=5_000)
    assert pdf_facts((tmp_path / "cards.pdf").read_bytes())["pages"] == 5
