"""Every UI string is in both translations, finished, and compiled into the shipped .qm files."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[3]
I18N = ROOT / "assets" / "i18n"
LANGUAGES = ("zh_CN", "en")
Messages = dict[tuple[str, str], str | None]


def _messages(path: Path) -> tuple[Messages, list[str]]:
    out: Messages = {}
    unfinished: list[str] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = None if translation is None else translation.text
            out[(name, source)] = text
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                unfinished.append(f"[{name}] {source!r}")
    return out, unfinished


def _lupdate() -> Path:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        pytest.skip("pyside6-lupdate is not installed")
    return Path(found)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Messages:
    """The strings in client/ui right now, extracted the way scripts/update_translations.sh does."""
    target = tmp_path_factory.mktemp("i18n") / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "client" / "ui").rglob("*.py"))
    subprocess.run([str(_lupdate()), "-locations", "none", *sources, "-ts", str(target)], check=True,
                   capture_output=True, cwd=ROOT, timeout=120)
    messages, _ = _messages(target)
    assert len(messages) > 100
    return messages


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ui_string_is_translated_and_finished(language: str, extracted: Messages) -> None:
    committed, unfinished = _messages(I18N / f"jiaowu_{language}.ts")
    missing = sorted(f"[{c}] {s!r}" for c, s in extracted if (c, s) not in committed)
    assert not missing, f"missing from jiaowu_{language}.ts — run scripts/update_translations.sh --fill: {missing}"
    assert not unfinished, f"unfinished in jiaowu_{language}.ts: {unfinished}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_source(language: str) -> None:
    committed, _ = _messages(I18N / f"jiaowu_{language}.ts")
    translator = QTranslator()
    assert translator.load(str(I18N / f"jiaowu_{language}.qm"))
    stale = [f"[{c}] {s!r}" for (c, s), text in committed.items() if translator.translate(c, s) != text]
    assert not stale, f"jiaowu_{language}.qm is out of date — run scripts/update_translations.sh: {stale}"


def test_chinese_is_natural_and_not_the_english_source() -> None:
    committed, _ = _messages(I18N / "jiaowu_zh_CN.ts")
    untranslated = [s for (_c, s), text in committed.items() if text == s and any(ch.isalpha() for ch in s)]
    assert not untranslated
    assert committed[("labels", "Status changes")] == "学籍异动"
    assert committed[("labels", "Teaching plans")] == "教学计划"


def test_chinese_is_the_default_language(qtbot, make_context) -> None:
    from client.ui.app import AppController
    from client.ui.settings import AppSettings

    assert AppSettings().language == "zh_CN"
    controller = AppController(make_context())
    window = controller.start()
    qtbot.addWidget(window)
    assert window.login_button.text() == "登录"
    assert window.windowTitle() == "教务管理系统 — 登录"


def _calls_tr(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, (ast.Attribute, ast.Name))
               and (n.func.attr if isinstance(n.func, ast.Attribute) else n.func.id) in ("tr", "translate")
               for n in ast.walk(node))


def test_no_translation_call_hides_inside_an_f_string() -> None:
    """pyside6-lupdate does not look inside f-strings: a tr() there is never extracted, so the
    text shows in English in the Chinese interface (it happened to three labels)."""
    hidden = []
    for path in sorted((ROOT / "client" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and any(
                    isinstance(v, ast.FormattedValue) and _calls_tr(v.value) for v in node.values):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not hidden, f"tr() inside an f-string (move it out, with %1 placeholders): {hidden}"
