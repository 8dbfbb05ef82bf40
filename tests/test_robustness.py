"""End to end: ``argmap build`` on a corpus holding every kind of bad input at once, beside good
articles. The build completes, reads what it can (noting the decoding used), skips the rest with
a reason that the summary prints and the graph keeps, and ``--strict`` turns any skip into a
non-zero exit. (tests/test_corpus.py checks reading each bad file on its own.)
"""

from __future__ import annotations

import builtins
import codecs
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import corpus
from argmap.cli import all_commands, cli
from argmap.graph import read_graph

pytestmark = pytest.mark.model

SAMPLE = Path(__file__).resolve().parent.parent / "corpus"

# Written for these tests (not from any article).
PROSE = (
    "The council leader said the family help plan would not work without new money for local "
    "teams. She warned that social workers were already stretched and that children would wait "
    "longer for support. A spokesperson for the department said the reforms were the right way "
    "forward and that every area would receive a share of the grant.\n"
)
FRENCH = (
    "Le conseil départemental estime que le plan d'aide aux familles ne pourra pas fonctionner "
    "sans moyens supplémentaires. Les travailleurs sociaux sont déjà débordés et les enfants "
    "attendront plus longtemps avant d'être accompagnés. Le ministère répond que la réforme "
    "avance dans la bonne direction et que chaque territoire recevra sa part des crédits.\n"
)
HTML = (
    "<!DOCTYPE html><html><head><title>Care plans under strain</title>"
    "<style>body { font-family: serif } .advert { display: block }</style>"
    "<script>var tracker = 'SCRIPT-SECRET'; function track() { return 1; }</script></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/jobs'>NAV-JOBS-LINK</a></nav>"
    "<article><h1>Care plans under strain</h1><p>" + PROSE + "</p><p>" + PROSE + "</p></article>"
    "<footer>FOOTER-COPYRIGHT all rights reserved</footer></body></html>"
)
LONG_SENTENCE = " ".join(("careful", "review", "of", "family", "help", "and", "the", "teams")[i % 8]
                         for i in range(25000))[:100000].rstrip() + ".\n"

#: name -> expected outcome: ("skip", phrase in the reason), ("ignored", phrase in the reason: a
#: documentation file, recorded with the skips but not a problem) or ("read", encoding, phrase in a note)
EXPECTED: dict[str, tuple] = {
    "empty.txt": ("skip", "empty file"),
    "whitespace only.txt": ("skip", "empty file"),
    "picture.txt": ("skip", "binary file (PNG image)"),
    "nul-bytes.md": ("skip", "binary file (NUL bytes)"),
    "huge.txt": ("skip", "over the 20 MB limit (raise it with --max-bytes)"),
    "french.txt": ("skip", "not English"),
    "unreadable.txt": ("skip", "cannot read: Permission denied"),
    "README.md": ("ignored", "corpus documentation"),
    "latin-1.txt": ("read", "cp1252", "decoded as Windows-1252"),
    "windows-1252.txt": ("read", "cp1252", "decoded as Windows-1252"),
    "utf-16.txt": ("read", "utf-16-le", "UTF-16 (little-endian) with a byte-order mark"),
    "utf-8-bom.txt": ("read", "utf-8-sig", "UTF-8 with a byte-order mark"),
    "page.html": ("read", "utf-8", "text extracted from HTML"),
    "long-sentence.txt": ("read", "utf-8", None),
    "unbalanced quotes.txt": ("read", "utf-8", None),
    "Café reports/Zoë’s notes on care.md": ("read", "utf-8", None),
}


def make_messy_corpus(root: Path) -> Path:
    """A corpus directory (with a space and non-ASCII letters in its own name) holding every bad
    input of the issue, the sample articles, and a symlink loop."""
    d = root / "my corpus – ünïcode"
    d.mkdir(parents=True)
    for f in SAMPLE.glob("*.md"):
        if f.name != "README.md":
            shutil.copy(f, d / f.name)
    (d / "README.md").write_text("# About this corpus\n\nNotes for people, not an article.\n")
    (d / "empty.txt").write_bytes(b"")
    (d / "whitespace only.txt").write_text(" \n\t\n   \n\r\n")
    (d / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (d / "nul-bytes.md").write_bytes(PROSE.encode()[:60] + b"\x00\x00\x01\x00" + PROSE.encode())
    with open(d / "huge.txt", "wb") as fh:
        block = PROSE.encode() * 2000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    (d / "french.txt").write_text(FRENCH * 2)
    (d / "unreadable.txt").write_text(PROSE)
    (d / "latin-1.txt").write_bytes(("Caf\u00e9 owners, na\u00efve critics and a \u00a3300m fund. " + PROSE)
                                    .encode("latin-1"))
    (d / "windows-1252.txt").write_bytes(("\u201cNot enough,\u201d said the chair \u2013 again. " + PROSE)
                                         .encode("cp1252"))
    (d / "utf-16.txt").write_bytes(codecs.BOM_UTF16_LE + ("R\u00f4le of the teams. " + PROSE).encode("utf-16-le"))
    (d / "utf-8-bom.txt").write_bytes(codecs.BOM_UTF8 + ("Bom article. " + PROSE).encode())
    (d / "page.html").write_text(HTML)
    (d / "long-sentence.txt").write_text(LONG_SENTENCE)
    (d / "unbalanced quotes.txt").write_text(
        "The chair said \u201cthe teams will not cope.\nA second \"quote never closes, and " + PROSE
        + "\u2019Stray closing marks\u201d everywhere\u201d.\n")
    sub = d / "Café reports"
    sub.mkdir()
    (sub / "Zoë’s notes on care.md").write_text(PROSE)
    (sub / "loop").symlink_to("..", target_is_directory=True)  # Café reports/loop -> Café reports
    (d / "self").symlink_to(".", target_is_directory=True)
    return d


@pytest.fixture()
def deny_unreadable(monkeypatch):
    """Make ``unreadable.txt`` fail to open as it would without read permission.

    (A chmod 000 file is readable by root, which CI may run as; the real chmod is tried in
    test_corpus.py when not root.)
    """
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if str(file).endswith("unreadable.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(corpus, "open", guarded, raising=False)


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    return make_messy_corpus(tmp_path_factory.mktemp("messy"))


def _build(args: list[str]):
    # the messy corpus's texts share their prose on purpose: read them all
    return CliRunner().invoke(cli, ["build", *args, "--keep-near-duplicates"], catch_exceptions=False)


def test_build_of_a_messy_corpus_reads_what_it_can_and_reports_the_rest(messy, tmp_path, deny_unreadable):
    out = tmp_path / "out dir é" / "graph.json"
    result = _build([str(messy), "-o", str(out), "--no-render", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    g = read_graph(out)

    skipped = {Path(s["path"]).relative_to(messy).as_posix(): s["reason"] for s in g.graph["skipped"]}
    docs = {Path(d["path"]).relative_to(messy).as_posix(): d
            for _, d in g.nodes(data=True) if d["kind"] == "document"}
    for name, expected in EXPECTED.items():
        if expected[0] in ("skip", "ignored"):
            assert name in skipped, f"{name} should be skipped: {skipped}"
            assert expected[1] in skipped[name], (name, skipped[name])
            assert name not in docs
            if expected[0] == "skip":
                assert f"{messy / name}: {skipped[name]}" in result.stdout  # the summary says why
            else:
                assert re.search(rf"  ignored .*\n(    .*\n)*    {re.escape(str(messy / name))}: ", result.stdout)
        else:
            assert name in docs, f"{name} should be read; skipped: {skipped.get(name)}"
            encoding, note = expected[1], expected[2]
            assert docs[name]["encoding"] == encoding, name
            if note:
                assert any(note in n for n in docs[name].get("notes", [])), (name, docs[name].get("notes"))
    assert len(skipped) == sum(1 for e in EXPECTED.values() if e[0] != "read")
    assert f"skipped    {sum(1 for e in EXPECTED.values() if e[0] == 'skip')}\n" in result.stdout

    # every sample article made it, each once, despite the two symlink loops
    paths = [d["path"] for d in docs.values()]
    assert len(paths) == len(set(map(os.path.realpath, paths)))
    for f in SAMPLE.glob("*.md"):
        if f.name != "README.md":
            assert f.name in docs
    claims = [d for _, d in g.nodes(data=True) if d["kind"] == "claim"]
    assert len(claims) >= 10

    # the text read is the text meant: decodings are right, HTML furniture is gone
    texts = {d["document"]: d["text"] for d in claims}
    assert all("\ufffd" not in t for t in texts.values())
    assert not any(s in " ".join(texts.values()) for s in ("SCRIPT-SECRET", "NAV-JOBS-LINK", "FOOTER-COPYRIGHT"))
    assert docs["Café reports/Zoë’s notes on care.md"]["label"]
    assert g.nodes["doc:cafe_reports/zoes_notes_on_care"]["kind"] == "document"
    manifest = {m["id"] for m in g.graph["documents"]}
    assert manifest == {n.removeprefix("doc:") for n, d in g.nodes(data=True) if d["kind"] == "document"}


def test_strict_turns_any_skip_into_a_non_zero_exit(messy, tmp_path, deny_unreadable):
    out = tmp_path / "graph.json"
    result = _build([str(messy), "-o", str(out), "--no-render", "--no-cache", "--strict"])
    assert result.exit_code == 1, result.output
    assert read_graph(out).graph["skipped"]  # the graph is still written, with its skips
    assert "skipped    " in result.stdout


def test_strict_passes_when_nothing_is_skipped(tmp_path):
    d = tmp_path / "clean"
    d.mkdir()
    shutil.copy(SAMPLE / "family-help-rollout-funding.md", d)
    (d / "README.md").write_text("# About\n\nNot an article.\n")  # ignored, not a problem
    result = _build([str(d), "-o", str(tmp_path / "g.json"), "--no-render", "--no-cache", "--strict"])
    assert result.exit_code == 0, result.output
    assert "skipped    0" in result.stdout


def test_a_corpus_with_nothing_readable_is_one_line_and_status_2(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "a.txt").write_bytes(b"")
    (d / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    out = tmp_path / "g.json"
    out.write_text("previous graph\n")
    result = CliRunner().invoke(cli, ["build", str(d), "-o", str(out), "--no-render", "--no-cache"])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: no readable documents") and "empty file" in line
    assert out.read_text() == "previous graph\n"  # nothing overwritten


def test_missing_corpus_path_is_one_line_and_status_2(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "g.json")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: corpus path {tmp_path / 'nowhere'} does not exist"


def test_unwritable_output_is_one_line_and_status_2(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    shutil.copy(SAMPLE / "family-help-rollout-funding.md", d)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    out = blocker / "graph.json"  # its "directory" is a file
    result = CliRunner().invoke(cli, ["build", str(d), "-o", str(out), "--no-render", "--no-cache"])
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ") and str(blocker) in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "c"]  # no stray temp file


# --- limits: need argmap.limits wired into the build (see argmap/limits.py) ---------------------

def _limits_wired() -> bool:
    return any("--max-sentence-chars" in p.opts for p in all_commands()["build"].params
               if hasattr(p, "opts"))


needs_limits = pytest.mark.skipif(not _limits_wired(),
                                  reason="argmap build has no --max-chars/--max-sentence-chars yet "
                                         "(argmap.limits is not wired into build.py)")


@needs_limits
def test_overlong_sentence_is_broken_for_the_parser_and_the_summary_says_so(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "long-sentence.txt").write_text(LONG_SENTENCE)
    out = tmp_path / "g.json"
    result = _build([str(d), "-o", str(out), "--no-render", "--no-cache", "--max-sentence-chars", "3000"])
    assert result.exit_code == 0, result.output
    [doc] = [d for _, d in read_graph(out).nodes(data=True) if d["kind"] == "document"]
    [note] = doc["notes"]
    assert "longer than 3,000 characters (longest 100,000)" in note and "--max-sentence-chars" in note
    assert note in result.stdout


@needs_limits
def test_document_over_max_chars_is_skipped_not_fatal(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    shutil.copy(SAMPLE / "family-help-rollout-funding.md", d)
    (d / "report.txt").write_text(PROSE * 4500)  # about 1.2 million characters, under --max-bytes
    out = tmp_path / "g.json"
    result = _build([str(d), "-o", str(out), "--no-render", "--no-cache"])
    assert result.exit_code == 0, result.output
    [skip] = read_graph(out).graph["skipped"]
    assert skip["path"].endswith("report.txt")
    assert "over the 1,000,000-character limit (raise it with --max-chars)" in skip["reason"]


@needs_limits
def test_raising_max_chars_raises_the_parser_limit_too(tmp_path):
    """A text over spaCy's own 1,000,000-character limit is parsed when --max-chars allows it.
    (Mostly spaces, so that it parses in a moment.)"""
    d = tmp_path / "c"
    d.mkdir()
    (d / "padded.txt").write_text(PROSE + " " * 1_100_000 + "\n" + PROSE)
    out = tmp_path / "g.json"
    result = _build([str(d), "-o", str(out), "--no-render", "--no-cache", "--max-chars", "1200000"])
    assert result.exit_code == 0, result.output
    g = read_graph(out)
    assert g.graph["skipped"] == [] and "doc:padded" in g
    result = _build([str(d), "-o", str(out), "--no-render", "--no-cache", "--max-chars", "5000"])
    assert result.exit_code == 2  # the only document skipped: nothing readable
    assert "over the 5,000-character limit" in result.stderr


@needs_limits
def test_summary_lists_the_decoding_notes(messy, tmp_path, deny_unreadable):
    result = _build([str(messy), "-o", str(tmp_path / "g.json"), "--no-render", "--no-cache"])
    for name, expected in EXPECTED.items():
        if expected[0] == "read" and expected[2]:
            assert f"{messy / name}: " in result.stdout and expected[2] in result.stdout, name


def test_graph_metadata_is_json_serialisable_and_plain(messy, tmp_path, deny_unreadable):
    """Skip records are plain {path, reason} strings (JSON, CSV and report friendly)."""
    out = tmp_path / "g.json"
    _build([str(messy), "-o", str(out), "--no-render"])
    data = json.loads(out.read_text(encoding="utf-8"))
    for s in data["graph"]["skipped"]:
        assert set(s) == {"path", "reason"} and all(isinstance(v, str) for v in s.values())
        assert "\n" not in s["reason"]
