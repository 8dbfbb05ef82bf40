"""Interrupting ``argmap build`` (Ctrl-C, kill) while it parses and while it writes the graph.

Each test runs the real console entry point in a subprocess on a generated corpus of 150
articles, waits until the build reaches the phase under test, then signals it:

- Ctrl-C is simulated as a terminal does it: SIGINT to the whole process group (spaCy's
  worker processes included when ``--jobs 2``);
- ``kill`` is SIGTERM to the main process only.

A small wrapper script marks the phase: it writes a marker file from inside the first parser
component call (in a worker process when ``--jobs 2``), or, for the writing phase, slows the
write of the graph file down after half of it is in the temporary file. Nothing in argmap
itself knows about these tests.

After the signal: exit status 130 (SIGINT) or 143 (SIGTERM), one line on stderr and no
traceback, the previous graph byte-identical and loadable, no temporary file left anywhere in
the output directory (cache included), and no worker process left behind.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from argmap.graph import read_graph, write_graph

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="POSIX signals and process groups"),
]

SAMPLE = Path(__file__).resolve().parent.parent / "corpus"
N_ARTICLES = 150
MESSAGE = {signal.SIGINT: "argmap: interrupted", signal.SIGTERM: "argmap: terminated"}

WRAPPER = textwrap.dedent('''
    """Run argmap's CLI with a marker for the phase a test wants to interrupt."""
    import contextlib
    import os
    import sys
    import time
    from pathlib import Path

    MARK = Path(os.environ["ARGMAP_TEST_MARK"])
    PHASE = os.environ["ARGMAP_TEST_PHASE"]


    def arrived(what):
        if not MARK.exists():
            tmp = MARK.with_name(MARK.name + f".{os.getpid()}")
            tmp.write_text(f"{what} {os.getpid()}")
            os.replace(tmp, MARK)


    if PHASE == "parse":
        from argmap.nlp import components

        first_component = components.ParagraphsComponent.__call__

        def marked_call(self, doc):
            arrived("parse")
            return first_component(self, doc)

        components.ParagraphsComponent.__call__ = marked_call

    elif PHASE == "write":
        from argmap import atomic

        TARGET = Path(os.environ["ARGMAP_TEST_TARGET"]).resolve()
        real_atomic_open = atomic.atomic_open

        class SlowFile:
            def __init__(self, fh):
                self._fh = fh

            def write(self, data):
                half = len(data) // 2
                self._fh.write(data[:half])
                self._fh.flush()
                arrived("write")
                time.sleep(120)
                return self._fh.write(data[half:])

            def __getattr__(self, name):
                return getattr(self._fh, name)

        @contextlib.contextmanager
        def slow_atomic_open(path, *args, **kwargs):
            with real_atomic_open(path, *args, **kwargs) as fh:
                yield SlowFile(fh) if Path(path).resolve() == TARGET else fh

        atomic.atomic_open = slow_atomic_open

    from argmap.cli import main

    sys.argv = ["argmap", *sys.argv[1:]]
    main()
''')


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    """150 articles made by shuffling the sample articles' paragraphs, each with its own names."""
    root = tmp_path_factory.mktemp("big") / "corpus"
    root.mkdir()
    paragraphs = []
    for f in sorted(SAMPLE.glob("*.md")):
        if f.name == "README.md":
            continue
        body = re.sub(r"\A---\n.*?\n---\n", "", f.read_text(encoding="utf-8"), flags=re.DOTALL)
        paragraphs += [p.strip() for p in body.split("\n\n") if len(p.strip()) > 80]
    given = ["Amira", "Bernard", "Ciara", "Dev", "Elin", "Farid", "Gwen", "Hal", "Iris", "Jonah"]
    family = ["Ashworth", "Brookes", "Chandra", "Dalby", "Egerton", "Fenwick", "Gorse", "Hurst"]
    rng = random.Random(1234)
    for i in range(N_ARTICLES):
        chosen = rng.sample(paragraphs, k=min(8, len(paragraphs)))
        name = f"{given[i % len(given)]} {family[(i // len(given)) % len(family)]}"
        head = f"# Care reform briefing {i}\n\nBy {name}\n\n"
        tail = f"\n\n{name} said the council would publish its own figures in the spring.\n"
        (root / f"article-{i:03d}.md").write_text(head + "\n\n".join(chosen) + tail, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def short_corpus(big_corpus) -> Path:
    """Six of the articles: enough to build quickly up to the writing phase."""
    root = big_corpus.parent / "short"
    root.mkdir()
    for f in sorted(big_corpus.iterdir())[:6]:
        (root / f.name).write_bytes(f.read_bytes())
    return root


@pytest.fixture()
def previous_graph(small_graph, tmp_path) -> Path:
    """A good graph already at the output path, as a previous build would have left it."""
    out = tmp_path / "out" / "argmap.json"
    write_graph(small_graph, out)
    return out


def _interrupt(tmp_path: Path, corpus: Path, out: Path, *, phase: str, sig: signal.Signals,
               jobs: int = 1) -> subprocess.CompletedProcess:
    wrapper = tmp_path / "run_argmap.py"
    wrapper.write_text(WRAPPER, encoding="utf-8")
    mark = tmp_path / "phase.mark"
    env = {**os.environ, "ARGMAP_TEST_MARK": str(mark), "ARGMAP_TEST_PHASE": phase,
           "ARGMAP_TEST_TARGET": str(out), "PYTHONUNBUFFERED": "1"}
    args = [sys.executable, str(wrapper), "build", str(corpus), "-o", str(out), "--no-render",
            "--jobs", str(jobs)]
    proc = subprocess.Popen(args, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not mark.exists():
            if proc.poll() is not None:
                _, err = proc.communicate()
                pytest.fail(f"build ended (status {proc.returncode}) before the {phase} phase:\n{err[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"the build never reached the {phase} phase")
            time.sleep(0.02)
        if sig == signal.SIGINT:
            os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        else:
            proc.send_signal(sig)  # what `kill PID` does
        stdout, stderr = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    group = proc.pid
    _wait_for_group_to_end(group)
    return subprocess.CompletedProcess(args, proc.returncode, stdout, stderr)


def _wait_for_group_to_end(pgid: int, timeout: float = 10.0) -> None:
    """Fail if processes of the build's process group (parser workers) outlive it."""
    if not Path("/proc/self/stat").exists():
        return
    deadline = time.monotonic() + timeout
    while True:
        left = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                left.append(stat.parent.name)
        if not left:
            return
        if time.monotonic() > deadline:
            for pid in left:
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except OSError:
                    pass
            pytest.fail(f"worker processes {left} outlived the interrupted build")
        time.sleep(0.1)


def _check(result: subprocess.CompletedProcess, sig: signal.Signals, out: Path, before: bytes) -> None:
    assert result.returncode == 128 + sig, result.stderr
    err = result.stderr
    assert "Traceback" not in err and "Warning" not in err and "Error" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and lines[-1] == MESSAGE[sig], err
    assert sum("argmap:" in line for line in lines) == 1, err
    assert out.read_bytes() == before  # the previous graph, untouched ...
    assert read_graph(out).graph["format"] == "argmap-graph"  # ... and loadable
    leftovers = [str(p) for p in out.parent.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_interrupt_while_parsing(sig, big_corpus, previous_graph, tmp_path):
    before = previous_graph.read_bytes()
    result = _interrupt(tmp_path, big_corpus, previous_graph, phase="parse", sig=sig)
    _check(result, sig, previous_graph, before)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_interrupt_while_writing_the_graph(sig, short_corpus, previous_graph, tmp_path):
    before = previous_graph.read_bytes()
    result = _interrupt(tmp_path, short_corpus, previous_graph, phase="write", sig=sig)
    _check(result, sig, previous_graph, before)
    assert "wrote" not in result.stdout


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_interrupt_while_worker_processes_parse(sig, big_corpus, previous_graph, tmp_path):
    """--jobs 2: the interrupt reaches spaCy's worker processes (Ctrl-C) or only the main one
    (kill); either way the workers go away quietly and the main process reports once."""
    before = previous_graph.read_bytes()
    result = _interrupt(tmp_path, big_corpus, previous_graph, phase="parse", sig=sig, jobs=2)
    _check(result, sig, previous_graph, before)


def test_first_build_interrupted_leaves_no_graph_and_no_temp_file(short_corpus, tmp_path):
    out = tmp_path / "fresh" / "argmap.json"
    result = _interrupt(tmp_path, short_corpus, out, phase="write", sig=signal.SIGINT)
    assert result.returncode == 130, result.stderr
    assert not out.exists()
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp")] == []
