"""``jiaowu timetable`` smoke tests through the real dispatcher."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main

DATA = Path(__file__).resolve().parents[3] / "assets" / "data" / "itc2007"


def test_help_lists_the_commands() -> None:
    out = subprocess.run([sys.executable, "-m", "cli", "timetable", "--help"],
                         capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[3]).stdout
    assert "itc" in out and "demo" in out


def test_itc_command_writes_a_solution_and_prints_the_breakdown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "toy.sol"
    code = main(["timetable", "itc", str(DATA / "toy.ctt"), "--iterations", "20000",
                 "--seed", "3", "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "Violations of Conflicts (hard) : 0" in printed
    assert "Summary: Total Cost =" in printed
    assert len(out.read_text().splitlines()) == 16  # the toy has 16 lectures


def test_itc_command_reports_a_malformed_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ctt"
    bad.write_text((DATA / "toy.ctt").read_text().replace("A 32", "A big"))
    assert main(["timetable", "itc", str(bad), "--iterations", "10"]) == 1
    assert f"{bad}:16" in capsys.readouterr().err
