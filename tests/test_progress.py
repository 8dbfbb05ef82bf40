"""The progress bar: drawn only on a terminal (never in pipes, CI logs or with --quiet)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from argmap import progress
from argmap.cli import cli
from conftest import ROOT, SAMPLE_CORPUS


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_format_bar_shows_counts_rate_and_time_left():
    line = progress.format_bar(10, 40, 8000, 4.0, width=80)
    assert line.startswith("documents 10/40 [")
    assert "25%" in line and "2,000 tok/s" in line and "0:12 left" in line
    assert len(line) <= 80
    # the rate and time left count from the first report (not the model's loading time)
    line = progress.format_bar(30, 40, 20000, 12.0, width=80, since=(2.0, 10, 4000))
    assert "1,600 tok/s" in line and "0:05 left" in line
    first = progress.format_bar(1, 40, 500, 2.0, since=(2.0, 1, 500))  # only the first report so far
    assert "-- tok/s" in first and "--:-- left" in first
    done = progress.format_bar(40, 40, 20000, 12.0)
    assert "100%" in done and "done" in done and "." not in done.split("[")[1].split("]")[0]


def test_format_bar_survives_odd_counts():
    for args in ((0, 0, 0, 0.0), (5, 3, 10, 1.0), (0, 10, 0, 5.0), (3, 10, 0, 0.0)):
        assert progress.format_bar(*args).startswith("documents")


def test_bar_is_wanted_only_on_a_terminal_outside_ci(monkeypatch):
    for var in progress.CI_VARIABLES:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress.wanted(FakeTerminal())
    assert not progress.wanted(io.StringIO())  # a pipe or a file
    assert not progress.wanted(FakeTerminal(), quiet=True)
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted(FakeTerminal())
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.wanted(FakeTerminal())


def test_bar_draws_in_place_and_erases_itself(monkeypatch):
    monkeypatch.setattr(progress, "FIRST_DRAW_SECONDS", 0.0)
    monkeypatch.setattr(progress, "REDRAW_SECONDS", 0.0)
    out = FakeTerminal()
    with progress.ProgressBar(3, enabled=True, stream=out) as bar:
        bar.update(1, 100)
        bar.update(2, 250, total=4)
    text = out.getvalue()
    assert text.count("\r") == 4 and "documents 1/3" in text and "documents 2/4" in text
    assert text.endswith("\r") and text.rstrip("\r").split("\r")[-1].strip() == ""  # erased
    silent = FakeTerminal()
    with progress.ProgressBar(3, enabled=False, stream=silent) as bar:
        bar.update(3, 100)
    assert silent.getvalue() == ""


@pytest.mark.model
def test_extract_in_a_pipe_prints_no_bar(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(min(SAMPLE_CORPUS.glob("*-*.md")), corpus)
    r = CliRunner().invoke(cli, ["extract", str(corpus), "-o", str(tmp_path / "r.jsonl"), "--no-cache"])
    assert r.exit_code == 0 and "\r" not in r.output and "tok/s" not in r.output


@pytest.mark.model
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_build_on_a_terminal_shows_the_bar_then_the_summary(tmp_path):
    import pty

    corpus = tmp_path / "c"
    corpus.mkdir()
    for p in sorted(SAMPLE_CORPUS.glob("*-*.md"))[:3]:
        shutil.copy(p, corpus)
    env = {k: v for k, v in os.environ.items() if k not in progress.CI_VARIABLES}
    env.update(TERM="xterm", COLUMNS="100")
    main, secondary = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "argmap", "build", str(corpus), "-o", str(tmp_path / "g.json"),
                           "--no-render", "--no-cache"], stdout=subprocess.PIPE, stderr=secondary, env=env,
                          cwd=ROOT, timeout=300, check=False)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert any(f"documents {n}/3 [" in terminal for n in (1, 2, 3))
    assert "tok/s" in terminal and terminal.endswith("\r")  # the bar was drawn, then erased
    summary = proc.stdout.decode()
    assert summary.startswith(f"wrote {tmp_path / 'g.json'}") and "tok/s" not in summary
