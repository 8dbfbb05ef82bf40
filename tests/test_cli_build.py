"""`argmap build` and `argmap evaluate` end to end through the CLI (needs the model)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus import read_document
from argmap.graph import read_graph
from conftest import ROOT, SAMPLE_CORPUS, have_dot

pytestmark = pytest.mark.model


@pytest.fixture()
def corpus_copy(tmp_path):
    dst = tmp_path / "corpus"
    shutil.copytree(SAMPLE_CORPUS, dst)
    return dst


def test_build_writes_graph_map_and_summary(corpus_copy, tmp_path):
    out = tmp_path / "graphs" / "argmap.json"
    r = CliRunner().invoke(cli, ["build", str(corpus_copy), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert f"wrote {out}" in r.output
    for word in ("documents", "actors", "claims", "proposals", "themes", "skipped"):
        assert f"  {word}" in r.output
    g = read_graph(out)
    meta = g.graph
    articles = [p for p in corpus_copy.iterdir() if p.suffix in (".md", ".txt", ".html") and p.stem != "README"]
    assert meta["format"] == "argmap-graph" and meta["model"] and len(meta["documents"]) == len(articles) == 7
    assert all(d["sha256"] and d["id"] for d in meta["documents"])
    assert out.with_suffix(".dot").exists()
    if have_dot():
        assert out.with_suffix(".svg").read_text().lstrip().startswith("<?xml")
    # every claim's evidence is the text at its offsets in the document as read
    for _, d in g.nodes(data=True):
        if d["kind"] == "claim":
            doc = g.nodes["doc:" + d["document"]]
            text = read_document(corpus_copy / doc["path"].split("/")[-1]).text  # HTML: its article text
            assert text[d["start"]:d["end"]] == d["text"]


def test_build_ids_are_stable(corpus_copy, tmp_path):
    outs = []
    for n in (1, 2):
        out = tmp_path / f"g{n}.json"
        r = CliRunner().invoke(cli, ["build", str(corpus_copy), "-o", str(out), "--no-render", "--no-timestamp",
                                     "--no-cache"])
        assert r.exit_code == 0, r.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_build_without_graphviz_still_writes_dot_and_json(corpus_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    out = tmp_path / "g.json"
    r = CliRunner().invoke(cli, ["build", str(corpus_copy), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.exists() and out.with_suffix(".dot").exists() and not out.with_suffix(".svg").exists()
    assert "Graphviz" in r.output and "Traceback" not in r.output


def test_missing_corpus_is_one_line(tmp_path):
    r = CliRunner().invoke(cli, ["build", str(tmp_path / "nope"), "-o", str(tmp_path / "g.json")])
    assert r.exit_code == 2
    assert r.output.strip().count("\n") == 0 and "does not exist" in r.output


def test_corpus_with_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "empty.txt").write_text("")
    r = CliRunner().invoke(cli, ["build", str(tmp_path / "c"), "-o", str(tmp_path / "g.json")])
    assert r.exit_code == 2 and "no readable documents" in r.output
    assert not (tmp_path / "g.json").exists()


def test_evaluate_command(tmp_path):
    out = tmp_path / "g.json"
    assert CliRunner().invoke(cli, ["build", str(SAMPLE_CORPUS), "-o", str(out), "--no-render"]).exit_code == 0
    gold = ROOT / "tests" / "gold" / "sample.tsv"
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "-g", str(out)])
    assert r.exit_code == 0 and r.output.startswith("stance") and "overall" in r.output and "missed" in r.output
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "-g", str(out), "--json"])
    data = json.loads(r.output)
    assert set(data["scores"]) == {"support", "object", "overall"}


def test_python_dash_m_entry_point():
    r = subprocess.run([sys.executable, "-m", "argmap", "--version"], capture_output=True, text=True, check=True)
    assert r.stdout.startswith("argmap, version")


def test_build_into_a_closed_pipe_writes_everything_and_exits_0(corpus_copy, tmp_path):
    """``argmap build | head -1``: the reader leaves early; the build still writes the graph and map."""
    out = tmp_path / "g.json"
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "build", str(corpus_copy), "-o", str(out),
                             "--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 0, err
    assert all(line.startswith("note: ") for line in err.splitlines()), err  # notes only (a large map's index), no error
    assert out.exists() and out.with_suffix(".dot").exists()
    if have_dot():
        assert out.with_suffix(".svg").exists()


def test_build_reads_pdf_and_word_files_with_offsets_into_their_text(tmp_path):
    """A folder of a PDF, a Word file, a scan, an image and two copies of one article."""
    from argmap.corpus import read_document
    from docmaker import make_docx, make_pdf, wrap_page

    body = (SAMPLE_CORPUS / "family-help-rollout-funding.md").read_text(encoding="utf-8").split("---", 2)[2]
    paragraphs = [" ".join(p.split()).lstrip("# ") for p in body.split("\n\n") if p.strip()]
    folder = tmp_path / "briefings"
    folder.mkdir()
    (folder / "briefing.pdf").write_bytes(make_pdf([wrap_page(paragraphs[:6]), wrap_page(paragraphs[6:12])]))
    (folder / "evidence.docx").write_bytes(make_docx(paragraphs[12:]))
    (folder / "evidence-copy.docx").write_bytes(make_docx(paragraphs[12:]))
    (folder / "scan.pdf").write_bytes(make_pdf([[]], images_only=True))
    (folder / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "g.json"
    r = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "--no-render"])
    assert r.exit_code == 0, r.output
    assert "documents  2 (" in r.output
    assert f"  skipped    1\n    {folder / 'scan.pdf'}: PDF without a text layer" in r.output
    assert f"  ignored    1\n    {folder / 'chart.png'}: not a format argmap reads (.png;" in r.output
    assert (f"  duplicates 1\n    {folder / 'evidence.docx'}: same text as {folder / 'evidence-copy.docx'} "
            "(read once)") in r.output
    g = read_graph(out)
    assert [d["path"] for d in g.graph["duplicates"]] == [str(folder / "evidence.docx")]
    claims = [d for _, d in g.nodes(data=True) if d["kind"] == "claim"]
    by_doc = {}
    for c in claims:
        by_doc.setdefault(c["document"], []).append(c)
    assert set(by_doc) == {"briefing", "evidence-copy"} and len(claims) >= 6
    for doc_id, cs in by_doc.items():
        text = read_document(folder / g.nodes[f"doc:{doc_id}"]["path"].rsplit("/", 1)[-1]).text
        for c in cs:
            assert text[c["start"]:c["end"]] == c["text"]


def test_a_folder_holding_only_a_scan_says_why_nothing_was_read(tmp_path):
    from docmaker import make_pdf

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "scan.pdf").write_bytes(make_pdf([[]], images_only=True))
    r = CliRunner().invoke(cli, ["build", str(tmp_path / "c"), "-o", str(tmp_path / "g.json")])
    assert r.exit_code == 2
    assert "no readable documents" in r.output and "scan.pdf: PDF without a text layer" in r.output
