"""tests/real/score.py, the one command that scores the real-page sets: its refusals (no model needed)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / "tests" / "real" / "score.py"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_an_unknown_set_is_refused_in_one_line(tmp_path):
    r = _run(str(tmp_path), "fresh99")
    assert r.returncode == 2 and "unknown set fresh99; known: real, water, fresh," in r.stderr
    assert "Traceback" not in r.stderr


def test_a_root_that_is_no_folder_is_refused(tmp_path):
    r = _run(str(tmp_path / "nowhere"))
    assert r.returncode == 2 and "is not a folder" in r.stderr and "Traceback" not in r.stderr


def test_a_root_holding_no_set_says_so(tmp_path):
    (tmp_path / "other").mkdir()
    r = _run(str(tmp_path), "real", "water")
    assert r.returncode == 1 and "no set's folder in" in r.stderr and "expected folders named real, water" in r.stderr
