"""Budget (issue 5): a class's 40 status cards 学籍卡片 to PDF in ≤ 5 s.

Takes one class of the demo university (``core.demo.generate``) with 40 students or more,
builds each student's ``DocumentData`` from the rows, and times ``render_pdf`` writing the 40
status cards to one PDF (Qt's PDF writer, CJK font subsets embedded), offscreen. Prints the
figures and, on its last line, one JSON object.

    .venv/bin/python bench/students_pdf.py [--cards 40] [--kind status_card] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BUDGET_S = 5.0
TODAY = date(2026, 12, 3)


def class_documents(cards: int, seed: int) -> list[object]:
    from client.services.documents import DocumentData
    from core.demo.generate import generate
    from core.rules.certificates import make_number
    from core.rules.enums import CertificateKind

    demo = generate(seed, today=TODAY)
    by_id = {t: {r["id"]: r for r in demo.rows[t]} for t in ("school_class", "major", "department")}
    students: dict[str, list[dict[str, object]]] = {}
    for s in demo.rows["student"]:
        students.setdefault(str(s["class_id"]), []).append(s)
    members = next(m for m in students.values() if len(m) >= cards)[:cards]
    cls = by_id["school_class"][members[0]["class_id"]]
    major = by_id["major"][cls["major_id"]]
    print(f"class {cls['name']} ({cls['code']}), {len(members)} students", flush=True)
    return [DocumentData.from_rows(s, school_class=cls, major=major, department=by_id["department"][cls["department_id"]],
                                   certificate_number=make_number(CertificateKind.STATUS_CARD, "99999", 2026, n),
                                   issue_date=TODAY, president="陈建国")
            for n, s in enumerate(members, start=1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=40)
    parser.add_argument("--kind", default="status_card")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    items = class_documents(args.cards, args.seed)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts need an application)
    from client.ui.documents import render_pdf

    times, size = [], 0
    with tempfile.TemporaryDirectory(prefix="jiaowu-bench-") as tmp:
        for run in range(args.runs):
            path = Path(tmp) / f"class_{run}.pdf"
            t0 = time.perf_counter()
            render_pdf(args.kind, items, path)  # type: ignore[arg-type]
            times.append(time.perf_counter() - t0)
            size = path.stat().st_size
            print(f"  run {run}: {times[-1]:.2f} s, {size / 1024:.0f} KiB", flush=True)
    result = {"kind": args.kind, "cards": len(items), "seconds": round(statistics.median(times), 2),
              "first_run_s": round(times[0], 2), "bytes": size, "budget_s": BUDGET_S}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
